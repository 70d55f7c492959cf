import Foundation
import GRDB
import RekryDomain
import RekryStorage

extension SQLiteRegister: BulkLoading {
    /// Loads a whole register in one pass: secondary indexes dropped and rebuilt after, one transaction per
    /// chunk, rows bound through SQLite's C API, search tokens inserted once, sorted, at the end (an insert
    /// in key order appends to the B-tree instead of splitting pages all over it).
    ///
    /// Bundles arrive in candidate-id order with their children's ids assigned, so the per-row foreign-key
    /// lookups are skipped; tests run `PRAGMA foreign_key_check` on the result.
    public func bulkLoad(processes: [ProcessRecord], next: @escaping @Sendable () -> [CandidateBundle]?,
                         progress: (Int) -> Void) throws {
        // The full-text index is its own file: a second connection on its own thread fills it while this one
        // writes the rows, which halves the load on two cores (indexing is most of the work).
        // The index file must be open nowhere else while its writer takes it out of WAL mode.
        textIndex.closeReader()
        let text = try surfacingDamage { try BulkTextWriter(file: textIndex.writer()) }
        defer { text.cancel() }
        try writer.writeWithoutTransaction { db in
            // A register being loaded in bulk is new and nobody else has it open: its pages are written once,
            // straight to the file, instead of to the WAL and again at each checkpoint. WAL mode comes back at
            // the end; a load that fails removes the files.
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = MEMORY") == "memory" else {
                throw RegisterError.refused("\(path): the register is in use; a bulk load needs it to itself")
            }
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF; PRAGMA threads = 2")
            try BulkIndexes.dropForBulk(db)
            try db.execute(sql: "DROP TRIGGER candidate_count_insert")
            try db.inTransaction {
                for p in processes {
                    try db.execute(sql: "INSERT INTO process(id, title, client, country, openedAt, closedAt) VALUES (?,?,?,?,?,?)",
                                   arguments: [p.id, p.title, p.client, p.country, p.openedAt.sql, p.closedAt?.sql])
                }
                return .commit
            }
            var tokens: [SearchTokenRow] = []
            var loaded = 0
            var timing = BulkTiming()
            let loopStart = DispatchTime.now().uptimeNanoseconds
            defer { if ProcessInfo.processInfo.environment["REKRY_DEMO_TIMING"] != nil {
                FileHandle.standardError.write(Data(String(format: "bulk load: whole %.1f s\n", Double(DispatchTime.now().uptimeNanoseconds - loopStart) / 1e9).utf8)) } }
            while let chunk = timing.measure(\.waitingForRows, next) {
                try db.inTransaction {
                    let st = try BulkStatements(db)
                    try timing.measure(\.rows) {
                        for bundle in chunk {
                            try st.insert(bundle, db: db)
                            for t in bundle.candidate.derived.searchTokens { tokens.append(SearchTokenRow(token: t, candidateId: bundle.candidate.id)) }
                        }
                    }
                    return .commit
                }
                try timing.measure(\.waitingForText) { try text.put(chunk.flatMap(\.text)) }
                loaded += chunk.count
                progress(loaded)
            }
            timing.measure(\.tokens) { tokens.sort() }
            try timing.measure(\.tokens) { try db.inTransaction {
                let insert = try BulkStatement(db, "INSERT INTO searchToken(token, candidateId) VALUES (?, ?)")
                for t in tokens { try insert.bind(t.token).bind(t.candidateId).run(db) }
                return .commit
            } }
            tokens = []
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000; PRAGMA foreign_keys = ON")
            try db.execute(sql: """
                CREATE TRIGGER candidate_count_insert AFTER INSERT ON candidate BEGIN
                  UPDATE registerInfo SET value = CAST(value AS INTEGER) + 1 WHERE key = 'candidateCount';
                END
                """)
            try db.execute(sql: "UPDATE registerInfo SET value = (SELECT count(*) FROM candidate) WHERE key = 'candidateCount'")
            try timing.measure(\.indexes) {
                try BulkIndexes.create(db)
                // Planner statistics from a sample: enough for these indexes, a tenth of the time of a full scan.
                try db.execute(sql: "PRAGMA analysis_limit = 2000; ANALYZE; PRAGMA analysis_limit = 0")
            }
            let indexing = try timing.measure(\.waitingForText) { try surfacingDamage { try text.finish() } }
            timing.text = indexing
            timing.printIfAsked()
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw RegisterError.unreadable(path: path, reason: "SQLite could not put the file back in WAL mode")
            }
        }
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

