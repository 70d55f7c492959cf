import Foundation

/// Which backend a `TestRegister` is made on. The contract tests run the same test bodies on each
/// (`onPostgres`): the store and the gate must behave alike whichever is underneath.
public enum TestBackend: Sendable, Equatable {
    case sqlite
    case postgres

    /// The backend a `TestRegister()` is made on now: SQLite, except inside `onPostgres`.
    nonisolated(unsafe) public static var current: TestBackend = .sqlite
}

/// One throwaway PostgreSQL cluster for the whole test process, started on first use; every PostgreSQL
/// `TestRegister` is a database of its own in it. Its watchdog stops it when the test process ends.
public enum PostgresTestServer {
    /// The logins tests sign in as, mapped from the Unix user running the tests (test clusters only).
    public static let standardLogins = ["admin", "admin2", "admin3", "new.recruiter", "recruiter", "recruiter2", "recruiter3", "lead", "lead2", "dpo", "dpo2"]

    nonisolated(unsafe) private static var started: PostgresCluster?
    private static let lock = NSLock()

    /// The running cluster, started on first use.
    public static func cluster() throws -> PostgresCluster {
        try lock.withLock {
            if let started { return started }
            let made = try PostgresCluster(logins: standardLogins)
            started = made
            return made
        }
    }
}

/// Runs `body` with every `TestRegister()` it makes on PostgreSQL (skipping when the server is not installed).
public func onPostgres(_ body: () throws -> Void) throws {
    guard PostgresCluster.isAvailable else { throw PostgresUnavailable() }
    let before = TestBackend.current
    TestBackend.current = .postgres
    defer { TestBackend.current = before }
    try body()
}

/// The PostgreSQL server binaries are not installed (`.ci/run` installs them).
public struct PostgresUnavailable: Error, CustomStringConvertible {
    public var description: String { "PostgreSQL 15's server is not installed (apt-get install postgresql)" }
}

import XCTest

extension XCTestCase {
    /// A fresh instance of a test class, to run one of its test bodies from a contract twin
    /// (`try onPostgres { try SearchTests.instance().testX() }`): XCTest on Linux has no plain `init()`.
    public static func instance() -> Self {
        Self(name: "contract twin", testClosure: { _ in })
    }
}
