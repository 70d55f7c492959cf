extension DemoTexts {
    /// Interview notes and recruiter assessments: third person, terse.
    static let notePhrases: [(Bank, [String])] = [
        (.noteHeader, [
            "Interview notes – {process}\nCandidate: {full}\nInterviewer: {interviewer}\nFormat: {@noteFormat}",
            "{process}: {@noteRound} interview with {full}\n{interviewer}, {@noteFormat}",
            "Notes from the {@noteRound} interview for {processl}. Interviewer: {interviewer}. Format: {@noteFormat}.",
            "INTERVIEW – {process}\n{full} / {interviewer}",
            "Process: {process}\nCandidate: {full}\nInterview: {@noteRound}, {@noteFormat}\nNotes by: {interviewer}",
        ]),
        (.noteFormat, [
            "video call (Teams)", "video call", "in person at our office", "phone screening, 30 minutes",
            "on site with the client's hiring manager", "in person, about an hour", "video call via Google Meet",
        ]),
        (.noteRound, ["first", "second", "final", "competence-based", "initial"]),
        (.noteBackground, [
            "{name} currently works as {atitle} at {employer} and has {years} of experience in total.",
            "{years} of experience in {@area}; currently {titlel} at {employer} in {town}.",
            "Based in {town}. Current role: {title} at {employer}.",
            "Currently {atitle} at {employer}; {years} of experience, mainly in {@area}.",
        ]),
        (.noteBackgroundMore, [
            "Career mainly in {@area}, with a clear progression towards more responsibility.",
            "Walked us through the career so far, from the first job after studies to the current role.",
            "Describes the current role as {@roleDesc}.",
            "Earlier experience includes roles as {@midTitle:la} and {@entryTitle:la}.",
            "Has worked in both larger organisations and smaller teams.",
            "Has led smaller projects but has no formal staff responsibility.",
            "Has been at {employer} for the last few years and knows the organisation well.",
        ]),
        (.noteMotivation, [
            "Motivated by {@attract}.",
            "{name} is looking for {@nextStep} and sees the {processl} role as a natural next step.",
            "Main reason for change: [limited development opportunities in the current role|a reorganisation at {employer}|a wish to work closer to home|a wish for more responsibility|a long commute].",
            "Has not been actively looking; was approached through our network and became interested after the first call.",
            "Came across as genuinely interested in the role and had clearly prepared.",
            "Wants {@motive}, which this role can offer.",
        ]),
        (.noteCompetence, [
            "Described how [they|{name}] {@achieve:l}",
            "Solid knowledge of {skill1}; somewhat less hands-on with {skill2} recently.",
            "Good examples of {skill1} and {skill2} from the current role.",
            "Explained a recent assignment in detail: {name} {@duty:l}",
            "Answers on {skill} were concrete and well structured.",
            "Strong on the fundamentals; would need some time to learn the client's specific setup.",
        ]),
        (.noteStrength, [
            "Comes across as {@traitAdj} and {@traitAdj}.", "Good examples of {@trait}.",
            "Answers were concrete, well structured and backed by results.",
            "Clear communicator who listens before answering.", "Showed {@trait} when we pushed on difficult questions.",
            "Made a [very good|good|solid|positive] first impression.",
        ]),
        (.noteConcern, [
            "Limited experience of leading people formally.", "May find the pace slower than at {employer}.",
            "Salary expectations at the upper end of the range.",
            "Some answers stayed general; worth probing with references.",
            "Has changed jobs fairly often in recent years; motivation for staying should be discussed.",
            "No major concerns at this stage.",
            "Unclear how well {name} would handle the political side of the role.",
        ]),
        (.notePractical, [
            "Notice period: [one|two|three] months.", "Salary expectation: around {salary} {cur} per month.",
            "Prefers hybrid work, [two|three] days on site.",
            "Lives in {town}; [happy to commute|open to relocating|would need mostly remote work].",
            "Holds a driving licence and can travel when needed.",
            "Can start [in one month|after the summer|at the start of next quarter|immediately].",
        ]),
        (.noteNext, [
            "Next step: [second interview with the hiring manager|case presentation|reference checks|psychometric tests|meeting with the client].",
            "Recommend moving {name} forward in the {processl} process.",
            "Will present the candidate to {client} on {weekday}.",
            "Hold for now; decide after the remaining interviews this week.",
            "{interviewer} to follow up with {name} by {weekday}.",
            "Agreed to send the case material by {weekday}.",
        ]),
        (.noteExtra, [
            "Asked good questions about the team and the first months in the role.",
            "Was well prepared and had read up on the organisation.",
            "Relaxed and friendly manner throughout the interview.",
            "Wanted to know more about development opportunities and training.",
            "We discussed what the role expects in the first six months.",
            "Followed up with a short thank-you email the same day.",
        ]),
        (.assessHeader, [
            "Recruiter assessment – {process}", "Assessment: {full}, {process}", "Summary assessment ({process})",
            "{process} – assessment of {full}", "ASSESSMENT\nProcess: {process}\nCandidate: {full}",
        ]),
        (.assessStrong, [
            "{name} is a very strong match for the {processl} role, with {years} of relevant experience and clear results.",
            "An excellent candidate: {@traitAdj}, {@traitAdj} and with a track record that closely matches the requirements.",
            "{name} meets all key requirements and exceeds several of them.",
        ]),
        (.assessGood, [
            "{name} is a good match for the role and meets most of the key requirements.",
            "Solid candidate with {years} of experience; {@traitAdj} and well motivated.",
            "Overall a positive impression: relevant experience from {employer} and good motivation for the role.",
        ]),
        (.assessMixed, [
            "{name} has relevant experience, but the match against the key requirements is partial.",
            "A mixed picture: strong in some areas, but with gaps that the client should weigh.",
            "Interesting profile, though less experienced in parts of the role than other candidates.",
        ]),
        (.assessWeak, [
            "{name} does not meet several of the key requirements for the {processl} role at this point.",
            "The match is weak: the experience from {employer} is relevant only in part.",
            "Pleasant and motivated, but clearly less experienced than the role requires.",
        ]),
        (.assessStrength, [
            "Strong in {skill1} and {skill2}.", "Shows {@trait} and {@trait}.",
            "The examples given suggest that references will be good.", "Clear results from {employer}.",
            "Communicates clearly and adapts well to the audience.",
            "Motivation for the role appears genuine and well thought through.",
            "Experience of {@area} matches what the client needs.",
        ]),
        (.assessRisk, [
            "Limited experience of formal leadership.", "Salary expectations may be above the client's range.",
            "A notice period of [three|two] months may delay the start.", "Less experience than the other finalists.",
            "May need support in the first months to learn the client's systems.", "Relatively short tenures in recent roles.",
            "No significant risks identified.",
        ]),
        (.assessFit, [
            "Likely to fit well into a team that values {@trait}.", "Cultural fit appears good based on the interviews so far.",
            "Would complement the existing team's strengths.", "Test results support the impression from the interviews.",
            "References remain to be taken before a final recommendation.",
        ]),
        (.recommendStrong, [
            "present to the client as a priority candidate.", "proceed to the final interview.",
            "proceed to reference checks and offer discussions.",
        ]),
        (.recommendGood, [
            "present to the client.", "proceed to the second interview.", "proceed to tests and a case interview.",
        ]),
        (.recommendMixed, [
            "keep in the process as a reserve candidate.", "hold until the remaining interviews are done.",
            "discuss with the client before deciding.",
        ]),
        (.recommendWeak, [
            "do not proceed at this stage.", "decline with feedback; keep in the talent pool for future roles.",
            "do not proceed; better suited to a more junior role.",
        ]),
    ]
}
