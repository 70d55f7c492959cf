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

    static func shardName(candidateId: Int64) -> String { "\(schema).textIndex_\(candidateId / shardSize)" }

    /// The text index file that belongs to the register at `registerPath` (`:memory:` for an in-memory one).
    static func path(forRegister registerPath: String) -> String {
        registerPath == ":memory:" ? ":memory:" : registerPath + ".text"
    }

    /// Whether this connection has the text index attached.
    static func isAttached(_ db: Database) -> Bool {
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

    public static func ensureShard(_ db: Database, candidateId: Int64) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS \(shardName(candidateId: candidateId))
            USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')
            """)
    }

    static func shards(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM \(schema).sqlite_master WHERE type = 'table' AND name GLOB 'textIndex_[0-9]*' AND name NOT GLOB '*_*_*'")
            .map { "\(schema).\($0)" }
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
            let table = shard.dropFirst(schema.count + 1)
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, rank FROM \(shard) WHERE \(table) MATCH ? ORDER BY rank LIMIT ?",
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
