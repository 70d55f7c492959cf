extension DemoTexts {
    /// The phrases that depend on a person's professional field. Every entry is a grammar template (see
    /// `Grammar`). Bullets (`duty`, `achieve`) start with a past-tense verb and end with a full stop, so that
    /// they also read as prose after "I " or "how Åsa " with the `:l` modifier.
    struct FieldPhrases: Sendable {
        /// "backend systems and APIs": what the person works with, after "experience in".
        var area: [String]
        /// CV bullets: responsibilities.
        var duty: [String]
        /// CV bullets: results, usually with a number.
        var achieve: [String]
        /// First-person present tense after "I": "design and run the services behind …".
        var doing: [String]
        /// Earlier titles, by career stage.
        var entryTitle: [String]
        var midTitle: [String]
        var seniorTitle: [String]
        var degree: [String]
        var thesis: [String]
        var cert: [String]
        /// Tools and methods of the trade, used in bullets and the skills section.
        var tool: [String]
        /// "Selected projects" lines.
        var project: [String]
        /// Interview notes: what the candidate talked about, as full sentences.
        var topic: [String]
        /// Interview notes and assessments: a gap, as a full sentence.
        var gap: [String]
        /// What draws the person to a new role, after "looking for".
        var motive: [String]
        /// A first-person profile sentence.
        var profileLine: [String]
        /// Vocational training instead of a degree.
        var vocational: [String]

        static func of(_ f: Field) -> FieldPhrases {
            switch f {
            case .general: general
            case .tech: tech
            case .data: data
            case .finance: finance
            case .people: people
            case .sales: sales
            case .management: management
            case .project: project
            case .logistics: logistics
            case .engineering: engineering
            case .health: health
            case .education: education
            case .design: design
            }
        }
    }

    /// The field phrase banks, by name; templates refer to them as `{@duty}` and get the person's field.
    enum FieldBank: Int, CaseIterable, Sendable {
        case area, duty, achieve, doing, entryTitle, midTitle, seniorTitle, degree, thesis, cert, tool, project,
             topic, gap, motive, profileLine, vocational

        func phrases(_ p: FieldPhrases) -> [String] {
            switch self {
            case .area: p.area
            case .duty: p.duty
            case .achieve: p.achieve
            case .doing: p.doing
            case .entryTitle: p.entryTitle
            case .midTitle: p.midTitle
            case .seniorTitle: p.seniorTitle
            case .degree: p.degree
            case .thesis: p.thesis
            case .cert: p.cert
            case .tool: p.tool
            case .project: p.project
            case .topic: p.topic
            case .gap: p.gap
            case .motive: p.motive
            case .profileLine: p.profileLine
            case .vocational: p.vocational
            }
        }
    }
}
