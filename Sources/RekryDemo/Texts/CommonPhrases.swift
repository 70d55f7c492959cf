extension DemoTexts {
    /// Phrases shared by several kinds of text: qualities, motives, hobbies. Lower-case noun phrases, to be
    /// used mid-sentence (`{@trait}`) or capitalised with `:u`.
    static let commonPhrases: [(Bank, [String])] = [
        (.trait, [
            "a structured way of working", "attention to detail", "a calm manner under pressure", "clear communication",
            "a strong sense of ownership", "genuine curiosity", "a pragmatic approach to problem solving", "reliability",
            "a collaborative style", "good judgement", "the ability to explain complex things simply", "a strong work ethic",
            "persistence", "a positive attitude", "analytical thinking", "an eye for improvement", "diplomacy", "integrity",
            "initiative", "a good sense of humour", "patience", "a strong customer focus", "the courage to speak up",
            "a talent for building trust",
        ]),
        (.traitAdj, [
            "structured", "thorough", "solution-oriented", "calm", "curious", "reliable", "outgoing", "analytical",
            "pragmatic", "driven", "collaborative", "responsive", "methodical", "creative", "conscientious", "energetic",
            "diplomatic", "independent", "warm", "humble", "decisive", "loyal", "level-headed", "generous",
        ]),
        (.nextStep, [
            "a role with broader responsibility", "a position that combines hands-on work with leadership",
            "a new challenge in a growing organisation", "an employer with a clear sustainability agenda",
            "a role closer to the business", "a team with room for professional development",
            "an opportunity to take on more strategic work", "a position with international exposure",
            "{@motive}", "a role with more influence over priorities",
        ]),
        (.attract, [
            "the combination of professional depth and real business impact", "the chance to build something long-term",
            "the organisation's clear ambitions", "the mix of independent work and teamwork",
            "the opportunity to work with skilled colleagues", "the focus on quality", "the size of the challenge",
            "the organisation's values", "the chance to grow into a broader role", "{@motive}",
        ]),
        (.devArea, [
            "delegating more", "saying no to extra tasks", "documenting decisions more consistently",
            "patience with slow decision processes", "presenting to larger audiences", "letting go of details",
            "asking for help earlier", "taking more space in large meetings", "setting boundaries around working hours",
            "giving critical feedback more directly",
        ]),
        (.hobby, [
            "cross-country skiing", "sailing in the archipelago", "trail running", "cooking for friends", "choir singing",
            "woodworking", "photography", "mountain hiking", "orienteering", "board games", "crime fiction", "ice hockey",
            "bouldering", "gardening", "fly fishing", "cycling", "playing the guitar", "baking sourdough bread", "kayaking",
            "yoga", "football", "chess", "renovating an old summer house", "birdwatching", "padel",
            "exploring the countryside around {town}",
        ]),
        (.atBest, [
            "a problem is complex and the stakes are real", "I can work closely with both colleagues and customers",
            "there is a clear goal and room to decide how to get there", "I can help others grow",
            "something needs to be structured from scratch", "several things need to happen at once",
        ]),
        (.pride, [
            "delivering what I promise", "leaving things in better shape than I found them",
            "building trust with the people I work with", "doing the basics really well",
        ]),
        (.roleDesc, [
            "broad but increasingly predictable", "interesting but with limited room to grow", "demanding and rewarding",
            "stable, perhaps too stable", "fast-paced and rather unstructured",
        ]),
    ]
}
