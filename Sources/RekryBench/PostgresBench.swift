import Foundation
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate
import RekryPostgres
import RekryStorage

/// PostgreSQL figures: moving the benchmark's SQLite register to a server (`rekry migrate`), then the list's
/// keys and search as a recruiter's own login (row-level security and the gate), beside the same queries as
/// the administrator's raw SQL without row-level security; then eight recruiters at once.
///
/// `url` names the server as its administrator (a superuser, e.g. `postgresql:///rekrybench?host=/tmp/pg`):
/// the bench deploys the database (dropping one left by an earlier run unless `reuse`), and signs the
/// register's demo recruiter in as the login `recruiter` on the same socket.
struct PostgresBench {
    let db: String
    let keys: String
    let url: String
    let reuse: Bool

    func run() throws {
        let admin = try PostgresLocation(url: url)
        if !reuse {
            let began = Date()
            let moved = try RegisterMove.move(from: db, to: url) { _, _ in }
            let seconds = Date().timeIntervalSince(began)
            print(String(format: "migrate %@ -> PostgreSQL: %d candidates, %lld audit entries in %.1f s (%.0f candidates/s)",
                         db, moved.candidates, moved.auditEntries, seconds, Double(moved.candidates) / seconds))
        }
        let raw = try PostgresRegister.open(admin)
        _ = try raw.rawRowCount("ANALYZE")
        let recruiterURL = admin.asUser("recruiter").urlForBench
        let keys = self.keys
        @Sendable func signIn() throws -> Gate {
            try Registers.open(at: recruiterURL, seenHeads: nil)
                .signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("recruiter.identity")))
        }
        var open = Samples()
        var gate: Gate!
        for _ in 0..<5 { gate = try open.time { try signIn() } }
        report("open register + sign in", ours: open, raw: nil)

        let candidateRow = "c.*, p.*"
        var ours = Samples(), base = Samples()
        for _ in 0..<200 {
            _ = try ours.time { try gate.page(CandidateQuery(), from: .start, limit: 50) }
            _ = try base.time { try raw.rawRowCount("""
                SELECT \(candidateRow) FROM rekry.list_key k JOIN rekry.candidate c ON c.id = k.candidate_id
                JOIN rekry.candidate_personal p ON p.candidate_id = c.id ORDER BY k.collation_key, k.candidate_id LIMIT 50
                """) }
        }
        report("first page (50 rows, by name)", ours: ours, raw: base, rawLabel: "raw psql")

        // Page keys: j (one row on), PgDn (the next 50), G (the last page), each from where the last left off.
        ours = Samples(); base = Samples()
        let mid = try raw.rawText("SELECT collation_key FROM rekry.list_key ORDER BY collation_key OFFSET (SELECT count(*) / 2 FROM rekry.list_key) LIMIT 1") ?? "m"
        var page = try gate.page(CandidateQuery(), from: .start, limit: 50)
        for i in 0..<200 {
            if i % 20 == 0 { page = try gate.page(CandidateQuery(), from: .start, limit: 50) }
            guard let last = page.last else { break }
            page = try ours.time { try gate.page(CandidateQuery(), from: .after(last.key), limit: 50) }
            _ = try base.time { try raw.rawRowCount("""
                SELECT \(candidateRow) FROM rekry.list_key k JOIN rekry.candidate c ON c.id = k.candidate_id
                JOIN rekry.candidate_personal p ON p.candidate_id = c.id WHERE (k.collation_key, k.candidate_id) > ($1, 0)
                ORDER BY k.collation_key, k.candidate_id LIMIT 50
                """, [mid]) }
        }
        report("PgDn (next 50 by name)", ours: ours, raw: base, rawLabel: "raw psql")
        ours = Samples(); base = Samples()
        for _ in 0..<100 {
            _ = try ours.time { try gate.page(CandidateQuery(), from: .end, limit: 50) }
            _ = try base.time { try raw.rawRowCount("""
                SELECT \(candidateRow) FROM rekry.list_key k JOIN rekry.candidate c ON c.id = k.candidate_id
                JOIN rekry.candidate_personal p ON p.candidate_id = c.id ORDER BY k.collation_key DESC, k.candidate_id DESC LIMIT 50
                """) }
        }
        report("G (last page)", ours: ours, raw: base, rawLabel: "raw psql")

        ours = Samples(); base = Samples()
        for _ in 0..<3 {
            for p in StoreBench.prefixes {
                _ = try ours.time { try gate.page(CandidateQuery(text: p), from: .start, limit: 50) }
                let folded = SearchFolding.fold(p)
                _ = try base.time { try raw.rawRowCount("""
                    SELECT \(candidateRow), t.token FROM rekry.search_token t JOIN rekry.candidate c ON c.id = t.candidate_id
                    JOIN rekry.candidate_personal p ON p.candidate_id = c.id
                    WHERE t.token >= $1 AND t.token < $2 ORDER BY t.token, t.candidate_id LIMIT 50
                    """, [folded, folded + "\u{10FFFF}"]) }
            }
        }
        report("search-as-you-type (\(StoreBench.prefixes.count) prefixes x3)", ours: ours, raw: base, rawLabel: "raw psql")

        ours = Samples(); base = Samples()
        let words = ["swift", "controller", "kubernetes leadership"]
        for _ in 0..<4 {
            for w in words {
                _ = try ours.time { try gate.fullTextSearch(w, limit: 50) }
                _ = try base.time { try raw.rawRowCount("""
                    SELECT e.candidate_id FROM rekry.text_entry e, plainto_tsquery('simple', $1) q
                    WHERE e.words @@ q ORDER BY ts_rank(e.words, q) DESC, e.rowid LIMIT 50
                    """, [w]) }
            }
        }
        report("full-text search (Enter), 3 words x4", ours: ours, raw: base, rawLabel: "raw psql")

        ours = Samples()
        let maxId = Int64(try raw.rawText("SELECT max(id)::text FROM rekry.candidate") ?? "1") ?? 1
        for _ in 0..<100 {
            let id = Int64.random(in: 1...maxId)
            _ = try? ours.time { try gate.candidate(id) }
        }
        report("open candidate (gate + audit append)", ours: ours, raw: nil)

        try concurrent(signIn: signIn)
    }

    /// Eight recruiters at once, each on their own connections: every keystroke of the prefixes and a PgDn
    /// after each, the p99 per key over all eight.
    func concurrent(signIn: @escaping @Sendable () throws -> Gate) throws {
        let recruiters = 8
        /// What the threads hand back, behind a lock.
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var all = Samples()
            var failures: [String] = []
        }
        let results = Results()
        let group = DispatchGroup()
        for _ in 0..<recruiters {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let gate = try signIn()
                    var mine = Samples()
                    for p in StoreBench.prefixes {
                        let rows = try mine.time { try gate.page(CandidateQuery(text: p), from: .start, limit: 50) }
                        if let last = rows.last { _ = try mine.time { try gate.page(CandidateQuery(text: p), from: .after(last.key), limit: 50) } }
                    }
                    results.lock.withLock { results.all.values += mine.values }
                } catch {
                    results.lock.withLock { results.failures.append("\(error)") }
                }
            }
        }
        group.wait()
        if let failure = results.failures.first { throw BenchError("a concurrent recruiter failed: \(failure)") }
        report("8 recruiters at once, per key", ours: results.all, raw: nil)
    }
}

extension PostgresLocation {
    /// The location as a URL again (socket form), for `Registers.open`.
    var urlForBench: String {
        switch endpoint {
        case .socket(let directory, let port):
            return "postgresql:///\(database)?host=\(directory)&port=\(port)&user=\(user)"
        case .tcp(let host, let port):
            return "postgresql://\(user)@\(host):\(port)/\(database)"
        }
    }
}
