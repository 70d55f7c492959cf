import Foundation
import RekryDomain
import RekryStorage

/// Builds the register extract from the gated view of one candidate: each shown item with its category,
/// basis, purpose, source and retention; each withheld one with its reason.
struct ExtractBuilder {
    let record: CandidateRecord
    let detail: CandidateDetail
    let policy: RetentionPolicy
    let now: Date

    func extract(accessLog: [RegisterExtract.Access]) -> RegisterExtract {
        var items: [RegisterExtract.Item] = []
        var withheld: [RegisterExtract.Withheld] = []
        func add<T>(_ gated: Gated<T>, _ label: Wording, _ build: (T) -> RegisterExtract.Item?) {
            switch gated {
            case .shown(let value, _): if let item = build(value) { items.append(item) }
            case .withheld(_, let reason): withheld.append(.init(label, reason))
            }
        }
        let personSource = ExtractText.source(record.source, detail: record.sourceDetail)
        let whole = wholeRetention()

        add(detail.name, Wording("gate.extract.name")) { name in
            item("identity", "Name", [("name", name)], record.basis, ExtractText.purpose(for: .identity, record), personSource, whole)
        }
        add(detail.contact, Wording("gate.extract.contact details")) { c in
            let fields = [("email", c.email), ("phone", c.phone), ("postal address", c.postalAddress)].compactMap { f in f.1.map { (f.0, $0) } }
            return fields.isEmpty ? nil
                : item("contact", "Contact details", fields, record.basis, ExtractText.purpose(for: .contact, record), personSource, categoryRetention(.contactDetails))
        }
        add(detail.profile, Wording("gate.extract.profile")) { p in
            var fields: [(String, String?)] = [("home town", p.homeTown), ("birth year", p.birthYear.map(String.init)),
                                               ("current title", p.currentTitle), ("current employer", p.currentEmployer),
                                               ("country", p.country), ("collected", DayFormat.day(p.collectedAt))]
            if let notified = p.notifiedAt { fields.append(("told of this register (Art. 14)", DayFormat.day(notified))) }
            for link in p.links { fields.append(("link (\(link.kind), from \(link.source.label))", link.url)) }
            return item("profile", "Profile", fields.compactMap { f in f.1.map { (f.0, $0) } }, record.basis,
                        ExtractText.purpose(for: .profile, record), personSource, whole)
        }
        for (i, gated) in detail.documents.enumerated() {
            add(gated, Wording("gate.extract.document", ["n": "\(i + 1)"])) { d in
                item("documents", d.title.isEmpty ? d.kind.rawValue : d.title,
                     [("kind", d.kind.rawValue), ("received", DayFormat.day(d.receivedAt)), ("text", d.body)], d.basis,
                     ExtractText.purpose(for: .documents, record),
                     record.source.providedByPerson ? "from you" : "received with your profile (\(personSource))", whole)
            }
        }
        for (i, gated) in detail.processes.enumerated() {
            add(gated, Wording("gate.extract.process", ["n": "\(i + 1)"])) { p in
                var fields = [("role", p.process.title), ("stage", p.stage.rawValue), ("since", DayFormat.day(p.startedAt))]
                if let client = p.process.client { fields.append(("client", client)) }
                if let closed = p.process.closedAt { fields.append(("closed", DayFormat.day(closed))) }
                return item("processes", "Recruitment process: \(p.process.title)", fields, p.basis, ExtractText.purpose(for: .processes, record),
                            "recorded by the firm", ruleRetention(.applicant))
            }
        }
        for (i, gated) in detail.references.enumerated() {
            add(gated, Wording("gate.extract.reference", ["n": "\(i + 1)"])) { r in
                var fields = [("referee", r.name), ("relationship", r.relationship)]
                if let t = r.title { fields.append(("referee's title", t)) }
                if let w = r.workplace { fields.append(("workplace", w)) }
                for (k, st) in r.statements.enumerated() { fields.append(("statement \(k + 1) (\(DayFormat.day(st.givenAt)))", st.text)) }
                return item("references", "Reference from \(r.name)", fields, r.basis, ExtractText.purpose(for: .references, record),
                            "given by the referee, \(r.name)", ruleRetention(.referenceReport))
            }
        }
        for (i, gated) in detail.assessments.enumerated() {
            add(gated, Wording("gate.extract.assessment", ["n": "\(i + 1)"])) { a in
                var fields = [("kind", a.kind.label), ("title", a.title), ("recorded", DayFormat.day(a.recordedAt)), ("text", a.text)]
                if let score = a.score { fields.append(("score", score)) }
                return item("assessments", a.kind.label + ": " + a.title, fields, a.basis, ExtractText.purpose(for: .assessments, record),
                            a.provider.map { "written by \($0)" } ?? "written by the firm's staff", ruleRetention(.assessmentCandidate))
            }
        }
        var consents: [RegisterExtract.ConsentLine] = []
        switch detail.consents {
        case .shown(let list, _):
            consents = list.map { .init(purpose: $0.purpose, givenAt: $0.givenAt, channel: $0.channel, text: $0.text,
                                        expiresAt: $0.expiresAt, withdrawnAt: $0.withdrawnAt) }
        case .withheld(_, let reason): withheld.append(.init(Wording("gate.extract.consent history"), reason))
        }
        var recipients: [RegisterExtract.Recipient] = []
        switch detail.disclosures {
        case .shown(let list, _): recipients = list.map { .init(recipient: $0.recipient, disclosedAt: $0.disclosedAt, what: $0.what) }
        case .withheld(_, let reason): withheld.append(.init(Wording("gate.extract.recipients"), reason))
        }
        var report: RegisterExtract.Report?
        switch detail.report {
        case .shown(let meta, _)?:
            report = .init(author: meta.author, writtenAt: meta.writtenAt, attachedAt: meta.attachedAt, process: meta.processTitle,
                           text: nil, textHeldBy: meta.grantees)
        case .withheld(_, let reason)?: withheld.append(.init(Wording("gate.extract.psychologist report"), reason))
        case nil: break
        }
        return RegisterExtract(
            generatedAt: now,
            subject: .init(candidateId: record.id, reference: record.pseudonym, name: detail.name.value),
            items: items, consents: consents, recipients: recipients, psychologistReport: report, accessLog: accessLog,
            transfersOutsideEEA: "None: the register is kept by the firm on its own machines, and nothing in it is sent outside the EU/EEA.",
            automatedDecisions: "None: no decision about you is made by automated means, and no profiling is done (Art. 22). Badges in the software only hide data; people decide.",
            rights: ExtractText.rights(country: record.country, reference: record.pseudonym),
            withheld: withheld)
    }

