/// What a retention rule keeps for a time and then takes: a whole person, or one of the gate's data
/// categories or item kinds while the person stays.
///
/// The names are those a firm writes in its policy file; each says what it covers in the gate's terms, so a
/// rule can never name data the gate does not know (a free string once allowed `contact-detail`, which
/// matched nothing and erased nothing).
public enum RetentionCategory: String, CaseIterable, Sendable, Codable {
    /// Email, phone, postal address and links (the gate's `contact`).
    case contactDetails = "contact-details"
    /// The whole person, counted from their last process.
    case candidateProfile = "candidate-profile"
    /// The whole person when nothing was done with them for the period.
    case unused
    /// The whole person who applied to a role, counted from the role being filled.
    case applicant
    /// The whole person assessed for a client, counted from the assignment being done.
    case assessmentCandidate = "assessment-candidate"
    /// The whole person held for the talent pool, counted from their consent's expiry.
    case talentPool = "talent-pool"
    /// Referees' statements about the person (the gate's `references`).
    case referenceReport = "reference-report"
    /// The psychologist report's text, keys and grants (the gate's `psych-report`).
    case psychReport = "psych-report"
    /// Test results and other assessments (the gate's `assessments`).
    case testResults = "test-results"

    /// What a rule of this category takes.
    public enum Scope: Sendable, Equatable {
        /// The whole person goes (an erasure).
        case wholePerson
        /// One of the gate's data categories goes; the person stays.
        case data(DataCategory)
    }

    public var scope: Scope {
        switch self {
        case .candidateProfile, .unused, .applicant, .assessmentCandidate, .talentPool: .wholePerson
        case .contactDetails: .data(.contact)
        case .referenceReport: .data(.references)
        case .psychReport: .data(.psychReport)
        case .testResults: .data(.assessments)
        }
    }

    /// A line for `rekry policy show`: what the category covers.
    public var covers: String {
        switch self {
        case .contactDetails: "email, phone, postal address and links"
        case .candidateProfile: "the whole person, after their last process"
        case .unused: "the whole person, when nothing was done with them"
        case .applicant: "the whole person who applied, after the role is filled"
        case .assessmentCandidate: "the whole person assessed, after the assignment is done"
        case .talentPool: "the whole person in the talent pool, when their consent expires"
        case .referenceReport: "referees' statements about the person"
        case .psychReport: "the psychologist report, its keys and grants"
        case .testResults: "test results and other assessments"
        }
    }
}
