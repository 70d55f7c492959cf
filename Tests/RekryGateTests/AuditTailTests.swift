import Foundation
import RekryDomain
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// The audit log's tail cannot be cut unseen: by verify, by the next writer, or by a user who saw more.
final class AuditTailTests: XCTestCase {
    var t: TestRegister!
    var id: Int64 = 0
    var headFile: String { t.path + ".audit-head" }

    override func setUpWithError() throws {
        t = try TestRegister()
        id = try t.addCandidate("Åsa Öberg", basis: .contract, consent: .none)
        for _ in 0..<6 { _ = try t.gate("recruiter").candidate(id) }
        try t.execute("DROP TRIGGER audit_no_delete")
    }

    func cut(after seq: Int64) throws { try t.execute("DELETE FROM auditEntry WHERE seq > ?", [seq]) }

    func assertBroken(_ gate: Gate, _ words: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .broken(_, let problem) = try gate.verifyAudit() else { return XCTFail("verify says intact", file: file, line: line) }
        XCTAssertTrue(problem.contains(words), problem, file: file, line: line)
    }

    func testCuttingTheTailThenAppendingIsRefusedAndNamed() throws {
        try cut(after: 4)
        XCTAssertThrowsError(try t.gate("lead").candidate(id)) { e in
            XCTAssertTrue("\(e)".contains("removed from the end"), "\(e)")
        }
        XCTAssertEqual(try t.scalar("SELECT max(seq) FROM auditEntry") as Int64?, 4, "nothing was appended")
        try assertBroken(t.gate("dpo"), "removed from the end")
    }

    func testCuttingTheTailAndDeletingTheHeadIsCaught() throws {
        try cut(after: 4)
        try FileManager.default.removeItem(atPath: headFile)
        try assertBroken(t.gate("dpo"), "head file is missing")
        XCTAssertThrowsError(try t.gate("lead").candidate(id)) { e in XCTAssertTrue("\(e)".contains("cannot be trusted"), "\(e)") }
    }

    func testAnOlderHeadPutBackToMatchTheCutIsCaughtByTheHeadsStaffSaw() throws {
        // Keep the head as it was after entry 9, go on to 12, then cut back to 9 and put the old head back.
        try cut(after: 12)
        let head4: String = try t.scalar("SELECT '9 ' || hash FROM auditEntry WHERE seq = 9")!
        _ = try t.gate("lead").candidate(id)  // the lead's Rekry sees the log at 13 (12 + this open)
        try cut(after: 9)
        try (head4 + "\n").write(toFile: headFile, atomically: true, encoding: .utf8)
        // The log and its head file agree now; only what staff saw says otherwise.
        XCTAssertThrowsError(try t.gate("recruiter")) { e in XCTAssertTrue("\(e)".contains("which you saw"), "\(e)") }
        let lead = try t.gate("lead")
        try assertBroken(lead, "which you saw")
        XCTAssertThrowsError(try lead.candidate(id), "nobody works on a cut log")
    }

    func testAHeadBehindALongerConsistentLogIsRepairedNotAnAlarm() throws {
        // A crash between a commit and its head write leaves the head one entry behind.
        let behind: String = try t.scalar("SELECT (max(seq) - 1) || ' ' || (SELECT hash FROM auditEntry WHERE seq = (SELECT max(seq) - 1 FROM auditEntry)) FROM auditEntry")!
        try (behind + "\n").write(toFile: headFile, atomically: true, encoding: .utf8)
        guard case .intact = try t.gate("dpo").verifyAudit() else { return XCTFail("a lagging head is not tampering") }
        _ = try t.gate("recruiter").candidate(id)
        let last: Int64 = try t.scalar("SELECT max(seq) FROM auditEntry")!
        XCTAssertTrue(try String(contentsOfFile: headFile, encoding: .utf8).hasPrefix("\(last) "), "the next write repaired the head")
    }

    func testAnUnreadableHeadFailsVerify() throws {
        try "garbage\n".write(toFile: headFile, atomically: true, encoding: .utf8)
        try assertBroken(t.gate("dpo"), "cannot be read")
        XCTAssertThrowsError(try t.gate("recruiter").candidate(id))
    }
}
