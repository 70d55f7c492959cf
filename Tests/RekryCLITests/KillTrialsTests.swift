import Foundation
import RekryFullText
import RekryTestSupport
import XCTest

/// kill -9 during audited writes: the register stays sound, and the audit log never raises a false alarm
/// (a head written after the commit can lag the log by the entry a kill interrupted, which the next write
/// repairs; it is never ahead of it).
final class KillTrialsTests: XCTestCase {
    func testTwoHundredKillsDuringWritesLeaveNoFalseAlarmAndNoDamage() throws {
        let dir = NSTemporaryDirectory() + "rekry-kill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/r.sqlite"
        XCTAssertEqual(try RekryBinary.run(["demo", "--db", db, "--candidates", "200", "--seed", "9"]).status, 0)
        let key = { (user: String) in dir + "/keys/\(user).identity" }
        let listed = try RekryBinary.run(["list", "--limit", "1", "--json", "--db", db, "--identity", key("recruiter")])
        let rows = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [String: Any])["rows"] as! [[String: Any]]
        let id = String(rows[0]["id"] as! Int)

        var rng = SystemRandomNumberGenerator()
        let started = Date()
        var trials = 0, killed = 0
        while trials < 200 && Date().timeIntervalSince(started) < 240 {
            trials += 1
            let p = Process()
            p.executableURL = URL(fileURLWithPath: RekryBinary.path)
            p.arguments = ["note", "add", id, "--text", "Trial \(trials): a note written while the process may be killed.",
                           "--db", db, "--identity", key("recruiter")]
            p.environment = ["LANG": "C.UTF-8", "TZ": "UTC", "HOME": dir, "PATH": "/usr/bin:/bin"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...60_000, using: &rng))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                killed += 1
            }
            p.waitUntilExit()
            let verify = try RekryBinary.run(["audit", "verify", "--db", db, "--identity", key("dpo")], environment: ["HOME": dir])
            XCTAssertEqual(verify.status, 0, "trial \(trials): \(verify.stderr)")
            if verify.status != 0 { break }
            if trials % 25 == 0 {
                let check = Process()
                check.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
                check.arguments = [db, "PRAGMA integrity_check"]
                let out = Pipe()
                check.standardOutput = out
                try check.run()
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                check.waitUntilExit()
                XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), "ok", "trial \(trials): \(db)")
                // The full-text file with its own SQLite: SQLite's check and FTS5's.
                XCTAssertEqual(try FullTextFile(path: db + ".text").integrityProblems(), [], "trial \(trials): the full-text file")
            }
        }
        XCTAssertGreaterThanOrEqual(trials, 100, "the trials ran")
        XCTAssertGreaterThan(killed, 10, "some writes were killed part-way")
        // The next write after all that is accepted: a lagging head is repaired, never mistaken for a cut.
        XCTAssertEqual(try RekryBinary.run(["note", "add", id, "--text", "After the trials.", "--db", db, "--identity", key("recruiter")],
                                           environment: ["HOME": dir]).status, 0)
        print("kill trials: \(trials), killed part-way: \(killed)")
    }
}
