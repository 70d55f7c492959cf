import Foundation
import GRDB
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Store figures: cold open, first page, search-as-you-type, and the gate's cost against raw SQLite.
struct StoreBench {
    let db: String
    let keys: String

    /// Prefixes a recruiter types: 1 to 4 letters of common Nordic names, titles and pinyin.
    static let prefixes: [String] = {
        let words = ["asa", "anna", "bjorn", "bjørn", "ødegård", "lindqvist", "oberg", "johansson", "hansen", "larsen", "sorensen",
                     "makinen", "virtanen", "erik", "kjersti", "oystein", "wang", "xiao", "li", "zhang", "controller",
                     "developer", "volvo", "equinor", "klarna", "nurse", "teacher", "haugen", "karlsson", "nilsson"]
        var out: [String] = []
        for w in words { for n in 1...min(4, w.count) { out.append(String(w.prefix(n))) } }
        return out
    }()

    func run() throws {
        var open = Samples()
        var gate: Gate!
        for _ in 0..<5 {
            gate = try open.time { try signInAsRecruiter(db: db, keys: keys) }
        }
        report("open register + sign in", ours: open, raw: nil)

        var config = Configuration()
        config.readonly = true
        let raw = try DatabaseQueue(path: db, configuration: config)

        // First page, browse by name.
        var ours = Samples(), base = Samples()
        for _ in 0..<200 {
            _ = try ours.time { try gate.page(CandidateQuery(), from: .start, limit: 50) }
            _ = try base.time { try raw.read { try Row.fetchAll($0, sql: "SELECT * FROM candidate ORDER BY collationKey, id LIMIT 50") } }
        }
        report("first page (50 rows, by name)", ours: ours, raw: base)

        // Deep keyset page.
        ours = Samples(); base = Samples()
        let mid = try raw.read { try String.fetchOne($0, sql: "SELECT collationKey FROM candidate ORDER BY collationKey LIMIT 1 OFFSET (SELECT count(*)/2 FROM candidate)") } ?? "m"
        for _ in 0..<200 {
            let rows = try gate.page(CandidateQuery(text: ""), from: .start, limit: 1)
            _ = rows
            _ = try ours.time { try gate.page(CandidateQuery(), from: .end, limit: 50) }
            _ = try base.time { try raw.read { try Row.fetchAll($0, sql: "SELECT * FROM candidate WHERE (collationKey, id) > (?, 0) ORDER BY collationKey, id LIMIT 50", arguments: [mid]) } }
        }
        report("last page / deep keyset page", ours: ours, raw: base)

        // Search as you type: each prefix is one keystroke's query.
        ours = Samples(); base = Samples()
        for _ in 0..<3 {
            for p in Self.prefixes {
                _ = try ours.time { try gate.page(CandidateQuery(text: p), from: .start, limit: 50) }
                let folded = SearchFolding.fold(p)
                _ = try base.time {
                    try raw.read { try Row.fetchAll($0, sql: """
                        SELECT c.*, t.token FROM searchToken t JOIN candidate c ON c.id = t.candidateId
                        WHERE t.token >= ? AND t.token < ? ORDER BY t.token, t.candidateId LIMIT 50
                        """, arguments: [folded, folded + "\u{10FFFF}"]) }
                }
            }
        }
        report("search-as-you-type (\(Self.prefixes.count) prefixes x3)", ours: ours, raw: base)

        // Badge filter page (gate + exact badge check) against the same SQL.
        ours = Samples(); base = Samples()
        for _ in 0..<50 {
            _ = try ours.time { try gate.page(CandidateQuery(badge: .consentExpiring), from: .start, limit: 50) }
            let now = Date().timeIntervalSince1970
            _ = try base.time { try raw.read { try Row.fetchAll($0, sql: """
                SELECT * FROM candidate c WHERE c.basis IN ('consent','explicit-consent') AND (c.consentWithdrawnAt IS NULL OR c.consentWithdrawnAt > ?)
                AND c.consentExpiresAt > ? AND c.consentExpiresAt <= ? ORDER BY collationKey, id LIMIT 50
                """, arguments: [now, now, now + 30 * 86_400]) } }
        }
        report("filter: consent expiring (50 rows)", ours: ours, raw: base)

        // Opening a candidate (gate, badges per item, audit append) vs raw reads of the same rows.
        ours = Samples(); base = Samples()
        let maxId = try raw.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM candidate") } ?? 1
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            // The first candidate at or after a random id: one the erasure benchmark erased is not there.
            let id = try raw.read { try Int64.fetchOne($0, sql: "SELECT id FROM candidate WHERE id >= ? ORDER BY id LIMIT 1",
                                                       arguments: [Int64.random(in: 1...maxId, using: &rng)]) } ?? 1
            _ = try ours.time { try gate.candidate(id) }
            _ = try base.time {
                try raw.read { db in
                    for t in ["candidate WHERE id", "document WHERE candidateId", "participation WHERE candidateId", "reference WHERE candidateId",
                              "assessment WHERE candidateId", "consent WHERE candidateId", "candidateLink WHERE candidateId", "psychReport WHERE candidateId"] {
                        _ = try Row.fetchAll(db, sql: "SELECT * FROM \(t) = ?", arguments: [id])
                    }
                }
            }
        }
        report("open candidate (gate + audit append)", ours: ours, raw: base)
        var count = Samples()
        _ = try count.time { try gate.count(CandidateQuery(text: "a")) }
        report("count matches for 'a' (capped 10,000)", ours: count, raw: nil)
        // Full text: the same ranked query, raw through the full-text file's own SQLite, and the best 50 rows'
        // candidates read from the register; Rekry gates the rows. One warm-up each.
        var readOnly = Configuration()
        readOnly.readonly = true
        let rawText = try DatabaseQueue(path: db, configuration: readOnly)
        let rawIndex = try SecureDeleteIndex(path: db + ".text")
        func rawFullText(_ words: String) throws {
            let match = words.split(separator: " ").map { "\"\($0)\"" }.joined(separator: " ")
            let rowids = try rawIndex.matches(match, limit: 100)
            try rawText.read { db in
                for rowid in rowids.prefix(50) where rowid > 0 {
                    _ = try Row.fetchOne(db, sql: "SELECT c.* FROM document d JOIN candidate c ON c.id = d.candidateId WHERE d.id = ?", arguments: [rowid])
                }
            }
        }
        let words = ["swift", "controller", "kubernetes leadership"]
        _ = try gate.fullTextSearch(words[0], limit: 50)
        try rawFullText(words[0])
        var fts = Samples(), ftsRaw = Samples()
        for _ in 0..<4 {
            for w in words {
                _ = try fts.time { try gate.fullTextSearch(w, limit: 50) }
                try ftsRaw.time { try rawFullText(w) }
            }
        }
        report("full-text search (Enter), 3 words x4", ours: fts, raw: ftsRaw)
    }
}
