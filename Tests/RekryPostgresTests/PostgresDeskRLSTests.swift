import Foundation
import RekryPostgres
import RekryTestSupport
import XCTest

/// The erasure desk's and the DPO desk's tables and functions (migration "v3 erasure and desks"), tried with raw
/// psql sessions as each role (not through Rekry): who reads the suppression secret and entries, the requests
/// and breaches, and who may delete a person's rows. Each refusal has an allowed twin beside it.
final class PostgresDeskRLSTests: XCTestCase {
    var pg: PostgresCluster!

    /// On top of PostgresRLSTests' fixture: a request and a breach about Anna (1), a suppression entry, and an
    /// erasure of Anna begun by lena.
    static let desks = #"""
    INSERT INTO rekry.data_request (kind, subject, subject_kind, candidate_id, received_on, verified_by, verification_note, country, recorded_at, recorded_by)
      VALUES ('erasure', 'c-open', 'candidate', 1, '2026-03-02', 'bankid', 'NOTEMARKER passport', 'SE', now(), 's-dora');
    INSERT INTO rekry.breach (discovered_at, what, categories, approx_affected, measures, recorded_at, recorded_by)
      VALUES (now(), 'mail to anna@example.com went astray', 'contact', 1, 'recalled', now(), 's-dora'),
             (now(), 'a laptop was stolen', 'contact', 40, 'disk encryption confirmed', now(), 's-dora');
    INSERT INTO rekry.breach_affected (breach_id, subject, candidate_id) VALUES (1, 'c-open', 1);
    INSERT INTO rekry.suppression (hash, created_at, kind, subject) VALUES ('HASHMARKER', now(), 'email', 'c-gone');
    INSERT INTO rekry.erasure_pending (candidate_id, subject, actor, started_at) VALUES (1, 'c-open', 's-lena', now());
    """#

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        pg = try FixtureClusters.cluster(for: "PostgresDeskRLSTests", logins: PostgresRLSTests.logins) {
            PostgresMigrations.all.map(PostgresMigrations.transaction) + [PostgresRLSTests.fixture, Self.desks]
        }
    }

    override class func tearDown() {
        FixtureClusters.stop("PostgresDeskRLSTests")
        super.tearDown()
    }

    /// Runs `sql` as `login` inside a transaction that is rolled back, so the fixture stays as it was.
    func attempt(_ login: String, _ sql: String) throws -> (status: Int32, output: String) {
        try pg.psql(as: login, "BEGIN;\n\(sql)\nROLLBACK;")
    }

    func assertRefused(_ login: String, _ sql: String, _ why: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (status, output) = try attempt(login, sql)
        XCTAssertNotEqual(status, 0, "\(login) was let through: \(sql)\n\(output)", file: file, line: line)
        XCTAssertTrue(output.contains(why), "\(login): expected '\(why)', got: \(output)", file: file, line: line)
    }

    @discardableResult
    func assertAllowed(_ login: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (status, output) = try attempt(login, sql)
        XCTAssertEqual(status, 0, "\(login) was refused: \(sql)\n\(output)", file: file, line: line)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testTheSuppressionSecretIsNeverAnAdminsAndTheEntriesNotARecruiters() throws {
        for login in ["alice", "lena", "dora"] {
            XCTAssertEqual(try assertAllowed(login, "SELECT length(secret) FROM rekry.suppression_secret;"), "32", login)
        }
        try assertRefused("adam", "SELECT secret FROM rekry.suppression_secret;", "permission denied")
        // A recruiter asks about hashes they computed; they do not list the entries.
        XCTAssertEqual(try assertAllowed("alice", "SELECT subject FROM rekry.active_suppression(ARRAY['HASHMARKER', 'other']);"), "c-gone")
        XCTAssertEqual(try assertAllowed("alice", "SELECT count(*) FROM rekry.active_suppression(ARRAY['other']);"), "0")
        try assertRefused("alice", "SELECT hash FROM rekry.suppression;", "permission denied")
        try assertRefused("adam", "SELECT * FROM rekry.active_suppression(ARRAY['HASHMARKER']);", "permission denied")
        XCTAssertEqual(try assertAllowed("lena", "SELECT count(*) FROM rekry.suppression;"), "1")
        // Only the DPO lifts one.
        XCTAssertEqual(try assertAllowed("dora", "UPDATE rekry.suppression SET lifted_at = now(), lifted_by = 's-dora', lift_reason = 'asked' WHERE subject = 'c-gone';"), "")
        try assertRefused("lena", "UPDATE rekry.suppression SET lifted_at = now() WHERE subject = 'c-gone';", "permission denied")
        // No index and no statistics on the hashes (covert channels).
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = 'rekry.suppression'::regclass AND a.attname = 'hash';
            """).split(separator: "\n").last, "0")
    }

    func testTheDPOsDeskIsTheDPOsAlone() throws {
        XCTAssertEqual(try assertAllowed("dora", "SELECT verification_note FROM rekry.data_request;"), "NOTEMARKER passport")
        XCTAssertEqual(try assertAllowed("dora", "SELECT count(*) FROM rekry.breach;"), "2")
        XCTAssertEqual(try assertAllowed("dora", "SELECT count(*) FROM rekry.breach_affected;"), "1")
        for login in ["alice", "lena", "adam"] {
            for table in ["data_request", "breach", "breach_affected"] {
                try assertRefused(login, "SELECT count(*) FROM rekry.\(table);", "permission denied")
            }
        }
        try assertRefused("lena", "UPDATE rekry.breach SET what = 'x';", "permission denied")
    }

    func testNoMemberButTheDPOReadsOrRewritesABreachAndAnErasureOwesTheRedaction() throws {
        // Migration "v4 breach redaction by the DPO": the functions that once showed a lead the breaches naming the
        // person they erase, and wrote them back, answer no one.
        for login in ["lena", "alice", "adam"] {
            try assertRefused(login, "SELECT what FROM rekry.breaches_for_erasures();", "permission denied")
            try assertRefused(login, "SELECT rekry.redact_breach(1, 'x', 'y');", "permission denied")
            try assertRefused(login, "SELECT * FROM rekry.breach_redaction_owed;", "permission denied")
        }
        // lena began Anna's erasure: she owes the breach log's redaction, and learns nothing of it.
        XCTAssertEqual(try assertAllowed("lena", "SELECT rekry.owe_breach_redaction(1, false);"), "")
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            BEGIN; SET SESSION AUTHORIZATION lena; SELECT rekry.owe_breach_redaction(1, false);
            SET SESSION AUTHORIZATION dora; SET LOCAL rekry.purpose = 'dsr';
            SELECT subject || ' ' || email FROM rekry.breach_redaction_owed;
            RESET SESSION AUTHORIZATION; ROLLBACK;
            """).split(separator: "\n").last, "c-open anna@example.com")
        // Without an erasure of theirs begun, nothing is owed.
        try assertRefused("alice", "SELECT rekry.owe_breach_redaction(1, false);", "no erasure of theirs was begun")
        try assertRefused("adam", "SELECT rekry.owe_breach_redaction(1, false);", "permission denied")
    }

    func testOnlyTheLeadWhoBeganAnErasureOrTheDPODeletesThePerson() throws {
        // Admins may not call the deletions at all; a recruiter erases a person (WritePolicy.eraseCandidate) only
        // after beginning the erasure, and never takes a category (retention runs are the leads' and the DPO's).
        try assertRefused("adam", "SELECT rekry.delete_candidate(1);", "permission denied")
        try assertRefused("adam", "SELECT rekry.delete_links(1);", "permission denied")
        try assertRefused("alice", "SELECT rekry.delete_candidate(1);", "no erasure of theirs was begun by this member")
        try assertRefused("alice", "SELECT rekry.delete_links(1);", "permission denied")
        // lena began Anna's erasure: her delete goes, and with it the DPO desk's link and note to Anna.
        let gone = try assertAllowed("lena", "SELECT rekry.delete_candidate(1); SELECT count(*) FROM rekry.candidate WHERE id = 1;")
        XCTAssertEqual(gone.split(separator: "\n").last, "0", gone)
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            BEGIN; SET SESSION AUTHORIZATION lena; SELECT rekry.delete_candidate(1); RESET SESSION AUTHORIZATION;
            SELECT coalesce(candidate_id::text, 'null') || ' ' || coalesce(verification_note, 'null') FROM rekry.data_request;
            ROLLBACK;
            """).split(separator: "\n").last, "null null")
        // Another erasure nobody began: refused, even for a person the lead may erase.
        try assertRefused("lena", "SELECT rekry.delete_candidate(6);", "no erasure of theirs was begun")
        // A restricted record: only the DPO, and not the lead even with a marker.
        try assertRefused("lena", "INSERT INTO rekry.erasure_pending VALUES (2, 'c-restricted', NULL, 's-lena', now()); SELECT rekry.delete_candidate(2);",
                          "refused, restricted")
        try assertAllowed("dora", "INSERT INTO rekry.erasure_pending VALUES (2, 'c-restricted', NULL, 's-dora', now()); SELECT rekry.delete_candidate(2);")
        // A marker or a log line under someone else's name is refused.
        try assertRefused("lena", "INSERT INTO rekry.erasure_pending VALUES (6, 'c-valid', NULL, 's-dora', now());", "row-level security")
        try assertRefused("lena", "INSERT INTO rekry.erasure (subject, kind, erased_at, actor, categories) VALUES ('c-x', 'candidate', now(), 's-dora', '');",
                          "row-level security")
        try assertAllowed("lena", "INSERT INTO rekry.erasure (subject, kind, erased_at, actor, categories) VALUES ('c-x', 'candidate', now(), 's-lena', '');")
        // The server's time of a log line is not the member's to write.
        try assertRefused("lena", "INSERT INTO rekry.erasure (subject, kind, erased_at, actor, categories, logged_at) VALUES ('c-x', 'candidate', now(), 's-lena', '', now() - interval '1 year');",
                          "permission denied")
        // An eraser's notice row is their own.
        try assertAllowed("lena", "INSERT INTO rekry.erasure_notice VALUES ('s-lena', now());")
        try assertRefused("lena", "INSERT INTO rekry.erasure_notice VALUES ('s-dora', now());", "row-level security")
        // Nobody but the owner records a run of the administrator's job.
        try assertRefused("dora", "INSERT INTO rekry.vacuum_run VALUES (now(), now());", "permission denied")
        // A recruiter sees no pending erasure; the lead only their own.
        XCTAssertEqual(try assertAllowed("alice", "SELECT count(*) FROM rekry.erasure_pending;"), "0")
        XCTAssertEqual(try assertAllowed("lena", "SELECT count(*) FROM rekry.erasure_pending;"), "1")
    }

    func testAMemberCannotVacuumSoTheAdministratorsJobMakesTheErasureFinal() throws {
        // The member's VACUUM of the owner's table is skipped with a warning: the bytes wait for the job.
        let (_, warning) = try pg.psql(as: "lena", "VACUUM rekry.candidate;")
        XCTAssertTrue(warning.contains("skipping"), warning)
        try pg.query(as: pg.superuser, PostgresMaintenance.vacuumErasedScript)
        XCTAssertEqual(try assertAllowed("lena", "SELECT count(*) FROM rekry.vacuum_run;"), "1")
    }
}
