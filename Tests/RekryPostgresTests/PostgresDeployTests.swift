@testable import RekryPostgres
import RekryStorage
import RekryTestSupport
import XCTest

/// Deploying the schema through the driver (as `rekry init --db postgresql://…` does), the URL forms a
/// register is named by, and the script splitter the deploy relies on.
final class PostgresDeployTests: XCTestCase {
    func testTheURLFormsOfATeamRegister() throws {
        let socket = try PostgresLocation(url: "postgresql:///firm?host=/run/pg&user=anna")
        XCTAssertEqual(socket.endpoint, .socket(directory: "/run/pg", port: 5432))
        XCTAssertEqual(socket.database, "firm")
        XCTAssertEqual(socket.user, "anna")
        let encoded = try PostgresLocation(url: "postgresql://bo@%2Fvar%2Frun%2Fpostgresql:5433/rekry")
        XCTAssertEqual(encoded.endpoint, .socket(directory: "/var/run/postgresql", port: 5433))
        XCTAssertEqual(encoded.user, "bo")
        let bare = try PostgresLocation(url: "postgresql://")
        XCTAssertEqual(bare.endpoint, .socket(directory: PostgresLocation.defaultSocketDirectory, port: 5432))
        XCTAssertEqual(bare.database, "rekry")
        XCTAssertEqual(bare.user, PostgresLocation.unixLogin(), "without a user, the Unix login (peer authentication)")
        let tcp = try PostgresLocation(url: "postgres://cara:secret@db.example:6543/rekry")
        XCTAssertEqual(tcp.endpoint, .tcp(host: "db.example", port: 6543))
        XCTAssertFalse(tcp.description.contains("secret"), "a password never reaches a message")
        XCTAssertThrowsError(try PostgresLocation(url: "postgresql:///rekry?host=/run/pg&password=x"))
        XCTAssertThrowsError(try PostgresLocation(url: "postgresql:///rekry?hots=/run/pg")) { error in
            XCTAssertTrue("\(error)".contains("unknown parameter 'hots'"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresLocation(url: "postgresql://host:99999/rekry"))
    }

    func testTheScriptSplitterKeepsQuotedSemicolons() {
        let script = """
        SET LOCAL ROLE rekry_owner; -- a comment; with a semicolon
        CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $fn$ SELECT 'a;b' $fn$;
        /* block; comment */ DO $$ BEGIN PERFORM 1; END $$;
        SELECT 'it''s; fine', "odd;name" FROM t;
        """
        XCTAssertEqual(PostgresScript.statements(script), [
            "SET LOCAL ROLE rekry_owner",
            "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $fn$ SELECT 'a;b' $fn$",
            "DO $$ BEGIN PERFORM 1; END $$",
            #"SELECT 'it''s; fine', "odd;name" FROM t"#,
        ])
    }

    func testDeployingCreatesEveryMigrationUnderForcedRowSecurity() throws {
        guard PostgresCluster.isAvailable else { throw XCTSkip("PostgreSQL is not installed") }
        let cluster = try PostgresTestServer.cluster()
        let url = "postgresql:///deploytest\(UInt32.random(in: 0...UInt32.max))?host=\(cluster.socketDirectory)&user=postgres"
        let server = try PostgresLocation(url: url)
        let register = try PostgresRegister.deploy(server)
        XCTAssertEqual(try register.integrityCheck().flatMap(\.problems), [])
        let applied = try cluster.query(as: "postgres", "\\c \(server.database)\nSELECT count(*) FROM rekry.schema_migration")
        XCTAssertEqual(applied, String(PostgresMigrations.all.count))
        XCTAssertThrowsError(try PostgresRegister.deploy(server), "a deployed register is not deployed over") { error in
            XCTAssertEqual(error as? RegisterError, .alreadyExists(path: server.description))
        }
        XCTAssertNoThrow(try PostgresRegister.deploy(server, upgrade: true), "an upgrade of a current register does nothing")
        // A database without the schema is not a register.
        _ = try cluster.query(as: "postgres", "CREATE DATABASE plain\(server.database)")
        XCTAssertThrowsError(try PostgresRegister.open(PostgresLocation(copying: server, database: "plain" + server.database))) { error in
            guard case .notARegister = error as? RegisterError else { return XCTFail("\(error)") }
        }
    }
}
