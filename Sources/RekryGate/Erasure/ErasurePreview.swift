import Foundation
import RekryDomain
import RekryStorage

/// What erasing one candidate would remove and keep, read through the gate before anything goes.
///
/// Counts are given only for categories the actor may read on this record; the rest are named as
/// "not counted for your role", so that the preview reveals no more than the candidate view does.
public struct ErasurePreview: Sendable, Codable, Equatable {
    public struct Line: Sendable, Codable, Equatable {
        public var category: String
        /// Nil when the actor may not see the category on this record.
        public var count: Int?
    }
    public struct Kept: Sendable, Codable, Equatable {
        /// What stays and why, in English (as the JSON carries them).
        public var what: String
        public var why: String
        /// The same two as keys with arguments, for the reader's language; nil in a preview read back from JSON.
        public var whatWording: Wording?
        public var whyWording: Wording?

        public init(what: Wording, why: Wording) {
            self.what = what.description
            self.why = why.description
            whatWording = what
            whyWording = why
        }

        enum CodingKeys: String, CodingKey { case what, why }
    }

    public var schema = "rekry.erasure-preview/1"
    public var candidateId: Int64
    public var subject: String
    public var goes: [Line]
    public var stays: [Kept]
    /// Clients the profile was disclosed to, to be told (Art. 19); empty when the actor may not see them.
    public var recipients: [String]
    /// Why this erasure cannot go ahead (a legal obligation, a restriction only the DPO may lift), or nil.
    public var refusal: String?
    /// The refusal as a key with arguments, for the reader's language (nil when `refusal` is, or read from JSON).
    public var refusalWording: Wording?
    /// In a retention run: the profile's rule that makes the person due (`applicant role-filled 12m`).
    public var rule: String?

    public init(candidateId: Int64, subject: String, goes: [Line], stays: [Kept], recipients: [String], refusal: Wording?) {
        self.candidateId = candidateId
        self.subject = subject
        self.goes = goes
        self.stays = stays
        self.recipients = recipients
        self.refusal = refusal?.description
        refusalWording = refusal
    }

    enum CodingKeys: String, CodingKey { case schema, candidateId, subject, goes, stays, recipients, refusal, rule }
}

/// What an erasure did, without personal data: it goes into the audit log and is printed.
public struct ErasureReceipt: Sendable, Codable, Equatable {
    public var schema = "rekry.erasure-receipt/1"
    public var subject: String
    public var erasedAt: Date
    public var request: String?
    /// The staff member who erased, as their pseudonym.
    public var by: String
    public var categories: [String: Int]
    /// Whether the journals were checkpointed: no byte of the person is left in any file of the register.
    public var bytesGone: Bool
    /// Whether this erasure was begun earlier and finished now (after a crash).
    public var resumed: Bool
    /// For retention that took one category of a person who stays: the category, and the rule that made
    /// it due (both absent when the whole person went).
    public var category: String?
    public var rule: String?

    public init(subject: String, erasedAt: Date, request: String?, by: String, categories: [String: Int], bytesGone: Bool,
                resumed: Bool, category: String? = nil, rule: String? = nil) {
        self.subject = subject
        self.erasedAt = erasedAt
        self.request = request
        self.by = by
        self.categories = categories
        self.bytesGone = bytesGone
        self.resumed = resumed
        self.category = category
        self.rule = rule
    }
}
