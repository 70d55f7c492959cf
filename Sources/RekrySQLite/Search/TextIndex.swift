import GRDB
import GRDBSQLite
import RekryDomain

/// Full-text search of CVs and notes: sharded FTS5 tables in a file of their own, `<register>.text`.
///
/// FTS5 on SQLite 3.40 keeps a deleted document's tokens in its segments until they are merged. A shard
/// holds the texts of at most `shardSize` candidates, so an erasure can `optimize` the one shard that held
/// the person in about a hundred milliseconds and leave no trace, where one big index would take seconds.
///
/// The shards live in their own file because SQLite parses a file's whole schema on every connection's
/// first statement: at one million candidates the 245 shards are some 1,200 schema objects, about 10 ms per
/// connection, which would be paid before every first screen. The file is attached (as schema `text`) only
/// on the connections that search it or write to it. Within one write transaction both files commit, but
/// not atomically as a set (the register is in WAL mode): writers commit the register's rows first, so a
/// crash can leave a document unindexed, never an index entry without its document.
///
/// The index is contentless (`content=''`): the texts live once, in `document` and `assessment`, and the
/// index holds the folded words only. Row ids are document ids, and minus assessment ids.
@_spi(Testing) public enum TextIndex {
    static let shardSize: Int64 = 4096
    /// The schema name the file is attached under.
    static let schema = "text"

    /// The shard holding `candidateId`'s texts, as seen from a connection with the index attached.
    static func shardName(candidateId: Int64, schema: String = TextIndex.schema) -> String {
        "\(schema).textIndex_\(candidateId / shardSize)"
    }

    /// The text index file that belongs to the register at `registerPath` (`:memory:` for an in-memory one).
    static func path(forRegister registerPath: String) -> String {
        registerPath == ":memory:" ? ":memory:" : registerPath + ".text"
    }

    /// Whether this connection has the text index attached.
    public static func isAttached(_ db: Database) -> Bool {
        sqlite3_db_filename(db.sqliteConnection, schema) != nil
    }

    /// Attaches the text index file to this connection unless it already is; outside any transaction.
    static func attach(_ db: Database, registerPath: String) throws {
        guard !isAttached(db) else { return }
        try db.execute(sql: "ATTACH DATABASE ? AS \(schema)", arguments: [path(forRegister: registerPath)])
        // Deleted index pages are zeroed like the register's; the file is in WAL mode like the register.
        try db.execute(sql: "PRAGMA \(schema).secure_delete = ON")
        if !db.configuration.readonly && registerPath != ":memory:" {
            try db.execute(sql: "PRAGMA \(schema).journal_mode = WAL")
        }
    }

