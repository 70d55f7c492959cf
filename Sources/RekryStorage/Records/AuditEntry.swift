import Foundation
import RekryDomain

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
    /// The acting staff member's Ed25519 signature of `hash` (nil on entries from before release 0.5).
    public var signature: Data?
    /// The staff username behind `actor`, looked up for display; never stored in the log.
    public var actorUsername: String?

    public var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

    /// The hash of the first entry's predecessor.
    public static let genesisHash = String(repeating: "0", count: 64)

    public init(seq: Int64, atMillis: Int64, actor: String, action: String, subject: String?, purpose: String,
                detail: String, prevHash: String, hash: String, signature: Data? = nil, actorUsername: String? = nil) {
        self.signature = signature
        self.seq = seq
        self.atMillis = atMillis
        self.actor = actor
        self.action = action
        self.subject = subject
        self.purpose = purpose
        self.detail = detail
        self.prevHash = prevHash
        self.hash = hash
        self.actorUsername = actorUsername
    }
}
