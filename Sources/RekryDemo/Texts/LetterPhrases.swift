extension DemoTexts {
    /// Cover letter phrases, first person.
    static let letterPhrases: [(Bank, [String])] = [
        (.letterSubject, [
            "Application: {process}", "Re: {process}", "Application for the position of {processl}",
            "{process}{forclient}: application from {full}", "Regarding the {processl} position{atclient}",
            "Cover letter – {process}",
        ]),
        (.letterGreet, [
            "Dear recruiter,", "Dear hiring manager,", "Hello,", "Dear Sir or Madam,", "Hi,", "Dear recruitment team,",
        ]),
        (.letterGreetClient, [
            "Dear {client} recruitment team,", "Dear hiring manager at {client},", "To the recruitment team at {client},",
            "Hello {client} team,",
        ]),
        (.letterOpen, [
            "I am writing to apply for the position of {processl}{atclient}.",
            "When I saw your advertisement for {aprocess}{atclient}, I knew immediately that I wanted to apply.",
            "I would like to put myself forward for the {processl} role{atclient}.",
            "Thank you for reaching out about the {processl} position{atclient}; I am very interested and would like to explain why.",
            "A former colleague recommended that I apply for the {processl} position{atclient}, and after reading the description I agree that it is a very good match.",
            "I am pleased to submit my application for the {processl} position{atclient}.",
            "With this letter I apply for the role of {processl}{atclient}.",
        ]),
        (.letterOpen2, [
            "The role combines several things I care about, and I believe my background fits it well.",
            "I found the advertisement on [LinkedIn|your website|a job board|the recommendation of a former colleague], and it caught my attention straight away.",
            "After a conversation with your recruiter last week, I am even more convinced that this is the right next step for me.",
            "I have followed your work for some time and was delighted to see the opening.",
        ]),
        (.letterCurrent, [
            "Today I work as {atitle} at {employer} in {town}, where I {@doing}.",
            "For the past {years} I have worked with {@area}, and I am currently {atitle} at {employer}.",
            "In my current role as {titlel} at {employer}, I {@doing}.",
            "I have {years} of experience, most recently as {atitle} at {employer}, where I {@doing}.",
            "At {employer}, where I work as {atitle}, I {@doing}.",
        ]),
        (.letterTransition, [
            "My title today is {titlel}, but much of my work already overlaps with what you describe for the {processl} role.",
            "Although my background is in {@area}, I have increasingly taken on responsibilities close to those of {aprocess}, and I am ready to make that my main focus.",
            "I realise that my path to this role is not the most traditional one, but I believe my experience of {@area} gives me a valuable perspective.",
            "Moving into this role is a deliberate choice, and one I have prepared for through both courses and practical assignments.",
        ]),
        (.letterExperience, [
            "In my work I have been responsible for much of what the advertisement describes; for example, I {@duty:l}",
            "Among other things, I {@duty:l}",
            "In previous roles I {@duty:l}",
            "Before that I worked as {@midTitle:la}, where I {@duty:l}",
            "Earlier in my career I {@duty:l}",
        ]),
        (.letterAchievement, [
            "Last year, for example, I {@achieve:l}", "A concrete example: I {@achieve:l}",
            "One result I am particularly proud of is that I {@achieve:l}", "In my current position I {@achieve:l}",
        ]),
        (.letterSkills, [
            "My experience with {skill1} and {skill2} means that I can contribute from day one.",
            "I have worked extensively with {skills}.",
            "Beyond the purely professional side, I bring {@trait} and {@trait}.",
            "I know {skill1} well, and I have good practical experience of {skill2} and {skill3}.",
            "I believe my combination of {skill1}, {skill2} and {@trait} matches what you are looking for.",
        ]),
        (.letterValue, [
            "I am used to working closely with people at every level, from colleagues on the ground to senior management.",
            "I am comfortable taking responsibility and making decisions when the situation requires it.",
            "I work in a structured way, but I am flexible when priorities change.",
            "I like to share knowledge and have often been the person new colleagues turn to.",
            "I am used to working independently as well as in teams.",
        ]),
        (.letterWhyClient, [
            "What attracts me to {client} is {@attract}.",
            "{client} has a strong reputation, and I would be proud to contribute to its continued development.",
            "I have followed {client} for some time and am impressed by {@attract}.",
            "Working for {client} would give me {@motive}, which is exactly what I am looking for.",
        ]),
        (.letterWhyRole, [
            "What attracts me to this role is {@attract}.",
            "The role would give me {@motive}, which is exactly what I am looking for right now.",
            "I am looking for {@nextStep}, and this position offers precisely that.",
            "This role feels like a natural next step, and {@attract} appeals to me a great deal.",
        ]),
        (.letterPersonal, [
            "As a person I am {@traitAdj} and {@traitAdj}, and I enjoy working with people who want to do a good job.",
            "Those who know me would describe me as {@traitAdj}, {@traitAdj} and someone who follows through.",
            "In my free time I enjoy {@hobby}, which gives me energy and perspective.",
            "I am {@traitAdj} by nature and thrive where people help each other.",
        ]),
        (.letterPractical, [
            "My notice period is [one month|two months|three months], and I am happy to discuss an earlier start.",
            "I live in {town} and am happy to work on site, remotely or in a hybrid setup.",
            "I am open to relocating for the right opportunity.",
            "I can start [immediately|after one month|after the summer|at the beginning of next quarter].",
            "I am available for an interview at short notice, in person or by video.",
        ]),
        (.letterExtra, [
            "I would be glad to share more examples of my work in an interview.",
            "My CV, attached, gives a fuller picture of my experience.",
            "I am confident that my background and attitude would be a good addition to the team.",
            "I value open feedback, and I am used to both giving and receiving it.",
            "I have always been driven by learning new things and doing them well.",
        ]),
        (.letterClose, [
            "I would welcome the opportunity to discuss how I can contribute{atclient}.",
            "Thank you for considering my application; I look forward to hearing from you.",
            "I would be glad to tell you more in an interview.",
            "I hope to hear from you and look forward to a conversation about the role.",
            "Thank you for your time, and I look forward to your reply.",
        ]),
        (.letterSignoff, [
            "Kind regards,\n{full}", "Best regards,\n{full}", "With kind regards,\n{full}", "Warm regards,\n{full}",
            "Best wishes,\n{name}", "Yours sincerely,\n{full}",
        ]),
    ]
}