    static func ensureShard(_ db: Database, candidateId: Int64, schema: String = TextIndex.schema) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS \(shardName(candidateId: candidateId, schema: schema))
            USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')
            """)
    }

    static func shards(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM \(schema).sqlite_master WHERE type = 'table' AND name GLOB 'textIndex_[0-9]*' AND name NOT GLOB '*_*_*'")
            .map { "\(schema).\($0)" }
    }

    /// Indexes a text under a row id; `folded` is `SearchFolding.fold` of the text.
    static func add(_ db: Database, candidateId: Int64, rowid: Int64, folded: String) throws {
        try db.cachedStatement(sql: "INSERT INTO \(shardName(candidateId: candidateId))(rowid, body) VALUES (?, ?)")
            .execute(arguments: [rowid, folded])
    }

    /// The FTS5 query for folded `words`: every word, each quoted; nil if there are none.
    static func matchExpression(_ words: [String]) -> String? {
        words.isEmpty ? nil : words.map { "\"\($0)\"" }.joined(separator: " ")
    }

    /// The best `limit` matches in each of `shards`, as (bm25 rank, row id); lower ranks are better.
    static func matches(_ db: Database, shards: [String], match: String, limit: Int) throws -> [(rank: Double, rowid: Int64)] {
        var scored: [(rank: Double, rowid: Int64)] = []
        for shard in shards {
            let table = shard.dropFirst(schema.count + 1)
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, rank FROM \(shard) WHERE \(table) MATCH ? ORDER BY rank LIMIT ?",
                                        arguments: [match, limit])
            scored += rows.map { (rank: $0["rank"], rowid: $0["rowid"]) }
        }
        return scored
    }

    /// The candidates the best-ranked of `scored` belong to, each once, best first, at most `limit`.
    static func candidates(_ db: Database, ranked scored: [(rank: Double, rowid: Int64)], limit: Int) throws -> [Int64] {
        var seen = Set<Int64>()
        var out: [Int64] = []
        for (_, rowid) in scored.sorted(by: { $0.rank < $1.rank }) {
            let candidate = rowid > 0
                ? try Int64.fetchOne(db, sql: "SELECT candidateId FROM document WHERE id = ?", arguments: [rowid])
                : try Int64.fetchOne(db, sql: "SELECT candidateId FROM assessment WHERE id = ?", arguments: [-rowid])
            if let candidate, seen.insert(candidate).inserted { out.append(candidate) }
            if out.count >= limit { break }
        }
        return out
    }
}

extension SQLiteRegister {
    /// Candidate ids whose CVs or notes hold every one of the folded `words`, best match first (bm25 within
    /// each shard).
    ///
    /// The search is CPU-bound and the shards independent, so two read-only connections search half the
    /// shards each, on two threads.
    public func searchText(words: [String], limit: Int) throws -> [Int64] {
        guard let match = TextIndex.matchExpression(words) else { return [] }
        let reader = try backgroundReader
        let path = self.path
        @Sendable func search(_ shards: [String]) throws -> [(rank: Double, rowid: Int64)] {
            try reader.unsafeRead { db in
                try TextIndex.attach(db, registerPath: path)
                var scored: [(rank: Double, rowid: Int64)] = []
                try db.inTransaction(.deferred) {
                    scored = try TextIndex.matches(db, shards: shards, match: match, limit: limit)
                    return .commit
                }
                return scored
            }
        }
        let shards = try reader.unsafeRead { db in
            try TextIndex.attach(db, registerPath: path)
            return try TextIndex.shards(db)
        }
        let half = shards.count / 2
        let firstHalf = Array(shards[..<half])
        let other = BackgroundWork { try search(firstHalf) }
        let scored = try search(Array(shards[half...])) + other.value()
        return try reader.read { db in try TextIndex.candidates(db, ranked: scored, limit: limit) }
    }
}

extension TextIndex {
    /// Removes a candidate's texts from their shard, then merges the shard so that no segment keeps their
    /// words. A contentless index can only forget a text when told the exact text it was given, so this
    /// runs while the rows still hold it; a row id the shard does not hold (never indexed, or removed by an
    /// earlier try that a crash interrupted) is skipped, since deleting it would corrupt the shard.
    /// Returns the shard's table name when it removed anything, for the caller to `optimize` once per shard.
    static func remove(_ db: Database, candidateId: Int64) throws -> String? {
        let table = String(shardName(candidateId: candidateId).dropFirst(schema.count + 1))
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(schema).sqlite_master WHERE name = ?)", arguments: [table]) == true else {
            return nil
        }
        let texts = try Row.fetchAll(db, sql: """
            SELECT id AS rowid, body AS text FROM main.document WHERE candidateId = ?
            UNION ALL SELECT -id, text FROM main.assessment WHERE candidateId = ?
            """, arguments: [candidateId, candidateId])
        var removed = 0
        for row in texts {
            let rowid: Int64 = row["rowid"]
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(schema).\(table)_docsize WHERE id = ?)", arguments: [rowid]) == true else {
                continue
            }
            try db.execute(sql: "INSERT INTO \(schema).\(table)(\(table), rowid, body) VALUES ('delete', ?, ?)",
                           arguments: [rowid, SearchFolding.fold(row["text"])])
            removed += 1
        }
        return removed > 0 ? table : nil
    }

    /// Merges a shard's segments into one, which drops every deleted text's words from the file.
    static func optimize(_ db: Database, table: String) throws {
        try db.execute(sql: "INSERT INTO \(schema).\(table)(\(table)) VALUES ('optimize')")
    }
}

extension SQLiteRegister {
    public func removeIndexedText(candidateIds: [Int64]) throws {
        try surfacingDamage {
            try writeWithTextIndex { db in
                var touched = Set<String>()
                for id in candidateIds { if let table = try TextIndex.remove(db, candidateId: id) { touched.insert(table) } }
                for table in touched.sorted() { try TextIndex.optimize(db, table: table) }
            }
        }
    }
}
