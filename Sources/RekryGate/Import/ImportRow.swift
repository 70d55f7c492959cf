import Foundation
import RekryDomain

/// A field an import row may carry, as the register names it.
public enum ImportField: String, CaseIterable, Sendable, Codable {
    case name, email, phone, homeTown = "home-town", postalAddress = "address", birthYear = "birth-year", title, employer, country
    case source, sourceDetail = "source-detail", basis, consentChannel = "consent-channel", consentText = "consent-text"
    case link, cv, coverLetter = "cover-letter"
}

/// One candidate read from an import file and not yet validated: raw text, and where each value came from.
public struct ImportRow: Sendable {
    /// Where the row is: `people.csv:14`, or `anna.json` (with `#/0` for an array's first element).
    public var location: String
    public var fields: [ImportField: String]
    /// The column header or JSON pointer each field came from, so an error names what the file calls it.
    public var origins: [ImportField: String]
    public var links: [ProfileLink.Draft]
    /// Documents beyond the `cv` and `cover-letter` fields (a résumé's composed text).
    public var documents: [(kind: Document.Kind, title: String, body: String)]
    public var references: [ReferenceDraft]
    /// Where each reference came from (its JSON pointer).
    public var referenceOrigins: [String]

    public init(location: String, fields: [ImportField: String] = [:], origins: [ImportField: String] = [:],
                links: [ProfileLink.Draft] = [], documents: [(kind: Document.Kind, title: String, body: String)] = [],
                references: [ReferenceDraft] = [], referenceOrigins: [String] = []) {
        self.location = location
        self.fields = fields
        self.origins = origins
        self.links = links
        self.documents = documents
        self.references = references
        self.referenceOrigins = referenceOrigins
    }
}

extension ProfileLink {
    /// A link read from a file, before its source is known (the row's source is given to it).
    public struct Draft: Sendable, Equatable {
        public var kind: String
        public var url: String
        public var origin: String
        public init(kind: String, url: String, origin: String) {
            self.kind = kind
            self.url = url
            self.origin = origin
        }
    }
}

/// Why one row (or a whole file) cannot be imported: the file and line or JSON pointer, the field, the rule.
public struct ImportProblem: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    public var location: String
    public var field: String
    public var message: String

    public init(location: String, field: String, message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String { "\(location): \(field): \(message)" }
}

/// How an import treats what it finds.
public struct ImportOptions: Sendable {
    public enum OnDuplicate: String, Sendable, CaseIterable { case skip, update }
    /// The source and basis of rows that do not carry their own.
    public var source: DataSource?
    public var basis: LegalBasis?
    public var onDuplicate: OnDuplicate
    public var skipInvalid: Bool
    public var dryRun: Bool
    /// `csv` or `resume`, for the audit entry.
    public var format: String

    public init(source: DataSource? = nil, basis: LegalBasis? = nil, onDuplicate: OnDuplicate = .skip, skipInvalid: Bool = false,
                dryRun: Bool = false, format: String) {
        self.source = source
        self.basis = basis
        self.onDuplicate = onDuplicate
        self.skipInvalid = skipInvalid
        self.dryRun = dryRun
        self.format = format
    }
}

/// What an import did (or, on a dry run or refused run, would have done). No personal data.
public struct ImportReport: Sendable, Codable, Equatable {
    public var schema = "rekry.import-report/1"
    public var rows = 0
    public var added = 0
    public var updated = 0
    public var skippedDuplicates = 0
    /// Rows refused because they match an erased person's suppression entry (counted, never named).
    public var suppressed = 0
    public var invalid = 0
    /// The first problems found (all of them up to 1,000), each naming file, line or pointer, field and rule.
    public var problems: [ImportProblem] = []
    public var dryRun = false
    /// Whether anything was written: false on a dry run, and when invalid rows stopped the run.
    public var written = false
    public var seconds = 0.0
}
