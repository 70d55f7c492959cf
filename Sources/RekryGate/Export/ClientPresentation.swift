import Foundation
import RekryDomain
import RekryStorage

/// A candidate's profile as shown to a client: redacted, and recorded as a disclosure.
///
/// No contact details, no psychologist report (not even that one exists), no references' contact details or
/// statements, no internal notes or assessments. It is shown, not transferred: the client gets a reading
/// copy, and the register records who saw what and when (Art. 19 and the extract's recipients).
public struct ClientPresentation: Sendable, Codable, Equatable {
    public static let schemaName = "rekry.client-presentation/1"
    public struct Job: Sendable, Codable, Equatable {
        public var title: String?
        public var organisation: String?
        public var start: String?
        public var end: String?
    }
    public struct Study: Sendable, Codable, Equatable {
        public var title: String?
        public var organisation: String?
        public var start: String?
        public var end: String?
    }
    public struct Referee: Sendable, Codable, Equatable {
        public var name: String
        public var title: String?
        public var workplace: String?
        public var relationship: String
    }

    public var schema = ClientPresentation.schemaName
    public var recipient: String
    public var preparedAt: Date
    /// The candidate's reference at the firm (a pseudonym): what the client quotes back.
    public var reference: String
    public var name: String?
    public var title: String?
    public var employer: String?
    public var homeTown: String?
    public var country: String?
    public var experience: [Job]
    public var education: [Study]
    public var skills: [String]
    public var languages: [String]
    public var references: [Referee]
    /// What the firm left out, and why (the gate's withheld items; redactions are by design and not listed).
    public var notIncluded: [String]
}

extension Gate {
    /// Prepares the client presentation of a candidate for `recipient` (recruiters and leads); refused without a
    /// valid `client-sharing` consent, with the reason. Nothing is disclosed yet: `recordDisclosure` records it
    /// once the presentation has been written, so a preview that is declined discloses nothing.
    public func clientPresentation(candidateId: Int64, recipient rawRecipient: String) throws -> ClientPresentation {
        try require([.recruiter, .lead], for: "export --format client")
        let recipient = try Self.recipientName(rawRecipient)
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            guard let record = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
            try Self.requireClientSharing(s, candidateId: candidateId, at: now)
            let detail = try detail(record, session: s, purpose: .recruitment, now: now)
            if let reason = detail.name.reason ?? detail.profile.reason {
                throw RegisterError.refusedBecause(Wording("gate.client.withheld", ["id": "\(candidateId)", "reason": .withheld(reason)]))
            }
            try tx.audit(.candidateExport, subject: record.pseudonym, purpose: .recruitment, detail: "format=client step=prepared")
            return ClientPresentationBuilder.build(detail, reference: record.pseudonym, recipient: recipient, now: now)
        }
    }

    /// Records that a prepared presentation was given to its recipient (Art. 19; the extract's recipients);
    /// the consent is checked again, as it may have been withdrawn meanwhile.
    public func recordDisclosure(of presentation: ClientPresentation, candidateId: Int64) throws {
        try require([.recruiter, .lead], for: "export --format client")
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            guard let record = try s.candidate(id: candidateId), record.pseudonym == presentation.reference else {
                throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"]))
            }
            try Self.requireClientSharing(s, candidateId: candidateId, at: now)
            // A restriction or objection recorded since the presentation was prepared stops it too.
            let detail = try detail(record, session: s, purpose: .recruitment, now: now)
            if let reason = detail.name.reason ?? detail.profile.reason {
                throw RegisterError.refusedBecause(Wording("gate.client.nowWithheld", ["id": "\(candidateId)", "reason": .withheld(reason)]))
            }
            try s.insertDisclosure(candidateId: candidateId, Disclosure(recipient: presentation.recipient, disclosedAt: now,
                                                                        what: ClientPresentationBuilder.shared))
            try tx.audit(.candidateExport, subject: record.pseudonym, purpose: .recruitment, detail: "format=client step=disclosed")
        }
    }

    static func recipientName(_ raw: String) throws -> String {
        let recipient = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !recipient.isEmpty else { throw RegisterError.invalidBecause(field: "--recipient", Wording("gate.rule.recipientRequired")) }
        // Printed later on staff terminals and in the person's extract: no control or format characters (escape
        // sequences, bidirectional overrides), and 200 code points at most, however they combine.
        guard recipient.unicodeScalars.count <= 200,
              !recipient.unicodeScalars.contains(where: { [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }) else {
            throw RegisterError.invalidBecause(field: "--recipient", Wording("gate.rule.recipientLine"))
        }
        return recipient
    }

    static func requireClientSharing(_ s: any StorageSession, candidateId: Int64, at now: Date) throws {
        let consent = ConsentState.of(try s.consents(candidateId: candidateId), purpose: .clientSharing, at: now)
        guard consent.isUsable else {
            throw RegisterError.refusedBecause(Wording("gate.client.noConsent", ["id": "\(candidateId)", "state": .code("gate.consentState", consent.rawValue)]))
        }
    }
}

