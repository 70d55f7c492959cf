import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// The red team's attacks on the team register, each tried again with a member's own psql session against a
/// register the gate made: every one must now fail (PostgresMigrations.hardening).
final class PostgresHardeningTests: ServerRegisterTestCase {
    var withdrawn: Int64 = 0, granted: Int64 = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        TestBackend.current = .postgres
        defer { TestBackend.current = .sqlite }
        withdrawn = try t.addCandidate("Wilma Withdrawn", consent: .withdrawn)
        granted = try t.addCandidate("Greta Granted", consent: .valid(days: 200))
        try t.addToProcess(granted, stage: .final)
        try t.addPsychConsent(granted)
        let lead = try t.gate("lead")
        try lead.attachReport(candidateId: granted, text: "REPORT-HARDENING-SECRET", author: "Leg. psykolog A")
        try lead.grantReport(candidateId: granted, to: "recruiter", reason: "interviews the finalists")
    }

    func id(of login: String) throws -> String {
        try psql(as: cluster.superuser, "SELECT id FROM rekry.staff WHERE login = '\(login)'").output
            .split(separator: "\n").last.map(String.init) ?? ""
    }

    func testNoTemporaryTableShadowsACatalogInsideADefinerFunction() throws {
        let shadow = try psql(as: "recruiter", "CREATE TEMP TABLE pg_roles (rolname name, rolsuper boolean)")
        XCTAssertNotEqual(shadow.status, 0, "members create no temporary objects: \(shadow.output)")
        XCTAssertTrue(shadow.output.contains("permission denied"), shadow.output)
        let careless = try psql(as: cluster.superuser, """
            SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'rekry' AND p.prosecdef
              AND NOT coalesce('search_path=pg_catalog, rekry, pg_temp' = ANY (p.proconfig), false)
            """)
        XCTAssertEqual(careless.status, 0, careless.output)
        XCTAssertEqual(careless.output.split(separator: "\n").dropFirst().joined(), "",
                       "every definer function searches pg_temp last")
    }

    func testAMemberChangesNoLegalBasisAndUndoesNoWithdrawal() throws {
        let basis = try psql(as: "recruiter", "UPDATE rekry.candidate SET basis = 'contract', consent_purpose = NULL WHERE id = \(withdrawn)")
        XCTAssertTrue(basis.status != 0 && basis.output.contains("do not change"), "a basis change would release a withheld record: \(basis.output)")
        let undo = try psql(as: "recruiter", "UPDATE rekry.consent SET withdrawn_at = NULL WHERE candidate_id = \(withdrawn)")
        XCTAssertTrue(undo.status != 0 && undo.output.contains("only gains a withdrawal"), "a withdrawal is never undone: \(undo.output)")
        let names = try psql(as: "recruiter", "SELECT full_name FROM rekry.candidate_personal WHERE candidate_id = \(withdrawn)")
        XCTAssertFalse(names.output.contains("Wilma"), names.output)
    }

    func testAnAdminTouchesNoGrantOrKeyOfAMemberWhoStays() throws {
        let recruiter = try id(of: "recruiter"), lead = try id(of: "lead")
        let report = try psql(as: cluster.superuser, "SELECT id FROM rekry.psych_report WHERE candidate_id = \(granted)").output
            .split(separator: "\n").last.map(String.init) ?? ""
        let inALeadsName = try psql(as: "admin", "SELECT rekry.revoke_report_grants(\(report), \(recruiter), now(), \(lead))")
        XCTAssertTrue(inALeadsName.output.contains("names the member who revokes"), inALeadsName.output)
        let revoke = try psql(as: "admin", "SELECT rekry.revoke_report_grants(\(report), \(recruiter), now(), \(try id(of: "admin")))")
        XCTAssertTrue(revoke.output.contains("member being removed or re-keyed"), "an admin revokes no grant of a member who stays: \(revoke.output)")
        let delete = try psql(as: "admin", "SELECT rekry.delete_report_keys(\(report), \(recruiter))")
        XCTAssertTrue(delete.output.contains("member being removed or re-keyed"), "an admin deletes no key of a member who stays: \(delete.output)")
        let grant = try psql(as: cluster.superuser, "SELECT id FROM rekry.report_grant WHERE report_id = \(report) ORDER BY id LIMIT 1").output
            .split(separator: "\n").last.map(String.init) ?? ""
        let sign = try psql(as: "admin", "SELECT rekry.sign_report_grant(\(grant), \(lead), '\\xdead', NULL)")
        XCTAssertTrue(sign.output.contains("signed by the member who signs it"), "an admin signs nothing in a lead's name: \(sign.output)")
        // And a lead's revoke names the lead, not someone else.
        let framed = try psql(as: "lead", "SELECT rekry.revoke_report_grants(\(report), \(recruiter), now(), \(try id(of: "lead2")))")
        XCTAssertTrue(framed.output.contains("names the member who revokes"), "a revoke names the member who revokes: \(framed.output)")
        // The recruiter still reads the report through the gate.
        XCTAssertEqual(try gate("recruiter").readReport(candidateId: granted)?.value?.text, "REPORT-HARDENING-SECRET")
    }

    func testStatisticsViewsCountNothingForAMember() throws {
        let stats = try psql(as: "recruiter", "SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'candidate_personal'")
        XCTAssertNotEqual(stats.status, 0, "the statistics views count withheld rows: \(stats.output)")
    }
}
