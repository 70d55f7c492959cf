import Foundation
import RekryDomain
import RekryStorage

/// A category that retention takes from a person who otherwise stays on the register.
public enum ErasableCategory: String, CaseIterable, Codable, Sendable {
    /// Email, phone, postal address and links: "deleted or anonymised right after the process".
    case contactDetails = "contact-details"
    /// The psychologist report with its keys and grants (normally destroyed at the close already; this
    /// catches any the close did not, such as a process closed before the rule).
    case psychReport = "psych-report"
    /// Referees' references and statements about the person ("kept until the employment ends").
    case referenceReport = "reference-report"
    /// Test results (assessments of kind test).
    case testResults = "test-results"

    /// The policy category whose rule says when this one is due.
    public var retentionCategory: RetentionCategory {
        switch self {
        case .contactDetails: .contactDetails
        case .psychReport: .psychReport
        case .referenceReport: .referenceReport
        case .testResults: .testResults
        }
    }

    /// Whether erasing it touches the full-text index.
    var indexesText: Bool { self == .contactDetails || self == .testResults }
}

/// One category of one person that the retention policy says is due, with the rule that says so.
public struct CategoryDue: Sendable, Codable, Equatable {
    public var schema = "rekry.category-due/1"
    public var candidateId: Int64
    public var subject: String
    public var category: ErasableCategory
    /// The policy line that makes it due, e.g. `contact-details process-closed 0d`.
    public var rule: String
    public var dueAt: Date
    /// Why it is not erased in this run (a restricted record on a lead's run), or nil.
    public var refusal: String?
    /// The refusal as a key with arguments, for the reader's language (nil when `refusal` is, or read from JSON).
    public var refusalWording: Wording? = nil

    enum CodingKeys: String, CodingKey { case schema, candidateId, subject, category, rule, dueAt, refusal }
}

extension Gate {
    /// Categories the policy says are due by now, for candidates who are not due as a whole (the DPO, leads).
    ///
    /// A category's rule for the candidate's country applies, else its `*` rule; a rule counts from an
    /// event Rekry records (a process closing: the last of the candidate's processes, none still open; the
    /// last contact or activity). A psychologist report is never due for someone hired (it is kept for
    /// the employment).
    public func categoriesDue(_ categories: [ErasableCategory] = ErasableCategory.allCases, limit: Int = 10_000) throws -> [CategoryDue] {
        try require([.dpo, .lead], for: "erase --retention-due")
        let now = clock.now()
        let policy = try writeModel().policy
        return try reading { s in
            var due: [CategoryDue] = []
            // A category the profile keeps no rule for is never due: its holders need not be read at all.
            for category in categories where policy.rules.contains(where: { $0.category == category.retentionCategory }) {
                for facts in try s.retentionFacts(holding: category.rawValue) where due.count < limit {
                    guard let record = try s.candidate(id: facts.candidateId) else { continue }
                    // A person due as a whole goes with the whole-person run, not piece by piece.
                    if let whole = record.derived.retentionDueAt, whole <= now { continue }
                    // The events the write model derives retention from, so both runs count from the same dates.
                    let events = try retentionEvents(s, record)
                    // Of the category's rules whose event has happened, the one that falls due first.
                    let dated = policy.rules(for: category.retentionCategory, country: record.country).compactMap { rule -> (RetentionRule, Date)? in
                        // A hired candidate's report is kept for the employment, not destroyed at the close.
                        if category == .psychReport && facts.hired && rule.event == .processClosed { return nil }
                        return events.date(of: rule.event).map { (rule, rule.period.after($0)) }
                    }
                    guard let (rule, dueAt) = dated.min(by: { $0.1 < $1.1 }), dueAt <= now else { continue }
                    var refusal: Wording?
                    do {
                        try requireWrite(.eraseCandidate, badge: BadgePolicy.badge(for: record.badgeFacts, at: now), candidateId: facts.candidateId)
                    } catch RegisterError.refusedBecause(let reason) {
                        refusal = reason
                    }
                    if refusal == nil { refusal = withheldProfileRefusal(s, record, action: .eraseCandidate) }
                    // A record the actor may not erase is the DPO's: a lead's run does not list it, since its
                    // category, rule and date would tell what the record holds and when its process closed.
                    if refusal != nil && actor.role != .dpo { continue }
                    due.append(CategoryDue(candidateId: facts.candidateId, subject: facts.pseudonym, category: category,
                                           rule: Self.ruleText(rule), dueAt: dueAt, refusal: refusal?.description, refusalWording: refusal))
                }
            }
            return due
        }
    }

