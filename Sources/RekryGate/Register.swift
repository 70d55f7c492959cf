import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// An opened register: a storage backend that nobody can read from until `signIn` proves who is acting.
///
/// Backends (SQLite, PostgreSQL) are opened by `RekryBackends`; this type and the `Gate` it hands out are
/// the same whichever backend is underneath.
public final class Register: Sendable {
    public let backend: any StorageBackend
    /// The highest audit heads the user of this process has seen (nil: not kept, as in tests of other things).
    public let seenHeads: (any SeenHeadStoring)?

    public init(backend: any StorageBackend, seenHeads: (any SeenHeadStoring)? = nil) {
        self.backend = backend
        self.seenHeads = seenHeads
    }

    /// Where the register is (a file path, or a server's name), for messages and the status line.
    public var location: String { backend.location }

    /// Proves `identity` against the staff table and returns the gate that acts as that staff member.
    public func signIn(_ identity: Identity, clock: any TimeSource = SystemTime()) throws -> Gate {
        let account = try backend.read { try $0.staff(username: identity.username) }
        guard let account else { throw RegisterError.unknownStaff(username: identity.username) }
        guard account.publicKey == identity.publicKey else { throw RegisterError.keyMismatch(username: identity.username) }
        let alarm = try checkSeenHead()
        // Those who read the audit log may still sign in, to see and report the damage; nobody may work.
        if let alarm, ![.lead, .dpo, .admin].contains(account.role) {
            throw RegisterError.refused("\(location): the audit log cannot be trusted: \(alarm). Nothing was read; tell your DPO (rekry audit verify names the damage)")
        }
        return Gate(register: self, actor: account.member, identity: identity, clock: clock, auditAlarm: alarm)
    }

    /// The problem when the register's log is shorter than, or differs from, the highest head this user saw;
    /// otherwise nil, and the current head is recorded as seen.
    func checkSeenHead() throws -> String? {
        guard let seenHeads else { return nil }
        let (identity, problem, last) = try backend.read { s -> (String?, String?, AuditEntry?) in
            guard let identity = try AuditTail.registerIdentity(s) else { return (nil, nil, nil) }
            let problem = try seenHeads.seenHead(register: identity).flatMap { try AuditTail.problem(s, seen: $0) }
            return (identity, problem, try s.lastAuditEntry())
        }
        if let problem { return problem }
        if let identity, let last { try recordSeen(AuditHead(seq: last.seq, hash: last.hash), register: identity) }
        return nil
    }

    /// Keeps `head` as seen when it is higher than what was seen.
    func recordSeen(_ head: AuditHead, register identity: String) throws {
        guard let seenHeads else { return }
        if let seen = try seenHeads.seenHead(register: identity), seen.seq >= head.seq { return }
        try seenHeads.recordSeen(head, register: identity)
    }

    /// The number of candidates, from the counter the backend keeps (never a scan).
    public func candidateCount() throws -> Int { try backend.candidateCount() }
}
