import Foundation
import GRDB
import RekryCrypto
import RekryDomain

/// The one path by which personal data leaves the register.
///
/// A gate is bound to the staff member who signed in. Every read computes each item's badge, asks
/// `AccessPolicy`, and returns `Gated` values; detail reads are written to the audit log. The register's
/// tables, records and SQL are internal to this module, so the UI, the command line and exports cannot
/// read around it.
public final class Gate: Sendable {
    let register: Register
    /// Who is acting.
    public let actor: StaffMember
    let identity: Identity
    let clock: any RekryDomain.Clock

    init(register: Register, actor: StaffMember, identity: Identity, clock: any RekryDomain.Clock) {
        self.register = register
        self.actor = actor
        self.identity = identity
        self.clock = clock
    }

    var db: any DatabaseWriter { register.writer }

    /// The register's file path (for the status line).
    public var registerPath: String { register.path }

    public func now() -> Date { clock.now() }

    func decide(_ category: DataCategory, purpose: Purpose, badge: Badge, grant: ReportGrantState = .none,
                reportRetained: Bool = true) -> AccessDecision {
        AccessPolicy.decide(role: actor.role, category: category, purpose: purpose, badge: badge, grant: grant,
                            reportRetained: reportRetained)
    }

    func audit(_ db: Database, _ action: AuditAction, subject: String?, purpose: Purpose, detail: String = "") throws {
        try AuditLog.append(db, register: register, actor: actor.pseudonym, action: action, subject: subject,
                            purpose: purpose, detail: detail, at: clock.now())
    }

    func require(_ roles: Set<Role>, for action: String) throws {
        guard roles.contains(actor.role) else {
            throw RegisterError.notPermitted(action: action, role: actor.role.rawValue)
        }
    }

    /// The number of candidates on the register (kept by the schema, so instant).
    public func candidateCount() throws -> Int { try register.candidateCount() }

    /// The audit log, newest last, optionally for one candidate. Leads, the DPO and admins only.
    public func auditEntries(subjectCandidate: Int64? = nil, limit: Int = 200) throws -> [AuditEntry] {
        try require([.lead, .dpo, .admin], for: "audit show")
        return try db.read { db in
            var subject: String?
            if let id = subjectCandidate {
                guard let p = try String.fetchOne(db, sql: "SELECT pseudonym FROM candidate WHERE id = ?", arguments: [id]) else {
                    throw RegisterError.notFound(what: "candidate \(id)")
                }
                subject = p
            }
            return try AuditLog.entries(db, subject: subject, limit: limit)
        }
    }

    /// Walks the audit chain; the result names the first broken entry. Leads, the DPO and admins only.
    public func verifyAudit() throws -> AuditVerification {
        try require([.lead, .dpo, .admin], for: "audit verify")
        return try db.read { db in try AuditLog.verify(db, headPath: register.auditHeadPath) }
    }
}