enum ClientPresentationBuilder {
    /// What the disclosure record says was shared.
    static let shared = "client presentation: name, title, employer, home town, jobs and studies (titles, organisations, years), skills, languages, referees' names and roles"

    static func build(_ d: CandidateDetail, reference: String, recipient: String, now: Date) -> ClientPresentation {
        var notIncluded: [String] = []
        if let reason = d.name.reason { notIncluded.append("name: \(reason.explanation)") }
        if let reason = d.profile.reason { notIncluded.append("profile: \(reason.explanation)") }
        let profile = d.profile.value
        let cvs = d.documents.compactMap(\.value).filter { $0.kind == .cv }.sorted { $0.receivedAt > $1.receivedAt }
        if d.documents.contains(where: { $0.value == nil }) { notIncluded.append("some documents: withheld by the register's rules") }
        let sections = cvs.first.map { CVSections(text: $0.body) }
        // Only the CV's structured parts travel, and no free text: a CV's prose can hold anything (contact
        // details, a referee's words, health), so summaries and highlights stay home, and any value that
        // looks like contact data is dropped whole.
        let contact = d.contact.value
        let guardText = ClientText(known: [contact?.email, contact?.phone, contact?.postalAddress].compactMap { $0 })
        let referees = d.references.compactMap(\.value).map {
            ClientPresentation.Referee(name: $0.name, title: guardText.clean($0.title), workplace: guardText.clean($0.workplace),
                                       relationship: guardText.clean($0.relationship) ?? "referee")
        }
        if d.references.contains(where: { $0.value == nil }) { notIncluded.append("some referees: withheld by the register's rules") }
        return ClientPresentation(
            recipient: recipient, preparedAt: now, reference: reference, name: d.name.value, title: guardText.clean(profile?.currentTitle),
            employer: guardText.clean(profile?.currentEmployer), homeTown: guardText.clean(profile?.homeTown), country: profile?.country,
            experience: (sections?.work ?? []).map {
                .init(title: guardText.clean($0.title), organisation: guardText.clean($0.organisation), start: $0.start, end: $0.end)
            },
            education: (sections?.education ?? []).map {
                .init(title: guardText.clean($0.title), organisation: guardText.clean($0.organisation), start: $0.start, end: $0.end)
            },
            skills: (sections?.skills ?? []).compactMap { skill in guardText.clean(skill.level.map { "\(skill.name) (\($0))" } ?? skill.name) },
            languages: (sections?.languages ?? []).compactMap { l in guardText.clean(l.fluency.map { "\(l.language) (\($0))" } ?? l.language) },
            references: referees, notIncluded: notIncluded)
    }
}

/// Keeps contact data out of what a client sees: a value that holds an email address, a run of six digits
/// (a phone number, a postal code with a street), a web address, or any of the person's own contact
/// details, is dropped whole; so is anything longer than a short label.
struct ClientText {
    let known: [String]

    func clean(_ value: String?) -> String? {
        guard let v = value?.trimmedWhitespace, !v.isEmpty, v.count <= 120 else { return nil }
        let lower = v.lowercased()
        if lower.contains("@") || lower.contains("http") || lower.contains("www.") { return nil }
        var run = 0, longest = 0
        for ch in v {
            if ch.isNumber { run += 1; longest = max(longest, run) } else if ch != " " && ch != "-" { run = 0 }
        }
        if longest >= 6 { return nil }
        if known.contains(where: { !$0.isEmpty && lower.contains($0.lowercased()) }) { return nil }
        return v
    }
}
