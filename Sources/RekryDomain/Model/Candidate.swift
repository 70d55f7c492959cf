import Foundation

/// A candidate's own record: identity, contact and profile fields with their provenance.
///
/// Large texts (CV, notes) live in `Document` and `Assessment`, never in this row.
public struct Candidate: Sendable, Equatable {
    public var id: Int64
    /// The opaque id the audit log uses for this person; it means nothing once they are erased.
    public var pseudonym: String
    public var fullName: String
    public var email: String?
    public var phone: String?
    public var homeTown: String?
    public var postalAddress: String?
    public var birthYear: Int?
    public var currentTitle: String?
    public var currentEmployer: String?
    public var source: DataSource
    public var sourceDetail: String?
    public var collectedAt: Date
    /// When the Art. 14 notice was sent, for data not provided by the person.
    public var notifiedAt: Date?
    /// The basis the identity, contact and profile are held on.
    public var basis: LegalBasis
    /// The consent purpose `basis` rests on when it is consent.
    public var consentPurpose: ConsentPurpose?
    public var restricted: Bool
    public var objected: Bool
    public var lastActivityAt: Date
    public var retentionDueAt: Date?
    public var links: [ProfileLink]

    public init(id: Int64, pseudonym: String, fullName: String, email: String? = nil, phone: String? = nil,
                homeTown: String? = nil, postalAddress: String? = nil, birthYear: Int? = nil,
                currentTitle: String? = nil, currentEmployer: String? = nil, source: DataSource,
                sourceDetail: String? = nil, collectedAt: Date, notifiedAt: Date? = nil, basis: LegalBasis,
                consentPurpose: ConsentPurpose? = nil, restricted: Bool = false, objected: Bool = false,
                lastActivityAt: Date, retentionDueAt: Date? = nil, links: [ProfileLink] = []) {
        self.id = id
        self.pseudonym = pseudonym
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.homeTown = homeTown
        self.postalAddress = postalAddress
        self.birthYear = birthYear
        self.currentTitle = currentTitle
        self.currentEmployer = currentEmployer
        self.source = source
        self.sourceDetail = sourceDetail
        self.collectedAt = collectedAt
        self.notifiedAt = notifiedAt
        self.basis = basis
        self.consentPurpose = consentPurpose
        self.restricted = restricted
        self.objected = objected
        self.lastActivityAt = lastActivityAt
        self.retentionDueAt = retentionDueAt
        self.links = links
    }
}

/// A link to the person's profile elsewhere (LinkedIn, GitHub, a portfolio), with where it came from.
public struct ProfileLink: Sendable, Equatable, Codable {
    public var kind: String
    public var url: String
    public var source: DataSource

    public init(kind: String, url: String, source: DataSource) {
        self.kind = kind
        self.url = url
        self.source = source
    }
}

/// A text the candidate handed in or that was written about their application.
public struct Document: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable { case cv, coverLetter = "cover-letter", answers, other }
    public var id: Int64
    public var kind: Kind
    public var title: String
    public var body: String
    public var receivedAt: Date
    public var basis: LegalBasis

    public init(id: Int64, kind: Kind, title: String, body: String, receivedAt: Date, basis: LegalBasis) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.receivedAt = receivedAt
        self.basis = basis
    }
}