/// The bulk loader's prepared inserts, one per table.
final class BulkStatements {
    let candidate, consent, document, link, participation, reference, statement, assessment: BulkStatement
    init(_ db: Database) throws {
        candidate = try BulkStatement(db, "INSERT INTO candidate(id, \(SQLiteSession.candidateColumns)) VALUES (\(Array(repeating: "?", count: 29).joined(separator: ",")))")
        consent = try BulkStatement(db, "INSERT INTO consent(candidateId, purpose, givenAt, expiresAt, withdrawnAt, channel, text) VALUES (?,?,?,?,?,?,?)")
        document = try BulkStatement(db, "INSERT INTO document(id, candidateId, kind, title, body, receivedAt, basis) VALUES (?,?,?,?,?,?,?)")
        link = try BulkStatement(db, "INSERT INTO candidateLink(candidateId, kind, url, source) VALUES (?,?,?,?)")
        participation = try BulkStatement(db, "INSERT INTO participation(id, candidateId, processId, stage, startedAt, stageChangedAt, basis) VALUES (?,?,?,?,?,?,?)")
        reference = try BulkStatement(db, "INSERT INTO reference(id, candidateId, name, title, workplace, relationship, email, phone, basis, restricted, objected, collectedAt, refereeId) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
        statement = try BulkStatement(db, "INSERT INTO referenceStatement(referenceId, givenAt, text) VALUES (?,?,?)")
        assessment = try BulkStatement(db, "INSERT INTO assessment(id, candidateId, kind, provider, title, score, text, recordedAt, basis) VALUES (?,?,?,?,?,?,?,?,?)")
    }

    func insert(_ b: CandidateBundle, db: Database) throws {
        let c = b.candidate, d = c.derived
        try candidate.bind(c.id).bind(c.pseudonym).bind(c.fullName).bind(d.nameKey).bind(d.collationKey).bind(c.email).bind(c.phone).bind(c.homeTown)
            .bind(c.postalAddress).bind(c.birthYear.map(Int64.init)).bind(c.currentTitle).bind(c.currentEmployer).bind(c.country)
            .bind(c.source.rawValue).bind(c.sourceDetail).bind(c.collectedAt).bind(c.notifiedAt).bind(c.basis.rawValue)
            .bind(c.consentPurpose?.rawValue).bind(c.restricted).bind(c.objected).bind(d.stage?.rawValue).bind(d.stageRank)
            .bind(d.lastActivityAt).bind(d.retentionDueAt).bind(d.consent?.givenAt).bind(d.consent?.expiresAt)
            .bind(d.consent?.withdrawnAt).bind(RowDecoding.tokensJSON(d.searchTokens)).run(db)
        for p in b.participations {
            try participation.bind(p.id).bind(c.id).bind(p.processId).bind(p.stage.rawValue).bind(p.startedAt)
                .bind(p.stageChangedAt).bind(p.basis.rawValue).run(db)
        }
        for a in b.assessments {
            try assessment.bind(a.id).bind(c.id).bind(a.kind.rawValue).bind(a.provider).bind(a.title).bind(a.score).bind(a.text)
                .bind(a.recordedAt).bind(a.basis.rawValue).run(db)
        }
        for x in b.consents {
            try consent.bind(c.id).bind(x.purpose.rawValue).bind(x.givenAt).bind(x.expiresAt).bind(x.withdrawnAt).bind(x.channel)
                .bind(x.text).run(db)
        }
        for doc in b.documents {
            try document.bind(doc.id).bind(c.id).bind(doc.kind.rawValue).bind(doc.title).bind(doc.body).bind(doc.receivedAt)
                .bind(doc.basis.rawValue).run(db)
        }
        for l in b.links { try link.bind(c.id).bind(l.kind).bind(l.url).bind(l.source.rawValue).run(db) }
        for (r, statements) in b.references {
            try reference.bind(r.id).bind(c.id).bind(r.name).bind(r.title).bind(r.workplace).bind(r.relationship).bind(r.email)
                .bind(r.phone).bind(r.basis.rawValue).bind(r.restricted).bind(r.objected).bind(r.collectedAt).bind(r.id).run(db)
            for s in statements { try statement.bind(r.id).bind(s.givenAt).bind(s.text).run(db) }
        }
    }
}

/// Where a bulk load's time goes, printed to stderr when REKRY_DEMO_TIMING is set.
struct BulkTiming {
    var waitingForRows = 0.0
    var waitingForText = 0.0
    var rows = 0.0
    var text = 0.0
    var tokens = 0.0
    var indexes = 0.0

    mutating func measure<T>(_ field: WritableKeyPath<BulkTiming, Double>, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { self[keyPath: field] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return try body()
    }

    func printIfAsked() {
        guard ProcessInfo.processInfo.environment["REKRY_DEMO_TIMING"] != nil else { return }
        let line = String(format: "bulk load: waiting for the generator %.1f s, rows %.1f s, search tokens %.1f s, indexes %.1f s, waiting for the full-text index %.1f s; full-text index (its own thread) %.1f s\n",
                          waitingForRows, rows, tokens, indexes, waitingForText, text)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
