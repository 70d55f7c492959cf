import Foundation
import RekryPostgres
import RekryTestSupport
import XCTest

/// Staff logins, the audit append and report keys of "v3 staff, audit and reports", tried with raw psql
/// sessions as each role (not through Rekry): no login changes a role, forges an audit entry or reads another
/// grantee's key; an admin's `create_staff` makes a login that is a member of exactly its group.
final class PostgresStaffRLSTests: XCTestCase {

    /// alice and bob recruiters, lena a lead, dora the DPO, adam an admin; nina is added by adam in a test.
    static let logins = ["alice", "bob", "lena", "dora", "adam", "nina", "postgres2"]
    static let members = ["alice", "bob", "lena", "dora", "adam"]

    var pg: PostgresCluster!

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        pg = try FixtureClusters.cluster(for: "PostgresStaffRLSTests", logins: Self.logins) {
            PostgresMigrations.all.map(PostgresMigrations.transaction) + [Self.fixture]
        }
    }

    override class func tearDown() {
        FixtureClusters.stop("PostgresStaffRLSTests")
        super.tearDown()
    }

    /// The members are made the way the gate's bootstrap makes them: `rekry.create_staff` as the superuser, which
    /// creates each login and its one membership. One candidate with a report granted to alice and lena, whose
    /// keys are wrapped for alice, lena and bob (bob's without a grant).
    static let fixture = #"""
    SELECT rekry.create_staff('alice', 'Alice', 'recruiter', decode(repeat('01', 32), 'hex'), 's-alice', now(), NULL, NULL, NULL, NULL, NULL);
    SELECT rekry.create_staff('bob', 'Bob', 'recruiter', decode(repeat('02', 32), 'hex'), 's-bob', now(), NULL, NULL, NULL, NULL, NULL);
    SELECT rekry.create_staff('lena', 'Lena', 'lead', decode(repeat('03', 32), 'hex'), 's-lena', now(), NULL, NULL, NULL, NULL, NULL);
    SELECT rekry.create_staff('dora', 'Dora', 'dpo', decode(repeat('04', 32), 'hex'), 's-dora', now(), NULL, NULL, NULL, NULL, NULL);
    SELECT rekry.create_staff('adam', 'Adam', 'admin', decode(repeat('05', 32), 'hex'), 's-adam', now(), NULL, NULL, NULL, NULL, NULL);
    INSERT INTO rekry.candidate (id, pseudonym, basis, source, collected_at, last_activity_at) VALUES
      (1, 'c-open', 'contract', 'applied', now(), now());
    INSERT INTO rekry.candidate_personal (candidate_id, full_name) VALUES (1, 'Anna Open');
    INSERT INTO rekry.consent (candidate_id, purpose, given_at, channel, text) VALUES
      (1, 'psych-assessment', now() - interval '5 days', 'paper', 'I agree');
    INSERT INTO rekry.process (id, title, opened_at) VALUES (1, 'Backend developer', now() - interval '20 days');
    INSERT INTO rekry.participation (id, candidate_id, process_id, stage, started_at, stage_changed_at, basis) VALUES
      (1, 1, 1, 'assessment', now() - interval '10 days', now() - interval '1 day', 'contract');
    INSERT INTO rekry.psych_report (id, candidate_id, participation_id, author, written_at, attached_at, attached_by)
      SELECT 1, 1, 1, 'Dr Psych', now() - interval '2 days', now() - interval '1 day', id FROM rekry.staff WHERE login = 'lena';
    INSERT INTO rekry.psych_report_text VALUES (1, decode(repeat('ab', 40), 'hex'));
    INSERT INTO rekry.report_grant (report_id, staff_login, granted_by, reason, granted_at) VALUES
      (1, 'alice', 'lena', 'assessment', now()), (1, 'lena', 'lena', 'assessment', now());
    INSERT INTO rekry.report_key VALUES (1, 'alice', decode(repeat('0a', 32), 'hex'), '\xaa'),
      (1, 'lena', decode(repeat('0b', 32), 'hex'), '\xbb'), (1, 'bob', decode(repeat('0c', 32), 'hex'), '\xcc');
    SELECT setval(pg_get_serial_sequence('rekry.' || t, 'id'), 100) FROM unnest(ARRAY['candidate', 'process', 'participation', 'psych_report']) AS t;
    SELECT * FROM rekry.append_entry(1, 1000, 's-adam', 'register.create', NULL, 'recruitment', '', repeat('0', 64),
      encode(sha256(convert_to(concat_ws('|', '1', '1000', 's-adam', 'register.create', '-', 'recruitment', '', repeat('0', 64)), 'UTF8')), 'hex'), NULL);
    """#

    /// `p_actor`'s entry after the log's last one, as the gate computes it (the fields hold no '|').
    func append(as login: String, actor: String, seq: String = "l.seq + 1", prev: String = "l.hash", hash: String? = nil) throws
        -> (status: Int32, output: String) {
        let computed = hash ?? "encode(sha256(convert_to(concat_ws('|', (\(seq))::text, '2000', '\(actor)', 'candidate.open', 'c-open', 'recruitment', '', \(prev)), 'UTF8')), 'hex')"
        return try pg.psql(as: login, """
            BEGIN;
            SELECT rekry.append_entry(\(seq), 2000, '\(actor)', 'candidate.open', 'c-open', 'recruitment', '', \(prev), \(computed), NULL)
            FROM rekry.audit_last(true) l;
            COMMIT;
            """)
    }

    func testEveryLoginIsAMemberOfExactlyItsGroupAndNoLoginChangesARole() throws {
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT string_agg(m.rolname || ':' || g.rolname, ',' ORDER BY m.rolname) FROM pg_auth_members a
            JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
            WHERE m.rolname IN ('alice', 'bob', 'lena', 'dora', 'adam');
            """), "adam:rekry_admin,alice:rekry_recruiter,bob:rekry_recruiter,dora:rekry_dpo,lena:rekry_lead")
        for login in Self.members {
            for sql in ["UPDATE rekry.staff SET role = 'lead' WHERE login = '\(login)';",
                        "UPDATE rekry.staff SET role = 'admin';",
                        "SELECT rekry.make_login('\(login)', 'admin');",
                        "SELECT rekry.sign_staff(1, 1, now(), NULL, '\\x00');",
                        "GRANT rekry_admin TO \(login);",
                        "SET ROLE rekry_owner;"] where !(login == "adam" && sql.contains("sign_staff")) {
                let (status, output) = try pg.psql(as: login, sql)
                XCTAssertNotEqual(status, 0, "\(login): \(sql) \(output)")
            }
            let (status, output) = try pg.psql(as: login, "SELECT rekry.create_staff('eve', 'Eve', 'admin', decode(repeat('0e', 32), 'hex'), 's-eve', now(), NULL, NULL, NULL, NULL, NULL);")
            if login == "adam" { continue }
            XCTAssertNotEqual(status, 0, "\(login) added a member: \(output)")
        }
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT string_agg(login || ':' || role, ',' ORDER BY id) FROM rekry.staff WHERE login IN ('alice','bob','lena','dora','adam');"),
                       "alice:recruiter,bob:recruiter,lena:lead,dora:dpo,adam:admin")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM pg_roles WHERE rolname = 'eve' AND pg_has_role('eve', 'rekry_admin', 'MEMBER');"), "1")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = 'eve';"), "f")
    }

    func testAnAdminCannotTurnAPrivilegedRoleIntoAMember() throws {
        for login in ["postgres", "rekry_owner", "rekry_lead", "pg_read_all_data"] {
            let (status, output) = try pg.psql(as: "adam", "SELECT rekry.create_staff('\(login)', 'X', 'lead', decode(repeat('1\(login.count % 10)', 32), 'hex'), 's-x-\(login)', now(), NULL, NULL, NULL, NULL, NULL);")
            XCTAssertNotEqual(status, 0, "\(login): \(output)")
        }
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT count(*) FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member
            WHERE m.rolname IN ('postgres', 'rekry_owner', 'rekry_lead', 'pg_read_all_data');
            """), "0")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'rekry_owner';"), "f")
    }

    func testRemovingAMemberTakesTheirGroupAndLoginAway() throws {
        let id = try pg.query(as: "adam", "SELECT rekry.create_staff('nina', 'Nina', 'recruiter', decode(repeat('0f', 32), 'hex'), 's-nina', now(), NULL, NULL, NULL, NULL, NULL);")
        XCTAssertEqual(try pg.query(as: "nina", "SELECT rekry.session_role();"), "recruiter")
        try pg.query(as: "adam", "SELECT rekry.deactivate_staff(\(id), now(), '{}');")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT rolcanlogin::text || pg_has_role('nina', 'rekry_recruiter', 'MEMBER')::text FROM pg_roles WHERE rolname = 'nina';"), "falsefalse")
        XCTAssertNotEqual(try pg.psql(as: "nina", "SELECT 1;").status, 0)
        // Nobody else removes a member.
        for login in ["alice", "lena", "dora"] {
            XCTAssertNotEqual(try pg.psql(as: login, "SELECT rekry.deactivate_staff(1, now(), '{}');").status, 0, login)
        }
    }

    func testNoLoginForgesAnAuditEntry() throws {
        // The honest append: alice's own pseudonym, after the last entry, its hash recomputed.
        XCTAssertEqual(try append(as: "alice", actor: "s-alice").status, 0)
        for login in Self.members {
            let me = "s-" + login
            let other = login == "lena" ? "s-dora" : "s-lena"
            let forgeries: [(String, (status: Int32, output: String))] = [
                ("someone else as actor", try append(as: login, actor: other)),
                ("a seq that skips", try append(as: login, actor: me, seq: "l.seq + 2")),
                ("a seq already taken", try append(as: login, actor: me, seq: "l.seq")),
                ("a broken chain", try append(as: login, actor: me, prev: "repeat('1', 64)")),
                ("a hash that does not match", try append(as: login, actor: me, hash: "repeat('2', 64)")),
                ("a direct INSERT", try pg.psql(as: login, "INSERT INTO rekry.audit_entry (seq, at_millis, actor, action, purpose, prev_hash, hash) SELECT seq + 1, 0, '\(me)', 'candidate.open', 'recruitment', hash, 'x' FROM rekry.audit_last(false);")),
            ]
            for (what, result) in forgeries {
                XCTAssertNotEqual(result.status, 0, "\(login) forged \(what): \(result.output)")
            }
        }
        XCTAssertEqual(try pg.query(as: "dora", "SELECT first_broken IS NULL FROM rekry.verify_audit();"), "t")
        XCTAssertEqual(try pg.query(as: "dora", "SELECT string_agg(actor, ',' ORDER BY seq) FROM rekry.audit_entry;").split(separator: ",").last, "s-alice")
    }

    func testTheLogIsReadOnlyAsEachRoleMayAndVerifyWalksAllOfIt() throws {
        XCTAssertEqual(try append(as: "alice", actor: "s-alice").status, 0)
        try pg.query(as: "dora", "SELECT * FROM rekry.append_audit('request.add', 'c-open', 'dsr');")
        let count = try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.audit_entry;")
        // audit show: leads and admins without the DPO desk's entries; recruiters only the retention profile's.
        XCTAssertEqual(try pg.query(as: "dora", "SELECT count(*) FROM rekry.audit_entries(NULL, 1000);"), count)
        XCTAssertEqual(try pg.query(as: "lena", "SELECT count(*) FROM rekry.audit_entries(NULL, 1000) WHERE action LIKE 'request.%';"), "0")
        XCTAssertEqual(try pg.query(as: "alice", "SELECT count(*) FROM rekry.audit_entries(NULL, 1000);"), "0")
        // One entry by number: its content where the role may read it, its place in the chain otherwise.
        XCTAssertEqual(try pg.query(as: "alice", "SELECT action = '' AND actor = '' AND length(hash) = 64 FROM rekry.audit_entry_at(1);"), "t")
        // The walk that verify needs: every entry, for leads, the DPO and admins; no recruiter.
        for login in ["lena", "dora", "adam"] {
            XCTAssertEqual(try pg.query(as: login, "SELECT count(*) FROM rekry.audit_chain(0, 1000);"), count, login)
        }
        XCTAssertNotEqual(try pg.psql(as: "alice", "SELECT count(*) FROM rekry.audit_chain(0, 1000);").status, 0)
    }

    func testNoLoginReadsAnotherGranteesKey() throws {
        let bob = try pg.query(as: pg.superuser, "SELECT id FROM rekry.staff WHERE login = 'bob';")
        let lena = try pg.query(as: pg.superuser, "SELECT id FROM rekry.staff WHERE login = 'lena';")
        XCTAssertEqual(try pg.query(as: "alice", "SELECT string_agg(staff_login, ',') FROM rekry.report_key;"), "alice")
        XCTAssertEqual(try pg.query(as: "bob", "SELECT encode(sealed_key, 'hex') FROM rekry.report_key_of(1, \(bob));"), "cc")
        // Another holder's key: nothing for a recruiter, that it exists (no bytes) for a lead or an admin.
        XCTAssertEqual(try pg.query(as: "alice", "SELECT count(*) FROM rekry.report_key_of(1, \(lena));"), "0")
        for login in ["lena", "adam"] {
            XCTAssertEqual(try pg.query(as: login, "SELECT count(*)::text || bool_and(sealed_key IS NULL AND ephemeral_public_key IS NULL)::text FROM rekry.report_key_of(1, \(bob));"), "1true", login)
        }
        XCTAssertNotEqual(try pg.psql(as: "dora", "SELECT * FROM rekry.report_key_of(1, \(bob));").status, 0)
        // Only a lead wraps keys; nobody writes the table directly.
        for login in ["alice", "dora", "adam"] {
            XCTAssertNotEqual(try pg.psql(as: login, "SELECT rekry.store_report_key(1, \(bob), decode(repeat('0d', 32), 'hex'), '\\xdd');").status, 0, login)
        }
        for login in Self.members {
            XCTAssertNotEqual(try pg.psql(as: login, "INSERT INTO rekry.report_key VALUES (1, '\(login)', decode(repeat('0e', 32), 'hex'), '\\xee') ON CONFLICT DO NOTHING;").status, 0, login)
            XCTAssertNotEqual(try pg.psql(as: login, "UPDATE rekry.report_key SET sealed_key = '\\x00';").status, 0, login)
        }
        // The staff desk's view of the sealed bytes is an admin's alone, and names no candidate.
        XCTAssertEqual(try pg.query(as: "adam", "SELECT candidate_id::text || author FROM rekry.staff_desk_report(1);"), "0-")
        XCTAssertNotEqual(try pg.psql(as: "alice", "SELECT * FROM rekry.staff_desk_report(1);").status, 0)
        XCTAssertEqual(try pg.query(as: "adam", "SELECT count(*) FROM rekry.staff_desk_grants(NULL);"), "2")
        XCTAssertNotEqual(try pg.psql(as: "lena", "SELECT * FROM rekry.staff_desk_grants(NULL);").status, 0)
    }

    func testProcessWritesFollowTheWritePolicy() throws {
        // Recruiters and leads open processes; the DPO and admins do not; only leads close them.
        XCTAssertEqual(try pg.psql(as: "alice", "INSERT INTO rekry.process (title, opened_at) VALUES ('QA', now());").status, 0)
        for login in ["dora", "adam"] {
            XCTAssertNotEqual(try pg.psql(as: login, "INSERT INTO rekry.process (title, opened_at) VALUES ('QA', now());").status, 0, login)
        }
        XCTAssertNotEqual(try pg.psql(as: "alice", "UPDATE rekry.process SET closed_at = now() WHERE id = 1;").status, 0)
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT closed_at IS NULL FROM rekry.process WHERE id = 1;"), "t")
        XCTAssertEqual(try pg.query(as: "lena", "UPDATE rekry.participation SET stage = 'final' WHERE id = 1 RETURNING stage;"), "final")
    }
}