    /// Erases each due category (refused ones are skipped), one audited transaction a person, then
    /// checkpoints both files with TRUNCATE; the receipts say whether any byte is left in a journal.
    public func eraseCategories(_ due: [CategoryDue], request: String? = nil) throws -> [ErasureReceipt] {
        try require([.dpo, .lead], for: "erase --retention-due")
        let request = try ErasureRules.request(request)
        let now = clock.now()
        var receipts: [ErasureReceipt] = []
        for item in due where item.refusal == nil {
            let receipt: ErasureReceipt? = try audited(indexingText: item.category.indexesText) { tx in
                let s = tx.session
                guard try s.candidate(id: item.candidateId) != nil else { return nil }
                var counts: [String: Int] = [:]
                switch item.category {
                case .contactDetails:
                    var cleared: [CandidateField] = []
                    // The same details written into their CV or a note go too: a pattern per value, found in
                    // any spelling of its separators, replaced in the text and in the full-text index.
                    guard let before = try s.candidate(id: item.candidateId) else { return nil }
                    let redaction = ContactRedaction(email: before.email, phone: before.phone, address: before.postalAddress,
                                                     country: before.country, links: try s.links(candidateId: item.candidateId).map(\.url))
                    var texts = 0
                    for d in try s.documents(candidateId: item.candidateId) {
                        guard let redacted = redaction.apply(d.body) else { continue }
                        try s.replaceText(candidateId: item.candidateId, rowid: d.id, body: redacted,
                                          entry: WriteModel.standard.textEntry(candidateId: item.candidateId, documentId: d.id, body: redacted))
                        texts += 1
                    }
                    for a in try s.assessments(candidateId: item.candidateId) {
                        guard let redacted = redaction.apply(a.text) else { continue }
                        try s.replaceText(candidateId: item.candidateId, rowid: -a.id, body: redacted,
                                          entry: WriteModel.standard.textEntry(candidateId: item.candidateId, assessmentId: a.id, text: redacted))
                        texts += 1
                    }
                    // And from every shorter free text of theirs (titles, disclosures, statements, a consent's
                    // channel and wording), and from a breach's free text, should one quote them.
                    texts += try s.redactShortTexts(candidateId: item.candidateId, redaction.apply)
                    if s.breachRedactionWaitsForTheDPO && actor.role != .dpo {
                        try s.oweBreachRedaction(candidateId: item.candidateId, contactOnly: true)
                    } else {
                        texts += try redaction.applyToBreaches(s)
                    }
                    counts["texts-redacted"] = texts
                    _ = try changeCandidate(tx, id: item.candidateId, action: .eraseCandidate, countsAsActivity: false) { r in
                        if r.email != nil { cleared.append(.email); r.email = nil }
                        if r.phone != nil { cleared.append(.phone); r.phone = nil }
                        if r.postalAddress != nil { cleared.append(.postalAddress); r.postalAddress = nil }
                        // Where the record came from may quote how they were reached ("tips from <email>").
                        if let detail = r.sourceDetail, let redacted = redaction.apply(detail) { r.sourceDetail = redacted }
                    }
                    for field in cleared {
                        try s.logChange(candidateId: item.candidateId, RecordChange(field: field.rawValue, changedAt: now, changedBy: actor.pseudonym))
                    }
                    counts["contact-details"] = cleared.count
                    counts["links"] = try s.deleteLinks(candidateId: item.candidateId)
                case .psychReport:
                    counts["psych-reports"] = try s.deletePsychReports(candidateId: item.candidateId)
                case .referenceReport:
                    let gone = try s.deleteReferences(candidateId: item.candidateId)
                    counts["references"] = gone.references
                    counts["statements"] = gone.statements
                case .testResults:
                    counts["test-results"] = try s.deleteAssessments(candidateId: item.candidateId, kind: .test)
                }
                counts = counts.filter { $0.value > 0 }
                guard !counts.isEmpty else { return nil }
                let text = counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                try s.recordCategoryErasure(CategoryErasureRecord(subject: item.subject, category: item.category.rawValue, erasedAt: now,
                                                                  request: request, actor: actor.pseudonym, rule: item.rule, counts: text))
                try tx.audit(.categoryErase, subject: item.subject, purpose: .dataSubjectRequest,
                             detail: (request.map { "request=\($0) " } ?? "") + "category=\(item.category.rawValue) rule=\(item.rule.replacingOccurrences(of: " ", with: "/")) " + text)
                return ErasureReceipt(subject: item.subject, erasedAt: now, request: request, by: actor.pseudonym, categories: counts,
                                      bytesGone: false, resumed: false, category: item.category.rawValue, rule: item.rule)
            }
            if let receipt { receipts.append(receipt) }
        }
        guard !receipts.isEmpty else { return [] }
        let gone = try erasedBytesGone()
        return receipts.map { var r = $0; r.bytesGone = gone; return r }
    }

