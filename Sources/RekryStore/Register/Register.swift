import Foundation
import GRDB
import RekryCrypto
import RekryDomain

/// An opened register: the SQLite file, its schema and its audit-head file.
///
/// Only `signIn` turns it into something that can read personal data (a `Gate`).
public final class Register: Sendable {
    /// The database itself: internal to the store; test fixtures reach it through the `Testing` SPI.
    @_spi(Testing) public let writer: any DatabaseWriter
    /// The database file, or `:memory:`.
    public let path: String
    /// The file holding the audit log's latest chain head, kept outside the database.
    public let auditHeadPath: String?

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
        self.auditHeadPath = path == ":memory:" ? nil : path + ".audit-head"
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Deleted rows are zeroed on the page at once, not left in free space.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return config
    }

    /// Opens an existing register, refusing a missing, unreadable or world-exposed file.
    public static func open(at path: String) throws -> Register {
        try checkFile(path)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
            let current = try pool.read { db in
                guard try db.tableExists("grdb_migrations") else {
                    throw RegisterError.notARegister(path: path, reason: "it has no Rekry schema")
                }
                return try Migrations.migrator.hasCompletedMigrations(db)
            }
            // Migrating takes the write lock; an up-to-date register is opened without it.
            if !current { try Migrations.migrator.migrate(pool) }
        } catch let error as RegisterError {
            throw error
        } catch let error as DatabaseError {
            throw RegisterError.notARegister(path: path, reason: error.message ?? "\(error)")
        }
        return Register(writer: pool, path: path)
    }

    /// Creates a new, empty register with mode 0600; refuses to overwrite any existing file.
    public static func create(at path: String) throws -> Register {
        if FileManager.default.fileExists(atPath: path) { throw RegisterError.alreadyExists(path: path) }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw RegisterError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try Migrations.migrator.migrate(pool)
            return Register(writer: pool, path: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// A private in-memory register, for tests.
    static func inMemory() throws -> Register {
        let queue = try DatabaseQueue(configuration: configuration())
        try Migrations.migrator.migrate(queue)
        return Register(writer: queue, path: ":memory:")
    }

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

    /// Proves `identity` against the staff table and returns the gate that acts as that staff member.
    public func signIn(_ identity: Identity, clock: any RekryDomain.Clock = SystemClock()) throws -> Gate {
        let staff = try writer.read { db in try StaffRecord.fetch(db, username: identity.username) }
        guard let staff else { throw RegisterError.unknownStaff(username: identity.username) }
        guard staff.publicKey == identity.publicKey else { throw RegisterError.keyMismatch(username: identity.username) }
        return Gate(register: self, actor: staff.member, identity: identity, clock: clock)
    }

    /// Makes the file's writes durable and leaves nothing in the WAL (used after erasures and bulk loads).
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// The number of candidates, from the counter the schema keeps (never a table scan).
    public func candidateCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM registerInfo WHERE key = 'candidateCount'") ?? 0
        }
    }
}
