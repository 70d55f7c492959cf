import Foundation
import RekryTestSupport
import XCTest

/// Drives the real binary in tmux: start, search, open, walk every tab, resize, quit; the terminal must be
/// left with the alternate screen off. Polls the pane instead of sleeping.
final class TerminalEndToEndTests: XCTestCase {
    var dir: String!
    var socket: String!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            throw XCTSkip("tmux is not installed (.ci/run installs it)")
        }
        dir = NSTemporaryDirectory() + "rekry-e2e-" + UUID().uuidString
        socket = "rekry-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try RekryBinary.run(["demo", "--db", dir + "/r.sqlite", "--candidates", "2000"]).status, 0)
    }

    override func tearDownWithError() throws {
        if let socket, dir != nil { _ = try? tmux(["kill-server"], socket: socket) }
        if let dir { try? FileManager.default.removeItem(atPath: dir) }
    }

    @discardableResult
    func tmux(_ args: [String], socket: String) throws -> String {
        try Spawn.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + args).output
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "rekry"], socket: socket) }

    /// Polls the pane until `text` shows, up to 15 s.
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(15)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("'\(text)' never appeared; screen:\n\(last)", file: file, line: line)
    }

    func keys(_ k: String...) throws { try tmux(["send-keys", "-t", "rekry"] + k, socket: socket) }

    func testStartSearchOpenWalkTabsResizeQuit() throws {
        let command = "env -i LANG=C.UTF-8 TERM=tmux-256color TZ=UTC HOME=\(dir!) \(RekryBinary.path) --db \(dir!)/r.sqlite --identity \(dir!)/keys/lead.identity; echo EXITED-$?; sleep 30"
        try tmux(["new-session", "-d", "-s", "rekry", "-x", "100", "-y", "30", command], socket: socket)
        try tmux(["set", "-g", "escape-time", "0"], socket: socket)
        try waitFor("2,000 candidates")
        try waitFor("Helena Ek (lead, lead)")
        try keys("/")
        try keys("-l", "bjorn")
        try waitFor("search “bjorn”")
        XCTAssertTrue(try screen().lowercased().contains("bj"))
        try keys("Enter")
        try keys("Enter")
        try waitFor("1 Profile")
        for (tab, title) in [("2", "Processes"), ("3", "References"), ("4", "Assessments"), ("5", "Psych report"),
                             ("6", "Consent & basis"), ("7", "Activity")] {
            try keys(tab)
            try waitFor("· \(title)")
        }
        try waitFor("Audit entries for this person")
        try tmux(["resize-window", "-t", "rekry", "-x", "120", "-y", "40"], socket: socket)
        try waitFor("7 Activity")
        XCTAssertEqual(try tmux(["display", "-p", "-t", "rekry", "#{pane_width}"], socket: socket).trimmingCharacters(in: .whitespacesAndNewlines), "120")
        try keys("Escape")
        try waitFor("matches")
        try keys("q")
        try waitFor("EXITED-0")
        XCTAssertEqual(try tmux(["display", "-p", "-t", "rekry", "#{alternate_on}"], socket: socket).trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    func command(_ extraEnv: String = "") -> String {
        "env -i LANG=C.UTF-8 TERM=tmux-256color TZ=UTC HOME=\(dir!) SWIFT_BACKTRACE=enable=no \(extraEnv) \(RekryBinary.path) --db \(dir!)/r.sqlite --identity \(dir!)/keys/recruiter.identity; echo EXITED-$?; sleep 30"
    }

    func testCtrlCLeavesTheTerminalClean() throws {
        try tmux(["new-session", "-d", "-s", "rekry", "-x", "90", "-y", "25", command()], socket: socket)
        try waitFor("candidates")
        try keys("C-c")
        try waitFor("EXITED-")
        XCTAssertEqual(try tmux(["display", "-p", "-t", "rekry", "#{alternate_on}"], socket: socket).trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    func testACrashLeavesTheTerminalClean() throws {
        try tmux(["new-session", "-d", "-s", "rekry", "-x", "90", "-y", "25", command("REKRY_CRASH_AFTER_FIRST_SCREEN=1")], socket: socket)
        try waitFor("EXITED-")
        XCTAssertFalse(try screen().contains("EXITED-0"), "a crash exits non-zero")
        XCTAssertEqual(try tmux(["display", "-p", "-t", "rekry", "#{alternate_on}"], socket: socket).trimmingCharacters(in: .whitespacesAndNewlines), "0")
        // The crash message went to the log file, not into the lost alternate screen.
        let log = (try? String(contentsOfFile: dir + "/.local/state/rekry/rekry.log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("crash requested"), log)
    }

    /// The register opens while the terminal is set up; a sign-in refused then must still end the screen
    /// and print the reason on the terminal.
    func testASignInRefusedAfterTheScreenOpensLeavesItClean() throws {
        XCTAssertEqual(try RekryBinary.run(["demo", "--db", dir + "/other/r.sqlite", "--candidates", "1"]).status, 0)
        let command = "env -i LANG=C.UTF-8 TERM=tmux-256color HOME=\(dir!) \(RekryBinary.path) --db \(dir!)/r.sqlite --identity \(dir!)/other/keys/recruiter.identity; echo EXITED-$?; sleep 30"
        try tmux(["new-session", "-d", "-s", "rekry", "-x", "100", "-y", "30", command], socket: socket)
        try waitFor("EXITED-77")  // EX_NOPERM: the key does not match
        let text = try screen()
        XCTAssertTrue(text.contains("the private key does not match"), text)
        XCTAssertEqual(try tmux(["display", "-p", "-t", "rekry", "#{alternate_on}"], socket: socket).trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    /// Adds a candidate from the command line as the lead; returns their id.
    func addCandidate(_ arguments: [String]) throws -> String {
        let r = try RekryBinary.run(["add", "--db", dir + "/r.sqlite", "--identity", dir + "/keys/lead.identity"] + arguments,
                                    environment: ["HOME": dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(r.stdout.split(whereSeparator: { !$0.isNumber }).first.map(String.init), r.stdout)
    }

    /// The locales a recruiter arrives with: one named but not installed (an SSH session from a Swedish
    /// laptop), macOS's bare `LC_CTYPE=UTF-8`, `LANG=C` and `C.UTF-8`. No letter is lost (under `LANG=C`
    /// each is spelled as its base letter) and the list's columns stay aligned. The Swedish locale also
    /// chooses the Swedish UI (#14).
    func testEveryLocaleKeepsEveryLetterAndTheColumns() throws {
        let id = try addCandidate(["--name", "Åsa Zqöberg-Ærø", "--source", "applied", "--basis", "contract"])
        let english = (count: "candidates", header: "Badge, basis", contract: "contract")
        let swedish = (count: "kandidater", header: "Märkning, grund", contract: "avtal")
        for (n, (locale, name, words)) in [("LANG=sv_SE.UTF-8", "Åsa Zqöberg-Ærø", swedish), ("LC_CTYPE=UTF-8", "Åsa Zqöberg-Ærø", english),
                                            ("LANG=C", "Asa Zqoberg-Aro", english), ("LANG=C.UTF-8", "Åsa Zqöberg-Ærø", english)].enumerated() {
            let session = "locale\(n)"
            let command = "env -i \(locale) TERM=tmux-256color TZ=UTC HOME=\(dir!) \(RekryBinary.path) --db \(dir!)/r.sqlite --identity \(dir!)/keys/lead.identity; echo EXITED-$?; sleep 30"
            try tmux(["new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], socket: socket)
            func pane() throws -> String { try tmux(["capture-pane", "-p", "-t", session], socket: socket) }
            func wait(_ text: String) throws {
                let deadline = Date().addingTimeInterval(15)
                while Date() < deadline { if try pane().contains(text) { return }; Thread.sleep(forTimeInterval: 0.05) }
                let last = try pane()
                XCTFail("\(locale): '\(text)' never appeared:\n\(last)")
            }
            try wait(words.count)
            try tmux(["send-keys", "-t", session, "/"], socket: socket)
            try tmux(["send-keys", "-t", session, "-l", "zqoberg"], socket: socket)
            try wait(name)
            let lines = try pane().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = try XCTUnwrap(lines.first { $0.contains(words.header) }, "\(locale)")
            let row = try XCTUnwrap(lines.first { $0.contains(name) }, "\(locale)")
            let basisColumn = header.distance(from: header.startIndex, to: header.range(of: words.header)!.lowerBound)
            let contract = try XCTUnwrap(row.range(of: words.contract), "\(locale): \(row)")
            // The badge's glyph and word start in the header's column: nothing before them was dropped.
            XCTAssertEqual(row.distance(from: row.startIndex, to: contract.lowerBound) - 2, basisColumn, "\(locale):\n\(header)\n\(row)")
            XCTAssertTrue(row.hasPrefix(String(id)), row)
            try tmux(["send-keys", "-t", session, "Escape", "q"], socket: socket)
            try wait("EXITED-0")
        }
    }

    /// Two processes: the screen shows a candidate; another process withdraws their consent; the screen shows
    /// what was held on it withheld, with no key pressed.
    func testAnotherProcessesChangeShowsWithoutAKey() throws {
        let id = try addCandidate(["--name", "Vera Consenting", "--source", "applied", "--basis", "consent",
                                   "--consent-purpose", "talent-pool", "--consent-channel", "web form", "--consent-text", "I agree.",
                                   "--title", "Zqvisibletitle"])
        let command = "env -i LANG=C.UTF-8 TERM=tmux-256color TZ=UTC HOME=\(dir!) \(RekryBinary.path) --db \(dir!)/r.sqlite --identity \(dir!)/keys/recruiter.identity; echo EXITED-$?; sleep 30"
        try tmux(["new-session", "-d", "-s", "rekry", "-x", "120", "-y", "30", command], socket: socket)
        try waitFor("candidates")
        try keys(":")
        try keys("-l", id)
        try keys("Enter")
        try waitFor("Zqvisibletitle")
        let withdraw = try RekryBinary.run(["consent", "withdraw", id, "--purpose", "talent-pool",
                                            "--db", dir + "/r.sqlite", "--identity", dir + "/keys/dpo.identity"], environment: ["HOME": dir])
        XCTAssertEqual(withdraw.status, 0, withdraw.stderr)
        try waitFor("withheld")
        let after = try screen()
        XCTAssertFalse(after.contains("Zqvisibletitle"), after)
        try keys("q", "q")
        try waitFor("EXITED-0")
    }

    func testUnknownTermIsRefusedClearly() throws {
        let r = try RekryBinary.run(["--db", dir + "/r.sqlite", "--identity", dir + "/keys/lead.identity"], environment: ["TERM": "no-such-terminal"])
        XCTAssertNotEqual(r.status, 0)
        // Without a terminal on stdin the refusal comes first; inside tmux the TERM check runs.
        let command = "env -i LANG=C.UTF-8 TERM=no-such-terminal HOME=\(dir!) \(RekryBinary.path) --db \(dir!)/r.sqlite --identity \(dir!)/keys/lead.identity; echo EXITED-$?; sleep 30"
        try tmux(["new-session", "-d", "-s", "rekry", "-x", "100", "-y", "30", command], socket: socket)
        try waitFor("EXITED-1")
        let text = try screen()
        XCTAssertTrue(text.contains("unknown terminal type 'no-such-terminal'"), text)
    }
}
