import CSQLiteScrub
import CSQLiteTuning
import Foundation
import GRDB
import RekryFullText
import RekryDomain
import RekryStorage

/// The embedded register: an SQLite file, its full-text index file and its audit-head file, behind the
/// `StorageBackend` capabilities. Holds SQL and nothing else: policy, badges and audit rules live above it.
///
/// A process works the register through one read-write connection (`writer`, a `DatabaseQueue`): the
/// screen's reads and every write. Work on other threads (the list's match count) reads through a pool of
/// read-only connections opened on first use (`backgroundReader`). The file is in WAL mode, so those
/// readers, and other recruiters' processes, never wait for a writer. This keeps the first screen to one
/// connection: a `DatabasePool` would open two, and set up WAL mode again on every start (a file-system
/// query through Foundation's URL and, when the WAL is empty, a throwaway write).
public final class SQLiteRegister: StorageBackend, Sendable {
    /// The read-write connection: internal to the backend; tests whose point is raw SQL reach it through
    /// the `Testing` SPI.
    @_spi(Testing) public let writer: any DatabaseWriter
    private let background: BackgroundReader
    /// The database file, or `:memory:`.
    public let path: String
    /// The file holding the audit log's latest chain head, kept outside the database.
    public let auditHeadPath: String?

    public var location: String { path }

    public var auditHead: (any AuditHeadStoring)? {
        auditHeadPath.map { AuditHeadFile(path: $0, likeFile: path) }
    }

