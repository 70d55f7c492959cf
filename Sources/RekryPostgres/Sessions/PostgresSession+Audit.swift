import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// The audit log. The gate computes each entry (AuditChain) and the server stores it only if it follows the
/// chain and its actor is the signed-in login's pseudonym (`rekry.append_entry`); no login INSERTs into the table.
/// Every read goes through a definer function that returns what the member's role may see of the log, which
/// holds no personal data (docs/postgres.md, "Audit").
extension PostgresSession {
    static let auditColumns = "seq, at_millis, actor, action, subject, purpose, detail, prev_hash, hash, signature"

    static func auditEntry(from row: PostgresRandomAccessRow, username: Bool = false) throws -> AuditEntry {
        AuditEntry(seq: try row.get("seq"), atMillis: try row.get("at_millis"), actor: try row.get("actor"),
                   action: try row.get("action"), subject: try row.get("subject", as: String?.self),
                   purpose: try row.get("purpose"), detail: try row.get("detail"), prevHash: try row.get("prev_hash"),
                   hash: try row.get("hash"), signature: try row.get("signature", as: Data?.self),
                   actorUsername: username ? try row.get("actor_username", as: String?.self) : nil)
    }

    /// In a write, the log stays locked from here to the commit: the entry the gate chains onto this one is
    /// the next one stored.
    func lastAuditEntry() throws -> AuditEntry? {
        try rows("SELECT \(unescaped: Self.auditColumns) FROM rekry.audit_last(\(writable))").first.map { try Self.auditEntry(from: $0) }
    }

    func auditEntry(seq: Int64) throws -> AuditEntry? {
        try rows("SELECT \(unescaped: Self.auditColumns) FROM rekry.audit_entry_at(\(seq))").first.map { try Self.auditEntry(from: $0) }
    }

    func appendAudit(_ e: AuditEntry) throws {
        try run("""
            SELECT rekry.append_entry(\(e.seq), \(e.atMillis), \(e.actor), \(e.action), \(e.subject), \(e.purpose), \(e.detail),
                                      \(e.prevHash), \(e.hash), \(e.signature))
            """)
    }

    func hasSignedAuditEntry() throws -> Bool {
        try value("SELECT rekry.audit_signed()", as: Bool.self) ?? false
    }

    func latestStaffEntries(subjects: [String]) throws -> [String: Int64] {
        guard !subjects.isEmpty else { return [:] }
        let found = try rows("SELECT subject, seq FROM rekry.latest_staff_entries(\(subjects)::text[])")
        return Dictionary(try found.map { (try $0.get("subject", as: String.self), try $0.get("seq", as: Int64.self)) },
                          uniquingKeysWith: max)
    }

    func auditEntries(subject: String?, limit: Int) throws -> [AuditEntry] {
        try rows("""
            SELECT a.seq, a.at_millis, a.actor, a.action, a.subject, a.purpose, a.detail, a.prev_hash, a.hash, a.signature,
                   s.login AS actor_username
            FROM rekry.audit_entries(\(subject), \(Int64(limit))::integer) a LEFT JOIN rekry.staff s ON s.pseudonym = a.actor
            ORDER BY a.seq DESC
            """).map { try Self.auditEntry(from: $0, username: true) }.reversed()
    }

    /// The whole chain in pages of a thousand (`rekry.audit_chain`: leads, the DPO and admins).
    func forEachAuditEntry(_ body: (AuditEntry) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try rows("SELECT \(unescaped: Self.auditColumns) FROM rekry.audit_chain(\(after), 1000)")
            for row in page {
                let entry = try Self.auditEntry(from: row)
                try body(entry)
                after = entry.seq
            }
            if page.count < 1000 { return }
        }
    }
}
