import CSQLiteNIOScrub
import Foundation
import VaporCSQLite

/// One connection to a register's full-text index file: a single contentless FTS5 table with `secure-delete`.
///
/// The file is opened only through the SQLite compiled into sqlite-nio (3.54.1): this host's system SQLite
/// (3.40, which holds the register) predates FTS5's `secure-delete`, the option that overwrites a deleted
/// text's entries inside their segment at once, so forgetting a person needs no merge of the index. One file
/// must never be opened by two SQLite libraries in one process (POSIX locks are per process, so the two
/// would not see each other's locks): nothing else in Rekry opens it.
///
/// This module imports only that library's C API, whose constants (`SQLITE_OK`, …) would collide with the
/// system SQLite's that GRDB brings in; it offers Swift values only. Calls are serialized by a lock, so one
/// object may be shared by threads; a transaction holds the lock throughout.
public final class FullTextFile: @unchecked Sendable {
    private var db: OpaquePointer?
    private let lock = NSRecursiveLock()
    /// The file, or `:memory:`.
    public let path: String

    /// The version of the SQLite that opens the file.
    public static var libraryVersion: String { String(cString: sqlite_nio_sqlite3_libversion()) }

    /// The scrubbing VFS, installed once as this library's default before its first connection opens: every
    /// page written to the index file has its free space zeroed, as the register's pages do.
    private static let scrubbing: Int32 = {
        let result = rekry_nio_sqlite_install_scrubbing_vfs()
        precondition(result == SQLITE_OK, "sqlite-nio's SQLite refused the scrubbing VFS (code \(result))")
        return result
    }()

