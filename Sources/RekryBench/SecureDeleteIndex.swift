import Foundation
import VaporCSQLite

/// The benchmark's raw access to a register's full-text file (one contentless FTS5 index with `secure-delete`),
/// straight through the C API of the SQLite 3.54.1 that sqlite-nio compiles in: the baseline Rekry's own
/// `FullTextFile` is measured against.
///
/// It lives in a file that imports nothing but the C library, because the C names (`SQLITE_OK`, …) would
/// otherwise collide with the system SQLite's that GRDB brings in. The file must never be opened by the system
/// SQLite as well: POSIX locks are per process, so two SQLite libraries in one process would not see each
/// other's locks.
final class SecureDeleteIndex {
    private var db: OpaquePointer?
    let path: String

    /// The SQLite version of this library.
    static var version: String { String(cString: sqlite_nio_sqlite3_libversion()) }

    /// Opens (creating if need be) the index file at `path`, in WAL mode with `secure_delete` on.
    init(path: String) throws {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path): \(lastError)")
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA secure_delete = ON")
        try execute("PRAGMA cache_size = -65536")
        try execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS textIndex USING fts5(body, content='',
                tokenize='unicode61 remove_diacritics 2')
            """)
        // Deleting a text overwrites its entries in the segments at once, so no merge is needed to forget it.
        // Not `contentless_delete=1`: that option deletes by row id alone, recording a tombstone and leaving
        // the words in their segment until a merge (measured: the planted marker stayed in the file).
        try execute("INSERT INTO textIndex(textIndex, rank) VALUES ('secure-delete', 1)")
    }

    deinit { sqlite_nio_sqlite3_close_v2(db) }

    private var lastError: String { db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory" }

    /// Runs SQL that returns no rows.
    func execute(_ sql: String) throws {
        guard sqlite_nio_sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("\(sql.prefix(60))…: \(lastError)")
        }
    }

    /// A prepared statement, finalized when `body` returns.
    private func withStatement<T>(_ sql: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError("\(sql.prefix(60))…: \(lastError)")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        return try body(statement)
    }

    /// How many texts the index holds (its `docsize` rows).
    func count() throws -> Int64 {
        try withStatement("SELECT count(*) FROM textIndex_docsize") { statement in
            sqlite_nio_sqlite3_step(statement) == SQLITE_ROW ? sqlite_nio_sqlite3_column_int64(statement, 0) : 0
        }
    }

    /// Whether the index holds a text under `rowid`.
    func holds(rowid: Int64) throws -> Bool {
        try withStatement("SELECT 1 FROM textIndex_docsize WHERE id = ?") { statement in
            sqlite_nio_sqlite3_bind_int64(statement, 1, rowid)
            return sqlite_nio_sqlite3_step(statement) == SQLITE_ROW
        }
    }

    /// Adds `texts` (row id, folded text) in one transaction.
    func insert(_ texts: [(rowid: Int64, folded: String)]) throws {
        try eachText(texts, "INSERT INTO textIndex(rowid, body) VALUES (?, ?)")
    }

    /// Deletes `texts` in one transaction. A contentless index forgets a text only when given its words again;
    /// with `secure-delete` on, their entries are overwritten in place at once.
    func delete(_ texts: [(rowid: Int64, folded: String)]) throws {
        try eachText(texts, "INSERT INTO textIndex(textIndex, rowid, body) VALUES ('delete', ?, ?)")
    }

    /// Runs `sql` (row id, text) once per text, all in one transaction, rolled back on the first failure.
    private func eachText(_ texts: [(rowid: Int64, folded: String)], _ sql: String) throws {
        try execute("BEGIN")
        do {
            try withStatement(sql) { statement in
                for text in texts {
                    sqlite_nio_sqlite3_bind_int64(statement, 1, text.rowid)
                    // SQLITE_TRANSIENT: SQLite copies the text before this call returns.
                    sqlite_nio_sqlite3_bind_text(statement, 2, text.folded, -1, unsafeBitCast(-1, to: VaporCSQLite.sqlite3_destructor_type.self))
                    guard sqlite_nio_sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("\(sql.prefix(40))…: \(lastError)") }
                    sqlite_nio_sqlite3_reset(statement)
                }
            }
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Copies the WAL into the file and truncates it, as an erasure does before it reports success.
    func checkpointTruncate() throws {
        guard sqlite_nio_sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil) == SQLITE_OK else {
            throw BenchError("checkpoint: \(lastError)")
        }
    }

    /// The best `limit` matches for an FTS5 expression, as row ids, best first (bm25).
    func matches(_ match: String, limit: Int) throws -> [Int64] {
        try withStatement("SELECT rowid FROM textIndex WHERE textIndex MATCH ? ORDER BY rank LIMIT ?") { statement in
            sqlite_nio_sqlite3_bind_text(statement, 1, match, -1, unsafeBitCast(-1, to: VaporCSQLite.sqlite3_destructor_type.self))
            sqlite_nio_sqlite3_bind_int64(statement, 2, Int64(limit))
            var rowids: [Int64] = []
            while sqlite_nio_sqlite3_step(statement) == SQLITE_ROW { rowids.append(sqlite_nio_sqlite3_column_int64(statement, 0)) }
            return rowids
        }
    }

    /// SQLite's `integrity_check` and FTS5's `integrity-check`: true when both find nothing wrong.
    func isSound() throws -> Bool {
        let pages = try withStatement("PRAGMA integrity_check") { statement in
            sqlite_nio_sqlite3_step(statement) == SQLITE_ROW && String(cString: sqlite_nio_sqlite3_column_text(statement, 0)) == "ok"
        }
        return pages && sqlite_nio_sqlite3_exec(db, "INSERT INTO textIndex(textIndex, rank) VALUES ('integrity-check', 0)", nil, nil, nil) == SQLITE_OK
    }
}
