/// A staff member's role, which decides what the gate lets them see and do.
public enum Role: String, CaseIterable, Sendable, Codable {
    case recruiter, lead, dpo, admin

    /// A one-line description for help texts and `staff add --help`.
    public var summary: String {
        switch self {
        case .recruiter: "works candidates and processes"
        case .lead: "a recruiter who also closes processes and grants psychologist-report access"
        case .dpo: "data protection officer: answers requests, reads the audit log, runs retention"
        case .admin: "manages staff accounts and their keys"
        }
    }
}

/// A member of staff as the register knows them: never a data subject of the register itself.
public struct StaffMember: Sendable, Equatable, Hashable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    /// The opaque id written to the audit log instead of the username.
    public var pseudonym: String

    public init(id: Int64, username: String, displayName: String, role: Role, pseudonym: String) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.pseudonym = pseudonym
    }
}
