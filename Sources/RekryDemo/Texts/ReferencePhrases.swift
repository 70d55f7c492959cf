extension DemoTexts {
    /// Reference statements: the referee's own words (first person), or notes from a reference call.
    static let referencePhrases: [(Bank, [String])] = [
        (.refTitle, ["Reference for {name}", "To whom it may concern,", "Reference statement – {name}", "Regarding {name}"]),
        (.refOpenManager, [
            "I was {name}'s manager for [two|three|four|five|six] years and am happy to give a reference.",
            "As {name}'s {rel}, I worked closely with [them|{name}] on a daily basis.",
            "I had the pleasure of managing {name} during [two|three|four] very eventful years.",
            "{name} reported directly to me for [two|three|four] years.",
        ]),
        (.refOpenColleague, [
            "{name} and I worked side by side in the same team for [two|three|four|five] years.",
            "I have worked with {name} as a colleague on several projects.",
            "As {name}'s {rel}, I have seen [their|{name}'s] work up close.",
        ]),
        (.refOpenClient, [
            "{name} was our main contact [during a large project|for almost three years|throughout a demanding delivery], and I was the client.",
            "As a client, I worked with {name} on [a major delivery|several assignments|a long-term engagement].",
            "I am writing as {name}'s {rel}; we worked together on [a demanding project|an assignment that lasted over a year|several projects].",
        ]),
        (.refOpenReport, [
            "{name} was my manager for [two|three|four] years.",
            "I reported to {name} and am glad to describe what it was like to work for [them|{name}].",
            "As {name}'s {rel}, I got to know [their|{name}'s] leadership well.",
        ]),
        (.refOpenOther, [
            "I have known {name} for [several|about five|many] years, as {rel:a}.",
            "I am writing this reference as {name}'s {rel}.",
            "I know {name} well and am happy to share my experience of working together.",
        ]),
        (.refBody, [
            "[{name} is|They are] one of the most {@traitAdj} people I have worked with.",
            "What stood out most was {@trait}.",
            "[{name}|They] consistently delivered on time and to a high standard.",
            "When things got difficult, [{name}|they] stayed calm and found a way forward.",
            "[{name} is|They are] well liked and easy to work with, and people naturally seek [them|{name}] out for advice.",
            "I always knew that whatever {name} took on would get done.",
            "{name} combines {@trait} with {@trait}, which is rarer than it sounds.",
            "I was particularly impressed by {name}'s ability to [explain complex issues simply|build trust with stakeholders|bring structure to chaos|keep the team motivated under pressure].",
            "[They|{name}] took responsibility beyond the role and often improved the way we worked.",
        ]),
        (.refBodyManager, [
            "As a manager I could always rely on {name} to deliver, and to raise problems early.",
            "{name} developed a great deal during our time together and took on more responsibility every year.",
            "I often gave {name} the most demanding assignments, because I knew they would be handled well.",
        ]),
        (.refBodyColleague, [
            "Working alongside {name} made the whole team better.",
            "[{name} was|They were] always willing to help colleagues, even under pressure.",
            "In our team, {name} was the one people turned to when something needed to be untangled.",
        ]),
        (.refBodyClient, [
            "From the client side, we experienced {name} as {@traitAdj}, {@traitAdj} and honest.",
            "{name} understood our needs quickly and was not afraid to challenge us when needed.",
            "Thanks to [{name}|their work], the delivery was completed on time and within budget.",
        ]),
        (.refBodyReport, [
            "As a manager, {name} gave clear direction and real room to grow.",
            "{name} was fair, accessible and genuinely interested in each person in the team.",
            "I developed more under {name}'s leadership than in any other role.",
        ]),
        (.refDevelop, [
            "If I were to mention an area for development, it would be {@devArea}.",
            "Like everyone, {name} has things to work on; I would say {@devArea}.",
            "One area where {name} has grown but can go further is {@devArea}.",
        ]),
        (.refClose, [
            "I recommend {name} without reservation.", "I would gladly work with {name} again.",
            "Please feel free to contact me if you have any further questions.",
            "I am convinced that {name} will be an asset to any organisation.", "I warmly recommend {name} for the role.",
        ]),
        (.refSign, ["{referee}", "Kind regards,\n{referee}", "{referee}\n{rel:u}", "Best regards,\n{referee} ({rel})"]),
        (.refCallHeader, [
            "Reference check: {name}\nReferee: {referee} ({rel})", "Reference call with {referee}, {name}'s {rel}",
            "REFERENCE – {name}\n{referee}, {rel}", "Notes from a reference call with {referee} ({rel} of {name})",
        ]),
        (.refCallOpen, [
            "{referee} confirmed the role and period of employment and spoke warmly of {name}.",
            "{referee} has known {name} for [two|three|four|five|several] years, as {rel:a}.",
            "Spoke with {referee} by phone for about [twenty|thirty|forty] minutes.",
            "{referee} was happy to give a reference and answered all questions openly.",
        ]),
        (.refCall, [
            "Describes {name} as {@traitAdj}, {@traitAdj} and reliable.",
            "According to {referee1}, {name} delivered consistently and to a high standard.",
            "Strongest qualities: {@trait} and {@trait}.",
            "{referee1} highlighted {name}'s ability to [build trust|handle pressure|bring structure|develop others].",
            "Works well in teams and is well liked by colleagues.", "Takes responsibility and follows through on commitments.",
            "Handled a difficult period well, according to {referee1}.",
            "No concerns regarding cooperation, reliability or integrity.",
            "{referee1} sees {name} as a person who raises the standard of the team.",
        ]),
        (.refCallDevelop, [
            "Asked about development areas, {referee1} mentioned {@devArea}.",
            "Development area according to {referee1}: {@devArea}.",
            "{referee1} could not name any significant weakness, but mentioned {@devArea}.",
        ]),
        (.refRehire, [
            "Would rehire: yes, without hesitation.", "Would rehire: yes.",
            "Would {referee1} work with {name} again? Yes, gladly.", "Would rehire: yes, in the right role.",
            "Overall: a strong reference.",
        ]),
    ]
}
