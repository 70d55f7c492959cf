import RekryDomain

/// A request as the DPO records it.
public struct RequestDraft: Sendable {
    /// Whom the request is from: a candidate, or a referee through any of their reference rows.
    public enum Subject: Sendable, Equatable {
        case candidate(Int64)
        case reference(Int64)
    }

    public var subject: Subject
    public var kind: RequestKind
    public var received: CivilDate
    public var verifiedBy: VerificationMethod
    /// How identity was verified beyond the method (erased with the person).
    public var note: String?
    /// The firm's ticket id.
    public var reference: String?
    /// Whose holidays count; nil: the firm's country.
    public var country: CalendarCountry?

    public init(subject: Subject, kind: RequestKind, received: CivilDate, verifiedBy: VerificationMethod, note: String? = nil,
                reference: String? = nil, country: CalendarCountry? = nil) {
        self.subject = subject
        self.kind = kind
        self.received = received
        self.verifiedBy = verifiedBy
        self.note = note
        self.reference = reference
        self.country = country
    }
}
