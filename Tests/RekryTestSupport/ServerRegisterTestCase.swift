import Foundation
import RekryGate
import XCTest

/// A test case on a register the gate made on the shared PostgreSQL test cluster, with raw psql sessions as its
/// members' logins: what the raw-SQL suites attack (a member's own session, not through Rekry). Skipped where
/// PostgreSQL is not installed. A subclass adds its fixtures after `super.setUpWithError()`.
open class ServerRegisterTestCase: XCTestCase {
    public var t: TestRegister!
    public var cluster: PostgresCluster!
    public var database: String!

    open override func setUpWithError() throws {
        try super.setUpWithError()
        guard PostgresCluster.isAvailable else { throw XCTSkip("PostgreSQL is not installed") }
        TestBackend.current = .postgres
        defer { TestBackend.current = .sqlite }
        t = try TestRegister()
        cluster = t.postgres
        database = t.postgresDatabase
    }

    open override func tearDown() {
        t = nil
        super.tearDown()
    }

    /// Runs `sql` in the register's database as `login`, returning psql's exit status and output (unaligned,
    /// tuples only; it stops at the first error).
    public func psql(as login: String, _ sql: String) throws -> (status: Int32, output: String) {
        try cluster.psql(as: login, "\\c \(database!)\n" + sql)
    }

    /// The rows psql prints, failing the test when the statement fails.
    public func rows(as login: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let (status, output) = try psql(as: login, sql)
        XCTAssertEqual(status, 0, output, file: file, line: line)
        return output.split(separator: "\n").map(String.init)
    }

    /// The last line the superuser's `sql` prints (a value read beneath every policy).
    public func value(_ sql: String) throws -> String {
        try psql(as: cluster.superuser, sql).output.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// `login`'s gate on the server register.
    public func gate(_ login: String) throws -> Gate {
        TestBackend.current = .postgres
        defer { TestBackend.current = .sqlite }
        return try t.gate(login)
    }
}
