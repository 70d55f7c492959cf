import Foundation
import RekryDomain

/// Staff accounts: usernames, roles and public keys.
public protocol StaffStoring {
    func staff(username: String) throws -> StaffAccount?
    func staff(id: Int64) throws -> StaffAccount?
    /// Every account, by username.
    func staffList() throws -> [StaffAccount]
    /// Whether any account, removed ones included, has this username (the audit log names them all).
    func usernameTaken(_ username: String) throws -> Bool
    /// Every account, removed ones included, by id: what the roster's signatures are verified over.
    func staffRoster() throws -> [StaffAccount]
    func insertStaff(_ account: StaffAccount) throws -> Int64
    /// Ends an account: it can no longer sign in, and stays only so that the audit log can name it and
    /// the grants it signed (`vouchedGrants`) can be verified.
    func deactivateStaff(id: Int64, at: Date, vouchedGrants: [Int64]) throws
    func updateStaffKey(id: Int64, publicKey: Data, signingKey: Data) throws
    /// Stores the admin signature that vouches for an account as it now stands.
    func signStaff(id: Int64, signedBy: Int64, signedAt: Date, auditSeq: Int64?, signature: Data) throws
}
