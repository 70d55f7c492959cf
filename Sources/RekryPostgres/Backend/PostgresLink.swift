import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import RekryDomain
import RekryStorage

/// One connection to the server, used from ordinary threads: each query waits for its rows.
///
/// The storage capabilities are synchronous (the gate and the screen call them and wait), so the driver's
/// futures are waited on here, on the caller's thread, never on the event loop's. One query runs at a time
/// per connection; the lock also keeps one transaction's statements together.
final class PostgresLink: @unchecked Sendable {
    let location: PostgresLocation
    private let connection: PostgresConnection
    private let lock = NSRecursiveLock()
    private static let logger = Logger(label: "rekry.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The candidates this transaction read with their profile visible, by id (cleared at every BEGIN): a write
    /// that makes a record lapse inside the transaction hides its profile row from the login's next statement,
    /// and `updateCandidate` then tells an unchanged profile (skipped) from an edit (refused) by this copy.
    private var profilesRead: [Int64: CandidateRecord] = [:]
    /// The login's `rekry.session_role()` as this transaction first asked it (cleared at every BEGIN).
    private var role: String??

    private init(location: PostgresLocation, connection: PostgresConnection) {
        self.location = location
        self.connection = connection
    }

    /// Connects as `location.user`; a refusal (no such role, peer authentication failed, no server) names the
    /// server and what it said.
    static func connect(_ location: PostgresLocation) throws -> PostgresLink {
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .socket(let directory, let port):
            configuration = .init(unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: location.user,
                                  password: location.password, database: location.database)
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: location.user, password: location.password,
                                  database: location.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            return PostgresLink(location: location, connection: connection)
        } catch {
            throw RegisterError.unreadable(path: location.description,
                                           reason: "cannot connect as \(location.user): \(PostgresFailure.message(of: error))")
        }
    }

    /// Runs one statement and returns its rows (none for a statement that returns none).
    func rows(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] {
        try lock.withLock {
            do {
                let result = try connection.query(query, logger: Self.logger).wait()
                return result.rows.map { $0.makeRandomAccess() }
            } catch {
                throw PostgresFailure(error, location: location)
            }
        }
    }

    /// Runs one statement and returns the number of rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> Int {
        try lock.withLock {
            do {
                let result = try connection.query(query, logger: Self.logger).wait()
                return result.metadata.rows ?? 0
            } catch {
                throw PostgresFailure(error, location: location)
            }
        }
    }

    /// Runs `body` inside BEGIN … COMMIT (ROLLBACK when it throws), holding the connection throughout.
    func transaction<T>(readOnly: Bool, purpose: String?, _ body: () throws -> T) throws -> T {
        try lock.withLock {
            try run(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
            profilesRead = [:]
            role = nil
            defer { profilesRead = [:]; role = nil }
            do {
                // Per transaction, never per session: behind a pool the connection is someone else's next.
                if let purpose { try run("SELECT set_config('rekry.purpose', \(purpose), true)") }
                let result = try body()
                try run("COMMIT")
                return result
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        }
    }

    /// Notes a candidate read in the current transaction with a visible profile.
    func noteProfileRead(_ record: CandidateRecord) {
        lock.withLock { profilesRead[record.id] = record }
    }

    /// The profile of `id` as the current transaction last read it visible, if it did.
    func profileRead(_ id: Int64) -> CandidateRecord? {
        lock.withLock { profilesRead[id] }
    }

    /// The login's role in the current transaction, asked once (`ask`) per transaction.
    func sessionRole(_ ask: () throws -> String?) rethrows -> String? {
        try lock.withLock {
            if let role { return role }
            let asked = try ask()
            role = .some(asked)
            return asked
        }
    }

    func close() {
        try? connection.close().wait()
    }

    deinit { close() }
}

/// A failure the server (or the connection) reported, with its SQLSTATE: turned into `RegisterError` by
/// `PostgresFailure.registerError` where a caller can act on it.
struct PostgresFailure: Error, CustomStringConvertible {
    let sqlState: String?
    let message: String
    let location: PostgresLocation

    init(_ error: any Error, location: PostgresLocation) {
        if let psql = error as? PSQLError {
            sqlState = psql.serverInfo?[.sqlState]
        } else {
            sqlState = nil
        }
        message = Self.message(of: error)
        self.location = location
    }

    /// The server's own words when it sent any, else the driver's.
    static func message(of error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let text = psql.serverInfo?[.message] {
                let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return text + detail
            }
            return "\(psql.code)"
        }
        return "\(error)"
    }

    var description: String { "\(location): \(message)" }

    /// What the gate and the screen are told.
    var registerError: RegisterError {
        switch sqlState {
        case "42501": .refused("\(location): the server refused: \(message)")  // insufficient_privilege
        case "23505", "23503", "23514", "22023", "P0001": .invalid(field: location.description, message: message)
        case "40001", "40P01": .refused("\(location): another member's change got there first; try again")
        default: .unreadable(path: location.description, reason: message)
        }
    }
}
