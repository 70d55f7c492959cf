import Foundation
import RekryTestSupport
import XCTest

/// The command line as scripts use it: the real binary, its exit codes and messages.
final class CommandLineTests: XCTestCase {
    var dir: String!
    var db: String { dir + "/r.sqlite" }
    func key(_ user: String) -> String { dir + "/keys/\(user).identity" }

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "rekry-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = try RekryBinary.run(["demo", "--db", db, "--candidates", "300", "--seed", "3"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func rekry(_ args: [String], as user: String = "recruiter") throws -> RekryBinary.Result {
        try RekryBinary.run(args + ["--db", db, "--identity", key(user)])
    }

    func testListAndShowPrintBadgesThroughTheGate() throws {
        let list = try rekry(["list", "--limit", "20", "--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let listed = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(listed["schema"] as? String, "rekry.candidate-list/1")
        let rows = listed["rows"] as! [[String: Any]]
        XCTAssertEqual(rows.count, 20)
        for row in rows {
            let badge = row["badge"] as! [String: Any]
            XCTAssertNotNil(badge["primary"])
            let name = row["name"] as! [String: Any]
            XCTAssertTrue(name["value"] != nil || name["withheld"] != nil)
        }
        let id = rows[0]["id"] as! Int
        let show = try rekry(["show", String(id)])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("Basis:"), show.stdout)
        XCTAssertTrue(show.stdout.contains("["), "badges in text output")
        let search = try rekry(["list", "--search", "bjorn"])
        XCTAssertEqual(search.status, 0)
        XCTAssertTrue(search.stdout.lowercased().contains("bj"), search.stdout)
        // Full-text search of CVs from a fresh process: its reader attaches the text index file on demand.
        let fullText = try rekry(["list", "--full-text", "kubernetes", "--limit", "5", "--json"])
        XCTAssertEqual(fullText.status, 0, fullText.stderr)
        let hits = (try JSONSerialization.jsonObject(with: Data(fullText.stdout.utf8)) as! [String: Any])["rows"] as! [[String: Any]]
        XCTAssertFalse(hits.isEmpty, "demo CVs mention Kubernetes")
        XCTAssertTrue(hits.allSatisfy { ($0["badge"] as? [String: Any])?["primary"] != nil })
        XCTAssertEqual(try rekry(["list", "--full-text", "zzzqqqxxy"]).stdout, "")
        let shown = try rekry(["show", String(id), "--json"])
        let doc = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["schema"] as? String, "rekry.candidate/1")
        XCTAssertNotNil((doc["badge"] as? [String: Any])?["primary"])
    }

    func testReportReachesOnlyAGranteeAndRevokeTakesItAway() throws {
        // The demo seals a report for some finalists; find one the lead attached.
        var found: String?
        for id in 1...300 where found == nil {
            if try rekry(["show", String(id)], as: "lead").stdout.contains("demo report \(id)]") { found = String(id) }
        }
        guard let id = found else { return XCTFail("the demo attached no report") }
        let marker = "demo report \(id)]"
        XCTAssertFalse(try rekry(["show", id], as: "recruiter2").stdout.contains(marker))
        XCTAssertTrue(try rekry(["show", id], as: "recruiter2").stdout.contains("ask lead"), "who to ask")
        let dpo = try rekry(["show", id], as: "dpo")
        XCTAssertFalse(dpo.stdout.contains(marker))
        XCTAssertTrue(dpo.stdout.contains("Leg. psykolog Anna Wiklund"), "the DPO sees the author")
        XCTAssertEqual(try rekry(["grant", id, "--to", "recruiter2", "--reason", "final interview"], as: "lead").status, 0)
        XCTAssertTrue(try rekry(["show", id], as: "recruiter2").stdout.contains(marker))
        XCTAssertEqual(try rekry(["revoke", id, "--from", "recruiter2"], as: "lead").status, 0)
        XCTAssertFalse(try rekry(["show", id], as: "recruiter2").stdout.contains(marker))
        for suffix in ["", "-wal", "-shm"] {
            if let bytes = FileManager.default.contents(atPath: db + suffix) {
                XCTAssertNil(bytes.range(of: Data("Psychologist's summary".utf8)), "plaintext in \(db + suffix)")
            }
        }
        // Attaching needs explicit consent: a clear refusal, non-zero exit.
        let reportFile = dir + "/report.txt"
        try "Summary".write(toFile: reportFile, atomically: true, encoding: .utf8)
        let refused = try rekry(["report", "attach", "1", reportFile, "--author", "B"], as: "lead")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertFalse(refused.stderr.isEmpty)
    }

    func testAuditVerifyNamesATamperedEntry() throws {
        _ = try rekry(["show", "1"])
        _ = try rekry(["show", "2"])
        let ok = try rekry(["audit", "verify"], as: "dpo")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("intact"))
        let sql = "DROP TRIGGER audit_no_update; UPDATE auditEntry SET purpose = 'dsr' WHERE seq = 2;"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, sql]
        try p.run()
        p.waitUntilExit()
        let bad = try rekry(["audit", "verify"], as: "dpo")
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("entry 2 was changed"), bad.stderr)
        XCTAssertEqual(try rekry(["audit", "show"], as: "recruiter").status, 1, "recruiters cannot read the log")
    }

    func testBadInputGivesAClearMessageAndNonZeroExit() throws {
        let missing = try RekryBinary.run(["list", "--db", dir + "/nope.sqlite", "--identity", key("recruiter")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no register here"), missing.stderr)
        let badArg = try rekry(["list", "--limit", "0"])
        XCTAssertNotEqual(badArg.status, 0)
        XCTAssertTrue(badArg.stderr.contains("--limit"), badArg.stderr)
        let badSort = try rekry(["list", "--sort", "shoe-size"])
        XCTAssertTrue(badSort.stderr.contains("--sort"), badSort.stderr)
        let badId = try rekry(["show", "abc"])
        XCTAssertNotEqual(badId.status, 0)
        let noSuch = try rekry(["show", "999999"])
        XCTAssertNotEqual(noSuch.status, 0)
        XCTAssertTrue(noSuch.stderr.contains("candidate 999999: not found"), noSuch.stderr)
        let noIdentity = try RekryBinary.run(["list", "--db", db, "--identity", dir + "/none"])
        XCTAssertTrue(noIdentity.stderr.contains("no identity file"), noIdentity.stderr)
        // A negative id is a bad id, not a missing argument; a folder given as the identity gets no chmod advice.
        let negative = try rekry(["show", "-5"])
        XCTAssertEqual(negative.status, 64)
        XCTAssertTrue(negative.stderr.contains("'-5' is not an id"), negative.stderr)
        let folder = try RekryBinary.run(["list", "--db", db, "--identity", "/tmp"])
        XCTAssertEqual(folder.status, 77)
        XCTAssertTrue(folder.stderr.contains("a folder, not an identity file"), folder.stderr)
        XCTAssertFalse(folder.stderr.contains("chmod"), "never advise chmod on a folder: \(folder.stderr)")
        // The shell completions offer the values --sort and --badge take.
        let completions = try RekryBinary.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(completions.status, 0)
        for value in ["retention-due", "art14-notice-due", "activity"] { XCTAssertTrue(completions.stdout.contains(value), value) }
        // And --format's, for import and export.
        for value in ["'extract'$'\\n''resume'$'\\n''client'", "'csv'$'\\n''resume'"] {
            XCTAssertTrue(completions.stdout.contains(value), value)
        }
        chmod(db, 0o666)
        let exposed = try rekry(["list"])
        XCTAssertNotEqual(exposed.status, 0)
        XCTAssertTrue(exposed.stderr.contains("chmod o-rwx"), exposed.stderr)
        chmod(db, 0o600)
        let again = try RekryBinary.run(["demo", "--db", db])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("refusing to overwrite"), again.stderr)
        let noTUI = try rekry([])
        XCTAssertNotEqual(noTUI.status, 0, "the UI needs a terminal")
        XCTAssertTrue(noTUI.stderr.contains("must be a terminal"), noTUI.stderr)
    }

    func testStaffAddWritesAPrivateIdentityThatSignsIn() throws {
        let out = dir + "/new.identity"
        let r = try rekry(["staff", "add", "maja", "--role", "recruiter", "--name", "Maja Sjöberg", "--out", out], as: "admin")
        XCTAssertEqual(r.status, 0, r.stderr)
        var st = stat()
        stat(out, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        XCTAssertEqual(try RekryBinary.run(["list", "--limit", "1", "--db", db, "--identity", out]).status, 0)
        XCTAssertNotEqual(try rekry(["staff", "add", "x", "--role", "admin", "--name", "X", "--out", dir + "/x"], as: "lead").status, 0)
        XCTAssertNotEqual(try rekry(["staff", "add", "y", "--role", "wizard", "--name", "Y", "--out", dir + "/y"], as: "admin").status, 0)
    }
}

/// The man page in docs/man is ArgumentParser's (`generate-manual`) for the commands as they are: a command
/// added or renamed without the page made again fails here.
final class ManualPageTests: XCTestCase {
    func testTheManPageNamesEveryCommandAndItsOptions() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/man/rekry.1"), encoding: .utf8)
        XCTAssertTrue(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\""))
        let help = try RekryBinary.run(["--help"])
        XCTAssertEqual(help.status, 0)
        // Every subcommand the binary lists has its entry in the page.
        var commands: [String] = []
        var inSubcommands = false
        for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("SUBCOMMANDS:") { inSubcommands = true; continue }
            if inSubcommands, line.isEmpty { break }
            // A command's line is indented two spaces; its wrapped abstract continues further in.
            if inSubcommands, line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
                commands.append(String(name))
            }
        }
        XCTAssertGreaterThan(commands.count, 15, help.stdout)
        for command in commands { XCTAssertTrue(page.contains(".It Em \(command)"), "the man page lacks \(command)") }
        // And the options of one command, as its help has them.
        for option in ["full-text", "sort", "badge", "limit"] { XCTAssertTrue(page.contains("Fl -\(option)"), option) }
    }
}
