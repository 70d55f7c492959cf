import Foundation

/// What a process is for: filling a role, or assessing people for a client.
public enum ProcessKind: String, CaseIterable, Sendable, Codable {
    /// Filling a role (a client's or the firm's own): closing it is the role being filled.
    case recruitment
    /// An assessment assignment for a client: closing it is the assignment being done.
    case assessment
}

/// A recruitment process: an assignment for a client, or an internal role.
public struct RecruitmentProcess: Sendable, Equatable, Codable {
    public var id: Int64
    public var title: String
    /// The client company; nil for an internal role.
    public var client: String?
    public var openedAt: Date
    public var closedAt: Date?
    public var kind: ProcessKind

    public init(id: Int64, title: String, client: String?, openedAt: Date, closedAt: Date?, kind: ProcessKind = .recruitment) {
        self.id = id
        self.title = title
        self.client = client
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.kind = kind
    }

    public var isOpen: Bool { closedAt == nil }
}

/// Where a candidate stands in a process. The last three are outcomes that end participation.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case sourced, screening, interview, assessment, final, offer, hired, rejected, withdrew

    public var rank: Int { Stage.allCases.firstIndex(of: self)! }
    public var isOutcome: Bool { self == .hired || self == .rejected || self == .withdrew }
    public static func < (a: Stage, b: Stage) -> Bool { a.rank < b.rank }
}

/// A candidate's participation in one process.
public struct Participation: Sendable, Equatable, Codable {
    /// A withheld participation as a server backend lists it (PostgreSQL: its row is hidden from the login):
    /// its id and basis only, in no process (id 0). Shown as withheld; nothing is derived from it.
    public var isPlaceholder: Bool { process.id == 0 }

    public var id: Int64
    public var process: RecruitmentProcess
    public var stage: Stage
    public var startedAt: Date
    public var stageChangedAt: Date
    public var basis: LegalBasis
    /// For a hire: when the employment started and ended, as recorded.
    public var employmentStartAt: Date?
    public var employmentEndAt: Date?

    public init(id: Int64, process: RecruitmentProcess, stage: Stage, startedAt: Date, stageChangedAt: Date,
                basis: LegalBasis, employmentStartAt: Date? = nil, employmentEndAt: Date? = nil) {
        self.id = id
        self.process = process
        self.stage = stage
        self.startedAt = startedAt
        self.stageChangedAt = stageChangedAt
        self.basis = basis
        self.employmentStartAt = employmentStartAt
        self.employmentEndAt = employmentEndAt
    }
}
