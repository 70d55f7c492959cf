import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func report(candidateId: Int64) throws -> ReportInContext? {
        throw PostgresSession.notYet(#function)
    }
    func reports(processId: Int64) throws -> [ReportInContext] {
        throw PostgresSession.notYet(#function)
    }
    func hasReport(participationId: Int64) throws -> Bool {
        throw PostgresSession.notYet(#function)
    }
    func reportById(_ id: Int64) throws -> ReportRecord? {
        throw PostgresSession.notYet(#function)
    }
    func insertReport(_ report: ReportRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func updateCiphertext(reportId: Int64, _ ciphertext: Data) throws {
        throw PostgresSession.notYet(#function)
    }
    func deleteReport(id: Int64) throws {
        throw PostgresSession.notYet(#function)
    }
    func grants(reportId: Int64) throws -> [GrantRecord] {
        throw PostgresSession.notYet(#function)
    }
    func insertGrant(_ grant: GrantRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func signGrant(id: Int64, signedBy: Int64, signature: Data, keyProof: Data?) throws {
        throw PostgresSession.notYet(#function)
    }
    func revokeGrants(reportId: Int64, staffId: Int64, at: Date, by: Int64) throws {
        throw PostgresSession.notYet(#function)
    }
    func wrappedKey(reportId: Int64, staffId: Int64) throws -> WrappedReportKey? {
        throw PostgresSession.notYet(#function)
    }
    func storeKey(_ key: WrappedReportKey) throws {
        throw PostgresSession.notYet(#function)
    }
    func deleteKeys(reportId: Int64) throws {
        throw PostgresSession.notYet(#function)
    }
    func deleteKey(reportId: Int64, staffId: Int64) throws {
        throw PostgresSession.notYet(#function)
    }
    func openGrants() throws -> [GrantRecord] {
        throw PostgresSession.notYet(#function)
    }
    func reportsSigned(staffId: Int64) throws -> [Int64] {
        throw PostgresSession.notYet(#function)
    }
    func reportsHeld(staffId: Int64) throws -> [Int64] {
        throw PostgresSession.notYet(#function)
    }
}
