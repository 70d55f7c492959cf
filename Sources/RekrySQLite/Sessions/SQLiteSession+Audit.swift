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

    func hasSignedAuditEntry() throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM auditEntry WHERE signature IS NOT NULL)") ?? false
    }

    func latestStaffEntries(subjects: [String]) throws -> [String: Int64] {
        guard !subjects.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: subjects.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
            SELECT subject, max(seq) AS seq FROM auditEntry WHERE subject IN (\(marks)) AND action IN ('staff.add', 'staff.remove', 'staff.rekey') GROUP BY subject
            """, arguments: StatementArguments(subjects))
        return Dictionary(rows.map { ($0["subject"], $0["seq"]) }, uniquingKeysWith: max)
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