    private func item(_ category: String, _ label: String, _ fields: [(String, String)], _ basis: LegalBasis, _ purpose: String,
                      _ source: String, _ retention: RegisterExtract.Retention) -> RegisterExtract.Item {
        RegisterExtract.Item(category: category, label: label, fields: fields.map { .init(name: $0.0, value: $0.1) }, basis: basis,
                             purpose: purpose, source: source, retention: retention)
    }

    /// The whole profile: the earlier of "N after the last process closes" and "unused for N".
    private func wholeRetention() -> RegisterExtract.Retention {
        let rules = [RetentionCategory.candidateProfile, .unused].compactMap { policy.rule(for: $0, country: record.country) }.map(Self.text)
        guard let due = record.derived.retentionDueAt else {
            return .init(rule: rules.joined(separator: "; "), endsAt: nil, note: "kept while a recruitment process is open, then as the rules say")
        }
        return .init(rule: rules.joined(separator: "; "), endsAt: due,
                     note: "erased by \(DayFormat.day(due)) unless you are in a new process before then")
    }

    /// A category the policy keeps on its own clock (contact details): its rule, and the date if its event happened.
    private func categoryRetention(_ category: RetentionCategory) -> RegisterExtract.Retention {
        guard let rule = policy.rule(for: category, country: record.country) else { return wholeRetention() }
        let participations = detail.processes.compactMap(\.value)
        let closed = participations.isEmpty || participations.contains { $0.process.isOpen } ? nil : participations.compactMap(\.process.closedAt).max()
        let from: Date? = switch rule.event {
        case .processClosed: closed
        case .lastContact, .lastActivity: record.derived.lastActivityAt
        default: nil
        }
        guard let from else {
            let whole = record.derived.retentionDueAt.map { "; at the latest with your profile, \(DayFormat.day($0))" } ?? ""
            let when = participations.isEmpty ? "if you join a recruitment process, counted from its close" : "counted from \(ExtractText.event(rule.event)), which has not happened yet"
            return .init(rule: Self.text(rule), endsAt: nil, note: when + whole)
        }
        let ends = rule.period.after(from)
        return .init(rule: Self.text(rule), endsAt: ends, note: "kept until \(DayFormat.day(ends))")
    }

    /// A category whose event Rekry does not date (a role filled, an employment ended): the rule in words.
    private func ruleRetention(_ category: RetentionCategory) -> RegisterExtract.Retention {
        guard let rule = policy.rule(for: category, country: record.country) else { return wholeRetention() }
        let whole = record.derived.retentionDueAt.map { "; at the latest with your profile, \(DayFormat.day($0))" } ?? ""
        return .init(rule: Self.text(rule), endsAt: nil,
                     note: "kept \(rule.period.amount == 0 ? "until" : "\(ExtractText.period(rule.period)) after") \(ExtractText.event(rule.event))\(whole)")
    }

    static func text(_ rule: RetentionRule) -> String { Gate.ruleText(rule) }
}
