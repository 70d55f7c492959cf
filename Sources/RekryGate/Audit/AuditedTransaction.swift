import Crypto
import Foundation
import RekryDomain
import RekryStorage

/// One write transaction whose audit entries are chained as they are appended, and whose new chain head
/// is written outside the log only after the transaction has committed.
///
/// Writing the head first would leave a head that names entries a crash then rolled back, which reads as
/// tampering on the next verify.
final class AuditedTransaction {
    let session: any StorageSession
    let actor: String
    let clock: any TimeSource
    /// The acting member's signing key; nil for a member carried over from before signing, not yet re-keyed.
    let signer: Curve25519.Signing.PrivateKey?
    private(set) var head: AuditHead?

    private init(session: any StorageSession, actor: String, clock: any TimeSource, signer: Curve25519.Signing.PrivateKey?) {
        self.session = session
        self.actor = actor
        self.clock = clock
        self.signer = signer
    }

    static func run<T>(on register: Register, actor: String, signer: Curve25519.Signing.PrivateKey?, clock: any TimeSource, indexingText: Bool,
                       check: (any StorageSession) throws -> Void, _ body: (AuditedTransaction) throws -> T) throws -> T {
        let backend = register.backend
        var head: AuditHead?
        var identity: String?
        let result = try backend.write(indexingText: indexingText) { session in
            try check(session)
            // Under the write lock: the log must still hold what its head says before anything is appended,
            // or the new head would overwrite the evidence of a cut. A head behind the log is a crash's mark
            // and is repaired by this write's head.
            if let store = backend.auditHead, let problem = try AuditTail.problem(session, head: try store.readHead()) {
                throw RegisterError.refusedBecause(Wording("gate.audit.untrustedWriteTell", ["register": "\(backend.location)", "alarm": "\(problem)"]))
            }
            identity = try AuditTail.registerIdentity(session)
            let tx = AuditedTransaction(session: session, actor: actor, clock: clock, signer: signer)
            let value = try body(tx)
            head = tx.head
            return value
        }
        if let head, let store = backend.auditHead { try store.writeHead(head) }
        if let head, let identity { try register.recordSeen(head, register: identity) }
        return result
    }

    /// Appends an entry about `subject` (a pseudonym, never a name) to the chain.
    func audit(_ action: AuditAction, subject: String?, purpose: Purpose, detail: String = "") throws {
        head = try AuditChain.append(session, actor: actor, action: action, subject: subject, purpose: purpose,
                                     detail: detail, at: clock.now(), signer: signer)
    }
}
