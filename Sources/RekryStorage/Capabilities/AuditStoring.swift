import Foundation

/// The audit log's entries. The chain's rules (hashing, verifying) live above the backends.
public protocol AuditStoring {
    func lastAuditEntry() throws -> AuditEntry?
    func auditEntry(seq: Int64) throws -> AuditEntry?
    func appendAudit(_ entry: AuditEntry) throws
    /// Whether any entry is signed (a register that has been signed never goes back to unsigned).
    func hasSignedAuditEntry() throws -> Bool
    /// Per staff pseudonym among `subjects`, the sequence number of the latest staff.* entry about them.
    func latestStaffEntries(subjects: [String]) throws -> [String: Int64]
    /// The newest `limit` entries (for one subject pseudonym, or all), returned oldest first, with usernames.
    func auditEntries(subject: String?, limit: Int) throws -> [AuditEntry]
    /// Every entry from the first, in order, without holding them all in memory.
    func forEachAuditEntry(_ body: (AuditEntry) throws -> Void) throws
}

/// Where the audit chain's latest head is kept outside the log itself.
public protocol AuditHeadStoring: Sendable {
    /// The recorded head, nil when none was ever written; throws when it exists but cannot be read.
    func readHead() throws -> AuditHead?
    func writeHead(_ head: AuditHead) throws
}

/// The highest chain heads one staff member's Rekry has seen, per register, kept where that person alone
/// writes (their state directory): a log cut below what they saw is caught when they next open it, even
/// if whoever cut it also put back an older head file.
public protocol SeenHeadStoring: Sendable {
    func seenHead(register: String) throws -> AuditHead?
    func recordSeen(_ head: AuditHead, register: String) throws
}

/// The latest chain head: the number of entries and the last entry's hash.
public struct AuditHead: Sendable, Equatable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }
}
