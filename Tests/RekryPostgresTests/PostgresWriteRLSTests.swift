import Foundation
import RekryPostgres
import RekryTestSupport
import XCTest

/// What members may write on the team register, tried with raw psql sessions as each role (not through Rekry):
/// the INSERT and UPDATE policies of migration "v3 candidates" refuse what WritePolicy refuses, and never let a
/// member write into a row their own reads would withhold. Each refusal has an allowed twin beside it, so a
/// policy that refused everything would fail here too.
final class PostgresWriteRLSTests: XCTestCase {
    var pg: PostgresCluster!

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        pg = try FixtureClusters.cluster(for: "PostgresWriteRLSTests", logins: PostgresRLSTests.logins) {
            PostgresMigrations.all.map(PostgresMigrations.transaction) + [PostgresRLSTests.fixture]
        }
    }

    override class func tearDown() {
        FixtureClusters.stop("PostgresWriteRLSTests")
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

    func assertAllowed(_ login: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (status, output) = try attempt(login, sql)
        XCTAssertEqual(status, 0, "\(login) was refused: \(sql)\n\(output)", file: file, line: line)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func document(_ candidate: Int, basis: String = "contract") -> String {
        "INSERT INTO rekry.document (candidate_id, kind, title, body, received_at, basis) VALUES (\(candidate), 'other', 'Note', 'MARKER', now(), '\(basis)');"
    }

    func testARecruiterAddsNoDocumentToAWithheldRecord() throws {
        _ = try assertAllowed("alice", Self.document(1))
        _ = try assertAllowed("lena", Self.document(6, basis: "consent"))
        for candidate in [2, 3, 4, 5] {
            for login in ["alice", "lena"] {
                try assertRefused(login, Self.document(candidate, basis: candidate == 3 ? "legitimate-interest" : "contract"),
                                  "row-level security")
            }
        }
        // Nor into a row of its own basis they could not read (a consent the record does not hold).
        try assertRefused("alice", Self.document(1, basis: "consent"), "row-level security")
        // The DPO and an admin add no documents at all.
        try assertRefused("dora", Self.document(1), "permission denied")
        try assertRefused("adam", Self.document(1), "permission denied")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.document WHERE body = 'MARKER';"), "0")
    }

    func testARecruiterCannotUpdateAProfileTheyCannotSee() throws {
        XCTAssertEqual(try assertAllowed("alice", """
            UPDATE rekry.candidate_personal SET current_title = 'Architect' WHERE candidate_id = 1;
            SELECT current_title FROM rekry.candidate_personal WHERE candidate_id = 1;
            """), "Architect")
        // The withheld rows are not there to update: nothing changes, whatever the WHERE clause.
        let output = try assertAllowed("alice", """
            UPDATE rekry.candidate_personal SET full_name = 'Overwritten' WHERE candidate_id IN (2, 3, 4, 5);
            UPDATE rekry.candidate_personal SET email = 'x@example.com';
            SELECT count(*) FROM rekry.candidate_personal WHERE full_name = 'Overwritten' OR email = 'x@example.com';
            """)
        XCTAssertEqual(output, "2", "only alice's two visible rows took the email")
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT string_agg(full_name, ',' ORDER BY candidate_id) FROM rekry.candidate_personal WHERE candidate_id IN (2, 3, 4, 5);
            """), "Rita Restricted,Otto Objected,Wilma Withdrawn,Eero Expired")
        // Nor move a visible profile onto a withheld candidate's id.
        try assertRefused("alice", "UPDATE rekry.candidate_personal SET candidate_id = 2 WHERE candidate_id = 1;", "row-level security")
        // An admin updates no profile, and the DPO (answering a request) corrects a restricted one.
        try assertRefused("adam", "UPDATE rekry.candidate_personal SET full_name = 'X';", "permission denied")
        XCTAssertEqual(try assertAllowed("dora", """
            SET LOCAL rekry.purpose = 'dsr';
            UPDATE rekry.candidate_personal SET current_title = 'Corrected' WHERE candidate_id = 2;
            SELECT current_title FROM rekry.candidate_personal WHERE candidate_id = 2;
            """), "Corrected")
    }

    func testAnAdminAddsNoCandidate() throws {
        let insert = """
            INSERT INTO rekry.candidate (id, pseudonym, basis, source, collected_at, last_activity_at)
            VALUES (100, 'c-new', 'contract', 'applied', now(), now());
            """
        try assertRefused("adam", insert, "permission denied")
        try assertRefused("adam", "INSERT INTO rekry.candidate_personal (candidate_id, full_name) VALUES (1, 'X');", "permission denied")
        try assertRefused("adam", "UPDATE rekry.candidate SET restricted = true;", "permission denied")
        // The DPO answers requests: no new candidates either.
        try assertRefused("dora", insert, "permission denied")
        // A recruiter does, with their profile row, but never born restricted.
        XCTAssertEqual(try assertAllowed("alice", insert + """
            INSERT INTO rekry.candidate_personal (candidate_id, full_name) SELECT id, 'New Person' FROM rekry.candidate WHERE pseudonym = 'c-new';
            SELECT full_name FROM rekry.candidate_personal p JOIN rekry.candidate c ON c.id = p.candidate_id WHERE c.pseudonym = 'c-new';
            """), "New Person")
        try assertRefused("alice", """
            INSERT INTO rekry.candidate (id, pseudonym, basis, source, collected_at, last_activity_at, restricted)
            VALUES (100, 'c-new', 'contract', 'applied', now(), now(), true);
            """, "row-level security")
    }

    func testOnlyLeadsAndTheDPOSetARestrictionOrAnObjection() throws {
        try assertRefused("alice", "UPDATE rekry.candidate SET restricted = true WHERE id = 1;", "not permitted for this role")
        try assertRefused("alice", "UPDATE rekry.candidate SET restricted = false WHERE id = 2;", "not permitted for this role")
        try assertRefused("alice", "UPDATE rekry.candidate SET objected = true WHERE id = 1;", "not permitted for this role")
        XCTAssertEqual(try assertAllowed("lena", """
            UPDATE rekry.candidate SET restricted = true WHERE id = 1;
            SELECT count(*) FROM rekry.candidate_personal WHERE candidate_id = 1;
            """), "0", "the lead's own view withholds the newly restricted profile")
        XCTAssertEqual(try assertAllowed("dora", "UPDATE rekry.candidate SET restricted = false WHERE id = 2; SELECT restricted FROM rekry.candidate WHERE id = 2;"), "f")
        // Other badge facts a recruiter changes (an Art. 14 notice), but never a person's pseudonym.
        _ = try assertAllowed("alice", "UPDATE rekry.candidate SET notified_at = now() WHERE id = 3;")
        // "v3 hardening"'s trigger (keep_candidate_facts) refuses first, naming the pseudonym among the facts that stay.
        try assertRefused("lena", "UPDATE rekry.candidate SET pseudonym = 'c-other' WHERE id = 1;",
                          "a record's legal basis, consent purpose, pseudonym, source and collection time do not change")
    }

    func testConsentAndTheRectificationLog() throws {
        // Consent is recorded whatever the record's state; a withdrawal only on a record the writer sees.
        _ = try assertAllowed("alice", """
            INSERT INTO rekry.consent (candidate_id, purpose, given_at, channel, text) VALUES (2, 'talent-pool', now(), 'web', 'yes');
            """)
        XCTAssertEqual(try assertAllowed("alice", "UPDATE rekry.consent SET withdrawn_at = now() WHERE candidate_id = 2;"), "")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.consent WHERE candidate_id = 2 AND withdrawn_at IS NOT NULL;"), "0")
        try assertRefused("alice", "UPDATE rekry.consent SET text = 'forged' WHERE candidate_id = 6;", "permission denied")
        try assertRefused("adam", "INSERT INTO rekry.consent (candidate_id, purpose, given_at, channel, text) VALUES (1, 'talent-pool', now(), 'web', 'yes');",
                          "permission denied")
        // A log line under one's own pseudonym only; only leads and the DPO read the log.
        XCTAssertEqual(try assertAllowed("alice", """
            INSERT INTO rekry.record_change (candidate_id, field, changed_at, changed_by) VALUES (1, 'title', now(), 's-alice');
            SELECT count(*) FROM rekry.record_change;
            """), "0")
        try assertRefused("alice", "INSERT INTO rekry.record_change (candidate_id, field, changed_at, changed_by) VALUES (1, 'title', now(), 's-lena');",
                          "row-level security")
        XCTAssertEqual(try assertAllowed("lena", """
            INSERT INTO rekry.record_change (candidate_id, field, changed_at, changed_by) VALUES (1, 'title', now(), 's-lena');
            SELECT count(*) FROM rekry.record_change;
            """), "1")
    }

    func testSettingsAreTheDPOsAndAnEmptyRegistersAdmins() throws {
        let set = "INSERT INTO rekry.register_info (key, value) VALUES ('policy.name', 'forged');"
        try assertRefused("alice", set, "permission denied")
        try assertRefused("lena", set, "permission denied")
        // This register holds candidates: the admin's one settings write (at creation) is refused.
        try assertRefused("adam", set, "row-level security")
        XCTAssertEqual(try assertAllowed("dora", set + "SELECT value FROM rekry.register_info WHERE key = 'policy.name';"), "forged")
        XCTAssertEqual(try pg.query(as: "alice", "SELECT count(*) FROM rekry.register_info;"), "0")
        // A member removes only the re-derivation mark, and only the DPO anything else.
        try pg.query(as: pg.superuser, "INSERT INTO rekry.register_info VALUES ('collationRederive', 'pending'), ('policy.text', 'kept');")
        defer { _ = try? pg.query(as: pg.superuser, "DELETE FROM rekry.register_info;") }
        XCTAssertEqual(try assertAllowed("alice", """
            DELETE FROM rekry.register_info;
            SELECT string_agg(key, ',') FROM rekry.register_info;
            """), "policy.text")
    }
    func testANewRefereeRowTakesOnThePersonsObjectionEvenWhenTheWriterCannotSeeIt() throws {
        // Greta referred the restricted candidate and objects: alice reads neither row.
        try pg.query(as: pg.superuser, """
            INSERT INTO rekry.reference (id, candidate_id, referee_id, name, relationship, email, basis, objected, collected_at)
            VALUES (50, 2, 50, 'Greta Referee', 'manager', 'greta@example.se', 'legitimate-interest', true, now());
            """)
        defer { _ = try? pg.query(as: pg.superuser, "DELETE FROM rekry.reference WHERE email IN ('greta@example.se', 'someone.else@example.se');") }
        func add(_ email: String) -> String {
            """
            INSERT INTO rekry.reference (candidate_id, name, relationship, email, basis, collected_at)
            VALUES (1, 'Greta R', 'colleague', '\(email)', 'legitimate-interest', now());
            SELECT count(*) FROM rekry.reference WHERE email = '\(email)';
            """
        }
        // The same email joins Greta, objection and all: the new row is withheld from its own writer.
        XCTAssertEqual(try assertAllowed("alice", add("greta@example.se")), "0")
        // Another email is another person, and the row is alice's to read.
        XCTAssertEqual(try assertAllowed("alice", add("someone.else@example.se")), "1")
        // Committed this time, as the superuser sees it: Greta's id and her objection.
        XCTAssertEqual(try pg.query(as: "alice", add("greta@example.se")), "0")
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT referee_id || ':' || objected FROM rekry.reference WHERE email = 'greta@example.se' AND candidate_id = 1;
            """), "50:true")
    }
}
