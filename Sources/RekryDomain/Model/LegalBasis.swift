/// The GDPR Art. 6 (and Art. 9 for psychological data) basis on which an item is held.
public enum LegalBasis: String, CaseIterable, Sendable, Codable {
    case consent
    /// Art. 9(2)(a): explicit consent, required for psychologist reports and other health data.
    case explicitConsent = "explicit-consent"
    /// Art. 6(1)(b): a contract or steps before one (an applicant in a process).
    case contract
    case legitimateInterest = "legitimate-interest"
    case legalObligation = "legal-obligation"

    /// Whether the basis rests on a consent record that can lapse.
    public var needsConsent: Bool { self == .consent || self == .explicitConsent }
}

/// Where a datum came from. Anything not provided by the person triggers the Art. 14 notice duty.
public enum DataSource: String, CaseIterable, Sendable, Codable {
    case applied
    case network
    case linkedin
    case jobBoard = "job-board"
    case referral
    case publicSource = "public-source"

    /// Art. 13 applies when the person gave the data; Art. 14 otherwise.
    public var providedByPerson: Bool { self == .applied || self == .network }

    public var label: String {
        switch self {
        case .applied: "applied"
        case .network: "joined network"
        case .linkedin: "sourced from LinkedIn"
        case .jobBoard: "job board"
        case .referral: "referral"
        case .publicSource: "public source"
        }
    }
}

/// What a consent is for. A person can hold several, each with its own history.
public enum ConsentPurpose: String, CaseIterable, Sendable, Codable {
    case talentPool = "talent-pool"
    case clientSharing = "client-sharing"
    case photo
    case newsletter
    case psychAssessment = "psych-assessment"
}

/// The kinds of personal data the gate tells apart.
public enum DataCategory: String, CaseIterable, Sendable, Codable {
    case identity
    case contact
    case profile
    case documents
    case processes
    case references
    case assessments
    /// That a psychologist report exists, its author and dates: never its text.
    case psychReportMeta = "psych-report-meta"
    /// The psychologist report's text.
    case psychReport = "psych-report"
    case consent
    case activity
}
