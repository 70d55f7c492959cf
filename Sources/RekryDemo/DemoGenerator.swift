import Foundation
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Generates the demo's people and everything held about them, as bundles the write model has derived.
///
/// The data is coherent: texts agree with the person (title, employer, town, years), links agree with the
/// source, a psychologist report is only ever written while its process runs, and every badge state occurs.
struct DemoGenerator {
    let words: DemoWords
    let options: DemoRegister.Options
    let model = WriteModel.standard
    var rng: SeededRandom
    let year: Int

    init(words: DemoWords, options: DemoRegister.Options) {
        self.words = words
        self.options = options
        self.rng = SeededRandom(seed: options.seed)
        self.year = CivilDate(options.now).year
    }

    var now: Date { options.now }

    struct IdCounters {
        var document: Int64 = 0
        var participation: Int64 = 0
        var reference: Int64 = 0
        var assessment: Int64 = 0
    }

    /// A psychologist report to seal once every row is in.
    struct ReportSlot: Sendable {
        var candidateId: Int64
        var participationId: Int64
        var hired: Bool
        var processClosedAt: Date?
        var writtenAt: Date
        var processTitle: String
    }

    mutating func makeProcesses(count: Int) -> [ProcessRecord] {
        (1...count).map { i in
            let opened = now - rng.days(1...(6 * 365))
            var closed: Date?
            if rng.chance(0.6) {
                let c = opened + rng.days(20...150)
                if c < now { closed = c }
            }
            return ProcessRecord(id: Int64(i), title: rng.pick(words.titles).text, client: rng.chance(0.8) ? rng.pick(words.clients) : nil,
                                 country: rng.chance(0.6) ? "SE" : "NO", openedAt: opened, closedAt: closed)
        }
    }

    func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Three to six different skills of the title's field (a nurse lists care skills, not Kotlin).
    mutating func pickSkills(forTitle title: String) -> [String] {
        var pool = DemoTexts.skillPool(forTitle: title)
        if pool.count < 3 { pool += words.skills.map(\.text) }
        var picked: [String] = []
        for _ in 0..<min(pool.count, 3 + rng.int(0..<4)) {
            picked.append(pool.remove(at: rng.int(0..<pool.count)))
        }
        return picked
    }

    /// A mobile number in the country's own format.
    mutating func makePhone(country: String) -> String {
        switch country {
        case "NO": "+47 9\(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<1000), 3))"
        case "DK": "+45 2\(rng.int(0..<10)) \(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<100), 2))"
        case "FI": "+358 40 \(pad(rng.int(0..<1000), 3)) \(pad(rng.int(0..<10000), 4))"
        default: "+46 7\(rng.int(0..<10)) \(pad(rng.int(0..<1000), 3)) \(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<100), 2))"
        }
    }

    mutating func pickCountry() -> String {
        let r = rng.int(0..<100)
        return r < 45 ? "SE" : r < 75 ? "NO" : r < 85 ? "DK" : r < 95 ? "FI" : "XX"
    }

