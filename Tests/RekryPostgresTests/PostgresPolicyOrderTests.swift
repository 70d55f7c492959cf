import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// The red team's timing channel, closed by migration "v4 policies decide first": in a member's own psql session,
/// on every table the member may SELECT, the policy decides a row before the member's own condition is evaluated
/// on it, so how long a query takes never depends on whether a withheld row matches. Checked on the plans (a
/// scan's Filter lists its conditions in the order they run), not by timing; and the two other holes found with it
/// ("v4 member hardening").
final class PostgresPolicyOrderTests: ServerRegisterTestCase {
    /// Tables whose policy lets every member read every row (nothing is withheld, so nothing can be timed).
    static let openToEveryMember: Set<String> = ["schema_migration"]

    /// Each table of schema rekry the group may SELECT, with a column the member could put a condition on.
    func readableTables(_ group: String) throws -> [(table: String, column: String, type: String)] {
        let out = try psql(as: cluster.superuser, """
            SELECT c.relname, a.attname, format_type(a.atttypid, NULL) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'rekry'
            JOIN LATERAL (SELECT attname, atttypid FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped
                          AND atttypid IN ('text'::regtype, 'tsvector'::regtype, 'bytea'::regtype)
                          -- An indexed column is matched by the index itself, before any filter: a column of the
                          -- row's content (no personal column is indexed).
                          AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indkey[0] = attnum)
                          ORDER BY attnum LIMIT 1) a ON true
            WHERE c.relkind = 'r' AND has_table_privilege('\(group)', c.oid, 'SELECT') ORDER BY 1
            """)
        XCTAssertEqual(out.status, 0, out.output)
        return out.output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count == 3 }.map { ($0[0], $0[1], $0[2]) }
    }

    func testEveryPolicyDecidesBeforeTheMembersOwnCondition() throws {
        var checked = 0
        for (login, group) in [("recruiter", "rekry_recruiter"), ("lead", "rekry_lead"), ("dpo", "rekry_dpo"), ("admin", "rekry_admin")] {
            for (table, column, type) in try readableTables(group) where !Self.openToEveryMember.contains(table) {
                let condition: String
                switch type {
                case "tsvector": condition = "\(column) @@ 'sofia'::tsquery"
                case "bytea": condition = "\(column) >= '\\x53'::bytea"
                default: condition = "\(column) >= 'S'"
                }
                let plan = try psql(as: login, "EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM rekry.\(table) WHERE \(condition);")
                XCTAssertEqual(plan.status, 0, "\(login) \(table): \(plan.output)")
                guard let filter = plan.output.split(separator: "\n").first(where: { $0.contains("Filter:") }).map(String.init) else {
                    XCTFail("\(login) \(table): no filter, so no policy: \(plan.output)")
                    continue
                }
                let mine = filter.range(of: type == "tsvector" ? "'sofia'" : (type == "bytea" ? "'\\x53'" : "'S'"))
                let policy = ["rekry.", "SESSION_USER", "session_user"].compactMap { filter.range(of: $0)?.lowerBound }.min()
                XCTAssertNotNil(mine, "\(login) \(table): \(filter)")
                if let mine, let policy {
                    XCTAssertLessThan(policy, mine.lowerBound, "\(login) \(table): the member's condition runs before the policy: \(filter)")
                } else {
                    XCTFail("\(login) \(table): the policy is not in the filter: \(filter)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 40, "every role's readable tables")
    }

    func testTheLastAuditEntryShowsAMemberOnlyItsPlaceWhereItsContentIsWithheld() throws {
        let person = try t.addCandidate("Xenia Quartz", basis: .contract, consent: .none)
        TestBackend.current = .postgres
        let dpo = try t.gate("dpo")
        TestBackend.current = .sqlite
        _ = try dpo.recordBreach(BreachDraft(discoveredAt: t.clock.now(), what: "A laptop was stolen", categories: [.contact],
                                             approxAffected: 1, measures: "Keys rotated", affected: [person]))
        let last = try psql(as: cluster.superuser, "SELECT seq, action FROM rekry.audit_entry ORDER BY seq DESC LIMIT 1").output
        XCTAssertTrue(last.contains("breach."), "the last entry is the DPO's: \(last)")
        for login in ["recruiter", "lead", "admin"] {
            let row = try psql(as: login, "SELECT seq, action, actor, subject, detail, hash FROM rekry.audit_last(false);")
            XCTAssertEqual(row.status, 0, row.output)
            XCTAssertFalse(row.output.contains("breach"), "\(login): \(row.output)")
            XCTAssertTrue(row.output.hasPrefix(last.split(separator: "|")[0] + "|||"), "\(login) gets the entry's place only: \(row.output)")
        }
        XCTAssertTrue(try psql(as: "dpo", "SELECT action FROM rekry.audit_last(false);").output.contains("breach."))
    }

    func testAMemberCreatesNoLargeObject() throws {
        for login in ["recruiter", "lead", "dpo", "admin"] {
            for sql in ["SELECT lo_creat(-1);", "SELECT lo_from_bytea(0, '\\x00'::bytea);"] {
                let made = try psql(as: login, sql)
                XCTAssertTrue(made.status != 0 && made.output.contains("permission denied"), "\(login): \(sql) \(made.output)")
            }
        }
    }
}
