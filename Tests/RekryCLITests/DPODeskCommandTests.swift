import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// `rekry request …` and `rekry breach …` from the command line: exit codes, messages naming the argument,
/// JSON schemas, and the Art. 34 recipients file. The binary runs on the wall clock, so dates are relative.
final class DPODeskCommandTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func rekry(_ args: [String], as user: String = "dpo") throws -> RekryBinary.Result {
        try RekryBinary.run(args + ["--db", t.path, "--identity", try t.identityFile(user)],
                            environment: ["XDG_STATE_HOME": t.directory + "/state-\(user)"])
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testRequestsFromTheCommandLine() throws {
        let id = String(try t.addCandidate("Rita Request", basis: .contract, consent: .none))
        let today = CivilDate.day(of: Date())
        let received = today.adding(days: -40).isoDay

        let bad: [([String], String)] = [
            (["--kind", "everything"], "--kind must be one of access, rectification"),
            (["--received", "2026-02-30"], "--received: '2026-02-30' is not a date"),
            (["--verified-by", "vibes"], "--verified-by must be one of in-person-id, bankid, known-email, other"),
            (["--country", "DK"], "--country must be one of SE, NO"),
            (["--ref", "Rita Request"], "--ref: 'Rita Request' must be a reference"),
            (["--note", "two\nlines"], "--note: one line of plain text"),
        ]
        for (override, message) in bad {
            var args = ["request", "add", "--candidate", id, "--kind", "access", "--received", received, "--verified-by", "bankid"]
            args += override
            let run = try rekry(args)
            XCTAssertEqual(run.status, 65, "\(override): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(override): \(run.stderr)")
        }
        let nobody = try rekry(["request", "add", "--kind", "access", "--received", received, "--verified-by", "bankid"])
        XCTAssertEqual(nobody.status, 65, nobody.stderr)
        XCTAssertTrue(nobody.stderr.contains("--candidate or --reference"), nobody.stderr)
        XCTAssertEqual(try rekry(["request", "add", "--candidate", "999", "--kind", "access", "--received", received, "--verified-by", "bankid"]).status, 65)
        let recruiter = try rekry(["request", "add", "--candidate", id, "--kind", "access", "--received", received, "--verified-by", "bankid"], as: "recruiter")
        XCTAssertEqual(recruiter.status, 1)
        XCTAssertTrue(recruiter.stderr.contains("request add: not permitted for role recruiter"), recruiter.stderr)
        XCTAssertEqual(try rekry(["request", "list"], as: "admin").status, 1, "admins see nothing")

        let added = try rekry(["request", "add", "--candidate", id, "--kind", "access", "--received", received, "--verified-by", "bankid",
                               "--ref", "DSR-2026-4", "--note", "BankID signature"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.hasPrefix("Recorded request 1 (access, c-"), added.stdout)
        let expectedDue = RequestDeadline.due(received: CivilDate(isoDay: received)!, country: .sweden).isoDay
        XCTAssertTrue(added.stdout.contains("due \(expectedDue) (SE calendar)"), added.stdout)

        let list = try json(try rekry(["request", "list", "--json"]).stdout)
        XCTAssertEqual(list["schema"] as? String, "rekry.request-list/1")
        XCTAssertEqual(list["asOf"] as? String, today.isoDay)
        let first = try XCTUnwrap((list["requests"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["due"] as? String, expectedDue)
        XCTAssertEqual((first["status"] as? [String: Any])?["urgency"] as? String, "overdue", "40 days after receipt")
        XCTAssertEqual(first["reference"] as? String, "DSR-2026-4")
        XCTAssertNil(first["verificationNote"], "the list keeps the note to itself")
        let text = try rekry(["request", "list"])
        XCTAssertTrue(text.stdout.contains("overdue"), text.stdout)
        XCTAssertFalse(text.stdout.contains("Rita") || text.stdout.contains("BankID signature"), text.stdout)

        let late = try rekry(["request", "extend", "1", "--reason", "complex", "--months", "1"])
        XCTAssertEqual(late.status, 65, late.stderr)
        XCTAssertTrue(late.stderr.contains("--notice-given: the notice was given on \(today.isoDay), after the first month ended"), late.stderr)
        let extended = try rekry(["request", "extend", "1", "--reason", "complex", "--months", "1", "--notice-given", received])
        XCTAssertEqual(extended.status, 0, extended.stderr)
        XCTAssertEqual(try rekry(["request", "extend", "1", "--reason", "complex", "--months", "2", "--notice-given", received]).status, 65,
                       "three further months")

        XCTAssertEqual(try rekry(["export", id, "--format", "extract", "--out", t.directory + "/extract.json"]).status, 0)
        let seq = try XCTUnwrap(t.gate("dpo").auditEntries().last { $0.action == "candidate.export" }).seq
        let wrong = try rekry(["request", "close", "1", "--audit-entry", "1"])
        XCTAssertEqual(wrong.status, 65, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("--audit-entry"), wrong.stderr)
        let closed = try rekry(["request", "close", "1", "--audit-entry", String(seq)])
        XCTAssertEqual(closed.status, 0, closed.stderr)
        XCTAssertEqual(closed.stdout, "Closed request 1 (done, audit entry \(seq)).\n")
        XCTAssertEqual(try rekry(["request", "list"]).stdout, "No open requests.\n")
        XCTAssertTrue(try rekry(["request", "list", "--all"]).stdout.contains("closed"))
    }

    func testBreachesFromTheCommandLine() throws {
        let a = try t.addCandidate("Anna Affected", email: "anna@example.se")
        let b = try t.addCandidate("Bo Affected", email: "bo@example.se")
        let discovered = DayFormat.timestamp(Date().addingTimeInterval(-3 * 3600)).prefix(16)
        func record(_ extra: [String]) throws -> RekryBinary.Result {
            var args = ["breach", "record", "--discovered", String(discovered), "--what", "a misdirected email with a CV attached",
                        "--categories", "contact,documents", "--approx-affected", "2", "--measures", "recalled; the recipient confirmed deletion"]
            args += extra
            return try rekry(args)
        }
        let badCategory = try record(["--categories", "contact,bank"])
        XCTAssertEqual(badCategory.status, 65)
        XCTAssertTrue(badCategory.stderr.contains("--categories: 'bank' is not a category"), badCategory.stderr)
        let badTime = try record(["--discovered", "yesterday"])
        XCTAssertEqual(badTime.status, 65)
        XCTAssertTrue(badTime.stderr.contains("--discovered: 'yesterday' is not a time (YYYY-MM-DDTHH:MM, UTC)"), badTime.stderr)
        XCTAssertEqual(try record(["--affected", "\(a),x"]).status, 65)
        XCTAssertEqual(try rekry(["breach", "list"], as: "lead").status, 1)

        let recorded = try record(["--affected", "\(a),\(b)", "--json"])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        let breach = try json(recorded.stdout)
        XCTAssertEqual(breach["status"] as? String, "due")
        XCTAssertTrue((breach["badge"] as? String)?.hasPrefix("72h: 68h left") == true || (breach["badge"] as? String)?.hasPrefix("72h: 69h left") == true,
                      "\(breach["badge"] ?? "")")
        let list = try json(try rekry(["breach", "list", "--json"]).stdout)
        XCTAssertEqual(list["schema"] as? String, "rekry.breach-list/1")
        XCTAssertEqual(((list["breaches"] as? [[String: Any]])?.first?["affected"] as? [String])?.count, 2)

        let out = t.directory + "/recipients.json"
        let written = try rekry(["breach", "recipients", "1", "--out", out])
        XCTAssertEqual(written.status, 0, written.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let file = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self))
        XCTAssertEqual(file["schema"] as? String, "rekry.breach-recipients/1")
        XCTAssertTrue(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self).contains("anna@example.se"))
        XCTAssertEqual(try rekry(["breach", "recipients", "1", "--out", out]).status, 73, "never over an existing file unasked")
        let shown = try rekry(["breach", "recipients", "1"])
        XCTAssertTrue(shown.stdout.contains("Bo Affected  bo@example.se"), shown.stdout)

        let notified = try rekry(["breach", "notify", "1"])
        XCTAssertEqual(notified.status, 0, notified.stderr)
        XCTAssertEqual(notified.stdout, "Breach 1: notified.\n")
        XCTAssertEqual(try rekry(["breach", "notify", "1"]).status, 1, "once")
        let trail = try t.gate("dpo").auditEntries().map(\.action).filter { $0.hasPrefix("breach.") }
        XCTAssertEqual(trail, ["breach.record", "breach.affected", "breach.affected", "breach.list", "breach.recipients", "breach.recipients",
                               "breach.recipients", "breach.recipients", "breach.notify"])
    }
}