    /// One candidate and everything they have; a report slot for finalists whose process runs (or who were
    /// hired, with the report written before the close).
    mutating func makeCandidate(id: Int64, processes: [ProcessRecord], ids: inout IdCounters) -> (CandidateBundle, ReportSlot?) {
        // Identity
        let country: String
        let fullName: String
        let givenName: String
        var nameWords: [String]
        let roll = rng.int(0..<100)
        if roll < 3 {
            let e = rng.pick(words.cjk)
            country = "SE"
            fullName = e.text
            givenName = String(e.text.dropFirst())
            nameWords = e.folded
        } else if roll < 4 {
            let e = rng.pick(words.combining)
            country = "SE"
            fullName = e.text
            givenName = e.text.split(separator: " ").first.map(String.init) ?? e.text
            nameWords = e.folded
        } else {
            country = pickCountry()
            let g = rng.pick(words.given[country]!)
            let f = rng.pick(words.family[country]!)
            fullName = g.text + " " + f.text
            givenName = g.text
            nameWords = g.folded + f.folded
        }
        let townCountry = country == "XX" ? "SE" : country
        let town = rng.pick(words.towns[townCountry]!)
        let email = "\(nameWords.joined(separator: "."))\(id % 97)@\(["example.se", "example.no", "mail.example", "example.com"][rng.int(0..<4)])"
        let phone = makePhone(country: townCountry)
        let title = rng.pick(words.titles).text
        let employer = rng.pick(words.employers).text
        let birthYear = 1955 + rng.int(0..<48)
        let maxYears = max(1, min(35, year - birthYear - 18))
        let person = DemoPerson(givenName: givenName, fullName: fullName, town: town.name, country: townCountry, title: title,
                                employer: employer, skills: pickSkills(forTitle: title),
                                yearsOfExperience: 1 + rng.int(0..<maxYears), birthYear: birthYear, currentYear: year,
                                phone: phone, email: email)

        // Provenance
        let sr = rng.int(0..<100)
        let source: DataSource = sr < 40 ? .applied : sr < 55 ? .network : sr < 80 ? .linkedin : sr < 90 ? .jobBoard
            : sr < 95 ? .referral : .publicSource
        let collectedAt = now - rng.days(0...(6 * 365)) - TimeInterval(rng.int(0..<86_400))
        var notifiedAt: Date?
        if !source.providedByPerson && rng.chance(0.6) {
            let n = collectedAt + rng.days(1...25)
            if n <= now { notifiedAt = n }
        }

        // Process
        var participations: [Participation] = []
        var participationRecords: [ParticipationRecord] = []
        var assessments: [Assessment] = []
        var documents: [Document] = []
        var text: [TextIndexEntry] = []
        var report: ReportSlot?
        var stage: Stage?
        var participationOpen = false
        var process: ProcessRecord?
        if rng.chance(0.6) {
            let p = processes[rng.int(0..<processes.count)]
            process = p
            let started = max(p.openedAt, collectedAt > p.openedAt && p.closedAt.map({ collectedAt < $0 }) ?? true ? collectedAt : p.openedAt)
            let s: Stage
            let changed: Date
            if let closed = p.closedAt {
                let r = rng.int(0..<100)
                s = r < 10 ? .hired : r < 85 ? .rejected : .withdrew
                changed = max(started, closed - rng.days(0...10))
            } else {
                s = Stage.allCases[rng.int(0..<6)]
                changed = min(now, started + rng.days(0...30))
                participationOpen = true
            }
            stage = s
            ids.participation += 1
            let record = ParticipationRecord(id: ids.participation, candidateId: id, processId: p.id, stage: s, startedAt: started,
                                             stageChangedAt: max(started, changed), basis: .contract)
            participationRecords.append(record)
            participations.append(Participation(id: record.id, process: p.process, stage: s, startedAt: started,
                                                stageChangedAt: record.stageChangedAt, basis: .contract))
            // The report is written while the process runs: before today, or before the close.
            let reportBy = p.closedAt ?? now
            if reportBy > started + 2 * 86_400,
               (s == .final || s == .offer) && participationOpen && rng.chance(0.3) || (s == .hired && rng.chance(0.2)) {
                let written = max(started + 86_400, reportBy - rng.days(1...20))
                report = ReportSlot(candidateId: id, participationId: record.id, hired: s == .hired, processClosedAt: p.closedAt,
                                    writtenAt: min(written, reportBy - 3600), processTitle: p.title)
            }
            if s >= .interview && s != .rejected || (s == .rejected && rng.chance(0.5)) {
                ids.assessment += 1
                let note = DemoTexts.interviewNote(person, processTitle: p.title, interviewer: DemoRegister.staff[rng.int(0..<3)].name, rng: &rng)
                let a = Assessment(id: ids.assessment, kind: .interviewNote, provider: DemoRegister.staff[rng.int(0..<3)].name,
                                   title: "Interview for \(p.title)", score: nil, text: note,
                                   recordedAt: min(reportBy, started + rng.days(1...10)), basis: .contract)
                assessments.append(a)
                text.append(model.textEntry(candidateId: id, assessmentId: a.id, text: note))
            }
            if s >= .assessment && s != .rejected && s != .withdrew {
                ids.assessment += 1
                let provider = ["Assessio", "SHL", "Hogrefe", "Alva Labs"][rng.int(0..<4)]
                let test = ["Personality (Big Five)", "Logical reasoning", "Numerical ability", "Verbal ability"][rng.int(0..<4)]
                assessments.append(Assessment(id: ids.assessment, kind: .test, provider: provider, title: test,
                                              score: "stanine \(rng.int(1..<10))",
                                              text: "Result delivered by \(provider); interpreted with the candidate.",
                                              recordedAt: min(reportBy, started + rng.days(5...20)), basis: .contract))
                if rng.chance(0.5) {
                    ids.assessment += 1
                    let body = DemoTexts.recruiterAssessment(person, processTitle: p.title, rng: &rng)
                    let a = Assessment(id: ids.assessment, kind: .recruiterAssessment, provider: DemoRegister.staff[rng.int(0..<3)].name,
                                       title: "Assessment for \(p.title)", score: nil, text: body,
                                       recordedAt: min(reportBy, started + rng.days(5...25)), basis: .contract)
                    assessments.append(a)
                    text.append(model.textEntry(candidateId: id, assessmentId: a.id, text: body))
                }
            }
        }

        // Basis and consent
        let basis: LegalBasis
        if participationOpen || stage == .hired { basis = .contract }
        else if rng.chance(0.01) { basis = .legalObligation }
        else if source == .linkedin || source == .publicSource || source == .referral { basis = .legitimateInterest }
        else { basis = .consent }
        let consentPurpose: ConsentPurpose? = basis == .consent ? .talentPool : nil
        let restricted = rng.chance(0.01)
        let objected = basis == .legitimateInterest && rng.chance(0.03)
        var consents: [ConsentRecord] = []
        if basis == .consent || rng.chance(0.1) { makeConsents(&consents, purpose: .talentPool, collectedAt: collectedAt) }
        if let r = report {
            let given = max(collectedAt, r.writtenAt - rng.days(3...20))
            consents.append(ConsentRecord(id: 0, purpose: .psychAssessment, givenAt: given, expiresAt: given + 365 * 86_400,
                                          withdrawnAt: nil, channel: "signed form",
                                          text: "I consent to a psychological assessment and to the psychologist's summary report being kept until the process closes, or for my employment if I am hired."))
        }

        // Documents: the CV, and a cover letter with an application.
        ids.document += 1
        let cv = DemoTexts.cv(person, rng: &rng)
        documents.append(Document(id: ids.document, kind: .cv, title: "CV", body: cv, receivedAt: collectedAt, basis: basis))
        text.append(model.textEntry(candidateId: id, documentId: ids.document, body: cv))
        if let p = process, source == .applied || source == .jobBoard {
            ids.document += 1
            let letter = DemoTexts.coverLetter(person, processTitle: p.title, client: p.client, rng: &rng)
            documents.append(Document(id: ids.document, kind: .coverLetter, title: "Cover letter: \(p.title)", body: letter,
                                      receivedAt: collectedAt, basis: basis))
            text.append(model.textEntry(candidateId: id, documentId: ids.document, body: letter))
        }

        // A LinkedIn profile: always when that is where the person was found, sometimes given by applicants.
        var links: [ProfileLink] = []
        if source == .linkedin || (source.providedByPerson && rng.chance(0.3)) {
            links.append(ProfileLink(kind: "LinkedIn", url: "https://www.linkedin.com/in/\(nameWords.joined(separator: "-"))-\(id)",
                                     source: source == .linkedin ? .linkedin : .applied))
        }

        var references: [(record: ReferenceRecord, statements: [ReferenceStatement])] = []
        if rng.chance(0.25) {
            for _ in 0..<rng.int(1..<3) {
                ids.reference += 1
                let rc = pickCountry()
                let given = rng.pick(words.given[rc]!), family = rng.pick(words.family[rc]!)
                let relation = ["former manager", "colleague", "client", "direct report"][rng.int(0..<4)]
                let record = ReferenceRecord(id: ids.reference, candidateId: id, name: given.text + " " + family.text,
                                             title: rng.pick(words.titles).text, workplace: rng.pick(words.employers).text,
                                             relationship: relation, email: (given.folded + family.folded).joined(separator: ".") + "\(ids.reference)@ref.example",
                                             phone: nil, basis: .legitimateInterest, restricted: rng.chance(0.02),
                                             objected: rng.chance(0.02), collectedAt: collectedAt + rng.days(0...30))
                let said = DemoTexts.referenceStatement(candidateGivenName: givenName, refereeName: record.name,
                                                        relationship: relation, rng: &rng)
                references.append((record, [ReferenceStatement(givenAt: record.collectedAt + rng.days(1...10), text: said)]))
            }
        }

        let facts = WriteModel.Facts(consents: consents, participations: participations, lastActivityAt: collectedAt)
        let candidate = CandidateRecord(
            id: id, pseudonym: "c-" + String(rng.next(), radix: 16), fullName: fullName, email: email, phone: phone,
            homeTown: town.name, postalAddress: "\(town.street) \(rng.int(1..<120)), \(town.postcode) \(town.name)",
            birthYear: birthYear, currentTitle: title, currentEmployer: employer, country: townCountry, source: source,
            sourceDetail: source == .referral ? "referred by a former colleague" : source == .publicSource ? "company website" : nil,
            collectedAt: collectedAt, notifiedAt: notifiedAt, basis: basis, consentPurpose: consentPurpose,
            restricted: restricted, objected: objected,
            derived: model.derive(fullName: fullName, email: email, phone: phone, country: townCountry, title: title,
                                  employer: employer, consentPurpose: consentPurpose, facts: facts))
        var bundle = CandidateBundle(candidate: candidate)
        bundle.links = links
        bundle.consents = consents
        bundle.documents = documents
        bundle.participations = participationRecords
        bundle.references = references
        bundle.assessments = assessments
        bundle.text = text
        return (bundle, report)
    }