    /// Opens (creating when `create`) the index file at `path`, in WAL mode with `secure_delete` on.
    public init(path: String, create: Bool = false) throws {
        _ = Self.scrubbing
        self.path = path
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW
        if create || path == ":memory:" { flags |= SQLITE_OPEN_CREATE }
        let rc = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(db)
            db = nil
            throw FullTextError(code: rc, path: path, message: message)
        }
        sqlite_nio_sqlite3_extended_result_codes(db, 1)
        sqlite_nio_sqlite3_busy_timeout(db, 10_000)
        try execute("PRAGMA secure_delete = ON")
        try execute("PRAGMA synchronous = NORMAL")
        if path != ":memory:" { try execute("PRAGMA journal_mode = WAL") }
    }

    deinit { sqlite_nio_sqlite3_close_v2(db) }

    /// The table every text is indexed in. Row ids are document ids, and minus assessment ids.
    public static let table = "textIndex"

    /// Creates the index if the file has none yet; turns `secure-delete` on.
    ///
    /// Not `contentless_delete=1`: that option deletes by row id alone, recording a tombstone and leaving the
    /// words in their segment until a merge (measured: a planted marker stayed in the file). A contentless
    /// index forgets a text when given its words again, and with `secure-delete` their entries are
    /// overwritten at once.
    public func prepare() throws {
        try locked {
            guard try !hasTable(Self.table) else { return }
            try execute("""
                CREATE VIRTUAL TABLE \(Self.table) USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')
                """)
            try execute("INSERT INTO \(Self.table)(\(Self.table), rank) VALUES ('secure-delete', 1)")
        }
    }

    /// Whether the index's own configuration has `secure-delete` on (it is kept in the file, so it holds for
    /// every connection).
    public func deletesSecurely() throws -> Bool {
        try locked {
            try withStatement("SELECT v FROM \(Self.table)_config WHERE k = 'secure-delete'") { statement in
                try step(statement) && sqlite_nio_sqlite3_column_int64(statement, 0) == 1
            }
        }
    }

    /// Whether the file holds a table named `name`.
    public func hasTable(_ name: String) throws -> Bool {
        try locked {
            try withStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?") { statement in
                bind(statement, 1, name)
                return try step(statement)
            }
        }
    }

    /// The names of every table the file holds that SQLite does not (the index and its shadow tables).
    public func tables() throws -> [String] {
        try locked {
            try withStatement("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { statement in
                var names: [String] = []
                while try step(statement) { names.append(String(cString: sqlite_nio_sqlite3_column_text(statement, 0))) }
                return names
            }
        }
    }

    /// The row ids in `table` (an FTS5 `…_docsize` shadow table: the texts an index holds).
    public func rowids(inTable table: String) throws -> [Int64] {
        try locked {
            try withStatement("SELECT id FROM \"\(table)\"") { statement in
                var ids: [Int64] = []
                while try step(statement) { ids.append(sqlite_nio_sqlite3_column_int64(statement, 0)) }
                return ids
            }
        }
    }

    /// Drops every table of the file (a rebuild starts from nothing); run inside `transaction`.
    public func dropEverything() throws {
        try locked {
            // Virtual tables first: dropping one drops its shadow tables with it.
            let virtual = try withStatement("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'") { statement in
                var names: [String] = []
                while try step(statement) { names.append(String(cString: sqlite_nio_sqlite3_column_text(statement, 0))) }
                return names
            }
            for name in virtual { try execute("DROP TABLE \"\(name)\"") }
            for name in try tables() { try execute("DROP TABLE \"\(name)\"") }
        }
    }

    /// How many texts the index holds.
    public func count() throws -> Int64 {
        try locked {
            try withStatement("SELECT count(*) FROM \(Self.table)_docsize") { statement in
                try step(statement) ? sqlite_nio_sqlite3_column_int64(statement, 0) : 0
            }
        }
    }

    /// Of `rowids`, those the index holds a text under.
    public func held(_ rowids: [Int64]) throws -> Set<Int64> {
        try locked {
            try withStatement("SELECT 1 FROM \(Self.table)_docsize WHERE id = ?") { statement in
                var held = Set<Int64>()
                for rowid in rowids {
                    sqlite_nio_sqlite3_bind_int64(statement, 1, rowid)
                    if try step(statement) { held.insert(rowid) }
                    sqlite_nio_sqlite3_reset(statement)
                }
                return held
            }
        }
    }

    /// Indexes `texts` (row id, folded words).
    public func insert(_ texts: [FullTextEntry]) throws {
        try run("INSERT INTO \(Self.table)(rowid, body) VALUES (?, ?)", texts)
    }

    /// Takes `texts` out of the index, given the exact folded words they were indexed with; with
    /// `secure-delete` their entries are overwritten in their segments at once. A row id the index does not
    /// hold must not be given (it would corrupt the index): see `held`.
    public func delete(_ texts: [FullTextEntry]) throws {
        try run("INSERT INTO \(Self.table)(\(Self.table), rowid, body) VALUES ('delete', ?, ?)", texts)
    }

    /// Replaces the signposts FTS5's secure-delete leaves holding a prefix of one of `words`; returns how many.
    ///
    /// Every leaf page of a segment has an entry in `%_idx` that lookups seek by: its split key, a prefix of
    /// the page's first term. When secure-delete removes a page's first term and other terms stay on the
    /// page, FTS5 rewrites the page but keeps the entry, so a prefix of the deleted word (often the whole
    /// word: a surname, an email) stays in the file (SQLite 3.54.1, `fts5DoSecureDelete`). Call this after
    /// the deletion has committed, with the deleted texts' words: each segment's entry for each word is
    /// checked against its page, and one that no term of the page starts with any more is set to the page's
    /// first term. That is a word still in the index, and a valid split key: larger than every term of the
    /// pages before and equal to the first of its own (FTS5's `integrity-check` holds it to exactly that).
    public func replaceStaleSignposts(for words: Set<String>) throws -> Int {
        guard !words.isEmpty else { return 0 }
        return try locked {
            guard try hasTable(Self.table) else { return 0 }
            let idx = "\(Self.table)_idx"
            var segments: [Int64] = []
            try withStatement("SELECT segid FROM \(idx) WHERE segid > ? ORDER BY segid LIMIT 1") { statement in
                var last: Int64 = -1
                while true {
                    sqlite_nio_sqlite3_bind_int64(statement, 1, last)
                    let found = try step(statement)
                    if found { last = sqlite_nio_sqlite3_column_int64(statement, 0) }
                    sqlite_nio_sqlite3_reset(statement)
                    guard found else { break }
                    segments.append(last)
                }
            }
            // The entry a lookup of each word lands on, in each segment; a stale one is a prefix of the word.
            var suspects: [FullTextSignpost] = []
            var seen = Set<FullTextSignpost>()
            try withStatement("SELECT term, pgno FROM \(idx) WHERE segid = ? AND term <= ? ORDER BY term DESC LIMIT 1") { statement in
                for segment in segments {
                    for word in words {
                        let key = [UInt8(ascii: "0")] + Array(word.utf8)
                        sqlite_nio_sqlite3_bind_int64(statement, 1, segment)
                        bindBlob(statement, 2, key)
                        if try step(statement) {
                            let term = columnBlob(statement, 0)
                            let signpost = FullTextSignpost(segment: segment, term: term, page: sqlite_nio_sqlite3_column_int64(statement, 1) >> 1)
                            if !term.isEmpty, key.starts(with: term), seen.insert(signpost).inserted { suspects.append(signpost) }
                        }
                        sqlite_nio_sqlite3_reset(statement)
                    }
                }
            }
            var replaced = 0
            for signpost in suspects {
                // FTS5_SEGMENT_ROWID(segid, pgno): the segment id above 37 bits of height, flag and page.
                let block = try withStatement("SELECT block FROM \(Self.table)_data WHERE id = ?") { statement in
                    sqlite_nio_sqlite3_bind_int64(statement, 1, (signpost.segment << 37) + signpost.page)
                    return try step(statement) ? columnBlob(statement, 0) : nil
                }
                // A page without terms keeps no entry (FTS5 drops it), except the first, whose key is empty.
                guard let block, let first = Self.firstTerm(ofLeaf: block), !first.starts(with: signpost.term) else { continue }
                try withStatement("UPDATE \(idx) SET term = ? WHERE segid = ? AND term = ?") { statement in
                    bindBlob(statement, 1, first)
                    sqlite_nio_sqlite3_bind_int64(statement, 2, signpost.segment)
                    bindBlob(statement, 3, signpost.term)
                    _ = try step(statement)
                }
                replaced += 1
            }
            return replaced
        }
    }

    /// Every split key in `%_idx`, as text (for tests and `rekry check`).
    public func splitKeys() throws -> [String] {
        try locked {
            try withStatement("SELECT term FROM \(Self.table)_idx ORDER BY segid, term") { statement in
                var keys: [String] = []
                while try step(statement) { keys.append(String(decoding: columnBlob(statement, 0), as: UTF8.self)) }
                return keys
            }
        }
    }

    /// The first term of an FTS5 leaf page (with its index's prefix byte), or nil if the page holds none.
    ///
    /// A leaf is: a 2-byte offset of its first row id, a 2-byte offset of its footer, the doclists, then the
    /// footer: varints giving each term's offset (the first absolute). The first term on a page is stored
    /// whole: a varint length, then its bytes.
    static func firstTerm(ofLeaf page: [UInt8]) -> [UInt8]? {
        guard page.count >= 4 else { return nil }
        let footer = Int(page[2]) << 8 | Int(page[3])
        guard footer >= 4, footer < page.count else { return nil }
        var at = footer
        let termOffset = Int(readVarint(page, &at))
        guard termOffset >= 4, termOffset < footer else { return nil }
        at = termOffset
        let length = Int(readVarint(page, &at))
        guard length > 0, at + length <= footer else { return nil }
        return Array(page[at..<(at + length)])
    }

    /// SQLite's varint: big-endian groups of 7 bits, the high bit set on all but the last; a ninth byte whole.
    static func readVarint(_ bytes: [UInt8], _ at: inout Int) -> UInt64 {
        var value: UInt64 = 0
        for n in 0..<9 {
            guard at < bytes.count else { break }
            let byte = bytes[at]
            at += 1
            if n == 8 { return value << 8 | UInt64(byte) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { break }
        }
        return value
    }

    /// The best `limit` matches of an FTS5 query, best first (bm25; lower ranks are better).
    public func matches(_ match: String, limit: Int) throws -> [(rowid: Int64, rank: Double)] {
        try locked {
            try withStatement("SELECT rowid, rank FROM \(Self.table) WHERE \(Self.table) MATCH ? ORDER BY rank LIMIT ?") { statement in
                bind(statement, 1, match)
                sqlite_nio_sqlite3_bind_int64(statement, 2, Int64(limit))
                var found: [(rowid: Int64, rank: Double)] = []
                while try step(statement) {
                    found.append((sqlite_nio_sqlite3_column_int64(statement, 0), sqlite_nio_sqlite3_column_double(statement, 1)))
                }
                return found
            }
        }
    }

    /// Runs `body` in one transaction (BEGIN IMMEDIATE), rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try locked {
            try execute("BEGIN IMMEDIATE")
            do {
                let result = try body()
                try execute("COMMIT")
                return result
            } catch {
                try? execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Copies the WAL into the file and truncates it. Throws `FullTextError` with `isBusy` when a reader
    /// holds an older snapshot (the caller retries, then reports that old pages wait in the journal).
    public func checkpointTruncate() throws {
        try locked {
            guard path != ":memory:" else { return }
            let rc = sqlite_nio_sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
            guard rc == SQLITE_OK else { throw failure(rc, "checkpoint") }
        }
    }

    /// Sets the busy timeout, in milliseconds.
    public func setBusyTimeout(milliseconds: Int32) {
        locked { _ = sqlite_nio_sqlite3_busy_timeout(db, milliseconds) }
    }

    /// The complaints of SQLite's `integrity_check` and of FTS5's own `integrity-check` (empty when sound).
    public func integrityProblems() -> [String] {
        locked {
            var problems: [String] = []
            do {
                try withStatement("PRAGMA integrity_check") { statement in
                    while try step(statement) {
                        let line = String(cString: sqlite_nio_sqlite3_column_text(statement, 0))
                        if line != "ok" { problems.append(line) }
                    }
                }
                if try hasTable(Self.table) {
                    try execute("INSERT INTO \(Self.table)(\(Self.table), rank) VALUES ('integrity-check', 0)")
                }
            } catch {
                problems.append("\(error)")
            }
            return problems
        }
    }

    /// Rewrites the file without free pages (`VACUUM`), through the scrubbing VFS.
    public func vacuum() throws { try execute("VACUUM") }

    /// Writes a compact copy of the file to `target` (`VACUUM INTO`): free pages and the WAL stay behind.
    public func vacuum(into target: String) throws {
        try locked {
            try withStatement("VACUUM INTO ?") { statement in
                bind(statement, 1, target)
                _ = try step(statement)
            }
        }
    }

    /// For a bulk load into a new file: the journal in memory and no syncs (`on`), or back to WAL (`off`).
    public func setBulkMode(_ on: Bool) throws {
        try locked {
            if on {
                try execute("PRAGMA synchronous = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
                guard try pragmaText("PRAGMA journal_mode = MEMORY") == "memory" else {
                    throw FullTextError(code: SQLITE_BUSY, path: path, message: "the full-text index is in use; a bulk load needs it to itself")
                }
            } else {
                try execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000")
                guard try path == ":memory:" || pragmaText("PRAGMA journal_mode = WAL") == "wal" else {
                    throw FullTextError(code: SQLITE_ERROR, path: path, message: "SQLite could not put the file back in WAL mode")
                }
            }
        }
    }

    /// Runs SQL that returns no rows.
    public func execute(_ sql: String) throws {
        try locked {
            let rc = sqlite_nio_sqlite3_exec(db, sql, nil, nil, nil)
            guard rc == SQLITE_OK else { throw failure(rc, String(sql.prefix(60))) }
        }
    }

    // MARK: - Plumbing

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func pragmaText(_ sql: String) throws -> String? {
        try withStatement(sql) { statement in
            try step(statement) ? String(cString: sqlite_nio_sqlite3_column_text(statement, 0)) : nil
        }
    }

    /// Runs `sql` (row id, text) once per text, all in one transaction.
    private func run(_ sql: String, _ texts: [FullTextEntry]) throws {
        guard !texts.isEmpty else { return }
        try locked {
            let inTransaction = sqlite_nio_sqlite3_get_autocommit(db) == 0
            let body = {
                try self.withStatement(sql) { statement in
                    for text in texts {
                        sqlite_nio_sqlite3_bind_int64(statement, 1, text.rowid)
                        self.bind(statement, 2, text.folded)
                        _ = try self.step(statement)
                        sqlite_nio_sqlite3_reset(statement)
                    }
                }
            }
            if inTransaction { try body() } else { try transaction(body) }
        }
    }

    private func withStatement<T>(_ sql: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        var statement: OpaquePointer?
        let rc = sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw failure(rc, String(sql.prefix(60))) }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        return try body(statement)
    }

    /// Steps a statement: true for a row, false when done.
    private func step(_ statement: OpaquePointer) throws -> Bool {
        let rc = sqlite_nio_sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let sql = sqlite_nio_sqlite3_sql(statement).map { String(cString: $0) } ?? ""
            throw failure(rc, String(sql.prefix(60)))
        }
    }

    private func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
        // SQLITE_TRANSIENT: SQLite copies the text before the call returns.
        sqlite_nio_sqlite3_bind_text(statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    private func bindBlob(_ statement: OpaquePointer, _ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            _ = sqlite_nio_sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count),
                                             unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    private func columnBlob(_ statement: OpaquePointer, _ index: Int32) -> [UInt8] {
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
        guard count > 0, let base = sqlite_nio_sqlite3_column_blob(statement, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    private func failure(_ rc: Int32, _ doing: String) -> FullTextError {
        let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
        return FullTextError(code: rc, path: path, message: "\(doing): \(message)")
    }
}

/// One text as the index takes it: its row id (a document id, or minus an assessment id) and its folded words.
public struct FullTextEntry: Sendable, Equatable {
    public var rowid: Int64
    public var folded: String
    public init(rowid: Int64, folded: String) {
        self.rowid = rowid
        self.folded = folded
    }
}

/// A failure of the full-text index file, with SQLite's result code.
public struct FullTextError: Error, CustomStringConvertible, Sendable {
    /// SQLite's (extended) result code.
    public let code: Int32
    public let path: String
    public let message: String

    /// Another connection holds a lock the call needed (after the busy timeout).
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
    /// The file is damaged or is not a database.
    public var isDamage: Bool { code & 0xff == SQLITE_CORRUPT || code & 0xff == SQLITE_NOTADB }
    /// The file is not there (opened without `create`).
    public var isMissing: Bool { code & 0xff == SQLITE_CANTOPEN }

    public var description: String { "\(path): \(message)" }
}

/// One `%_idx` entry of the index: a segment, the split key a lookup seeks by, and the leaf page it leads to.
struct FullTextSignpost: Hashable {
    var segment: Int64
    var term: [UInt8]
    var page: Int64
}
