import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func lastAuditEntry() throws -> AuditEntry? {
        throw PostgresSession.notYet(#function)
    }
    func auditEntry(seq: Int64) throws -> AuditEntry? {
        throw PostgresSession.notYet(#function)
    }
    func appendAudit(_ entry: AuditEntry) throws {
        throw PostgresSession.notYet(#function)
    }
    func hasSignedAuditEntry() throws -> Bool {
        throw PostgresSession.notYet(#function)
    }
    func latestStaffEntries(subjects: [String]) throws -> [String: Int64] {
        throw PostgresSession.notYet(#function)
    }
    func auditEntries(subject: String?, limit: Int) throws -> [AuditEntry] {
        throw PostgresSession.notYet(#function)
    }
    func forEachAuditEntry(_ body: (AuditEntry) throws -> Void) throws {
        throw PostgresSession.notYet(#function)
    }
}
