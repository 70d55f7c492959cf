import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// The one path by which personal data leaves the register, and the one by which it changes.
///
/// A gate is bound to the staff member who signed in. Every read computes each item's badge, asks
/// `AccessPolicy`, and returns `Gated` values; detail reads and every write are written to the audit log.
/// It holds no SQL: it talks to a `StorageBackend` through small capability protocols that return plain
/// records, and every derived column it hands down comes from the `WriteModel`.
public final class Gate: Sendable {
    let register: Register
    /// Who is acting.
    public let actor: StaffMember
    let identity: Identity
    let clock: any TimeSource
    /// Set when the log is shorter than, or differs from, a head this user saw before: the gate then only
    /// reports it (`verifyAudit`) and refuses every audited action.
    let auditAlarm: String?
    /// The account as verified at sign-in: a later transaction finding it otherwise verifies it again.
    let account: StaffAccount
    /// The fingerprint of the register's root admin key, pinned in identity files this gate issues.
    let rootFingerprint: String?
    /// The key that signs this member's audit entries and grants; nil for a member carried over from
    /// before signing and not yet re-keyed (or on a roster not yet signed).
    let signingKey: Curve25519.Signing.PrivateKey?
    /// Whether the roster was signed when this member signed in; it never goes back to unsigned.
    let rosterSigned: Bool

    init(register: Register, account: StaffAccount, identity: Identity, trust: StaffTrust, clock: any TimeSource, auditAlarm: String? = nil) {
        self.register = register
        self.auditAlarm = auditAlarm
        self.actor = account.member
        self.account = account
        self.identity = identity
        self.clock = clock
        self.rootFingerprint = trust.rootFingerprint
        self.rosterSigned = trust.isSigned
        self.signingKey = trust.isSigned && account.signingKey == identity.signingPublicKey ? identity.signingKey : nil
    }

    /// The roster's signatures as they stand in this transaction. Refused when the roster was signed at sign-in
    /// and is not now: someone stripped the signatures since, to have this session trust a forged row.
    func trust(_ s: any StorageSession) throws -> StaffTrust {
        let trust = try StaffTrust(s)
        if rosterSigned && !trust.isSigned {
            throw RegisterError.refusedBecause(Wording("gate.trust.strippedSinceSignIn", ["register": "\(register.location)"]))
        }
        return trust
    }

    /// This member as a signer of grants and staff records, when they have a signing key.
    func signer(for action: String) throws -> Signer {
        guard let signingKey else {
            throw RegisterError.refusedBecause(Wording("gate.staff.noSigningKey", ["action": "\(action)", "user": "\(actor.username)"]))
        }
        return Signer(id: actor.id, key: signingKey)
    }

    var backend: any StorageBackend { register.backend }

    /// Where the register is (for the status line).
    public var registerPath: String { register.location }

    public func now() -> Date { clock.now() }

    func decide(_ category: DataCategory, purpose: Purpose, badge: Badge, grant: ReportGrantState = .none,
                reportRetained: Bool = true) -> AccessDecision {
        AccessPolicy.decide(role: actor.role, category: category, purpose: purpose, badge: badge, grant: grant,
                            reportRetained: reportRetained)
    }

    func require(_ roles: Set<Role>, for action: String) throws {
        guard roles.contains(actor.role) else {
            throw RegisterError.notPermitted(action: action, role: actor.role.rawValue)
        }
    }

    /// Runs `body` as one audited write transaction; the audit head is recorded after the commit.
    /// `indexingText`: the transaction adds to the full-text index.
    func audited<T>(indexingText: Bool = false, _ body: (AuditedTransaction) throws -> T) throws -> T {
        if let auditAlarm {
            throw RegisterError.refusedBecause(Wording("gate.audit.untrustedWrite", ["register": "\(register.location)", "alarm": "\(auditAlarm)"]))
        }
        return try AuditedTransaction.run(on: register, actor: actor.pseudonym, signer: signingKey, clock: clock, indexingText: indexingText,
                                   check: requireCurrentAccount, body)
    }

    /// A read transaction that first checks the signed-in account is still what it was.
    func reading<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        try backend.read { s in
            try requireCurrentAccount(s)
            return try body(s)
        }
    }

    /// The same on a connection of its own, for work off the main thread.
    func readingInBackground<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        try backend.readInBackground { s in
            try requireCurrentAccount(s)
            return try body(s)
        }
    }

    /// Refuses to go on when the account signed in with has since been removed, re-keyed or given another
    /// role: a session must not outlive what the admin did to the account. One indexed read per transaction.
    func requireCurrentAccount(_ s: any StorageSession) throws {
        guard let current = try s.staff(id: actor.id) else {
            throw RegisterError.refusedBecause(Wording("gate.staff.accountRemoved", ["user": "\(actor.username)"]))
        }
        guard current.publicKey == identity.publicKey else { throw RegisterError.keyMismatch(username: actor.username) }
        guard current.role == actor.role else {
            throw RegisterError.refusedBecause(Wording("gate.staff.roleChanged", ["user": "\(actor.username)", "role": .role(current.role)]))
        }
        // Re-signed by another admin (one who vouched for it was removed or re-keyed), or changed by hand.
        if current != account {
            let trust = try StaffTrust(s)
            if rosterSigned && !trust.isSigned {
                throw RegisterError.refusedBecause(Wording("gate.trust.strippedSinceSignInRead", ["register": "\(register.location)"]))
            }
            try Register.requireTrusted(current, identity: identity, trust: trust, location: register.location)
        }
    }

    /// Makes every write durable and leaves no old page in any journal: the terminal UI does this when it quits.
    public func checkpointJournals() throws { try backend.checkpoint() }

    /// The number of candidates on the register (kept by the backend, so instant).
    public func candidateCount() throws -> Int { try register.candidateCount() }

    /// Moves when another process has changed the register since it was last asked (no personal data: a
    /// counter of commits).
    public func changeCounter() throws -> Int64 { try backend.changeCounter() }
}
