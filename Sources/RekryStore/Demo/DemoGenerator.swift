import Foundation
import GRDB
import RekryCrypto
import RekryDomain

/// Writes the demo's rows in bulk: secondary indexes dropped and rebuilt after, one transaction per chunk.
struct DemoGenerator {
    let words: DemoWords
    let policy: RetentionPolicy
    let options: DemoRegister.Options
    let identities: [Identity]
    var rng: SeededRandom

    init(words: DemoWords, policy: RetentionPolicy, options: DemoRegister.Options, identities: [Identity]) {
        self.words = words
        self.policy = policy
        self.options = options
        self.identities = identities
        self.rng = SeededRandom(seed: options.seed)
    }

    struct DemoProcess {
        var id: Int64
        var title: String
        var openedAt: Date
        var closedAt: Date?
    }

    struct Statements {
        let candidate, token, consent, document, link, participation, reference, statement, assessment: BulkStatement
        /// One prepared insert per full-text shard this chunk writes to.
        let textShards: TextShardStatements

        init(_ db: Database) throws {
            textShards = TextShardStatements(db)
            candidate = try BulkStatement(db, """
                INSERT INTO candidate(id, pseudonym, fullName, nameKey, email, phone, homeTown, postalAddress, birthYear,
                  currentTitle, currentEmployer, country, source, sourceDetail, collectedAt, notifiedAt, basis,
                  consentPurpose, restricted, objected, stage, stageRank, lastActivityAt, retentionDueAt,
                  consentGivenAt, consentExpiresAt, consentWithdrawnAt, searchKeys)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            token = try BulkStatement(db, "INSERT INTO searchToken(token, candidateId) VALUES (?, ?)")
            consent = try BulkStatement(db, "INSERT INTO consent(candidateId, purpose, givenAt, expiresAt, withdrawnAt, channel, text) VALUES (?,?,?,?,?,?,?)")
            document = try BulkStatement(db, "INSERT INTO document(id, candidateId, kind, title, body, receivedAt, basis) VALUES (?,?,?,?,?,?,?)")
            link = try BulkStatement(db, "INSERT INTO candidateLink(candidateId, kind, url, source) VALUES (?,?,?,?)")
            participation = try BulkStatement(db, "INSERT INTO participation(id, candidateId, processId, stage, startedAt, stageChangedAt, basis) VALUES (?,?,?,?,?,?,?)")
            reference = try BulkStatement(db, "INSERT INTO reference(id, candidateId, name, title, workplace, relationship, email, phone, basis, restricted, objected, collectedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
            statement = try BulkStatement(db, "INSERT INTO referenceStatement(referenceId, givenAt, text) VALUES (?,?,?)")
            assessment = try BulkStatement(db, "INSERT INTO assessment(id, candidateId, kind, provider, title, score, text, recordedAt, basis) VALUES (?,?,?,?,?,?,?,?,?)")
        }
    }

    var now: Date { options.now }

    /// Phase timings, printed to stderr when REKRY_DEMO_TIMING is set.
    struct Phases {
        var last = Date()
        var lines: [String] = []
        mutating func mark(_ name: String) {
            lines.append(String(format: "%@ %.1f s", name, Date().timeIntervalSince(last)))
            last = Date()
        }
        func printIfAsked() {
            guard ProcessInfo.processInfo.environment["REKRY_DEMO_TIMING"] != nil else { return }
            FileHandle.standardError.write(Data(("demo phases: " + lines.joined(separator: ", ") + "\n").utf8))
        }
    }

    mutating func fill(_ register: Register, progress: (Int) -> Void) throws {
        let n = options.candidates
        let processes = makeProcesses(count: max(6, n / 40))
        try register.writer.writeWithoutTransaction { db in
            let started = Date()
            // The generator writes rows in key order; tests run `PRAGMA foreign_key_check` on its output,
            // so the bulk load skips the per-row parent lookups.
            try TextIndex.attach(db, registerPath: register.path)
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA text.synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA text.cache_size = -131072; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF; PRAGMA threads = 2")
            try Migrations.dropBulkIndexes(db)
            try db.execute(sql: "DROP TRIGGER consent_latest_insert; DROP TRIGGER candidate_count_insert; PRAGMA wal_autocheckpoint = 16384")
            try db.inTransaction {
                for p in processes {
                    try db.execute(sql: "INSERT INTO process(id, title, client, country, openedAt, closedAt) VALUES (?,?,?,?,?,?)",
                                   arguments: [p.id, p.title, rng.chance(0.8) ? rng.pick(words.clients) : nil,
                                               rng.chance(0.6) ? "SE" : "NO", p.openedAt.sql, p.closedAt?.sql])
                }
                return .commit
            }
            // Generation runs on a producer thread one chunk ahead of the writer: two cores, two jobs.
            let channel = ChunkChannel()
            let total = n
            let start = self
            let thread = Thread {
                var producer = start
                var ids = IdCounters()
                var next = 1
                var reports: [(Int64, Int64, Bool)] = []
                // Search tokens are collected here and written once, sorted, after all rows: an insert in
                // key order appends to the B-tree instead of splitting pages all over it.
                var tokens: [SearchTokenRow] = []
                tokens.reserveCapacity(total * 9)
                while next <= total {
                    let upper = min(total, next + 20_000 - 1)
                    var ops: [Op] = []
                    ops.reserveCapacity((upper - next + 1) * 8)
                    for id in next...upper {
                        if let r = producer.makeCandidate(id: Int64(id), processes: processes, ids: &ids, ops: &ops, tokens: &tokens) {
                            reports.append(r)
                        }
                    }
                    channel.put(.init(first: next, last: upper, ops: ops))
                    next = upper + 1
                }
                channel.finish(reports: reports, tokens: { tokens.sort(); return tokens }())
            }
            thread.stackSize = 8 << 20
            thread.start()
            var shards = Set<Int64>()
            while let chunk = channel.take() {
                try db.inTransaction {
                    for id in chunk.first...chunk.last {
                        let shard = Int64(id) / TextIndex.shardSize
                        if shards.insert(shard).inserted { try TextIndex.ensureShard(db, candidateId: Int64(id)) }
                    }
                    let st = try Statements(db)
                    for op in chunk.ops { try op(st, db) }
                    return .commit
                }
                progress(chunk.last)
            }
            let reports = channel.reports
            var phases = Phases(last: started)
            phases.mark("rows")
            try db.inTransaction {
                let st = try Statements(db)
                for t in channel.tokens { try st.token.bind(t.token).bind(t.candidateId).run(db) }
                return .commit
            }
            phases.mark("search tokens")
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA text.synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000; PRAGMA foreign_keys = ON")
            try db.execute(sql: Migrations.consentLatestInsertTrigger)
            try db.execute(sql: Migrations.candidateCountInsertTrigger)
            try db.execute(sql: "UPDATE registerInfo SET value = (SELECT count(*) FROM candidate) WHERE key = 'candidateCount'")
            try Migrations.createIndexes(db)
            phases.mark("indexes")
            try writeReports(db, reports.map { (candidate: $0.0, participation: $0.1, hired: $0.2) })
            phases.mark("reports")
            // Planner statistics from a sample: enough for these indexes, a tenth of the time of a full scan.
            try db.execute(sql: "PRAGMA analysis_limit = 2000; ANALYZE; PRAGMA analysis_limit = 0")
            phases.mark("analyze")
            phases.printIfAsked()
        }
    }

    struct IdCounters {
        var document: Int64 = 0
        var participation: Int64 = 0
        var reference: Int64 = 0
        var assessment: Int64 = 0
    }

    mutating func makeProcesses(count: Int) -> [DemoProcess] {
        (1...count).map { i in
            let opened = now - rng.days(1...(6 * 365))
            var closed: Date?
            if rng.chance(0.6) {
                let c = opened + rng.days(20...150)
                if c < now { closed = c }
            }
            let title = rng.pick(words.titles).text
            return DemoProcess(id: Int64(i), title: title, openedAt: opened, closedAt: closed)
        }
    }

    func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    mutating func pickCountry() -> String {
        let r = rng.int(0..<100)
        return r < 45 ? "SE" : r < 75 ? "NO" : r < 85 ? "DK" : r < 95 ? "FI" : "XX"
    }

    /// One row write, generated ahead on the producer thread and run on the writer.
    typealias Op = @Sendable (Statements, Database) throws -> Void

    /// Generates one candidate and everything they have, as row writes in foreign-key order; returns a
    /// psychologist-report slot for finalists.
    mutating func makeCandidate(id: Int64, processes: [DemoProcess], ids: inout IdCounters,
                                ops: inout [Op], tokens tokenRows: inout [SearchTokenRow]) -> (Int64, Int64, Bool)? {
        // Identity
        let country: String
        let fullName: String
        var nameWords: [String]
        var extraTokens: [String] = []
        let roll = rng.int(0..<100)
        if roll < 3 {
            let e = rng.pick(words.cjk)
            country = "SE"
            fullName = e.text
            nameWords = e.folded
            extraTokens.append(e.folded.joined())
        } else if roll < 4 {
            let e = rng.pick(words.combining)
            country = "SE"
            fullName = e.text
            nameWords = e.folded
        } else {
            country = pickCountry()
            let g = rng.pick(words.given[country]!)
            let f = rng.pick(words.family[country]!)
            fullName = g.text + " " + f.text
            nameWords = g.folded + f.folded
        }
        let townCountry = country == "XX" ? "SE" : country
        let town = rng.pick(words.towns[townCountry]!)
        let emailUser = nameWords.joined(separator: ".")
        let email = "\(emailUser)\(id % 97)@\(["example.se", "example.no", "mail.example", "example.com"][rng.int(0..<4)])"
        let phone = townCountry == "NO" ? "+47 9\(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<1000), 3))"
            : "+46 7\(rng.int(0..<10)) \(pad(rng.int(0..<1000), 3)) \(pad(rng.int(0..<100), 2)) \(pad(rng.int(0..<100), 2))"
        let title = rng.pick(words.titles)
        let employer = rng.pick(words.employers)
        let birthYear = 1955 + rng.int(0..<48)

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
        var stage: Stage?
        var participationOpen = false
        var lastActivity = collectedAt
        var lastClosed: Date?
        var report: (Int64, Int64, Bool)?
        // Rows that reference the candidate are written after it (a deferred key check would scan for them).
        var children: [Op] = []
        if rng.chance(0.6) {
            let p = processes[rng.int(0..<processes.count)]
            let started = max(p.openedAt, collectedAt > p.openedAt && p.closedAt.map({ collectedAt < $0 }) ?? true ? collectedAt : p.openedAt)
            let s: Stage
            let changed: Date
            if let closed = p.closedAt {
                let r = rng.int(0..<100)
                s = r < 10 ? .hired : r < 85 ? .rejected : .withdrew
                changed = max(started, closed - rng.days(0...10))
                lastClosed = closed
            } else {
                s = Stage.allCases[rng.int(0..<6)]
                changed = min(now, started + rng.days(0...30))
                participationOpen = true
            }
            stage = s
            ids.participation += 1
            let participationId = ids.participation
            children.append { st, db in
                try st.participation.bind(participationId).bind(id).bind(p.id).bind(s.rawValue).bind(started)
                    .bind(max(started, changed)).bind(LegalBasis.contract.rawValue).run(db)
            }
            lastActivity = max(lastActivity, max(started, changed))
            if (s == .final || s == .offer) && participationOpen && rng.chance(0.3) || (s == .hired && rng.chance(0.2)) {
                report = (id, ids.participation, s == .hired)
            }
            // Assessments from the process
            if s >= .interview && s != .rejected || (s == .rejected && rng.chance(0.5)) {
                ids.assessment += 1
                let assessmentId = ids.assessment
                let note = rng.pick(words.notes)
                let author = DemoRegister.staff[rng.int(0..<3)].name
                let recorded = started + rng.days(1...10)
                let foldedNote = words.foldedNotes[note] ?? SearchFolding.fold(note)
                children.append { st, db in
                    try st.assessment.bind(assessmentId).bind(id).bind(Assessment.Kind.interviewNote.rawValue)
                        .bind(author).bind("Interview for \(p.title)").bind(nil as String?)
                        .bind(note).bind(recorded).bind(LegalBasis.contract.rawValue).run(db)
                    try st.textShards.add(candidateId: id, rowid: -assessmentId, folded: foldedNote)
                }
            }
            if s >= .assessment && s != .rejected && s != .withdrew {
                ids.assessment += 1
                let assessmentId = ids.assessment
                let provider = ["Assessio", "SHL", "Hogrefe", "Alva Labs"][rng.int(0..<4)]
                let test = ["Personality (Big Five)", "Logical reasoning", "Numerical ability", "Verbal ability"][rng.int(0..<4)]
                let stanine = rng.int(1..<10)
                let recorded = started + rng.days(5...20)
                children.append { st, db in
                    try st.assessment.bind(assessmentId).bind(id).bind(Assessment.Kind.test.rawValue).bind(provider)
                        .bind(test).bind("stanine \(stanine)").bind("Result delivered by \(provider); interpreted with the candidate.")
                        .bind(recorded).bind(LegalBasis.contract.rawValue).run(db)
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
        let retentionDue = policy.candidateDue(lastProcessClosedAt: lastClosed, lastActivityAt: lastActivity, country: townCountry)

        let pseudonym = "c-" + String(rng.next(), radix: 16)
        let nameKey = nameWords.joined(separator: " ")
        let address = "\(town.street) \(rng.int(1..<120)), \(town.postcode) \(town.name)"
        let sourceDetail: String? = source == .referral ? "referred by a former colleague" : source == .publicSource ? "company website" : nil
        let townName = town.name, titleText = title.text, employerText = employer.text
        // Consents are written after the candidate; the candidate row carries the latest one's dates.
        var consentOps: [Op] = []
        var latestConsent: (Date, Date?, Date?)?
        if basis == .consent || rng.chance(0.1) {
            latestConsent = writeConsents(&consentOps, id: id, purpose: .talentPool, collectedAt: collectedAt)
        }
        if basis != .consent { latestConsent = nil }
        let (cGiven, cExpires, cWithdrawn) = (latestConsent?.0, latestConsent?.1, latestConsent?.2)
        var tokens = Set(nameWords)
        tokens.formUnion(extraTokens)
        tokens.formUnion(title.folded)
        tokens.formUnion(employer.folded)
        tokens.insert(emailUser.replacingOccurrences(of: ".", with: ""))
        tokens.formUnion(SearchTokens.phoneTokens(phone))
        for t in tokens { tokenRows.append(SearchTokenRow(token: t, candidateId: id)) }
        let searchKeys = SearchTokens.json(tokens)
        let (notified, stageNow, activity) = (notifiedAt, stage, lastActivity)
        ops.append { st, db in try st.candidate.bind(id).bind(pseudonym).bind(fullName)
            .bind(nameKey).bind(email).bind(phone).bind(townName).bind(address).bind(birthYear)
            .bind(titleText).bind(employerText).bind(townCountry).bind(source.rawValue).bind(sourceDetail)
            .bind(collectedAt).bind(notified).bind(basis.rawValue).bind(consentPurpose?.rawValue)
            .bind(restricted).bind(objected).bind(stageNow?.rawValue).bind(stageNow?.rank ?? -1).bind(activity)
            .bind(retentionDue).bind(cGiven).bind(cExpires).bind(cWithdrawn).bind(searchKeys).run(db) }
        ops += children
        ops += consentOps


        if report != nil {
            let given = max(collectedAt, now - rng.days(20...60))
            ops.append { st, db in
                try st.consent.bind(id).bind(ConsentPurpose.psychAssessment.rawValue).bind(given).bind(given + 365 * 86_400)
                    .bind(nil as Date?).bind("signed form")
                    .bind("I consent to a psychological assessment and to the psychologist's summary report being kept until the process closes, or for my employment if I am hired.")
                    .run(db)
            }
        }

        // CV
        ids.document += 1
        let documentId = ids.document
        let skills = (0..<3).map { _ in rng.pick(words.skills) }
        let years = rng.int(1..<25)
        let cv = "\(title.text) with \(years) years at \(employer.text), based in \(town.name). Skills: \(skills.map(\.text).joined(separator: ", ")). Led cross-functional work, mentored colleagues and delivered projects end to end. Languages: Swedish, Norwegian, English."
        let cvFolded = (title.folded + ["with", String(years), "years", "at"] + employer.folded + ["based", "in"] + (words.foldedTowns[town.name] ?? [])
                        + ["skills"] + skills.flatMap(\.folded)
                        + ["led", "cross", "functional", "work", "mentored", "colleagues", "and", "delivered", "projects", "end", "to", "end", "languages", "swedish", "norwegian", "english"]).joined(separator: " ")
        ops.append { st, db in
            try st.document.bind(documentId).bind(id).bind(Document.Kind.cv.rawValue).bind("CV").bind(cv).bind(collectedAt)
                .bind(basis.rawValue).run(db)
            try st.textShards.add(candidateId: id, rowid: documentId, folded: cvFolded)
        }

        if rng.chance(0.4) {
            let url = "https://www.linkedin.com/in/\(nameWords.joined(separator: "-"))-\(id)"
            let linkSource = source == .linkedin ? DataSource.linkedin.rawValue : DataSource.applied.rawValue
            ops.append { st, db in try st.link.bind(id).bind("LinkedIn").bind(url).bind(linkSource).run(db) }
        }

        if rng.chance(0.25) {
            for _ in 0..<rng.int(1..<3) {
                ids.reference += 1
                let referenceId = ids.reference
                let rc = pickCountry()
                let given = rng.pick(words.given[rc]!), family = rng.pick(words.family[rc]!)
                let rn = given.text + " " + family.text
                let title = rng.pick(words.titles).text, workplace = rng.pick(words.employers).text
                let relation = ["former manager", "colleague", "client", "direct report"][rng.int(0..<4)]
                let email = (given.folded + family.folded).joined(separator: ".") + "@ref.example"
                let restricted = rng.chance(0.02), objected = rng.chance(0.02)
                let collected = collectedAt + rng.days(0...30), said = collectedAt + rng.days(1...40)
                let statement = rng.pick(words.statements)
                ops.append { st, db in
                    try st.reference.bind(referenceId).bind(id).bind(rn).bind(title).bind(workplace).bind(relation)
                        .bind(email).bind(nil as String?).bind(LegalBasis.legitimateInterest.rawValue).bind(restricted)
                        .bind(objected).bind(collected).run(db)
                    try st.statement.bind(referenceId).bind(said).bind(statement).run(db)
                }
            }
        }
        return report
    }

    /// Writes a consent history whose latest record lands in every state in turn.
    /// Returns the latest record's dates (given, expires, withdrawn), nil when consent was never given.
    mutating func writeConsents(_ ops: inout [Op], id: Int64, purpose: ConsentPurpose, collectedAt: Date) -> (Date, Date?, Date?)? {
        let text = "I agree that the firm keeps my profile in its talent pool and contacts me about suitable roles for two years."
        let channel = ["web form", "email", "phone", "in person"][rng.int(0..<4)]
        let r = rng.int(0..<100)
        if r < 5 { return nil }  // never given
        if rng.chance(0.2) && collectedAt < now - 400 * 86_400 {
            // An older consent that ran out, followed by a renewal.
            ops.append { st, db in
                try st.consent.bind(id).bind(purpose.rawValue).bind(collectedAt).bind(collectedAt + 365 * 86_400).bind(nil as Date?)
                    .bind(channel).bind(text).run(db)
            }
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
        let (e, w) = (expires, withdrawn)
        ops.append { st, db in
            try st.consent.bind(id).bind(purpose.rawValue).bind(given).bind(e).bind(w).bind(channel).bind(text).run(db)
        }
        return (given, e, w)
    }

    /// Seals a psychologist report for each slot: attached by the lead, who grants the first recruiter
    /// access to every other one (so the demo shows both a granted and a withheld report).
    mutating func writeReports(_ db: Database, _ slots: [(candidate: Int64, participation: Int64, hired: Bool)]) throws {
        let staffIds = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT username, id FROM staff").map {
            ($0["username"] as String, $0["id"] as Int64)
        })
        guard let lead = staffIds["lead"], let recruiter = staffIds["recruiter"] else { return }
        try db.inTransaction {
            for (i, slot) in slots.prefix(5_000).enumerated() {
                let key = ReportCipher.newDataKey()
                let text = "Psychologist's summary for the final stage. Strengths: structured problem solving, calm under pressure. Development areas: delegation. Overall: well suited to the role's demands. [demo report \(slot.candidate)]"
                let written = now - rng.days(1...20)
                try db.execute(sql: """
                    INSERT INTO psychReport(candidateId, participationId, author, writtenAt, attachedAt, attachedBy, ciphertext)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [slot.candidate, slot.participation, "Leg. psykolog Anna Wiklund", written.sql,
                                     (written + 86_400).sql, lead, try ReportCipher.seal(text, with: key)])
                let reportId = db.lastInsertedRowID
                var grantees = [lead]
                if i % 2 == 0 { grantees.append(recruiter) }
                for (j, staffId) in grantees.enumerated() {
                    try ReportVault.storeKey(db, reportId: reportId, staffId: staffId, dataKey: key)
                    try db.execute(sql: "INSERT INTO reportGrant(reportId, staffId, grantedBy, reason, grantedAt) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [reportId, staffId, lead, j == 0 ? "attached the report" : "runs the final interviews",
                                               (written + 86_400).sql])
                }
            }
            return .commit
        }
    }
}

