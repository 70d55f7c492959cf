import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Staff accounts. Every member reads the roster (`staff_read`); every write is an admin's (or the deploying
/// superuser's, at the register's bootstrap) through a definer function: `rekry.create_staff` also makes the
/// member's LOGIN role, a member of exactly `rekry_<role>`, and `rekry.deactivate_staff` takes it away again.
/// No login can write a role (docs/postgres.md).
extension PostgresSession {
    static let staffColumns = """
        id, login, display_name, role, public_key, pseudonym, created_at, signing_key, signed_by, signed_at, signature,
        removed_at, vouched_grants, audit_seq
        """

    static func staffAccount(from row: PostgresRandomAccessRow) throws -> StaffAccount {
        StaffAccount(id: try row.get("id"), username: try row.get("login"), displayName: try row.get("display_name"),
                     role: Role(rawValue: try row.get("role", as: String.self)) ?? .recruiter,
                     publicKey: try row.get("public_key"), pseudonym: try row.get("pseudonym"),
                     createdAt: try row.get("created_at"), signingKey: try row.get("signing_key", as: Data?.self),
                     signedBy: try row.get("signed_by", as: Int64?.self), signedAt: try row.get("signed_at", as: Date?.self),
                     signature: try row.get("signature", as: Data?.self), removedAt: try row.get("removed_at", as: Date?.self),
                     vouchedGrants: try row.get("vouched_grants", as: [Int64]?.self),
                     auditSeq: try row.get("audit_seq", as: Int64?.self))
    }

    func staff(username: String) throws -> StaffAccount? {
        try unlessRemoved {
            try rows("SELECT \(unescaped: Self.staffColumns) FROM rekry.staff WHERE login = \(username) AND removed_at IS NULL")
                .first.map(Self.staffAccount)
        }
    }

    /// Asked by the gate in every transaction of a signed-in member (`requireCurrentAccount`).
    func staff(id: Int64) throws -> StaffAccount? {
        try unlessRemoved {
            try rows("SELECT \(unescaped: Self.staffColumns) FROM rekry.staff WHERE id = \(id) AND removed_at IS NULL")
                .first.map(Self.staffAccount)
        }
    }

    /// A member removed while signed in keeps their connection, but their login has left its group role and may
    /// no longer use the schema at all: to them no account exists (the gate then ends the session, "this account
    /// was removed"). The statement failed, so the transaction is aborted and ends with the gate's refusal.
    private func unlessRemoved(_ body: () throws -> StaffAccount?) throws -> StaffAccount? {
        do {
            return try body()
        } catch let failure as PostgresFailure where failure.sqlState == "42501" && failure.message.contains("schema rekry") {
            return nil
        }
    }

    func staffList() throws -> [StaffAccount] {
        try rows("SELECT \(unescaped: Self.staffColumns) FROM rekry.staff WHERE removed_at IS NULL ORDER BY login")
            .map(Self.staffAccount)
    }

    /// Removed accounts count too; asked by admins adding a member (and the bootstrap), through a function
    /// that answers them alone.
    func usernameTaken(_ username: String) throws -> Bool {
        try value("SELECT rekry.username_taken(\(username))", as: Bool.self) ?? false
    }

    func staffRoster() throws -> [StaffAccount] {
        try rows("SELECT \(unescaped: Self.staffColumns) FROM rekry.staff ORDER BY id").map(Self.staffAccount)
    }

    func insertStaff(_ a: StaffAccount) throws -> Int64 {
        guard let id = try value("""
            SELECT rekry.create_staff(\(a.username), \(a.displayName), \(a.role.rawValue), \(a.publicKey), \(a.pseudonym),
                                      \(a.createdAt), \(a.signingKey), \(a.signedBy), \(a.signedAt), \(a.signature), \(a.auditSeq))
            """, as: Int64.self) else {
            throw RegisterError.refused("staff member '\(a.username)' was not added")
        }
        return id
    }

    func deactivateStaff(id: Int64, at: Date, vouchedGrants: [Int64]) throws {
        try run("SELECT rekry.deactivate_staff(\(id), \(at), \(vouchedGrants)::bigint[])")
    }

    func updateStaffKey(id: Int64, publicKey: Data, signingKey: Data) throws {
        try run("SELECT rekry.rekey_staff(\(id), \(publicKey), \(signingKey))")
    }

    func signStaff(id: Int64, signedBy: Int64, signedAt: Date, auditSeq: Int64?, signature: Data) throws {
        try run("SELECT rekry.sign_staff(\(id), \(signedBy), \(signedAt), \(auditSeq), \(signature))")
    }
}
