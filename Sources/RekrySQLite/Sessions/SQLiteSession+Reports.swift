import Foundation
import GRDB
import RekryDomain
import RekryStorage

extension SQLiteSession {
    private static let reportSelect = """
        SELECT r.*, c.pseudonym, pr.title AS processTitle, pr.closedAt, p.stage AS participationStage
        FROM psychReport r JOIN candidate c ON c.id = r.candidateId
        JOIN participation p ON p.id = r.participationId JOIN process pr ON pr.id = p.processId
        """

    private static func inContext(_ row: Row) -> ReportInContext {
        ReportInContext(report: RowDecoding.report(row), candidatePseudonym: row["pseudonym"], processTitle: row["processTitle"],
                        processClosedAt: (row["closedAt"] as Double?).date,
                        stage: Stage(rawValue: row["participationStage"]) ?? .sourced)
    }

    func report(candidateId: Int64) throws -> ReportInContext? {
        try Row.fetchOne(db, sql: Self.reportSelect + " WHERE r.candidateId = ? ORDER BY r.attachedAt DESC, r.id DESC LIMIT 1",
                         arguments: [candidateId]).map(Self.inContext)
    }

    func reports(processId: Int64) throws -> [ReportInContext] {
        try Row.fetchAll(db, sql: Self.reportSelect + " WHERE p.processId = ? ORDER BY r.id", arguments: [processId])
            .map(Self.inContext)
    }

    func hasReport(participationId: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM psychReport WHERE participationId = ?)", arguments: [participationId]) ?? false
    }

    func insertReport(_ r: ReportRecord) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO psychReport(candidateId, participationId, author, writtenAt, attachedAt, attachedBy, ciphertext)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.candidateId, r.participationId, r.author, r.writtenAt.sql, r.attachedAt.sql, r.attachedBy, r.ciphertext])
        return db.lastInsertedRowID
    }

    func updateCiphertext(reportId: Int64, _ ciphertext: Data) throws {
        try db.execute(sql: "UPDATE psychReport SET ciphertext = ? WHERE id = ?", arguments: [ciphertext, reportId])
    }

    func deleteReport(id: Int64) throws {
        // Grants do not cascade from the report (they name staff too), so they go first; keys cascade.
        try db.execute(sql: "DELETE FROM reportGrant WHERE reportId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM reportKey WHERE reportId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM psychReport WHERE id = ?", arguments: [id])
    }

    func grants(reportId: Int64) throws -> [GrantRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM reportGrant WHERE reportId = ? ORDER BY id", arguments: [reportId]).map(RowDecoding.grant)
    }

    func insertGrant(_ g: GrantRecord) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO reportGrant(reportId, staffId, grantedBy, reason, grantedAt, signedBy, signature) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [g.reportId, g.staffId, g.grantedBy, g.reason, g.grantedAt.sql, g.signedBy, g.signature])
        return db.lastInsertedRowID
    }

    func revokeGrants(reportId: Int64, staffId: Int64, at: Date, by: Int64) throws {
        try db.execute(sql: """
            UPDATE reportGrant SET revokedAt = max(grantedAt, ?), revokedBy = ?, signature = NULL, keyProof = NULL
            WHERE reportId = ? AND staffId = ? AND revokedAt IS NULL
            """, arguments: [at.sql, by, reportId, staffId])
    }

    func signGrant(id: Int64, signedBy: Int64, signature: Data, keyProof: Data?) throws {
        try db.execute(sql: "UPDATE reportGrant SET signedBy = ?, signature = ?, keyProof = ? WHERE id = ?",
                       arguments: [signedBy, signature, keyProof, id])
    }

    func wrappedKey(reportId: Int64, staffId: Int64) throws -> WrappedReportKey? {
        try Row.fetchOne(db, sql: "SELECT * FROM reportKey WHERE reportId = ? AND staffId = ?", arguments: [reportId, staffId]).map {
            WrappedReportKey(reportId: $0["reportId"], staffId: $0["staffId"], ephemeralPublicKey: $0["ephemeralPublicKey"],
                             sealedKey: $0["sealedKey"])
        }
    }

    func storeKey(_ k: WrappedReportKey) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO reportKey(reportId, staffId, ephemeralPublicKey, sealedKey) VALUES (?, ?, ?, ?)",
                       arguments: [k.reportId, k.staffId, k.ephemeralPublicKey, k.sealedKey])
    }

    func deleteKeys(reportId: Int64) throws {
        try db.execute(sql: "DELETE FROM reportKey WHERE reportId = ?", arguments: [reportId])
    }

    func deleteKey(reportId: Int64, staffId: Int64) throws {
        try db.execute(sql: "DELETE FROM reportKey WHERE reportId = ? AND staffId = ?", arguments: [reportId, staffId])
    }

    func reportById(_ id: Int64) throws -> ReportRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM psychReport WHERE id = ?", arguments: [id]).map(RowDecoding.report)
    }

    func openGrants() throws -> [GrantRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM reportGrant WHERE revokedAt IS NULL ORDER BY id").map(RowDecoding.grant)
    }

    func reportsSigned(staffId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT DISTINCT reportId FROM reportGrant WHERE signedBy = ? AND revokedAt IS NULL", arguments: [staffId])
    }

    func reportsHeld(staffId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT reportId FROM reportGrant WHERE staffId = ? AND revokedAt IS NULL
            UNION SELECT reportId FROM reportKey WHERE staffId = ?
            """, arguments: [staffId, staffId])
    }
}
