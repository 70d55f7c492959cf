import Foundation
import RekryPostgres
import RekryTestSupport
import XCTest

/// The team register's row-level security, tried with raw psql sessions as each role (not through Rekry):
/// what each role reads of withheld people, report keys, staff roles and the audit log.
final class PostgresRLSTests: XCTestCase {
    nonisolated(unsafe) static var shared: PostgresCluster?
    nonisolated(unsafe) static var setupFailure: (any Error)?
    nonisolated(unsafe) static var migrationSeconds: Double = 0

    /// alice and bob are recruiters, lena a lead, dora the DPO, adam an admin; carl a recruiter whose staff row
    /// an admin changes.
    static let logins = ["alice", "bob", "carl", "lena", "dora", "adam"]

    var pg: PostgresCluster!

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        if Self.shared == nil && Self.setupFailure == nil {
            do { Self.shared = try Self.makeCluster() } catch { Self.setupFailure = error }
        }
        if let failure = Self.setupFailure { throw failure }
        pg = Self.shared
    }

    override class func tearDown() {
        if let c = shared {
            c.stop()
            print(String(format: "PostgresRLSTests: cluster initdb+start %.2f s, migrations %.2f s, stop %.2f s",
                         c.startSeconds, migrationSeconds, c.stopSeconds))
        }
        shared = nil
        super.tearDown()
    }

    static func makeCluster() throws -> PostgresCluster {
        let c = try PostgresCluster(logins: logins)
        migrationSeconds = try c.setUp(PostgresMigrations.all.map(PostgresMigrations.transaction))
        try c.setUp([fixture])
        return c
    }

    /// Six people, one per badge that matters, each with a CV on their own basis; a process, a psychologist
    /// report granted to alice and lena (bob holds a stale key but no grant), and two referees of Anna's.
    static let fixture = #"""
    CREATE ROLE alice LOGIN IN ROLE rekry_recruiter;
    CREATE ROLE bob LOGIN IN ROLE rekry_recruiter;
    CREATE ROLE carl LOGIN IN ROLE rekry_recruiter;
    CREATE ROLE lena LOGIN IN ROLE rekry_lead;
    CREATE ROLE dora LOGIN IN ROLE rekry_dpo;
    CREATE ROLE adam LOGIN IN ROLE rekry_admin;
    INSERT INTO rekry.staff (id, login, display_name, role, public_key, pseudonym) VALUES
      (1, 'alice', 'Alice', 'recruiter', decode(repeat('01', 32), 'hex'), 's-alice'),
      (2, 'bob', 'Bob', 'recruiter', decode(repeat('02', 32), 'hex'), 's-bob'),
      (3, 'lena', 'Lena', 'lead', decode(repeat('03', 32), 'hex'), 's-lena'),
      (4, 'dora', 'Dora', 'dpo', decode(repeat('04', 32), 'hex'), 's-dora'),
      (5, 'adam', 'Adam', 'admin', decode(repeat('05', 32), 'hex'), 's-adam'),
      (6, 'carl', 'Carl', 'recruiter', decode(repeat('06', 32), 'hex'), 's-carl');
    INSERT INTO rekry.candidate (id, pseudonym, basis, consent_purpose, restricted, objected, source, collected_at, last_activity_at) VALUES
      (1, 'c-open', 'contract', NULL, false, false, 'applied', now(), now()),
      (2, 'c-restricted', 'contract', NULL, true, false, 'applied', now(), now()),
      (3, 'c-objected', 'legitimate-interest', NULL, false, true, 'linkedin', now(), now()),
      (4, 'c-withdrawn', 'consent', 'talent-pool', false, false, 'network', now(), now()),
      (5, 'c-expired', 'consent', 'talent-pool', false, false, 'network', now(), now()),
      (6, 'c-valid', 'consent', 'talent-pool', false, false, 'network', now(), now());
    INSERT INTO rekry.candidate_personal (candidate_id, full_name, email) VALUES
      (1, 'Anna Open', 'anna@example.com'), (2, 'Rita Restricted', 'rita@example.com'),
      (3, 'Otto Objected', 'otto@example.com'), (4, 'Wilma Withdrawn', 'wilma@example.com'),
      (5, 'Eero Expired', 'eero@example.com'), (6, 'Vera Valid', 'vera@example.com');
    INSERT INTO rekry.consent (candidate_id, purpose, given_at, expires_at, withdrawn_at, channel, text) VALUES
      (4, 'talent-pool', now() - interval '10 days', NULL, now() - interval '1 day', 'web', 'I agree'),
      (5, 'talent-pool', now() - interval '400 days', now() - interval '35 days', NULL, 'web', 'I agree'),
      (6, 'talent-pool', now() - interval '10 days', now() + interval '300 days', NULL, 'web', 'I agree'),
      (2, 'newsletter', now() - interval '10 days', NULL, NULL, 'web', 'I agree'),
      (1, 'psych-assessment', now() - interval '5 days', NULL, NULL, 'paper', 'I agree to the assessment');
    INSERT INTO rekry.document (candidate_id, kind, title, body, received_at, basis)
      SELECT id, 'cv', 'CV', 'cv of ' || pseudonym, now(), basis FROM rekry.candidate ORDER BY id;
    INSERT INTO rekry.process (id, title, opened_at) VALUES (1, 'Backend developer', now() - interval '20 days');
    INSERT INTO rekry.participation (id, candidate_id, process_id, stage, started_at, stage_changed_at, basis) VALUES
      (1, 1, 1, 'assessment', now() - interval '10 days', now() - interval '1 day', 'contract'),
      (2, 2, 1, 'interview', now() - interval '10 days', now() - interval '1 day', 'contract');
    INSERT INTO rekry.psych_report (id, candidate_id, participation_id, author, written_at, attached_at, attached_by) VALUES
      (1, 1, 1, 'Dr Psych', now() - interval '2 days', now() - interval '1 day', 3);
    INSERT INTO rekry.psych_report_text VALUES (1, decode(repeat('ab', 40), 'hex'));
    INSERT INTO rekry.report_grant (report_id, staff_login, granted_by, reason, granted_at) VALUES
      (1, 'alice', 'lena', 'assessment', now()), (1, 'lena', 'lena', 'assessment', now());
    INSERT INTO rekry.report_key VALUES (1, 'alice', decode(repeat('0a', 32), 'hex'), '\xaa'),
      (1, 'lena', decode(repeat('0b', 32), 'hex'), '\xbb'), (1, 'bob', decode(repeat('0c', 32), 'hex'), '\xcc');
    INSERT INTO rekry.reference (candidate_id, name, relationship, basis, objected, collected_at) VALUES
      (1, 'Ref Objecting', 'manager', 'legitimate-interest', true, now()),
      (1, 'Ref Fine', 'manager', 'legitimate-interest', false, now());
    INSERT INTO rekry.reference_statement (reference_id, given_at, text) VALUES
      (1, now(), 'statement of the objecting referee'), (2, now(), 'statement of the fine referee');
    INSERT INTO rekry.disclosure (candidate_id, recipient, disclosed_at, what) VALUES
      (1, 'Client A', now(), 'profile'), (2, 'Client B', now(), 'profile');
    ANALYZE;
    """#

    /// The tables that hold a candidate's data.
    static let candidateTables = ["candidate", "candidate_personal", "candidate_link", "consent", "document", "assessment",
                                  "participation", "reference", "reference_statement", "psych_report", "psych_report_text",
                                  "report_key", "report_grant", "disclosure", "process", "candidate_badge", "item_badge"]

    func testMigrationsAreRecordedAndEveryTableIsOwnedAndForcesRowLevelSecurity() throws {
        let names = try pg.query(as: pg.superuser, "SELECT string_agg(name, '|' ORDER BY applied_at, name) FROM rekry.schema_migration;")
        XCTAssertEqual(Set(names.split(separator: "|").map(String.init)), Set(PostgresMigrations.all.map(\.name)))
        let tables = try pg.query(as: pg.superuser, """
            SELECT c.relname || ':' || c.relrowsecurity || ':' || c.relforcerowsecurity || ':' || pg_get_userbyid(c.relowner)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'rekry' AND c.relkind IN ('r', 'v') ORDER BY 1;
            """).split(separator: "\n").map(String.init)
        XCTAssertGreaterThanOrEqual(tables.count, 17)
        for row in tables where !row.hasSuffix("badge:false:false:rekry_owner") {
            XCTAssertTrue(row.hasSuffix(":true:true:rekry_owner"), "RLS not enabled and forced, or not the owner's: \(row)")
        }
        XCTAssertTrue(tables.contains("candidate_badge:false:false:rekry_owner"))
    }

    func testRecruitersAndLeadsReadNoWithheldItemAndSeeEachWithheldRowsBadge() throws {
        for login in ["alice", "lena"] {
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(full_name, ',' ORDER BY candidate_id) FROM rekry.candidate_personal;"),
                           "Anna Open,Vera Valid", login)
            // A name, an email or a word of a withheld CV finds nothing, whatever the query.
            XCTAssertEqual(try pg.query(as: login, """
                SELECT count(*) FROM rekry.candidate_personal WHERE email IN ('rita@example.com', 'otto@example.com', 'wilma@example.com', 'eero@example.com');
                """), "0", login)
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(candidate_id::text, ',' ORDER BY candidate_id) FROM rekry.document;"), "1,6", login)
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(candidate_id::text, ',' ORDER BY id) FROM rekry.participation;"), "1", login)
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(recipient, ',') FROM rekry.disclosure;"), "Client A", login)
            // The objecting referee is withheld, and their statement with them.
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(name, ',') FROM rekry.reference;"), "Ref Fine", login)
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(text, ',') FROM rekry.reference_statement;"), "statement of the fine referee", login)
            // A lapsed consent stays visible as history; a restricted person's consent does not.
            XCTAssertEqual(try pg.query(as: login, "SELECT string_agg(DISTINCT candidate_id::text, ',') FROM rekry.consent;"), "1,4,5,6", login)
            // Every person's row stays, with the badge that says why their items are withheld.
            XCTAssertEqual(try pg.query(as: login, """
                SELECT string_agg(id || ':' || coalesce(withheld_because, '-') || ':' || array_to_string(states, '/'), ' ' ORDER BY id)
                FROM rekry.candidate_badge;
                """), "1:-:contract 2:restricted:restricted/contract 3:objected:objected/legitimate-interest "
                + "4:consent-withdrawn:consent-withdrawn 5:consent-expired:consent-expired 6:-:consent-valid", login)
            XCTAssertEqual(try pg.query(as: login, """
                SELECT string_agg(kind || ':' || id || ':' || coalesce(withheld_because, '-'), ' ' ORDER BY kind, id) FROM rekry.item_badge;
                """), "document:1:- document:2:restricted document:3:objected document:4:consent-withdrawn document:5:consent-expired "
                + "document:6:- participation:1:- participation:2:restricted reference:1:objected reference:2:-", login)
        }
    }

    func testTheDPOSeesRestrictedItemsOnlyUnderTheDataSubjectRequestPurpose() throws {
        XCTAssertEqual(try pg.query(as: "dora", "SELECT count(*) FROM rekry.candidate_personal;"), "2")
        let dsr = try pg.query(as: "dora", """
            BEGIN;
            SET LOCAL rekry.purpose = 'dsr';
            SELECT count(*) FROM rekry.candidate_personal;
            SELECT count(*) FROM rekry.document;
            COMMIT;
            SELECT count(*) FROM rekry.candidate_personal;
            """)
        // Six people and six CVs for the request; two people again once the transaction ends.
        XCTAssertEqual(dsr.split(separator: "\n"), ["6", "6", "2"])
        // Any other role asking with the DPO's purpose reads nothing at all.
        for login in ["alice", "lena"] {
            XCTAssertEqual(try pg.query(as: login, """
                BEGIN; SET LOCAL rekry.purpose = 'dsr';
                SELECT count(*) FROM rekry.candidate_personal; SELECT count(*) FROM rekry.candidate; SELECT count(*) FROM rekry.document;
                COMMIT;
                """).split(separator: "\n"), ["0", "0", "0"], login)
        }
        // An unknown purpose reads nothing either.
        XCTAssertEqual(try pg.query(as: "dora", "BEGIN; SET LOCAL rekry.purpose = 'marketing'; SELECT count(*) FROM rekry.candidate; COMMIT;"), "0")
        // Never the report's text or a key, whatever the purpose.
        for sql in ["SELECT count(*) FROM rekry.psych_report_text;", "SELECT count(*) FROM rekry.report_key;"] {
            let (status, output) = try pg.psql(as: "dora", "BEGIN; SET LOCAL rekry.purpose = 'dsr'; \(sql) COMMIT;")
            XCTAssertNotEqual(status, 0)
            XCTAssertTrue(output.contains("permission denied"), output)
        }
    }

    func testAReportKeyAndTheSealedTextAreTheirGranteesAlone() throws {
        XCTAssertEqual(try pg.query(as: "alice", "SELECT string_agg(staff_login, ',') FROM rekry.report_key;"), "alice")
        XCTAssertEqual(try pg.query(as: "lena", "SELECT string_agg(staff_login, ',') FROM rekry.report_key;"), "lena")
        XCTAssertEqual(try pg.query(as: "carl", "SELECT count(*) FROM rekry.report_key;"), "0")
        XCTAssertEqual(try pg.query(as: "alice", "SELECT count(*) FROM rekry.report_key WHERE staff_login <> session_user;"), "0")
        XCTAssertEqual(try pg.query(as: "alice", "SELECT count(*) FROM rekry.psych_report_text;"), "1")
        // bob's key is stale (no grant): the sealed text stays out of his reach; carl has neither.
        XCTAssertEqual(try pg.query(as: "bob", "SELECT count(*) FROM rekry.psych_report_text;"), "0")
        XCTAssertEqual(try pg.query(as: "carl", "SELECT count(*) FROM rekry.psych_report_text;"), "0")
        // That the report exists is not secret from the recruitment desk (psych-report-meta).
        XCTAssertEqual(try pg.query(as: "carl", "SELECT count(*) FROM rekry.psych_report;"), "1")
        // A recruiter sees their own grants, a lead all of them.
        XCTAssertEqual(try pg.query(as: "alice", "SELECT string_agg(staff_login, ',') FROM rekry.report_grant;"), "alice")
        XCTAssertEqual(try pg.query(as: "lena", "SELECT string_agg(staff_login, ',' ORDER BY staff_login) FROM rekry.report_grant;"), "alice,lena")
    }

    func testAnAdminReadsNoCandidateData() throws {
        for table in Self.candidateTables {
            let (status, output) = try pg.psql(as: "adam", "SELECT count(*) FROM rekry.\(table);")
            XCTAssertNotEqual(status, 0, "adam read rekry.\(table): \(output)")
            XCTAssertTrue(output.contains("permission denied"), output)
        }
        for call in ["rekry.item_lapse(2)", "rekry.badge_states(2)", "rekry.withhold_reason(2, 'profile')", "rekry.may_read_report_text(1)"] {
            let (status, output) = try pg.psql(as: "adam", "SELECT \(call);")
            XCTAssertNotEqual(status, 0, "adam called \(call): \(output)")
        }
        // Even with SELECT granted by mistake, the policies give an admin no row.
        try pg.query(as: pg.superuser, "GRANT SELECT ON rekry.candidate, rekry.candidate_personal TO rekry_admin;")
        defer { _ = try? pg.query(as: pg.superuser, "REVOKE SELECT ON rekry.candidate, rekry.candidate_personal FROM rekry_admin;") }
        XCTAssertEqual(try pg.query(as: "adam", "SELECT count(*) FROM rekry.candidate_personal; SELECT count(*) FROM rekry.candidate;")
            .split(separator: "\n"), ["0", "0"])
    }

    func testNoRoleWritesAStaffRoleDirectly() throws {
        for login in Self.logins {
            for sql in ["UPDATE rekry.staff SET role = 'admin' WHERE login = '\(login)';",
                        "INSERT INTO rekry.staff (login, display_name, role, public_key, pseudonym) VALUES ('eve', 'Eve', 'dpo', decode(repeat('0e', 32), 'hex'), 's-eve');",
                        "DELETE FROM rekry.staff WHERE login = 'dora';"] {
                let (status, output) = try pg.psql(as: login, sql)
                XCTAssertNotEqual(status, 0, "\(login): \(sql) \(output)")
                XCTAssertTrue(output.contains("permission denied"), "\(login): \(output)")
            }
        }
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT string_agg(role, ',' ORDER BY id) FROM rekry.staff WHERE id <= 6;"),
                       "recruiter,recruiter,lead,dpo,admin,recruiter")
        // The admin's one road: an audited function. A role written there counts only once the DBA has made the
        // login a member of that group role too: carl, still in rekry_recruiter, now reads nothing.
        try pg.query(as: "adam", "SELECT rekry.set_staff_role('carl', 'lead');")
        XCTAssertEqual(try pg.query(as: "carl", "SELECT count(*) FROM rekry.candidate;"), "0")
        XCTAssertEqual(try pg.query(as: "dora", "SELECT count(*) FROM rekry.audit_entry WHERE action = 'staff.role' AND actor = 's-adam';"), "1")
        try pg.query(as: "adam", "SELECT rekry.set_staff_role('carl', 'recruiter');")
        XCTAssertEqual(try pg.query(as: "carl", "SELECT count(*) FROM rekry.candidate;"), "6")
        // Nobody else may call it.
        let (status, output) = try pg.psql(as: "lena", "SELECT rekry.set_staff_role('alice', 'dpo');")
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("permission denied"), output)
    }

    func testNoRoleInsertsUpdatesOrDeletesAnAuditEntryDirectly() throws {
        try pg.query(as: "lena", "SELECT * FROM rekry.append_audit('candidate.open', 'c-open', 'recruitment');")
        for login in Self.logins {
            for sql in ["INSERT INTO rekry.audit_entry (seq, at_millis, actor, action, purpose, prev_hash, hash) VALUES (999, 0, 's-x', 'candidate.open', 'recruitment', 'x', 'y');",
                        "UPDATE rekry.audit_entry SET actor = 's-x';",
                        "DELETE FROM rekry.audit_entry;",
                        "TRUNCATE rekry.audit_entry;"] {
                let (status, output) = try pg.psql(as: login, sql)
                XCTAssertNotEqual(status, 0, "\(login): \(sql) \(output)")
                XCTAssertTrue(output.contains("permission denied"), "\(login): \(output)")
            }
        }
        // Not even the owner's rights change an entry: the trigger refuses (the superuser, who bypasses RLS, too).
        let (status, output) = try pg.psql(as: pg.superuser, "UPDATE rekry.audit_entry SET actor = 's-x';")
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("append-only"), output)
        XCTAssertEqual(try pg.query(as: "dora", "SELECT first_broken IS NULL FROM rekry.verify_audit();"), "t")
    }

    func testAnEntryAppendedThroughTheFunctionCarriesTheSessionUserAsActor() throws {
        let appended = try pg.query(as: "alice", "SELECT seq FROM rekry.append_audit('candidate.open', 'c-valid', 'recruitment');")
        XCTAssertEqual(try pg.query(as: "lena", "SELECT actor FROM rekry.audit_entry_at(\(appended));"), "s-alice")
        // SET ROLE changes current_user, not session_user: still alice's entry (and alice may not become lena).
        let (status, output) = try pg.psql(as: "alice", "SET ROLE lena;")
        XCTAssertNotEqual(status, 0, output)
        let viaGroup = try pg.query(as: "alice", "SET ROLE rekry_recruiter; SELECT seq FROM rekry.append_audit('candidate.open', 'c-open', 'recruitment');")
        XCTAssertEqual(try pg.query(as: "dora", "SELECT actor FROM rekry.audit_entry WHERE seq = \(viaGroup);"), "s-alice")
        // Chained: each entry's prev_hash is the previous entry's hash, and the walk finds it intact.
        XCTAssertEqual(try pg.query(as: "dora", """
            SELECT count(*) FROM rekry.audit_entry e JOIN rekry.audit_entry p ON p.seq = e.seq - 1 WHERE e.prev_hash <> p.hash;
            """), "0")
        XCTAssertEqual(try pg.query(as: "lena", "SELECT first_broken IS NULL FROM rekry.verify_audit();"), "t")
        // The DPO desk's entries are the DPO's alone; a recruiter reads no audit entry at all.
        let desk = try pg.query(as: "dora", "SELECT seq FROM rekry.append_audit('request.add', 'c-restricted', 'dsr');")
        XCTAssertEqual(try pg.query(as: "lena", "SELECT action || '|' || actor FROM rekry.audit_entry_at(\(desk));"), "|",
                       "a lead sees the DPO desk's entry only as a place in the chain")
        // Leads and admins read the log only through its functions (migration "v4 member hardening"): a direct
        // SELECT, whose index on the subject would tell whom a withheld entry is about, is refused.
        XCTAssertNotEqual(try pg.psql(as: "lena", "SELECT count(*) FROM rekry.audit_entry WHERE subject = 'c-restricted';").status, 0)
        XCTAssertEqual(try pg.query(as: "dora", "SELECT actor FROM rekry.audit_entry WHERE seq = \(desk);"), "s-dora")
        XCTAssertNotEqual(try pg.psql(as: "alice", "SELECT count(*) FROM rekry.audit_entry;").status, 0)
        // The hash is RekryGate's AuditChain text: seq|atMillis|actor|action|subject|purpose|detail|prevHash.
        XCTAssertEqual(try pg.query(as: "dora", """
            SELECT hash = encode(sha256(convert_to(seq || '|' || at_millis || '|' || actor || '|' || action || '|' ||
              coalesce(subject, '-') || '|' || purpose || '|' || detail || '|' || prev_hash, 'UTF8')), 'hex')
            FROM rekry.audit_entry WHERE seq = \(appended);
            """), "t")
    }

    func testCovertChannels() throws {
        // No unique constraint or index on a personal column: only ids and random pseudonyms.
        let indexed = try pg.query(as: pg.superuser, """
            SELECT string_agg(DISTINCT t.relname || '.' || a.attname, ',')
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
            WHERE n.nspname = 'rekry' AND t.relname IN ('candidate_personal', 'candidate_link', 'consent', 'document',
              'reference', 'reference_statement', 'assessment', 'disclosure', 'participation', 'record_change');
            """)
        XCTAssertEqual(Set(indexed.split(separator: ",").map(String.init)), [
            "candidate_personal.candidate_id", "candidate_link.id", "candidate_link.candidate_id", "consent.id",
            "consent.candidate_id", "document.id", "document.candidate_id",
            "reference.id", "reference.candidate_id", "reference_statement.id", "reference_statement.reference_id",
            "assessment.id", "assessment.candidate_id", "disclosure.id", "disclosure.candidate_id",
            // Since "v4 member hardening" no index a member's scan can use ends at a withheld value (a consent's
            // purpose and date, a participation's stage, a log line's time): an index condition runs before the policy.
            "participation.id", "participation.candidate_id", "participation.process_id",
            "record_change.id", "record_change.candidate_id",
        ])
        // The planner keeps no statistics of personal columns (ANALYZE ran on the fixture).
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT count(*) FROM pg_statistic s JOIN pg_attribute a ON a.attrelid = s.starelid AND a.attnum = s.staattnum
            WHERE s.starelid = 'rekry.candidate_personal'::regclass AND a.attname IN ('full_name', 'email', 'phone');
            """), "0")
        XCTAssertEqual(try pg.query(as: "alice", "SELECT count(*) FROM pg_stats WHERE schemaname = 'rekry';"), "0")
        // EXPLAIN ANALYZE tells a withheld email and an absent one apart by nothing (no index to probe).
        func plan(_ email: String) throws -> String {
            try pg.query(as: "alice", """
                SET enable_seqscan = off;
                EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM rekry.candidate_personal WHERE email = '\(email)';
                """).replacingOccurrences(of: email, with: "EMAIL")
        }
        XCTAssertEqual(try plan("rita@example.com"), try plan("nobody@example.com"))
    }
}
