import Foundation
import RekryDomain
import RekryStorage

/// The Art. 15 register extract: everything held about one person, why, from where and for how long; to
/// whom it was shown; who looked at it and why; and what they may ask for. Built through the gate.
///
/// Its JSON form is typed and versioned (`schema`, docs/json.md); `ExtractMarkdown` renders it for the
/// person to read. Items the gate withholds even from the DPO are listed under `withheld` with the reason.
public struct RegisterExtract: Sendable, Codable, Equatable {
    public static let schemaName = "rekry.register-extract/1"

    public struct Subject: Sendable, Codable, Equatable {
        public var candidateId: Int64
        /// The reference to quote in any further request (no personal data).
        public var reference: String
        public var name: String?
    }
    public struct Field: Sendable, Codable, Equatable {
        public var name: String
        public var value: String
    }
    /// How long an item is kept: the policy rule, and the date it ends when the rule's event has happened.
    public struct Retention: Sendable, Codable, Equatable {
        public var rule: String?
        public var endsAt: Date?
        public var note: String
    }
    /// One item held (Art. 15(1)(b) category, (a) purpose, (d) retention, (g) source, and the data itself).
    public struct Item: Sendable, Codable, Equatable {
        public var category: String
        public var label: String
        public var fields: [Field]
        public var basis: LegalBasis
        public var purpose: String
        public var source: String
        public var retention: Retention
    }
    public struct ConsentLine: Sendable, Codable, Equatable {
        public var purpose: ConsentPurpose
        public var givenAt: Date
        public var channel: String
        public var text: String
        public var expiresAt: Date?
        public var withdrawnAt: Date?
    }
    /// A client the profile was disclosed to (Art. 15(1)(c), C-154/21: the recipient by name).
    public struct Recipient: Sendable, Codable, Equatable {
        public var recipient: String
        public var disclosedAt: Date
        public var what: String
    }
    /// One time the data was consulted or changed (C-579/21: date and purpose; the role, not the person).
    public struct Access: Sendable, Codable, Equatable {
        public var at: Date
        public var action: String
        public var purpose: String
        public var role: String
    }
    public struct Report: Sendable, Codable, Equatable {
        public var author: String
        public var writtenAt: Date
        public var attachedAt: Date
        public var process: String
        /// The report's text, only when the staff member making the extract holds a grant.
        public var text: String?
        /// When the text is not included: who holds a grant and can add it.
        public var textHeldBy: [String]
    }
    public struct Right: Sendable, Codable, Equatable {
        public var right: String
        public var article: String
        public var how: String
    }
    public struct Withheld: Sendable, Codable, Equatable {
        /// What was left out and why, in English (the extract is written for the person, in English).
        public var item: String
        public var reason: String
        /// The same two for staff reading a summary in their language; nil in an extract read back from JSON.
        public var itemWording: Wording?
        public var reasonCode: WithholdReason?

        public init(item: String, reason: String) {
            self.item = item
            self.reason = reason
        }

        /// An item (`name`, `consent history`) left out for `reason`.
        public init(_ item: Wording, _ reason: WithholdReason) {
            self.item = item.description
            self.reason = reason.explanation
            itemWording = item
            reasonCode = reason
        }

        enum CodingKeys: String, CodingKey { case item, reason }
    }

    public var schema = RegisterExtract.schemaName
    public var generatedAt: Date
    public var subject: Subject
    public var items: [Item]
    public var consents: [ConsentLine]
    public var recipients: [Recipient]
    public var psychologistReport: Report?
    public var accessLog: [Access]
    public var transfersOutsideEEA: String
    public var automatedDecisions: String
    public var rights: [Right]
    public var withheld: [Withheld]
}

extension Gate {
    /// The register extract for a data subject's access request (Art. 15). The DPO, for the `dsr` purpose.
    ///
    /// The read is audited (format only), and so is the report read it makes when the DPO holds a grant.
    public func registerExtract(candidateId: Int64) throws -> RegisterExtract {
        try require([.dpo], for: "export --format extract")
        let now = clock.now()
        var extract = try audited { tx -> RegisterExtract in
            let s = tx.session
            guard let record = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
            try tx.audit(.candidateExport, subject: record.pseudonym, purpose: .dataSubjectRequest, detail: "format=extract")
            let detail = try detail(record, session: s, purpose: .dataSubjectRequest, now: now)
            let roles = Dictionary(try s.staffRoster().map { ($0.pseudonym, $0.role.rawValue) }, uniquingKeysWith: { a, _ in a })
            let log = try s.auditEntries(subject: record.pseudonym, limit: 100_000).map { entry in
                RegisterExtract.Access(at: entry.at, action: ExtractText.action(entry.action), purpose: ExtractText.purpose(entry.purpose),
                                       role: roles[entry.actor] ?? "staff member no longer with the firm")
            }
            return ExtractBuilder(record: record, detail: detail, policy: try retentionProfile(s).policy, now: now).extract(accessLog: log)
        }
        // The report's text, only through a grant (its own audited read); otherwise who can add it.
        // Only asked for when the actor holds a grant: a refused read would enter the person's own access log.
        if let report = extract.psychologistReport, report.textHeldBy.contains(actor.username),
           let text = try readReport(candidateId: candidateId, purpose: .dataSubjectRequest)?.value {
            extract.psychologistReport?.text = text.text
            extract.psychologistReport?.textHeldBy = []
        }
        return extract
    }
}