/// Hands generated chunks from the producer thread to the writer, at most two ahead.
final class ChunkChannel: @unchecked Sendable {
    struct Chunk {
        var first: Int
        var last: Int
        var ops: [DemoGenerator.Op]
    }

    private let condition = NSCondition()
    private var queue: [Chunk] = []
    private var done = false
    private(set) var reports: [(Int64, Int64, Bool)] = []
    private(set) var tokens: [SearchTokenRow] = []

    func put(_ chunk: Chunk) {
        condition.lock()
        while queue.count >= 2 { condition.wait() }
        queue.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    func finish(reports: [(Int64, Int64, Bool)], tokens: [SearchTokenRow]) {
        condition.lock()
        self.reports = reports
        self.tokens = tokens
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or nil once the producer has finished and the queue is empty.
    func take() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !done { condition.wait() }
        if queue.isEmpty { return nil }
        let chunk = queue.removeFirst()
        condition.broadcast()
        return chunk
    }
}

/// One row of the search-token index, ordered as the index is (token bytes, then candidate id).
struct SearchTokenRow: Comparable {
    var token: String
    var candidateId: Int64

    static func < (a: SearchTokenRow, b: SearchTokenRow) -> Bool {
        // Tokens are ASCII, where byte order (SQLite's BINARY collation) and String order agree.
        a.token == b.token ? a.candidateId < b.candidateId : a.token < b.token
    }
}

/// Bulk inserts into the full-text shards, one prepared statement per shard.
final class TextShardStatements {
    private let db: Database
    private var statements: [Int64: BulkStatement] = [:]

    init(_ db: Database) { self.db = db }

    func add(candidateId: Int64, rowid: Int64, folded: String) throws {
        let shard = candidateId / TextIndex.shardSize
        let statement: BulkStatement
        if let s = statements[shard] {
            statement = s
        } else {
            statement = try BulkStatement(db, "INSERT INTO \(TextIndex.shardName(candidateId: candidateId))(rowid, body) VALUES (?, ?)")
            statements[shard] = statement
        }
        try statement.bind(rowid).bind(folded).run(db)
    }
}
