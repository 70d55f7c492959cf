import GRDB
import RekryDomain

/// Full-text search of CVs and notes, sharded by candidate id.
///
/// FTS5 on SQLite 3.40 keeps a deleted document's tokens in its segments until they are merged. A shard
/// holds the texts of at most `shardSize` candidates, so an erasure can `optimize` the one shard that held
/// the person in about a hundred milliseconds and leave no trace, where one big index would take seconds.
/// The index is contentless (`content=''`): the texts live once, in `document` and `assessment`, and the
/// index holds the folded words only. Row ids are document ids, and minus assessment ids.
@_spi(Testing) public enum TextIndex {
    static let shardSize: Int64 = 4096

    static func shardName(candidateId: Int64) -> String { "textIndex_\(candidateId / shardSize)" }

    public static func ensureShard(_ db: Database, candidateId: Int64) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS \(shardName(candidateId: candidateId))
            USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')
            """)
    }

    static func shards(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'textIndex_[0-9]*' AND name NOT GLOB '*_*_*'")
    }

    /// Indexes a text under a row id; `folded` is `SearchFolding.fold` of the text.
    public static func add(_ db: Database, candidateId: Int64, rowid: Int64, folded: String) throws {
        try db.cachedStatement(sql: "INSERT INTO \(shardName(candidateId: candidateId))(rowid, body) VALUES (?, ?)")
            .execute(arguments: [rowid, folded])
    }

    /// Candidate ids whose CVs or notes hold every word of `query`, best match first (bm25 within each shard).
    static func search(_ db: Database, query: String, limit: Int) throws -> [Int64] {
        let words = SearchFolding.words(query)
        guard !words.isEmpty else { return [] }
        let match = words.map { "\"\($0)\"" }.joined(separator: " ")
        var scored: [(Double, Int64)] = []
        for shard in try shards(db) {
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, rank FROM \(shard) WHERE \(shard) MATCH ? ORDER BY rank LIMIT ?",
                                        arguments: [match, limit])
            scored += rows.map { ($0["rank"], $0["rowid"]) }
        }
        scored.sort { $0.0 < $1.0 }
        var seen = Set<Int64>()
        var out: [Int64] = []
        for (_, rowid) in scored {
            let candidate = rowid > 0
                ? try Int64.fetchOne(db, sql: "SELECT candidateId FROM document WHERE id = ?", arguments: [rowid])
                : try Int64.fetchOne(db, sql: "SELECT candidateId FROM assessment WHERE id = ?", arguments: [-rowid])
            if let candidate, seen.insert(candidate).inserted { out.append(candidate) }
            if out.count >= limit { break }
        }
        return out
    }
}
