import Foundation

/// A recruitment process: an assignment for a client, or an internal role.
public struct RecruitmentProcess: Sendable, Equatable, Codable {
    public var id: Int64
    public var title: String
    /// The client company; nil for an internal role.
    public var client: String?
    public var openedAt: Date
    public var closedAt: Date?

    public init(id: Int64, title: String, client: String?, openedAt: Date, closedAt: Date?) {
        self.id = id
        self.title = title
        self.client = client
        self.openedAt = openedAt
        self.closedAt = closedAt
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
    public var id: Int64
    public var process: RecruitmentProcess
    public var stage: Stage
    public var startedAt: Date
    public var stageChangedAt: Date
    public var basis: LegalBasis

    public init(id: Int64, process: RecruitmentProcess, stage: Stage, startedAt: Date, stageChangedAt: Date,
                basis: LegalBasis) {
        self.id = id
        self.process = process
        self.stage = stage
        self.startedAt = startedAt
        self.stageChangedAt = stageChangedAt
        self.basis = basis
    }
}
