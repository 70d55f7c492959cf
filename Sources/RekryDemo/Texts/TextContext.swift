extension DemoTexts {
    /// The facts a text is about, as the grammar's `{slot}`s read them.
    struct Context: Sendable {
        var field: Field = .general
        var processField: Field = .general
        var country: Country = .se
        var given = ""
        var full = ""
        var title = ""
        var employer = ""
        var town = ""
        var years = 0
        var skills: [String] = []
        /// The person's own number and address, when the register holds them: a CV shows those, not others.
        var phone: String?
        var email: String?
        /// `{skill1}`…`{skill3}` start here in `skills`, so that each text leads with different skills.
        var skillOffset = 0
        var process = ""
        var client: String?
        var interviewer = ""
        var referee = ""
        var rel = ""

        init() {}

        init(_ p: DemoPerson) {
            field = Field.of(p.title)
            processField = field
            country = Country(code: p.country)
            given = p.givenName
            full = p.fullName
            title = p.title
            employer = p.employer
            town = p.town
            years = p.yearsOfExperience
            skills = p.skills
            phone = p.phone
            email = p.email
        }

        mutating func setProcess(_ title: String) {
            process = title
            processField = Field.of(title)
        }
    }

    /// The facts templates can name: `{name}`, `{titlel}`, … (the case name is the slot name).
    enum Slot: Int32, CaseIterable, Sendable {
        /// Given name; full name.
        case name, full
        /// Current title: as is ("UX designer"), first letter lower-cased where it is a word ("backend developer"),
        /// and with an article ("a backend developer", "an HR business partner").
        case title, titlel, atitle
        case employer, town
        /// The country's English name ("Sweden"; for someone from abroad, the country they live in).
        case country
        /// "12 years", "1 year"; "the past 12 years", "the past year".
        case years, pastyears
        /// A random skill; the first, second and third skill of this text; all skills as "A, B and C".
        case skill, skill1, skill2, skill3, skills
        /// The process title: as is, lower-cased first letter, with an article.
        case process, processl, aprocess
        /// The client, or "the client"; " at Client" / " for Client", or nothing without one.
        case client, atclient, forclient
        /// The interviewer; the referee, and the referee's first name alone.
        case interviewer, referee, referee1
        /// The referee's relationship to the candidate, as given ("former manager").
        case rel
        /// Currency code; a monthly salary in it ("52,000").
        case cur, salary
        /// A colleague's first name; a weekday.
        case colleague, weekday
    }
}
