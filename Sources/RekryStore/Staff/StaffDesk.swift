import Foundation
import GRDB
import RekryCrypto
import RekryDomain

extension Gate {
    /// Adds a staff member and returns their new identity (the caller writes it to a 0600 file and hands
    /// it over). Admins only. The register keeps only the public key.
    public func addStaff(username: String, role: Role, displayName: String) throws -> Identity {
        try require([.admin], for: "staff add")
        let identity = Identity(username: username)
        try db.write { db in
            try Register.insertStaff(db, identity: identity, displayName: displayName, role: role, at: clock.now())
            let pseudonym = try String.fetchOne(db, sql: "SELECT pseudonym FROM staff WHERE username = ?", arguments: [username])
            try audit(db, .staffAdd, subject: pseudonym, purpose: .recruitment, detail: "role=\(role.rawValue)")
        }
        return identity
    }

    /// Every staff member (usernames and roles only), for admins and leads choosing a grantee.
    public func staffList() throws -> [StaffMember] {
        try require([.admin, .lead, .dpo], for: "staff list")
        return try db.read { db in try StaffRecord.order(StaffRecord.Columns.username).fetchAll(db).map(\.member) }
    }
}

extension Register {
    /// Inserts a staff row, validating the username; used by `staff add` and by register bootstrap.
    @_spi(Testing) public static func insertStaff(_ db: Database, identity: Identity, displayName: String, role: Role, at: Date) throws {
        let username = identity.username
        guard !username.isEmpty, username.count <= 64,
              username.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) else {
            throw RegisterError.invalid(field: "USERNAME", message: "'\(username)' must be 1 to 64 of a-z, 0-9, '.', '_' and '-'")
        }
        guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalid(field: "--name", message: "the display name is required")
        }
        if try StaffRecord.fetch(db, username: username) != nil {
            throw RegisterError.refused("staff member '\(username)' already exists")
        }
        let record = StaffRecord(id: nil, username: username, displayName: displayName, role: role.rawValue,
                                 publicKey: identity.publicKey, pseudonym: Digest.randomPseudonym(prefix: "s-"),
                                 createdAt: at.sql)
        try record.insert(db)
    }

    /// Creates the first admin of a new, empty register. Refused once any staff exist.
    public func bootstrapAdmin(username: String, displayName: String, clock: any RekryDomain.Clock = SystemClock()) throws -> Identity {
        let identity = Identity(username: username)
        try writer.write { db in
            guard try StaffRecord.fetchCount(db) == 0 else {
                throw RegisterError.refused("this register already has staff; an admin adds more with: rekry staff add")
            }
            try Register.insertStaff(db, identity: identity, displayName: displayName, role: .admin, at: clock.now())
            let p = try String.fetchOne(db, sql: "SELECT pseudonym FROM staff WHERE username = ?", arguments: [username])!
            try AuditLog.append(db, register: self, actor: p, action: .registerCreate, subject: nil, purpose: .recruitment,
                                at: clock.now())
        }
        return identity
    }
}
