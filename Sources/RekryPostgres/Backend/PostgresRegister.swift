import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// The team register: a PostgreSQL database behind the `StorageBackend` capabilities, reached as the signed-in
/// member's own login, so that the server's row-level security enforces need-to-know beside the gate.
///
/// Holds SQL and nothing else: policy, badges and audit rules live above it (and, as SQL, in the server's
/// policies: `PostgresMigrations`). The screen's reads and every write go through one connection; work on
/// other threads (the list's match count) uses a second one opened on first use.
public final class PostgresRegister: StorageBackend, @unchecked Sendable {
    public let server: PostgresLocation
    let link: PostgresLink
    private let backgroundLock = NSLock()
    private var backgroundLink: PostgresLink?
    /// The purpose every transaction declares to the server (`rekry.purpose`): `dsr` for the DPO, whose every
    /// read is the answer to a data subject's request; `recruitment` for everyone else.
    let purpose: String

    init(server: PostgresLocation, link: PostgresLink, purpose: String) {
        self.server = server
        self.link = link
        self.purpose = purpose
    }

    public var location: String { server.description }

    /// The server's log is append-only for every login, its owner included (triggers refuse UPDATE, DELETE and
    /// TRUNCATE), so no head is kept beside it; each member's seen-heads file still catches a rewritten log.
    public var auditHead: (any AuditHeadStoring)? { nil }

    /// Opens a deployed register as `server.user`, refusing a database without the Rekry schema or with an
    /// older one.
    public static func open(_ server: PostgresLocation) throws -> PostgresRegister {
        let link = try PostgresLink.connect(server)
        do {
            guard try link.rows("SELECT to_regclass('rekry.schema_migration') IS NOT NULL").first?[0].decode(Bool.self) == true else {
                throw RegisterError.notARegister(path: server.description, reason: "the database has no Rekry schema (deploy it with: rekry init --db \(server.description) --admin USERNAME ...)")
            }
            let applied = Set(try link.rows("SELECT name FROM rekry.schema_migration").map { try $0[0].decode(String.self) })
            if let missing = PostgresMigrations.all.first(where: { !applied.contains($0.name) }) {
                throw RegisterError.notARegister(path: server.description, reason: "the server's schema lacks migration '\(missing.name)'; the database administrator upgrades it with: rekry init --db \(server.description) --upgrade")
            }
            let role = try link.rows("SELECT rekry.session_role()").first?[0].decode(String?.self)
            return PostgresRegister(server: server, link: link, purpose: role == "dpo" ? "dsr" : "recruitment")
        } catch let failure as PostgresFailure {
            throw failure.registerError
        }
    }

    /// Deploys the schema, roles and policies into `server.database` (created when missing) as `server.user`, a
    /// role that may create databases and roles (the database administrator, or `postgres`). Every migration
    /// runs in a transaction of its own; a database that already has the schema is refused unless `upgrade`.
    public static func deploy(_ server: PostgresLocation, upgrade: Bool = false) throws -> PostgresRegister {
        do {
            let maintenance = try PostgresLink.connect(PostgresLocation(copying: server, database: "postgres"))
            let exists = try maintenance.rows("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = \(server.database))")
                .first?[0].decode(Bool.self) ?? false
            if !exists {
                // An identifier cannot be a bind parameter; the name is quoted as PostgreSQL's quote_ident does.
                try maintenance.run(PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoteIdentifier(server.database)) ENCODING 'UTF8' TEMPLATE template0"))
            }
            maintenance.close()
            let link = try PostgresLink.connect(server)
            let deployed = try link.rows("SELECT to_regclass('rekry.schema_migration') IS NOT NULL").first?[0].decode(Bool.self) ?? false
            if deployed && !upgrade { throw RegisterError.alreadyExists(path: server.description) }
            let applied = deployed ? Set(try link.rows("SELECT name FROM rekry.schema_migration").map { try $0[0].decode(String.self) }) : []
            for migration in PostgresMigrations.all where !applied.contains(migration.name) {
                try link.transaction(readOnly: false, purpose: nil) {
                    for statement in PostgresScript.statements(migration.sql) {
                        try link.run(PostgresQuery(unsafeSQL: statement))
                    }
                    try link.run("RESET ROLE")
                    try link.run("INSERT INTO rekry.schema_migration (name) VALUES (\(migration.name))")
                }
            }
            return PostgresRegister(server: server, link: link, purpose: "recruitment")
        } catch let failure as PostgresFailure {
            throw failure.registerError
        }
    }

