import Foundation

/// What an erasure of one candidate removes, counted per category, read before anything goes.
public struct ErasureInventory: Sendable, Equatable {
    public var candidateId: Int64
    public var pseudonym: String
    public var contactDetails: Int
    public var links: Int
    public var documents: Int
    public var notes: Int
    public var assessments: Int
    public var references: Int
    public var referenceStatements: Int
    public var consents: Int
    public var participations: Int
    public var psychReports: Int
    public var reportKeys: Int
    public var reportGrants: Int
    public var disclosures: Int
    public var recordChanges: Int
    /// Items whose basis is a legal obligation (Art. 17(3)(b)): kinds and counts, e.g. "document" → 1.
    public var legalObligationItems: [String: Int]
    /// Every client the profile was disclosed to (Art. 19), each once.
    public var recipients: [String]

    public init(candidateId: Int64, pseudonym: String, contactDetails: Int = 0, links: Int = 0, documents: Int = 0, notes: Int = 0,
                assessments: Int = 0, references: Int = 0, referenceStatements: Int = 0, consents: Int = 0, participations: Int = 0,
                psychReports: Int = 0, reportKeys: Int = 0, reportGrants: Int = 0, disclosures: Int = 0, recordChanges: Int = 0,
                legalObligationItems: [String: Int] = [:], recipients: [String] = []) {
        self.candidateId = candidateId
        self.pseudonym = pseudonym
        self.contactDetails = contactDetails
        self.links = links
        self.documents = documents
        self.notes = notes
        self.assessments = assessments
        self.references = references
        self.referenceStatements = referenceStatements
        self.consents = consents
        self.participations = participations
        self.psychReports = psychReports
        self.reportKeys = reportKeys
        self.reportGrants = reportGrants
        self.disclosures = disclosures
        self.recordChanges = recordChanges
        self.legalObligationItems = legalObligationItems
        self.recipients = recipients
    }
}

/// An erasure begun and not yet finished: what a crash leaves for the next open to complete.
public struct PendingErasure: Sendable, Equatable {
    public var candidateId: Int64
    public var subject: String
    public var request: String?
    public var actor: String
    public var startedAt: Date

    public init(candidateId: Int64, subject: String, request: String?, actor: String, startedAt: Date) {
        self.candidateId = candidateId
        self.subject = subject
        self.request = request
        self.actor = actor
        self.startedAt = startedAt
    }
}

/// One line of the erasure log: pseudonyms, time, request reference and category counts; no personal data.
public struct ErasureRecord: Sendable, Equatable {
    public enum Kind: String, Sendable { case candidate, reference }
    public var subject: String
    public var kind: Kind
    public var erasedAt: Date
    public var request: String?
    public var actor: String
    /// "category=count" pairs, space-separated.
    public var categories: String

    public init(subject: String, kind: Kind, erasedAt: Date, request: String?, actor: String, categories: String) {
        self.subject = subject
        self.kind = kind
        self.erasedAt = erasedAt
        self.request = request
        self.actor = actor
        self.categories = categories
    }
}

/// A keyed hash that stops an erased person from being added again.
public struct SuppressionEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case email, phone, nameBirthYear = "name-birth-year" }
    public var hash: String
    public var kind: Kind
    /// The erased person's pseudonym: which erasure the entry came from.
    public var subject: String
    public var createdAt: Date

    public init(hash: String, kind: Kind, subject: String, createdAt: Date) {
        self.hash = hash
        self.kind = kind
        self.subject = subject
        self.createdAt = createdAt
    }
}

/// What the retention rules of one category need to know of a candidate holding data in that category.
public struct RetentionFacts: Sendable, Equatable {
    public var candidateId: Int64
    public var pseudonym: String
    public var country: String
    public var lastActivityAt: Date
    /// When the last of their processes closed, if they were in any and none is open.
    public var lastProcessClosedAt: Date?
    /// Whether any process of theirs reached `hired`.
    public var hired: Bool

    public init(candidateId: Int64, pseudonym: String, country: String, lastActivityAt: Date, lastProcessClosedAt: Date?, hired: Bool) {
        self.candidateId = candidateId
        self.pseudonym = pseudonym
        self.country = country
        self.lastActivityAt = lastActivityAt
        self.lastProcessClosedAt = lastProcessClosedAt
        self.hired = hired
    }
}

/// One line of the category erasure log: one category taken from a person who stays; no personal data.
public struct CategoryErasureRecord: Sendable, Equatable {
    public var subject: String
    /// `contact-details` or `psych-report`.
    public var category: String
    public var erasedAt: Date
    public var request: String?
    public var actor: String
    /// The retention rule that made it due, as the policy file writes it.
    public var rule: String
    /// "item=count" pairs, space-separated.
    public var counts: String

    public init(subject: String, category: String, erasedAt: Date, request: String?, actor: String, rule: String, counts: String) {
        self.subject = subject
        self.category = category
        self.erasedAt = erasedAt
        self.request = request
        self.actor = actor
        self.rule = rule
        self.counts = counts
    }
}
