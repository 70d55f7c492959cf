import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// Retention profiles: the firms' policy files, `rekry init --policy`, `rekry policy show|check|set`, and a
/// profile that is used only while its signature verifies.
final class PolicyProfileTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    static let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/policies")

    func rekry(_ args: [String], as user: String) throws -> RekryBinary.Result {
        try RekryBinary.run(args + ["--db", t.path, "--identity", try t.identityFile(user)],
                            environment: ["XDG_STATE_HOME": t.directory + "/state-\(user)", "HOME": t.directory])
    }

    func testEveryFirmHasAProfileThatParsesWithItsCountry() throws {
        let expected = ["default.policy": nil, "it-consultancy-se.policy": "SE", "accounting-se.policy": "SE",
                        "executive-search-no.policy": "NO", "recruitment-consulting-se.policy": "SE", "assessment-se.policy": "SE"]
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.policies.path).filter { $0.hasSuffix(".policy") }
        XCTAssertEqual(Set(files), Set(expected.keys))
        for file in files {
            let policy = try RetentionPolicy.parse(String(contentsOf: Self.policies.appendingPathComponent(file), encoding: .utf8), file: file)
            XCTAssertFalse(policy.rules.isEmpty, file)
            XCTAssertEqual(policy.country, expected[file]!, file)
            XCTAssertEqual(policy.firm == nil, file == "default.policy", file)
            let check = try RekryBinary.run(["policy", "check", Self.policies.appendingPathComponent(file).path])
            XCTAssertEqual(check.status, 0, check.stderr)
        }
        // The firms' promises, as rules: the IT consultancy keeps contact details until right after the
        // process and about a year after passive contact, whichever comes first.
        let it = try RetentionPolicy.parse(String(contentsOf: Self.policies.appendingPathComponent("it-consultancy-se.policy"), encoding: .utf8), file: "it")
        XCTAssertEqual(it.rules(for: .contactDetails).map(\.event), [.processClosed, .lastContact])
        XCTAssertEqual(it.rules(for: .contactDetails).map(\.period.description), ["0d", "12m"])
    }

    func testAPolicyFileErrorNamesFileLineAndFieldAndChangesNothing() throws {
        let bad = t.directory + "/firm.policy"
        try "firm Test AB\ncountry SE\n\ncandidate-profile process-closed 2y\ncontact-detail process-closed 0d\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let check = try RekryBinary.run(["policy", "check", bad])
        XCTAssertEqual(check.status, 65)
        XCTAssertTrue(check.stderr.contains("firm.policy:5: category: unknown category 'contact-detail'"), check.stderr)
        let before: String? = try t.scalar("SELECT group_concat(key) FROM registerInfo")
        let set = try rekry(["policy", "set", bad], as: "dpo")
        XCTAssertEqual(set.status, 65, set.stderr)
        XCTAssertEqual(try t.scalar("SELECT group_concat(key) FROM registerInfo"), before, "nothing was written")
        try "country SE\ncountry NO\n".write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertTrue(try RekryBinary.run(["policy", "check", bad]).stderr.contains("firm.policy:2: country:"))
        // A bad profile given to init creates no register.
        let fresh = t.directory + "/fresh.sqlite"
        let initRun = try RekryBinary.run(["init", "--db", fresh, "--admin", "ada", "--name", "Ada", "--out", t.directory + "/ada.identity",
                                           "--policy", bad], environment: ["XDG_STATE_HOME": t.directory + "/state-init"])
        XCTAssertEqual(initRun.status, 65, initRun.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh))
    }

    func testInitRecordsTheProfileAndShowVerifiesIt() throws {
        let fresh = t.directory + "/firm.sqlite", identity = t.directory + "/ada.identity"
        let env = ["XDG_STATE_HOME": t.directory + "/state-ada", "HOME": t.directory]
        let made = try RekryBinary.run(["init", "--db", fresh, "--admin", "ada", "--name", "Ada Admin", "--out", identity,
                                        "--policy", Self.policies.appendingPathComponent("executive-search-no.policy").path], environment: env)
        XCTAssertEqual(made.status, 0, made.stderr)
        let show = try RekryBinary.run(["policy", "show", "--db", fresh, "--identity", identity], environment: env)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("executive-search-no.policy (Executive search (NO)), firm's country NO"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Set by ada"), show.stdout)
        XCTAssertTrue(show.stdout.contains("unused                5y   after last-activity"), show.stdout)
        let json = try RekryBinary.run(["policy", "show", "--json", "--db", fresh, "--identity", identity], environment: env)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "rekry.policy/1")
        XCTAssertEqual(object["country"] as? String, "NO")
        XCTAssertEqual((object["rules"] as? [Any])?.count, 3)
    }

    func testSettingAProfileReDerivesRetentionDatesThroughTheWriteModel() throws {
        // Closed a process today: the default keeps the profile two years after it.
        let id = try t.addCandidate("Pia Policy", basis: .contract, consent: .none)
        try t.addToProcess(id, stage: .rejected, closed: true)
        let before: Double = try XCTUnwrap(t.scalar("SELECT retentionDueAt FROM candidate WHERE id = ?", [id]))
        XCTAssertEqual(DayFormat.day(Date(timeIntervalSince1970: before)), "2028-03-01")
        let oneYear = t.directory + "/short.policy"
        try "firm Short AB\ncountry SE\ncandidate-profile process-closed 1y\n".write(toFile: oneYear, atomically: true, encoding: .utf8)

        // Only the DPO sets a profile on a register that holds candidates.
        XCTAssertEqual(try rekry(["policy", "set", oneYear], as: "lead").status, 1)
        XCTAssertEqual(try rekry(["policy", "set", oneYear], as: "admin").status, 1, "admins set a profile only at creation")
        let set = try rekry(["policy", "set", oneYear], as: "dpo")
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("re-derived for 1 candidates"), set.stdout)
        let after: Double = try XCTUnwrap(t.scalar("SELECT retentionDueAt FROM candidate WHERE id = ?", [id]))
        XCTAssertEqual(DayFormat.day(Date(timeIntervalSince1970: after)), "2027-03-01")
        // A later write through the gate keeps deriving under the profile, not the default.
        try t.gate("recruiter").editCandidate(id, changes: [.currentTitle: "Tester"])
        let edited: Double = try XCTUnwrap(t.scalar("SELECT retentionDueAt FROM candidate WHERE id = ?", [id]))
        XCTAssertEqual(DayFormat.day(Date(timeIntervalSince1970: edited)), "2027-03-01")
        // Audited without personal data, and the firm's country is recorded for request deadlines.
        let audit = try rekry(["audit", "show", "--limit", "5"], as: "dpo")
        XCTAssertTrue(audit.stdout.contains("policy.set"), audit.stdout)
        XCTAssertFalse(audit.stdout.contains("Pia"))
        XCTAssertEqual(try t.gate("dpo").firmCountry(), .sweden)
    }

    func testAProfileEditedOrRemovedOutsideRekryIsNotUsed() throws {
        let id = try t.addCandidate("Tove Tamper", basis: .contract, consent: .none)
        let profile = Self.policies.appendingPathComponent("accounting-se.policy").path
        XCTAssertEqual(try rekry(["policy", "set", profile], as: "dpo").status, 0)
        // Someone with write access to the file lengthens a period by hand.
        try t.execute("UPDATE registerInfo SET value = replace(value, 'process-closed   2y', 'process-closed   9y') WHERE key = 'policy.text'")
        let show = try rekry(["policy", "show"], as: "dpo")
        XCTAssertEqual(show.status, 1)
        XCTAssertTrue(show.stderr.contains("does not carry a valid signature"), show.stderr)
        XCTAssertThrowsError(try t.gate("recruiter").editCandidate(id, changes: [.currentTitle: "Tester"]), "no write derives under a forged profile")
        XCTAssertEqual(try rekry(["erase", "--retention-due", "--category", "contact-details", "--dry-run"], as: "dpo").status, 1)
        // Deleting it to fall back to the default is seen too: the signed audit log remembers it was set.
        try t.execute("DELETE FROM registerInfo WHERE key LIKE 'policy.%'")
        let removed = try rekry(["policy", "show"], as: "dpo")
        XCTAssertEqual(removed.status, 1)
        XCTAssertTrue(removed.stderr.contains("was removed since it was set"), removed.stderr)
        // The DPO sets it again and all is well.
        XCTAssertEqual(try rekry(["policy", "set", profile], as: "dpo").status, 0)
        XCTAssertEqual(try rekry(["policy", "show"], as: "dpo").status, 0)
    }

    func testAnOlderSignedProfilePutBackIsRefused() throws {
        let older = Self.policies.appendingPathComponent("default.policy").path
        let newer = Self.policies.appendingPathComponent("accounting-se.policy").path
        XCTAssertEqual(try rekry(["policy", "set", older], as: "dpo").status, 0)
        let keys = ["policy.name", "policy.text", "policy.setBy", "policy.setAt", "policy.signature", "policy.signerKey"]
        let saved: [(String, String)] = try keys.map { key in (key, try XCTUnwrap(t.scalar("SELECT value FROM registerInfo WHERE key = ?", [key]))) }
        t.clock.advance(by: 60)
        XCTAssertEqual(try rekry(["policy", "set", newer], as: "dpo").status, 0)
        // Someone with write access puts the older rows back: each verifies on its own, signed by the DPO.
        for (key, value) in saved { try t.execute("UPDATE registerInfo SET value = ? WHERE key = ?", [value, key]) }
        let show = try rekry(["policy", "show"], as: "dpo")
        XCTAssertEqual(show.status, 1, show.stdout)
        XCTAssertTrue(show.stderr.contains("does not carry a valid signature"), "the newest policy.set entry names other rows: \(show.stderr)")
    }

    func testAReKeyedDPOIsToldToSignTheProfileAgain() throws {
        XCTAssertEqual(try rekry(["policy", "set", Self.policies.appendingPathComponent("accounting-se.policy").path], as: "dpo").status, 0)
        try t.gate("admin").rekeyStaff(username: "dpo") { t.replaceIdentity($0) }
        try? FileManager.default.removeItem(atPath: t.directory + "/dpo.identity")
        let show = try rekry(["policy", "show"], as: "dpo")
        XCTAssertEqual(show.status, 1)
        XCTAssertTrue(show.stderr.contains("from before their re-key"), show.stderr)
        XCTAssertEqual(try rekry(["policy", "set", Self.policies.appendingPathComponent("accounting-se.policy").path], as: "dpo").status, 0)
        XCTAssertEqual(try rekry(["policy", "show"], as: "dpo").status, 0)
    }
}