    /// A consent history whose latest record lands in every state in turn (nothing when never given).
    mutating func makeConsents(_ out: inout [ConsentRecord], purpose: ConsentPurpose, collectedAt: Date) {
        let text = "I agree that the firm keeps my profile in its talent pool and contacts me about suitable roles for two years."
        let channel = ["web form", "email", "phone", "in person"][rng.int(0..<4)]
        let r = rng.int(0..<100)
        if r < 5 { return }
        if rng.chance(0.2) && collectedAt < now - 400 * 86_400 {
            // An older consent that ran out, followed by a renewal.
            out.append(ConsentRecord(id: 0, purpose: purpose, givenAt: collectedAt, expiresAt: collectedAt + 365 * 86_400,
                                     withdrawnAt: nil, channel: channel, text: text))
        }
        let given = min(now, max(collectedAt, now - rng.days(30...700)))
        var expires: Date
        var withdrawn: Date?
        switch r {
        case 5..<65: expires = now + rng.days(31...700)
        case 65..<75: expires = now + rng.days(0...29) + 3600
        case 75..<90: expires = now - rng.days(1...300)
        default:
            expires = now + rng.days(31...700)
            withdrawn = min(now, given + rng.days(1...200))
        }
        if expires <= given { expires = given + 86_400 }
        if let w = withdrawn, w > now { withdrawn = now }
        out.append(ConsentRecord(id: 0, purpose: purpose, givenAt: given, expiresAt: expires, withdrawnAt: withdrawn,
                                 channel: channel, text: text))
    }
}

/// Hands generated chunks from the producer thread to the writer, at most two ahead.
final class ChunkChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[CandidateBundle]] = []
    private var done = false
    private(set) var reports: [DemoGenerator.ReportSlot] = []

    func put(_ chunk: [CandidateBundle]) {
        condition.lock()
        while queue.count >= 2 { condition.wait() }
        queue.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    func finish(reports: [DemoGenerator.ReportSlot]) {
        condition.lock()
        self.reports = reports
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or nil once the producer has finished and the queue is empty.
    func take() -> [CandidateBundle]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !done { condition.wait() }
        if queue.isEmpty { return nil }
        let chunk = queue.removeFirst()
        condition.broadcast()
        return chunk
    }
}
