import Foundation
import RekryDomain

/// Contact details: the part of a profile one firm never shows a client.
public struct ContactInfo: Sendable, Equatable {
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
}

/// Profile fields with their provenance.
public struct ProfileInfo: Sendable, Equatable {
    public var homeTown: String?
    public var birthYear: Int?
    public var currentTitle: String?
    public var currentEmployer: String?
    public var country: String
    public var source: DataSource
    public var sourceDetail: String?
    public var collectedAt: Date
    public var notifiedAt: Date?
    public var links: [ProfileLink]
}

/// The decrypted text of a psychologist report, for a grantee only.
public struct ReportText: Sendable, Equatable {
    public var author: String
    public var writtenAt: Date
    public var text: String
}

/// Everything on one candidate that the actor may see, item by item, each with its badge.
public struct CandidateDetail: Sendable {
    public var id: Int64
    /// The badge of the candidate's own record (identity, contact, profile).
    public var badge: Badge
    public var name: Gated<String>
    public var contact: Gated<ContactInfo>
    public var profile: Gated<ProfileInfo>
    public var documents: [Gated<Document>]
    public var processes: [Gated<Participation>]
    public var references: [Gated<Reference>]
    public var assessments: [Gated<Assessment>]
    /// Nil when there is no report; withheld when the actor's role may not know of it.
    public var report: Gated<PsychReportMeta>?
    /// The consent history, newest first.
    public var consents: Gated<[ConsentRecord]>
    public var disclosures: Gated<[Disclosure]>
}
