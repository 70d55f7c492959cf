import Foundation
import GRDB
import RekryDomain
import RekryStorage

extension SQLiteSession {
    func insertBreach(_ b: BreachRecord) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO breach(discoveredAt, what, categories, approxAffected, measures, recordedAt, recordedBy, notifiedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [b.discoveredAt.sql, b.what, b.categories.map(\.rawValue).joined(separator: ","), b.approxAffected, b.measures,
                             b.recordedAt.sql, b.recordedBy, b.notifiedAt?.sql])
        return db.lastInsertedRowID
    }

    func breach(id: Int64) throws -> BreachRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM breach WHERE id = ?", arguments: [id]).map(Self.breachRecord)
    }

    func breaches() throws -> [BreachRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM breach ORDER BY discoveredAt DESC, id DESC").map(Self.breachRecord)
    }

    func insertBreachAffected(_ a: BreachAffectedRecord) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO breachAffected(breachId, subject, candidateId) VALUES (?, ?, ?)",
                       arguments: [a.breachId, a.subject, a.candidateId])
    }

    func breachAffected(breachId: Int64) throws -> [BreachAffectedRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM breachAffected WHERE breachId = ? ORDER BY subject", arguments: [breachId]).map {
            BreachAffectedRecord(breachId: $0["breachId"], subject: $0["subject"], candidateId: $0["candidateId"])
        }
    }

    func markBreachNotified(id: Int64, at: Date) throws {
        try db.execute(sql: "UPDATE breach SET notifiedAt = ? WHERE id = ?", arguments: [at.sql, id])
    }

    func updateBreachTexts(id: Int64, what: String, measures: String) throws {
        try db.execute(sql: "UPDATE breach SET what = ?, measures = ? WHERE id = ?", arguments: [what, measures, id])
    }

    static func breachRecord(_ row: Row) -> BreachRecord {
        BreachRecord(id: row["id"], discoveredAt: Date(sql: row["discoveredAt"]), what: row["what"],
                     categories: (row["categories"] as String).split(separator: ",").compactMap { DataCategory(rawValue: String($0)) },
                     approxAffected: row["approxAffected"], measures: row["measures"], recordedAt: Date(sql: row["recordedAt"]),
                     recordedBy: row["recordedBy"], notifiedAt: (row["notifiedAt"] as Double?).date)
    }
}
