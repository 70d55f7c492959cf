import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func insertRequest(_ request: RequestRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func request(id: Int64) throws -> RequestRecord? {
        throw PostgresSession.notYet(#function)
    }
    func requests(openOnly: Bool) throws -> [RequestRecord] {
        throw PostgresSession.notYet(#function)
    }
    func requests(subject: String) throws -> [RequestRecord] {
        throw PostgresSession.notYet(#function)
    }
    func extendRequest(id: Int64, totalMonths: Int, reason: String, noticeGiven: CivilDate) throws {
        throw PostgresSession.notYet(#function)
    }
    func closeRequest(id: Int64, at: Date, by: String, outcome: RequestOutcome, auditSeq: Int64?) throws {
        throw PostgresSession.notYet(#function)
    }
}
