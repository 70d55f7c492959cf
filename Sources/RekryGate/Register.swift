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
        var (account, trust, logSigned) = try backend.read { s in
            (try s.staff(username: identity.username), try StaffTrust(s), try s.hasSignedAuditEntry())
        }
        guard let found = account else { throw RegisterError.unknownStaff(username: identity.username) }
        guard found.publicKey == identity.publicKey else { throw RegisterError.keyMismatch(username: identity.username) }
        // The root this user saw here before: a roster since stripped, or signed again under another root, is
        // caught by everyone who used the register, whatever the file and its log were made to say.
        let rootMemory = "root:" + Hashing.sha256Hex(location)
        if let remembered = try seenHeads?.seenHead(register: rootMemory)?.hash, remembered != trust.rootFingerprint {
            throw RegisterError.refusedBecause(Wording(trust.rootFingerprint == nil ? "gate.trust.rootGone" : "gate.trust.rootChanged",
                ["register": "\(location)", "before": "\(remembered.prefix(16))", "now": "\(trust.rootFingerprint?.prefix(16) ?? "")"]))
        }
        if !trust.isSigned {
            // Only a roster from before signing is unsigned, and it is never found after a signed log entry
            // or by an identity issued under a root: then its signatures were stripped.
            if logSigned || identity.registerRoot != nil {
                throw RegisterError.refusedBecause(Wording(logSigned ? "gate.trust.strippedLogSigned" : "gate.trust.strippedIdentitySigned", ["register": "\(location)"]))
            }
            if found.role == .admin {
                try adoptRoster(admin: found, identity: identity, clock: clock)
                (account, trust) = try backend.read { s in (try s.staff(username: identity.username), try StaffTrust(s)) }
            }
        }
        guard let account else { throw RegisterError.unknownStaff(username: identity.username) }
        try Self.requireTrusted(account, identity: identity, trust: trust, location: location)
        if let fingerprint = trust.rootFingerprint, try seenHeads?.seenHead(register: rootMemory) == nil {
            try seenHeads?.recordSeen(AuditHead(seq: 0, hash: fingerprint), register: rootMemory)
        }
        let alarm = try checkSeenHead()
        // Those who read the audit log may still sign in, to see and report the damage; nobody may work.
        if let alarm, ![.lead, .dpo, .admin].contains(account.role) {
            throw RegisterError.refusedBecause(Wording("gate.audit.untrustedRead", ["register": "\(location)", "alarm": "\(alarm)"]))
        }
        // On a server the gate works through the member's own login, so that the server's policies apply too.
        let acting = try backend.acting(as: identity.username)
        let through = acting === backend ? self : Register(backend: acting, seenHeads: seenHeads)
        let gate = Gate(register: through, account: account, identity: identity, trust: trust, clock: clock, auditAlarm: alarm)
        // An erasure a crash interrupted is finished before anything is read: the person is never seen half-erased.
        if alarm == nil {
            try gate.resumeErasures()
            // The DPO takes out of the breach log what others' erasures left for them (a server register).
            try gate.settleOwedBreachRedactions()
        }
        // Rows stored before the name order's key existed get it before the first list.
        try gate.rederiveCollationKeysIfMarked()
        return gate
    }

    /// Refuses an account the roster's signatures do not vouch for, or a register whose root is not the one
    /// the identity file pins.
    static func requireTrusted(_ account: StaffAccount, identity: Identity, trust: StaffTrust, location: String) throws {
        guard trust.isSigned else { return }
        guard let fingerprint = trust.rootFingerprint else {
            throw RegisterError.refusedBecause(Wording("gate.trust.noSingleRoot", ["register": "\(location)"]))
        }
        if let pinned = identity.registerRoot, pinned != fingerprint {
            throw RegisterError.refusedBecause(Wording("gate.trust.rootNotPinned",
                ["register": "\(location)", "root": "\(fingerprint.prefix(16))", "pinned": "\(pinned.prefix(16))"]))
        }
        guard trust.verifies(account.id) else {
            throw RegisterError.refusedBecause(Wording("gate.trust.unsignedAccount",
                ["register": "\(location)", "user": "\(account.username)", "role": .role(account.role)]))
        }
        if let key = account.signingKey, key != identity.signingPublicKey { throw RegisterError.keyMismatch(username: account.username) }
    }

    /// Signs a roster from before signing (release 0.4) at an admin's first sign-in, with that admin as root.
    private func adoptRoster(admin: StaffAccount, identity: Identity, clock: any TimeSource) throws {
        let now = clock.now()
        var head: AuditHead?
        try backend.write { s in
            guard try !StaffTrust(s).isSigned else { return }
            let detail = try RosterSigning.adopt(s, admin: admin, identity: identity, at: now)
            head = try AuditChain.append(s, actor: admin.pseudonym, action: .rosterSign, subject: nil, purpose: .recruitment,
                                         detail: detail, at: now, signer: identity.signingKey)
        }
        if let head, let store = backend.auditHead { try store.writeHead(head) }
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
