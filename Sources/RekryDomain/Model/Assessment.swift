import Foundation

/// A test result, an interview note, the recruiter's assessment or a competence fit.
public struct Assessment: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case test, interviewNote = "interview-note", recruiterAssessment = "recruiter-assessment"
        case competenceFit = "competence-fit"

        public var label: String {
            switch self {
            case .test: "Test result"
            case .interviewNote: "Interview note"
            case .recruiterAssessment: "Recruiter's assessment"
            case .competenceFit: "Competence fit"
            }
        }
    }
    public var id: Int64
    public var kind: Kind
    /// The test provider, or the staff member who wrote the note.
    public var provider: String?
    public var title: String
    public var score: String?
    public var text: String
    public var recordedAt: Date
    public var basis: LegalBasis

    public init(id: Int64, kind: Kind, provider: String?, title: String, score: String?, text: String,
                recordedAt: Date, basis: LegalBasis) {
        self.id = id
        self.kind = kind
        self.provider = provider
        self.title = title
        self.score = score
        self.text = text
        self.recordedAt = recordedAt
        self.basis = basis
    }
}

/// What anyone allowed to know of a psychologist report may know: never its text.
public struct PsychReportMeta: Sendable, Equatable, Codable {
    public var id: Int64
    public var author: String
    public var writtenAt: Date
    public var attachedAt: Date
    public var processTitle: String
    public var processClosedAt: Date?
    public var hired: Bool
    /// Usernames holding a current grant (shown so that others know whom to ask).
    public var grantees: [String]
    /// Leads who hold a key and so can grant access.
    public var grantors: [String]

    public init(id: Int64, author: String, writtenAt: Date, attachedAt: Date, processTitle: String,
                processClosedAt: Date?, hired: Bool, grantees: [String], grantors: [String]) {
        self.id = id
        self.author = author
        self.writtenAt = writtenAt
        self.attachedAt = attachedAt
        self.processTitle = processTitle
        self.processClosedAt = processClosedAt
        self.hired = hired
        self.grantees = grantees
        self.grantors = grantors
    }
}

/// A disclosure of a profile to a client: a recorded fact for Art. 15 and 19.
public struct Disclosure: Sendable, Equatable, Codable {
    public var recipient: String
    public var disclosedAt: Date
    public var what: String

    public init(recipient: String, disclosedAt: Date, what: String) {
        self.recipient = recipient
        self.disclosedAt = disclosedAt
        self.what = what
    }
}
