import Foundation
import RekryDomain
import RekryStorage

/// One request as the DPO's list shows it: pseudonymous (no name, no note), with its deadline and badge.
public struct RequestSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var kind: RequestKind
    /// The person's pseudonym (`c-…`, or `r-` and a referee id).
    public var subject: String
    public var subjectKind: RequestRecord.SubjectKind
    /// The candidate to act on (nil for a referee, or once the person is erased).
    public var candidateId: Int64?
    /// Whether the person is still on the register (false once erased: the request stays as proof).
    public var onRegister: Bool
    public var received: String
    public var verifiedBy: VerificationMethod
    public var reference: String?
    public var country: CalendarCountry
    /// The first month's deadline (moved off a weekend or holiday).
    public var firstMonthDue: String
    /// The deadline in force (with any extension).
    public var due: String
    public var extensionMonths: Int
    public var noticeGiven: String?
    public var status: RequestStatus
    /// An access request that is the person's second within a year: it may be charged or refused with reasons.
    public var secondExtractWithinYear: Bool
    public var closedAt: Date?
    public var outcome: RequestOutcome?
    /// The audit entry of what was done.
    public var auditEntry: Int64?

    init(_ r: RequestRecord, secondExtract: Bool, today: CivilDate) {
        let due = RequestDeadline.due(received: r.received, extensionMonths: r.extensionMonths, country: r.country)
        id = r.id
        kind = r.kind
        subject = r.subject
        subjectKind = r.subjectKind
        candidateId = r.candidateId
        onRegister = r.candidateId != nil || r.refereeId != nil
        received = r.received.isoDay
        verifiedBy = r.verifiedBy
        reference = r.reference
        country = r.country
        firstMonthDue = RequestDeadline.due(received: r.received, country: r.country).isoDay
        self.due = due.isoDay
        extensionMonths = r.extensionMonths
        noticeGiven = r.noticeGiven?.isoDay
        status = RequestStatus.of(due: due, extended: r.extensionMonths > 0, closed: r.closedAt != nil, today: today)
        secondExtractWithinYear = secondExtract
        closedAt = r.closedAt
        outcome = r.outcome
        auditEntry = r.auditSeq
    }
}

/// `rekry request list --json`: the DPO's requests as of a day.
public struct RequestList: Sendable, Codable {
    public static let schemaName = "rekry.request-list/1"
    public var schema = RequestList.schemaName
    /// The day the badges are computed for (UTC).
    public var asOf: String
    public var requests: [RequestSummary]
}
