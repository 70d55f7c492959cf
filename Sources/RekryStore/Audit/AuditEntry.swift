import Foundation
import RekryDomain

/// What the audit log records. A fixed vocabulary: no free text ever reaches the log.
public enum AuditAction: String, Sendable, CaseIterable {
    case candidateOpen = "candidate.open"
    case reportAttach = "report.attach"
    case reportRead = "report.read"
    case reportReadDenied = "report.read-denied"
    case reportGrant = "report.grant"
    case reportRevoke = "report.revoke"
    case staffAdd = "staff.add"
    case registerCreate = "register.create"
    case consentWithdraw = "consent.withdraw"
}

/// One entry of the hash-chained audit log. Holds no personal data: the actor and subject are opaque
/// pseudonyms that mean nothing once the person's row is gone.
public struct AuditEntry: Sendable, Equatable {
    public var seq: Int64
    public var atMillis: Int64
    public var actor: String
    public var action: String
    public var subject: String?
    public var purpose: String
    public var detail: String
    public var prevHash: String
    public var hash: String
    /// The staff username behind `actor`, looked up for display; never stored in the log.
    public var actorUsername: String?

    public var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

    /// The hash of the first entry's predecessor.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical text hashed for an entry: every field, in a fixed order, with the previous hash.
    static func canonical(seq: Int64, atMillis: Int64, actor: String, action: String, subject: String?,
                          purpose: String, detail: String, prevHash: String) -> String {
        [String(seq), String(atMillis), actor, action, subject ?? "-", purpose, detail, prevHash]
            .map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "|")
    }
}
