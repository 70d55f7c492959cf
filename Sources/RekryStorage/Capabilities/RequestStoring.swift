import Foundation
import RekryDomain

/// Data subjects' requests (Art. 12(3)).
public protocol RequestStoring {
    func insertRequest(_ request: RequestRecord) throws -> Int64
    func request(id: Int64) throws -> RequestRecord?
    /// Every request, newest received first; only those not closed when `openOnly`.
    func requests(openOnly: Bool) throws -> [RequestRecord]
    /// The requests of one person (their pseudonym), oldest received first.
    func requests(subject: String) throws -> [RequestRecord]
    func extendRequest(id: Int64, totalMonths: Int, reason: String, noticeGiven: CivilDate) throws
    func closeRequest(id: Int64, at: Date, by: String, outcome: RequestOutcome, auditSeq: Int64?) throws
}
