import Foundation
import RekryFullText
import RekryTestSupport
import XCTest

/// kill -9 at random points of an erasure: after the next open, each person is either whole (row and
/// full-text entries) or gone from every byte of every file, never half-erased; the files stay sound.
final class EraseKillTrialsTests: XCTestCase {
    func sqlite(_ file: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [file, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testTwoHundredKillsDuringErasuresLeaveNobodyHalfErased() throws {
        let t = try TestRegister()
        let trials = 200
        func marker(_ i: Int) -> String { "zqkill\(i)marker" }
        let ids = try (0..<trials).map { i in
            try t.addCandidate("Kill Trialq\(i)q", basis: .contract, consent: .none,
                               cv: "CV with the word \(marker(i)) and many ordinary words about Swift, SQL and privacy.")
        }
        try t.gate("dpo").checkpointJournals()
        let env = ["HOME": t.directory, "XDG_STATE_HOME": t.directory + "/state"]
        let args = { (user: String) in ["--db", t.path, "--identity", try t.identityFile(user)] }
        var rng = SystemRandomNumberGenerator()
        var killed = 0, erased = 0, whole = 0, residues = 0, residuesAfterKill = 0
        let started = Date()
        for (i, id) in ids.enumerated() where Date().timeIntervalSince(started) < 300 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: RekryBinary.path)
            p.arguments = ["erase", String(id), "--yes"] + (try args("lead"))
            p.environment = ["LANG": "C.UTF-8", "TZ": "UTC", "PATH": "/usr/bin:/bin"].merging(env) { $1 }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...80_000, using: &rng))
            var wasKilled = false
            if p.isRunning && ProcessInfo.processInfo.environment["REKRY_TRIALS_NO_KILL"] == nil {
                kill(p.processIdentifier, SIGKILL)
                killed += 1
                wasKilled = true
            }
            p.waitUntilExit()
            // The next open (anyone's) finishes what was begun.
            let open = try RekryBinary.run(["list", "--limit", "1"] + (try args("recruiter")), environment: env)
            XCTAssertEqual(open.status, 0, "trial \(i): \(open.stderr)")
            XCTAssertEqual(try sqlite(t.path, "SELECT count(*) FROM erasurePending"), "0", "trial \(i): an erasure left pending")
            let row = try sqlite(t.path, "SELECT count(*) FROM candidate WHERE id = \(id)")
            // The full-text file is read with its own SQLite (the system one predates its `secure-delete`).
            let indexed = String(try FullTextFile(path: t.path + ".text").matches("\"\(marker(i))\"", limit: 5).count)
            if row == "1" {
                whole += 1
                XCTAssertEqual(indexed, "1", "trial \(i): the person is here but their CV is no longer found")
            } else {
                erased += 1
                XCTAssertEqual(indexed, "0", "trial \(i): erased but still in the full-text index")
                // Nothing of them in any byte of any file: not the CV's marker, not the name, and not a stale
                // copy of a cell that SQLite moved when it rebuilt a page (the scrubbing VFS zeroes those).
                let traces = t.filesContain(marker(i)) + t.filesContain("Trialq\(i)q")
                XCTAssertEqual(traces, [], "trial \(i): erased but still in \(traces)")
                if !traces.isEmpty {
                    residues += 1
                    if wasKilled { residuesAfterKill += 1 }
                }
            }
            if i % 25 == 24 {
                XCTAssertEqual(try sqlite(t.path, "PRAGMA integrity_check"), "ok", "trial \(i): \(t.path)")
                XCTAssertEqual(try FullTextFile(path: t.path + ".text").integrityProblems(), [], "trial \(i): the full-text file")
            }
        }
        XCTAssertGreaterThanOrEqual(erased + whole, 100, "the trials ran")
        XCTAssertGreaterThan(killed, 10, "some erasures were killed part-way")
        XCTAssertGreaterThan(erased, 10, "some erasures finished")
        let verify = try RekryBinary.run(["audit", "verify"] + (try args("dpo")), environment: env)
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        print("erasure kill trials: \(erased + whole), killed part-way: \(killed), erased: \(erased), left whole: \(whole), "
              + "erased with a trace left: \(residues) (of which killed part-way: \(residuesAfterKill))")
    }
}