    /// The file holding the full-text index of CVs and notes (see `TextIndex`).
    public let textIndexPath: String?
    /// The connections to that file.
    let textIndex: TextIndexConnections

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.background = BackgroundReader(path: path, configuration: Self.configuration(), fallback: writer)
        self.path = path
        self.auditHeadPath = path == ":memory:" ? nil : path + ".audit-head"
        self.textIndexPath = path == ":memory:" ? nil : TextIndex.path(forRegister: path)
        self.textIndex = TextIndexConnections(registerPath: path)
    }

    /// Every file a register at `path` consists of, including SQLite's WAL and shared-memory files.
    public static func files(at path: String) -> [String] {
        let text = TextIndex.path(forRegister: path)
        return [path, path + "-wal", path + "-shm", path + ".audit-head", text, text + "-wal", text + "-shm"]
    }

    /// SQLite's process-wide settings, applied once before the first connection opens: statistics off
    /// (a `sqlite3_config`, so first), then the scrubbing VFS as the default, so every file the process
    /// opens (the register, its text index, a backup) is written with free space zeroed.
    private static let sqliteTuned: Int32 = {
        let tuned = rekry_sqlite_disable_memory_statistics()
        let vfs = rekry_sqlite_install_scrubbing_vfs()
        precondition(vfs == 0, "SQLite refused the scrubbing VFS (code \(vfs))")
        return tuned
    }()

    static func configuration() -> Configuration {
        _ = sqliteTuned
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Deleted rows are zeroed on the page at once, not left in free space.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // WAL's usual durability: a commit survives a crash of the process at once, and a power cut
            // once the WAL is synced at the next checkpoint; a commit does not wait for the disk.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Opens an existing register, refusing a missing, unreadable or world-exposed file.
    public static func open(at path: String) throws -> SQLiteRegister {
        try checkFile(path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            let (current, unscrubbed, rebuilding) = try queue.read { db in
                // Plain SQL rather than schema introspection: this runs before every first screen.
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')") == true else {
                    throw RegisterError.notARegister(path: path, reason: "it has no Rekry schema")
                }
                let current = try Migrations.migrator.hasCompletedMigrations(db)
                return (current, current ? try FreeSpaceScrub.pendingFiles(db) : [], current ? try TextIndexRebuild.isPending(db) : true)
            }
            let textPath = TextIndex.path(forRegister: path)
            do {
                try checkFile(textPath)
            } catch RegisterError.missing {
                throw RegisterError.textIndexMissing(path: textPath, register: path)
            }
            var (unscrubbedNow, rebuild) = (unscrubbed, rebuilding)
            // Migrating takes the write lock; an up-to-date register is opened without it.
            if !current {
                try Migrations.migrator.migrate(queue)
                (unscrubbedNow, rebuild) = try queue.read { db in (try FreeSpaceScrub.pendingFiles(db), try TextIndexRebuild.isPending(db)) }
            }
            if !unscrubbedNow.isEmpty { try FreeSpaceScrub.rewrite(unscrubbedNow, of: queue, registerPath: path) }
            let register = SQLiteRegister(writer: queue, path: path)
            if rebuild { try register.surfacingDamage { try TextIndexRebuild.run(register) } }
            return register
        } catch let error as RegisterError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw RegisterError.damaged(path: path, detail: error.message ?? "SQLite reports corruption")
        } catch let error as DatabaseError {
            throw RegisterError.notARegister(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Creates a new, empty register with mode 0600; refuses to overwrite any existing file.
    ///
    /// With a Unix `group` (a team sharing the register on one host) the folder is made 2770 (new files take
    /// its group) and the files 0660, owned by that group; others get nothing either way.
    public static func create(at path: String, group: String? = nil) throws -> SQLiteRegister {
        if FileManager.default.fileExists(atPath: path) { throw RegisterError.alreadyExists(path: path) }
        var gid: gid_t?
        if let group {
            guard let entry = getgrnam(group) else {
                throw RegisterError.invalid(field: "--group", message: "'\(group)' is not a group on this host (see: getent group)")
            }
            gid = entry.pointee.gr_gid
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: gid == nil ? 0o700 : 0o770])
            if let gid {
                guard chown(dir, uid_t.max, gid) == 0, chmod(dir, 0o2770) == 0 else {
                    throw RegisterError.unreadable(path: dir, reason: "cannot give the folder to the group: \(String(cString: strerror(errno)))")
                }
            }
        }
        let mode: mode_t = gid == nil ? 0o600 : 0o660
        let textPath = TextIndex.path(forRegister: path)
        if FileManager.default.fileExists(atPath: textPath) { throw RegisterError.alreadyExists(path: textPath) }
        do {
            // Both files are made private before SQLite writes a byte to them (its WAL and shared-memory files
            // take the same mode).
            for file in [path, textPath] {
                let fd = Foundation.open(file, O_WRONLY | O_CREAT | O_EXCL, mode)
                guard fd >= 0 else { throw RegisterError.unreadable(path: file, reason: String(cString: strerror(errno))) }
                // The umask must not narrow the team's mode, and the group must be the team's.
                if let gid { fchown(fd, uid_t.max, gid) }
                fchmod(fd, mode)
                close(fd)
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            // WAL mode is a property of the file: set once here, it holds for every later connection.
            try queue.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw RegisterError.unreadable(path: path, reason: "SQLite could not put the file in WAL mode")
                }
            }
            try Migrations.migrator.migrate(queue)
            // Every page of a new register is written through the scrubbing VFS: nothing to rewrite.
            try queue.write(FreeSpaceScrub.markDone)
            try queue.write(TextIndexRebuild.markDone)
            // Every row of a new register gets its name-order key from the write model as it is written.
            try queue.write(clearCollationMark)
            let register = SQLiteRegister(writer: queue, path: path)
            try register.surfacingDamage { _ = try register.textIndex.writer() }
            return register
        } catch {
            for file in files(at: path) { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
    }

    /// Removes the mark of migration "v11 name collation" (see `SettingKey.collationRederive`).
    static func clearCollationMark(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM registerInfo WHERE key = ?", arguments: [SettingKey.collationRederive])
    }

    /// A private in-memory register, for tests.
    @_spi(Testing) public static func inMemory() throws -> SQLiteRegister {
        let queue = try DatabaseQueue(configuration: configuration())
        try Migrations.migrator.migrate(queue)
        try queue.write(clearCollationMark)
        return SQLiteRegister(writer: queue, path: ":memory:")
    }

    /// Checks that the register file at `path` exists, is a regular file you may read and write, and is
    /// private, without opening it (`open` checks the rest).
    public static func checkFile(at path: String) throws { try checkFile(path) }

    static func checkFile(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { throw RegisterError.missing(path: path) }
            throw RegisterError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw RegisterError.unreadable(path: path, reason: "not a regular file")
        }
        if st.st_mode & 0o006 != 0 {
            throw RegisterError.exposed(path: path, mode: String(st.st_mode & 0o777, radix: 8))
        }
        guard access(path, R_OK | W_OK) == 0 else {
            throw RegisterError.unreadable(path: path, reason: "permission denied (you need read and write access)")
        }
    }

    /// Makes both files' writes durable and leaves nothing in their WALs (used after erasures, revokes and
    /// bulk loads).
    ///
    /// A TRUNCATE checkpoint cannot complete while another connection reads an older snapshot (another
    /// recruiter's search): it is retried for a few seconds as readers let go, then the caller is told that the
    /// change is saved but old pages wait in the journal for the next checkpoint.
    public func checkpoint() throws {
        guard path != ":memory:" else { return }
        let text = try surfacingDamage { try textIndex.writer() }
        try writer.writeWithoutTransaction { db in
            // Short waits between tries rather than one long busy wait, so that a reader finishing is noticed.
            try db.execute(sql: "PRAGMA busy_timeout = 500")
            text.setBusyTimeout(milliseconds: 500)
            defer {
                try? db.execute(sql: "PRAGMA busy_timeout = 10000")
                text.setBusyTimeout(milliseconds: 10_000)
            }
            var registerDone = false, textDone = false
            for attempt in 1...6 {
                do {
                    if !registerDone { _ = try db.checkpoint(.truncate, on: "main"); registerDone = true }
                    if !textDone { try text.checkpointTruncate(); textDone = true }
                    return
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                    if attempt < 6 { usleep(useconds_t(250_000 * attempt)) }
                } catch let error as FullTextError where error.isBusy {
                    if attempt < 6 { usleep(useconds_t(250_000 * attempt)) }
                }
            }
            throw RegisterError.refused("\(path): the change is saved, but another program is reading the register, so its journal still holds old pages (they go at the next checkpoint). Close other Rekry sessions on this register and run: rekry check")
        }
    }

    /// `PRAGMA integrity_check` on the register, and SQLite's and FTS5's checks on its full-text index file.
    public func integrityCheck() throws -> [(part: String, problems: [String])] {
        /// The check's complaints; a page too damaged for the check to walk is a complaint too.
        func problems(_ db: Database, _ schema: String) -> [String] {
            do {
                return try String.fetchAll(db, sql: "PRAGMA \(schema).integrity_check").filter { $0 != "ok" }
            } catch {
                return ["\(error)"]
            }
        }
        let main = writer.writeWithoutTransaction { db in problems(db, "main") }
        guard path != ":memory:" else { return [(path, main)] }
        let textPath = TextIndex.path(forRegister: path)
        let text: FullTextFile
        do {
            text = try textIndex.writer()
        } catch {
            return [(path, main), (textPath, ["cannot be opened: \(error)"])]
        }
        var parts = [(path, main), (textPath, text.integrityProblems())]
        // Free space: after a checkpoint, every b-tree page in each file should have its free space zeroed.
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA main.wal_checkpoint(TRUNCATE)") }
        try surfacingDamage { try text.checkpointTruncate() }
        for (file, name) in [(path, "register"), (textPath, "text")] {
            let stale = FreeSpaceScrub.pagesHoldingStaleBytes(inFile: file)
            guard stale > 0 else { continue }
            try writer.write { db in try db.execute(sql: "INSERT OR IGNORE INTO scrubPending(file) VALUES (?)", arguments: [name]) }
            parts.append(("free space of \(file)", ["\(stale) pages hold old bytes in their free space (written by a program other than Rekry, which does not zero them); the file is rewritten at its next open"]))
        }
        return parts
    }

    /// Turns SQLite's report of a damaged file into `RegisterError.damaged`, which every caller up to the
    /// screen knows, instead of a database error only this module can name; the full-text file's failures
    /// likewise.
    func surfacingDamage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw RegisterError.damaged(path: path, detail: error.message ?? "SQLite reports corruption")
        } catch let error as FullTextError {
            if error.isDamage { throw RegisterError.damaged(path: error.path, detail: error.message) }
            if error.isMissing { throw RegisterError.textIndexMissing(path: error.path, register: path) }
            if error.isBusy {
                throw RegisterError.refused("\(error.path): another program holds the full-text index; try again in a moment")
            }
            throw RegisterError.unreadable(path: error.path, reason: error.message)
        }
    }

    public func read<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        try surfacingDamage { try writer.read { db in try body(SQLiteSession(db: db)) } }
    }

    /// Only a transaction that indexes text opens the full-text file's connection and collects its work.
    public func write<T>(indexingText: Bool, _ body: (any StorageSession) throws -> T) throws -> T {
        try surfacingDamage {
            if indexingText { return try writeWithTextIndex { session in try body(session) } }
            return try writer.write { db in try body(SQLiteSession(db: db)) }
        }
    }

    public func readInBackground<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        try surfacingDamage { try backgroundReader.read { db in try body(SQLiteSession(db: db)) } }
    }

    public func count(_ query: CandidateQuery, cap: Int, now: Date, visibility: RowVisibility) throws -> Int {
        let (sql, args) = PagePlan(query: query, now: now, visibility: visibility).countSQL(cap: cap)
        // Counts run off the main thread, on the background readers.
        return try backgroundReader.read { db in try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    /// Runs `body` in one write transaction on the register, with the full-text work it asks for: removals
    /// done as it goes, additions once the register has committed (see `TextIndex`).
    func writeWithTextIndex<T>(_ body: (SQLiteSession) throws -> T) throws -> T {
        let work = TextIndexWork(file: try textIndex.writer())
        let result = try writer.write { db in try body(SQLiteSession(db: db, text: work)) }
        try work.commitAdditions { rowids in try writer.read { db in try TextIndex.storedTexts(db, rowids: rowids) } }
        return result
    }

    /// Read-only connections for work off the main thread (see the type's documentation).
    var backgroundReader: any DatabaseReader {
        get throws { try background.reader() }
    }

    /// The number of candidates, from the counter the schema keeps (never a table scan).
    /// SQLite's `data_version` on the connection that writes: it moves when another connection commits (this
    /// process's own writes go through that connection, so they do not move it).
    public func changeCounter() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    public func candidateCount() throws -> Int {
        try backgroundReader.read { db in
            try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM registerInfo WHERE key = 'candidateCount'") ?? 0
        }
    }
}

/// The pool of read-only connections a register opens on first use off the main thread.
private final class BackgroundReader: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let fallback: any DatabaseWriter
    private let lock = NSLock()
    private var pool: (any DatabaseReader)?

    init(path: String, configuration: Configuration, fallback: any DatabaseWriter) {
        var readOnly = configuration
        readOnly.readonly = true
        self.path = path
        self.configuration = readOnly
        self.fallback = fallback
    }

    func reader() throws -> any DatabaseReader {
        try lock.withLock {
            if let pool { return pool }
            // An in-memory register exists only on its one connection.
            let opened: any DatabaseReader = path == ":memory:" ? fallback : try DatabasePool(path: path, configuration: configuration)
            pool = opened
            return opened
        }
    }
}

extension SQLiteRegister {
    /// `VACUUM INTO` both files (a copy without free pages, so without the zeroed remains of anything erased)
    /// and a copy of the audit head, into `directory`, each file 0600.
    public func backup(into directory: String) throws -> [String] {
        guard path != ":memory:" else { throw RegisterError.invalid(field: "--db", message: "an in-memory register has no files to back up") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = (path as NSString).lastPathComponent
        let main = directory + "/" + name, text = TextIndex.path(forRegister: main), head = main + ".audit-head"
        for file in [main, text, head] where FileManager.default.fileExists(atPath: file) {
            throw RegisterError.alreadyExists(path: file)
        }
        try surfacingDamage {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM main INTO ?", arguments: [main]) }
            try textIndex.writer().vacuum(into: text)
        }
        if let data = FileManager.default.contents(atPath: path + ".audit-head") {
            guard FileManager.default.createFile(atPath: head, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw RegisterError.unreadable(path: head, reason: "cannot write the audit head's copy")
            }
        }
        for file in [main, text] { chmod(file, 0o600) }
        return [main, text, head].filter { FileManager.default.fileExists(atPath: $0) }
    }
}