    /// The dates a rule can count from for this candidate, as the write model derives them.
    func retentionEvents(_ s: any StorageSession, _ record: CandidateRecord) throws -> RetentionEvents {
        let facts = try writeFacts(s, record, activity: record.derived.lastActivityAt)
        let talentPool = record.consentPurpose == .talentPool ? Self.latestConsent(facts.consents, purpose: .talentPool) : nil
        return WriteModel.events(facts, activity: record.derived.lastActivityAt, talentPool: talentPool)
    }

    static func ruleText(_ rule: RetentionRule) -> String {
        "\(rule.category.rawValue) \(rule.event.rawValue) \(rule.period)" + (rule.country == "*" ? "" : " \(rule.country)")
    }
}

/// Finds a person's contact details inside free text: the email in any letter case, the phone number with
/// any separators between its digits (and in the national form, a leading 0 for the country code), the
/// postal address with any line breaks, spaces or commas between its words, and the profile links the person
/// gave (with or without `https://`). `apply` returns the text with each replaced, or nil when none occurs.
struct ContactRedaction {
    let patterns: [NSRegularExpression]
    let replacement: String
    /// The person's name too, in a breach's free text (see `NameRedaction`).
    let name: NameRedaction?

    /// `name`: the person's full name goes too (a breach's free text), replaced by `replacement`.
    init(email: String?, phone: String?, address: String?, country: String, name: String? = nil, links: [String] = [],
         replacement: String = "[contact details removed]") {
        self.replacement = replacement
        self.name = name.map(NameRedaction.init(name:))
        var sources: [String] = []
        if let email, !email.isEmpty { sources.append(NSRegularExpression.escapedPattern(for: email)) }
        if let phone {
            let digits = phone.filter { $0.isASCII && $0.isNumber }.map(String.init)
            if digits.count >= 6 {
                let gap = #"[\s\-./()]*"#
                sources.append(#"\+?"# + digits.joined(separator: gap))
                // The other form of the same number: national if it was stored internationally, and back.
                let number = PhoneNumber(phone, country: country)
                for form in [number?.national, number?.international.map { "+" + $0 }].compactMap({ $0 }) {
                    let formDigits = form.filter { $0.isASCII && $0.isNumber }.map(String.init)
                    if formDigits.count >= 6, formDigits != digits { sources.append(#"\+?"# + formDigits.joined(separator: gap)) }
                }
            }
        }
        if let address, address.count >= 6 {
            // "Zqgatan 17, 111 22 Zqstad" written over two lines in a CV is the same address.
            let words = address.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { NSRegularExpression.escapedPattern(for: String($0)) }
            sources.append(words.joined(separator: #"[\s,]+"#))
        }
        for link in links {
            let bare = link.replacingOccurrences(of: #"^[a-zA-Z]+://(www\.)?"#, with: "", options: .regularExpression)
            guard bare.count >= 6 else { continue }
            sources.append(#"(?:[a-zA-Z]+://)?(?:www\.)?"# + NSRegularExpression.escapedPattern(for: bare.hasSuffix("/") ? String(bare.dropLast()) : bare) + "/?")
        }
        patterns = sources.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    }

    func apply(_ text: String) -> String? {
        var out = text
        for p in patterns {
            out = p.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
        }
        if let name, let named = name.apply(out, replacement: replacement) { out = named }
        return out == text ? nil : out
    }

    /// Takes the person out of every breach's description and measures; returns how many breaches changed.
    func applyToBreaches(_ s: any StorageSession) throws -> Int {
        var changed = 0
        for breach in try s.breaches() {
            let what = apply(breach.what), measures = apply(breach.measures)
            guard what != nil || measures != nil else { continue }
            try s.updateBreachTexts(id: breach.id, what: what ?? breach.what, measures: measures ?? breach.measures)
            changed += 1
        }
        return changed
    }
}
