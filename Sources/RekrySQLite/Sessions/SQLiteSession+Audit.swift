import Foundation
import GRDB
import RekryStorage

extension SQLiteSession {
    func lastAuditEntry() throws -> AuditEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM auditEntry ORDER BY seq DESC LIMIT 1").map(RowDecoding.audit)
    }

    func auditEntry(seq: Int64) throws -> AuditEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM auditEntry WHERE seq = ?", arguments: [seq]).map(RowDecoding.audit)
    }

    func appendAudit(_ e: AuditEntry) throws {
        try db.execute(sql: """
            INSERT INTO auditEntry(seq, atMillis, actor, action, subject, purpose, detail, prevHash, hash, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.seq, e.atMillis, e.actor, e.action, e.subject, e.purpose, e.detail, e.prevHash, e.hash, e.signature])
    }

    func auditEntries(subject: String?, limit: Int) throws -> [AuditEntry] {
        var sql = "SELECT a.*, s.username AS actorUsername FROM auditEntry a LEFT JOIN staff s ON s.pseudonym = a.actor"
        var arguments: StatementArguments = []
        if let subject {
            sql += " WHERE a.subject = ?"
            arguments += [subject]
        }
        sql += " ORDER BY a.seq DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(RowDecoding.audit).reversed()
    }

    func forEachAuditEntry(_ body: (AuditEntry) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM auditEntry ORDER BY seq")
        while let row = try cursor.next() { try body(RowDecoding.audit(row)) }
    }
}
