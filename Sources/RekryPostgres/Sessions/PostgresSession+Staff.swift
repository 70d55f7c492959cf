import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func staff(username: String) throws -> StaffAccount? {
        throw PostgresSession.notYet(#function)
    }
    func staff(id: Int64) throws -> StaffAccount? {
        throw PostgresSession.notYet(#function)
    }
    func staffList() throws -> [StaffAccount] {
        throw PostgresSession.notYet(#function)
    }
    func usernameTaken(_ username: String) throws -> Bool {
        throw PostgresSession.notYet(#function)
    }
    func staffRoster() throws -> [StaffAccount] {
        throw PostgresSession.notYet(#function)
    }
    func insertStaff(_ account: StaffAccount) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func deactivateStaff(id: Int64, at: Date, vouchedGrants: [Int64]) throws {
        throw PostgresSession.notYet(#function)
    }
    func updateStaffKey(id: Int64, publicKey: Data, signingKey: Data) throws {
        throw PostgresSession.notYet(#function)
    }
    func signStaff(id: Int64, signedBy: Int64, signedAt: Date, auditSeq: Int64?, signature: Data) throws {
        throw PostgresSession.notYet(#function)
    }
}