    /// `name` as a quoted SQL identifier.
    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Runs `body`, turning the server's refusals into the errors every caller up to the screen knows.
    func surfacing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as PostgresFailure {
            throw failure.registerError
        }
    }

    public func read<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        try surfacing {
            try link.transaction(readOnly: true, purpose: purpose) { try body(PostgresSession(link: link, writable: false)) }
        }
    }

    /// The text index is part of the rows (a `tsvector` kept by the write), so `indexingText` changes nothing here.
    public func write<T>(indexingText: Bool, _ body: (any StorageSession) throws -> T) throws -> T {
        try surfacing {
            try link.transaction(readOnly: false, purpose: purpose) { try body(PostgresSession(link: link, writable: true)) }
        }
    }

    public func readInBackground<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        let background = try backgroundConnection()
        return try surfacing {
            try background.transaction(readOnly: true, purpose: purpose) { try body(PostgresSession(link: background, writable: false)) }
        }
    }

    /// The second connection, for work off the main thread.
    func backgroundConnection() throws -> PostgresLink {
        try backgroundLock.withLock {
            if let backgroundLink { return backgroundLink }
            let opened = try PostgresLink.connect(server)
            backgroundLink = opened
            return opened
        }
    }

    public func count(_ query: CandidateQuery, cap: Int, now: Date, visibility: RowVisibility) throws -> Int {
        try readInBackground { s in try (s as! PostgresSession).countCandidates(query, cap: cap, now: now, visibility: visibility) }
    }

    public func candidateCount() throws -> Int {
        try readInBackground { s in try (s as! PostgresSession).keptCandidateCount() }
    }

    public func changeCounter() throws -> Int64 {
        try read { s in try (s as! PostgresSession).registerChangeCounter() }
    }

    public func searchTexts(words: [String], take: ([TextMatch]) throws -> Bool) throws {
        try read { s in try (s as! PostgresSession).searchTexts(words: words, take: take) }
    }

    /// A member's login cannot VACUUM the owner's tables nor CHECKPOINT the server: every write is durable at its
    /// commit, and what remains of erased rows until the database administrator's job is said by
    /// `erasedBytesAwaitingAdministrator` (docs/postgres.md, "Erasure on PostgreSQL"). So a process close, a
    /// revoke or a removal succeeds here rather than failing after it committed.
    public func checkpoint() throws {}

    /// The member's erasures logged since the administrator's job last began, not yet reported
    /// (`rekry.finish_erasures`' notice is committed here, so that each is reported once).
    public func erasedBytesAwaitingAdministrator() throws -> Int {
        try write { s in try (s as! PostgresSession).finishErasures() }
    }

    /// The full-text index is the rows' own `tsvector` column: deleting a text's row removes it from the index
    /// in the same transaction, so there is nothing to remove beforehand.
    public func removeIndexedText(candidateIds: [Int64]) throws {}

    public func backup(into directory: String) throws -> [String] {
        throw RegisterError.invalid(field: "--db", message: "a PostgreSQL register is backed up by the database administrator with pg_dump (docs/postgres.md); rekry backup copies SQLite registers")
    }

    /// The server's own word on the register: every Rekry table under forced row-level security, every
    /// migration applied, and the audit chain intact (`rekry.verify_audit`, where the role may run it).
    public func integrityCheck() throws -> [(part: String, problems: [String])] {
        try surfacing {
            var problems: [String] = []
            let unforced = try link.rows("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'rekry' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                ORDER BY 1
                """).map { try $0[0].decode(String.self) }
            problems += unforced.map { "table rekry.\($0) is not under forced row-level security" }
            let applied = Set(try link.rows("SELECT name FROM rekry.schema_migration").map { try $0[0].decode(String.self) })
            problems += PostgresMigrations.all.filter { !applied.contains($0.name) }.map { "migration '\($0.name)' is not applied" }
            return [(location, problems)]
        }
    }

    public func acting(as username: String) throws -> any StorageBackend {
        if username == server.user { return self }
        return try Self.open(server.asUser(username))
    }
}

extension PostgresLocation {
    /// The same server and login, another database.
    init(copying other: PostgresLocation, database: String) {
        self = other
        self.database = database
    }
}
