import Foundation
import RekryDomain

/// A row of the `candidate` table as every backend stores it: what the person's record says, plus the
/// derived columns the write model computed (a backend stores them and never computes them itself).
public struct CandidateRecord: Sendable, Equatable {
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
    public var country: String
    public var source: DataSource
    public var sourceDetail: String?
    public var collectedAt: Date
    public var notifiedAt: Date?
    public var basis: LegalBasis
    public var consentPurpose: ConsentPurpose?
    public var restricted: Bool
    public var objected: Bool
    public var derived: DerivedColumns

    public init(id: Int64, pseudonym: String, fullName: String, email: String?, phone: String?, homeTown: String?,
                postalAddress: String?, birthYear: Int?, currentTitle: String?, currentEmployer: String?,
                country: String, source: DataSource, sourceDetail: String?, collectedAt: Date, notifiedAt: Date?,
                basis: LegalBasis, consentPurpose: ConsentPurpose?, restricted: Bool, objected: Bool,
                derived: DerivedColumns) {
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
        self.country = country
        self.source = source
        self.sourceDetail = sourceDetail
        self.collectedAt = collectedAt
        self.notifiedAt = notifiedAt
        self.basis = basis
        self.consentPurpose = consentPurpose
        self.restricted = restricted
        self.objected = objected
        self.derived = derived
    }
}

/// The columns of a candidate row that are computed from the rest of the register by the write model:
/// keys the list sorts and searches by, copies that let a list page badge rows without a query per row,
/// and the retention due date.
public struct DerivedColumns: Sendable, Equatable {
    /// The folded full name (`SearchFolding`), as typed: search's form of the name.
    public var nameKey: String
    /// The key the name order sorts by: surname, then given names, in the register's alphabet
    /// (`NameCollation.key`, through the write model's language).
    public var collationKey: String
    /// Every word the candidate is found by as one types, sorted.
    public var searchTokens: [String]
    /// The stage of the latest participation, and its rank for the stage order (-1: none).
    public var stage: Stage?
    public var stageRank: Int
    public var lastActivityAt: Date
    public var retentionDueAt: Date?
    /// The latest consent record's dates for the record's consent purpose.
    public var consent: ConsentDates?

    public init(nameKey: String, collationKey: String, searchTokens: [String], stage: Stage?, stageRank: Int,
                lastActivityAt: Date, retentionDueAt: Date?, consent: ConsentDates?) {
        self.nameKey = nameKey
        self.collationKey = collationKey
        self.searchTokens = searchTokens
        self.stage = stage
        self.stageRank = stageRank
        self.lastActivityAt = lastActivityAt
        self.retentionDueAt = retentionDueAt
        self.consent = consent
    }
}

extension CandidateRecord {
    /// The facts the record's own badge is computed from.
    public var badgeFacts: BadgeFacts {
        BadgeFacts(basis: basis, consent: derived.consent, restricted: restricted, objected: objected,
                   retentionDueAt: derived.retentionDueAt, source: source, collectedAt: collectedAt,
                   notifiedAt: notifiedAt)
    }
}

/// A candidate row as a list page returns it, with the position it holds in the page's order.
public struct ListedCandidate: Sendable {
    public var record: CandidateRecord
    public var key: PageKey

    public init(record: CandidateRecord, key: PageKey) {
        self.record = record
        self.key = key
    }
}
