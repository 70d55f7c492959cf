import Foundation
import RekryTestSupport
import XCTest

/// A team register on PostgreSQL from the command line alone, with the real binary: `init` as the database
/// administrator, `staff add` making logins, members working as their own logins, the server refusing what
/// the gate would withhold to a member's own SQL session, and `migrate` moving a register file with its chain.
final class PostgresCommandTests: XCTestCase {
    var dir: String!
    var cluster: PostgresCluster!
    var database: String!

    override func setUpWithError() throws {
        guard PostgresCluster.isAvailable else { throw XCTSkip("PostgreSQL is not installed") }
        cluster = try PostgresTestServer.cluster()
        dir = NSTemporaryDirectory() + "rekry-pgcli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        database = "cli" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        for login in ["anna", "bo", "cara"] { try cluster.allow(login: login) }
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(atPath: dir) }
        if let cluster, let database { _ = try? cluster.psql(as: cluster.superuser, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
    }

    /// The register's URL as `login` (the test cluster maps this Unix user to each login).
    func url(as login: String) -> String { "postgresql:///\(database!)?host=\(cluster.socketDirectory)&user=\(login)" }
    func key(_ user: String) -> String { dir + "/\(user).identity" }

    @discardableResult
    func rekry(_ args: [String], as user: String, identity: String? = nil, expect status: Int32 = 0,
               file: StaticString = #filePath, line: UInt = #line) throws -> RekryBinary.Result {
        let r = try RekryBinary.run(args + ["--db", url(as: user), "--identity", identity ?? key(user)])
        XCTAssertEqual(r.status, status, "rekry \(args.joined(separator: " ")) as \(user): \(r.stderr)", file: file, line: line)
        return r
    }

    /// A member's own psql session on the register.
    func psql(as login: String, _ sql: String) throws -> (status: Int32, output: String) {
        try cluster.psql(as: login, "\\c \(database!)\n" + sql)
    }

    func testATeamWorksOnTheServerAndItsPoliciesHoldOutsideRekry() throws {
        let initialised = try RekryBinary.run(["init", "--db", url(as: "postgres"), "--admin", "anna", "--name", "Anna Admin", "--out", key("anna")])
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        try rekry(["staff", "add", "bo", "--role", "recruiter", "--name", "Bo Berg", "--out", key("bo")], as: "anna")
        try rekry(["staff", "add", "cara", "--role", "dpo", "--name", "Cara Dahl", "--out", key("cara")], as: "anna")
        let added = try rekry(["add", "--name", "Dana Ekström", "--email", "dana@example.se", "--source", "applied", "--basis", "contract"], as: "bo")
        let id = try XCTUnwrap(added.stdout.split(whereSeparator: { !$0.isNumber }).first.map(String.init), added.stdout)
        _ = try rekry(["add", "--name", "Eva Lund", "--source", "applied", "--basis", "contract"], as: "bo")
        XCTAssertTrue(try rekry(["list"], as: "bo").stdout.contains("Dana Ekström"))

        // The DPO restricts Dana: Rekry withholds her from Bo, and so does the server, to Bo's own SQL.
        try rekry(["restrict", id, "--reason", "accuracy contested"], as: "cara")
        let shown = try rekry(["show", id], as: "bo").stdout
        XCTAssertFalse(shown.contains("Dana"), shown)
        XCTAssertFalse(shown.contains("dana@example.se"), shown)
        let names = try psql(as: "bo", "SELECT full_name FROM rekry.candidate_personal ORDER BY 1")
        XCTAssertEqual(names.status, 0, names.output)
        XCTAssertEqual(names.output.split(separator: "\n").map(String.init), ["Eva Lund"], "Bo's own session reads no withheld name")
        let rows = try psql(as: "bo", "SELECT count(*) FROM rekry.candidate")
        XCTAssertEqual(rows.output.trimmingCharacters(in: .whitespacesAndNewlines), "2", "the rows that say who is withheld stay")
        // The admin reads no candidate data, and nobody makes themselves a lead.
        let adminReads = try psql(as: "anna", "SELECT count(*) FROM rekry.candidate_personal")
        XCTAssertTrue(adminReads.status != 0 && adminReads.output.contains("permission denied"), "an admin has no privilege on candidate data: \(adminReads.output)")
        let promoted = try psql(as: "bo", "UPDATE rekry.staff SET role = 'lead' WHERE login = 'bo'")
        XCTAssertNotEqual(promoted.status, 0, "a recruiter cannot make themselves a lead: \(promoted.output)")
        XCTAssertTrue(try rekry(["audit", "verify"], as: "cara").stdout.contains("intact"))
    }

    func testMigrateMovesARegisterFileWithItsChainAndEveryMemberSeesTheSame() throws {
        let file = dir + "/r.sqlite", keys = dir + "/keys"
        let demo = try RekryBinary.run(["demo", "--db", file, "--candidates", "300", "--keys", keys, "--quiet"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let before = try RekryBinary.run(["list", "--limit", "300", "--db", file, "--identity", keys + "/recruiter.identity"])
        XCTAssertEqual(before.status, 0, before.stderr)
        for login in ["recruiter", "recruiter2", "lead", "dpo", "admin"] { try cluster.allow(login: login) }

        let moved = try RekryBinary.run(["migrate", "--from", file, "--to", url(as: "postgres")])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertTrue(moved.stdout.contains("300"), moved.stdout)

        let after = try RekryBinary.run(["list", "--limit", "300", "--db", url(as: "recruiter"), "--identity", keys + "/recruiter.identity"])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stdout, before.stdout, "the moved register lists the same rows, badges and order to the same member")
        let verified = try RekryBinary.run(["audit", "verify", "--db", url(as: "lead"), "--identity", keys + "/lead.identity"])
        XCTAssertEqual(verified.status, 0, verified.stderr + verified.stdout)
        // A second move onto the same database is refused; nothing is half-written.
        let again = try RekryBinary.run(["migrate", "--from", file, "--to", url(as: "postgres")])
        XCTAssertNotEqual(again.status, 0)
        let refused = try RekryBinary.run(["migrate", "--from", url(as: "postgres"), "--to", url(as: "postgres")])
        XCTAssertEqual(refused.status, 64, refused.stderr)
    }
}
