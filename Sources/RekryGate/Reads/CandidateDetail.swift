import Foundation
import RekryStorage
import RekryDomain

/// Contact details: the part of a profile one firm never shows a client.
public struct ContactInfo: Sendable, Equatable, Codable {
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
}

/// Profile fields with their provenance.
public struct ProfileInfo: Sendable, Equatable, Codable {
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
public struct ReportText: Sendable, Equatable, Codable {
    public var author: String
    public var writtenAt: Date
    public var text: String
}

/// Everything on one candidate that the actor may see, item by item, each with its badge: the one
/// presentation model that the terminal UI, `rekry show`, `rekry show --json` and exports render from.
///
/// Its JSON form is typed and versioned (`schema`); docs/json.md describes it.
public struct CandidateDetail: Sendable, Codable {
    /// The JSON document's schema name and version.
    public static let schemaName = "rekry.candidate/1"
    public var schema = CandidateDetail.schemaName
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
    /// The psychologist report's text, once read through the gate (its own audited read); nil: not read.
    public var reportText: Gated<ReportText>?

    init(id: Int64, badge: Badge, name: Gated<String>, contact: Gated<ContactInfo>, profile: Gated<ProfileInfo>,
         documents: [Gated<Document>], processes: [Gated<Participation>], references: [Gated<Reference>],
         assessments: [Gated<Assessment>], report: Gated<PsychReportMeta>?, consents: Gated<[ConsentRecord]>,
         disclosures: Gated<[Disclosure]>) {
        self.id = id
        self.badge = badge
        self.name = name
        self.contact = contact
        self.profile = profile
        self.documents = documents
        self.processes = processes
        self.references = references
        self.assessments = assessments
        self.report = report
        self.consents = consents
        self.disclosures = disclosures
    }
}

/// The list of candidates as `rekry list --json` prints it.
public struct CandidateList: Sendable, Codable {
    public static let schemaName = "rekry.candidate-list/1"
    public var schema = CandidateList.schemaName
    public var rows: [CandidateRow]

    public init(rows: [CandidateRow]) { self.rows = rows }
}
/// One row of the candidate list, as the gate lets the actor see it.
public struct CandidateRow: Sendable, Codable {
    public var id: Int64
    public var name: Gated<String>
    /// "Title, Employer".
    public var position: Gated<String>
    public var stage: Gated<Stage?>
    public var badge: Badge
    /// When the person was last active; nil on a row whose profile is withheld (a withheld row's place and
    /// content say nothing of its activity).
    public var lastActivityAt: Date?
    /// Where the row stands in its list (for the next page); not part of the JSON.
    public var key: PageKey = PageKey(parts: [])

    enum CodingKeys: String, CodingKey { case id, name, position, stage, badge, lastActivityAt }

    init(id: Int64, name: Gated<String>, position: Gated<String>, stage: Gated<Stage?>, badge: Badge, lastActivityAt: Date?, key: PageKey) {
        self.id = id
        self.name = name
        self.position = position
        self.stage = stage
        self.badge = badge
        self.lastActivityAt = lastActivityAt
        self.key = key
    }
}

