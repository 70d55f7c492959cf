import Foundation
import RekryDomain

/// A data subject's request as the `dataRequest` table stores it.
///
/// It outlives the person as proof of compliance: `subject` is their pseudonym (`c-…` for a candidate,
/// `r-` and the referee id for a referee); the link (`candidateId` or `refereeId`) and the free texts
/// (`verificationNote`, `extensionReason`) are cleared by the register when the person is erased.
public struct RequestRecord: Sendable, Equatable {
    /// Whom a request is from.
    public enum SubjectKind: String, Sendable, Codable {
        case candidate
        case reference
    }

    public var id: Int64
    public var kind: RequestKind
    public var subject: String
    public var subjectKind: SubjectKind
    public var candidateId: Int64?
    public var refereeId: Int64?
    public var received: CivilDate
    public var verifiedBy: VerificationMethod
    public var verificationNote: String?
    /// The firm's ticket id (letters, digits and `-_./#`): never a name.
    public var reference: String?
    /// Whose holidays move its deadline, fixed when it was recorded.
    public var country: CalendarCountry
    public var extensionMonths: Int
    public var extensionReason: String?
    public var noticeGiven: CivilDate?
    public var recordedAt: Date
    /// The recording DPO's pseudonym.
    public var recordedBy: String
    public var closedAt: Date?
    public var closedBy: String?
    public var outcome: RequestOutcome?
    /// The audit entry of what was done (an export, an erasure, an edit …).
    public var auditSeq: Int64?

    public init(id: Int64 = 0, kind: RequestKind, subject: String, subjectKind: SubjectKind, candidateId: Int64?, refereeId: Int64?,
                received: CivilDate, verifiedBy: VerificationMethod, verificationNote: String?, reference: String?,
                country: CalendarCountry, extensionMonths: Int = 0, extensionReason: String? = nil, noticeGiven: CivilDate? = nil,
                recordedAt: Date, recordedBy: String, closedAt: Date? = nil, closedBy: String? = nil, outcome: RequestOutcome? = nil,
                auditSeq: Int64? = nil) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.subjectKind = subjectKind
        self.candidateId = candidateId
        self.refereeId = refereeId
        self.received = received
        self.verifiedBy = verifiedBy
        self.verificationNote = verificationNote
        self.reference = reference
        self.country = country
        self.extensionMonths = extensionMonths
        self.extensionReason = extensionReason
        self.noticeGiven = noticeGiven
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.outcome = outcome
        self.auditSeq = auditSeq
    }
}
