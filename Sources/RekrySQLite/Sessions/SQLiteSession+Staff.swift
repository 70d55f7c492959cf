import Foundation
import GRDB
import RekryDomain
import RekryStorage

extension SQLiteSession {
    // Plain SQL: `staff(username:)` runs before every first screen, where building a query through GRDB's
    // query interface costs the runtime a first-time tour of its generic types.
    func staff(username: String) throws -> StaffAccount? {
        try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ? AND removedAt IS NULL", arguments: [username])
            .map(RowDecoding.staff)
    }

    func staff(id: Int64) throws -> StaffAccount? {
        try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ? AND removedAt IS NULL", arguments: [id]).map(RowDecoding.staff)
    }

    func staffList() throws -> [StaffAccount] {
        try Row.fetchAll(db, sql: "SELECT * FROM staff WHERE removedAt IS NULL ORDER BY username").map(RowDecoding.staff)
    }

    func usernameTaken(_ username: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE username = ?)", arguments: [username]) ?? false
    }

    func staffRoster() throws -> [StaffAccount] {
        try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").map(RowDecoding.staff)
    }

    func insertStaff(_ a: StaffAccount) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO staff(username, displayName, role, publicKey, pseudonym, createdAt, signingKey, signedBy, signedAt, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.username, a.displayName, a.role.rawValue, a.publicKey, a.pseudonym, a.createdAt.sql,
                             a.signingKey, a.signedBy, a.signedAt?.sql, a.signature])
        return db.lastInsertedRowID
    }

    func signStaff(id: Int64, signedBy: Int64, signedAt: Date, auditSeq: Int64?, signature: Data) throws {
        try db.execute(sql: "UPDATE staff SET signedBy = ?, signedAt = ?, auditSeq = ?, signature = ? WHERE id = ?",
                       arguments: [signedBy, signedAt.sql, auditSeq, signature, id])
    }

    func deactivateStaff(id: Int64, at: Date, vouchedGrants: [Int64]) throws {
        try db.execute(sql: "UPDATE staff SET removedAt = ?, vouchedGrants = ? WHERE id = ?",
                       arguments: [at.sql, vouchedGrants.map(String.init).joined(separator: ","), id])
    }

    func updateStaffKey(id: Int64, publicKey: Data, signingKey: Data) throws {
        try db.execute(sql: "UPDATE staff SET publicKey = ?, signingKey = ? WHERE id = ?", arguments: [publicKey, signingKey, id])
    }
}
