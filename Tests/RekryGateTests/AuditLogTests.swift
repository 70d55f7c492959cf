import Foundation
import RekryDomain
import GRDB
@testable import RekryGate
import RekryStorage
@_spi(Testing) import RekrySQLite
import RekryTestSupport
import XCTest

final class AuditLogTests: XCTestCase {
    /// A register with ten audit entries, and the triggers an attacker would drop first already dropped.
    func makeLog() throws -> TestRegister {
        let t = try TestRegister()
        let id = try t.addCandidate("Åsa Öberg", email: "asa@example.se")
        let gate = try t.gate("recruiter")
        for _ in 0..<10 {
            _ = try gate.candidate(id)
            t.clock.advance(by: 60)
        }
        try t.execute("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete")
        return t
    }

    func verify(_ t: TestRegister) throws -> AuditVerification { try t.gate("dpo").verifyAudit() }

    func testIntactChainVerifies() throws {
        let t = try makeLog()
        guard case .intact(let count, let head) = try verify(t) else { return XCTFail("expected intact") }
        XCTAssertEqual(count, 1 + 5 + 10, "the register's creation, its five other staff, and ten opens")
        XCTAssertEqual(head.count, 64)
    }

    func testChangedEntryIsNamed() throws {
        let t = try makeLog()
        try t.execute("UPDATE auditEntry SET action = 'report.read' WHERE seq = 4")
        XCTAssertEqual(try verify(t), .broken(seq: 4, problem: "entry 4 was changed (its content does not match its hash)"))
    }

    func testRemovedEntryIsNamed() throws {
        let t = try makeLog()
        try t.execute("DELETE FROM auditEntry WHERE seq = 6")
        guard case .broken(let seq, let problem) = try verify(t) else { return XCTFail() }
        XCTAssertEqual(seq, 6)
        XCTAssertTrue(problem.contains("removed"), problem)
    }

    func testSwappedEntriesAreNamed() throws {
        let t = try makeLog()
        // Swap the contents of entries 3 and 7, keeping their sequence numbers.
        try t.execute("""
            CREATE TEMP TABLE a AS SELECT * FROM auditEntry WHERE seq IN (3, 7);
            UPDATE auditEntry SET atMillis = (SELECT atMillis FROM a WHERE seq = 10 - auditEntry.seq),
              prevHash = (SELECT prevHash FROM a WHERE seq = 10 - auditEntry.seq),
              hash = (SELECT hash FROM a WHERE seq = 10 - auditEntry.seq) WHERE seq IN (3, 7);
            """)
        guard case .broken(let seq, _) = try verify(t) else { return XCTFail() }
        XCTAssertEqual(seq, 3)
    }

    func testRecomputedChainIsCaughtByTheHeadFile() throws {
        let t = try makeLog()
        // Truncating the tail leaves a valid chain; only the head file knows it was longer.
        try t.execute("DELETE FROM auditEntry WHERE seq > 8")
        guard case .broken(let seq, let problem) = try verify(t) else { return XCTFail() }
        XCTAssertEqual(seq, 9)
        XCTAssertTrue(problem.contains("head file"), problem)
    }

    func testEntriesHoldNoPersonalData() throws {
        let t = try makeLog()
        let rows: [String] = try t.sqlite.writer.read { db in
            try String.fetchAll(db, sql: "SELECT actor || action || ifnull(subject, '') || purpose || detail FROM auditEntry")
        }
        for r in rows {
            // "recruiter" is a username here, and also a role, which an entry about a staff member names.
            let withoutRoles = r.replacingOccurrences(of: "role=recruiter", with: "")
            XCTAssertFalse(withoutRoles.contains("Öberg") || withoutRoles.contains("asa@") || withoutRoles.contains("recruiter"), r)
        }
        // The subject pseudonym resolves to nobody once the candidate row is gone.
        let subject: String = try t.scalar("SELECT subject FROM auditEntry WHERE subject IS NOT NULL LIMIT 1")!
        try t.execute("DELETE FROM document")
        try t.execute("DELETE FROM candidate")
        XCTAssertNil(try t.scalar("SELECT id FROM candidate WHERE pseudonym = ?", [subject]) as Int64?)
        if case .broken = try verify(t) { XCTFail("erasing a person must not break the chain") }
    }

    func testRecruitersCannotReadTheLog() throws {
        let t = try makeLog()
        XCTAssertThrowsError(try t.gate("recruiter").auditEntries())
        XCTAssertEqual(try t.gate("lead").auditEntries().count, 16)
    }
}

/// The audit head is written after the transaction commits, never before: a write that fails after its
/// audit entry was appended leaves neither the entry nor a head naming it.
final class AuditHeadOrderTests: XCTestCase {
    func testARolledBackWriteLeavesTheHeadAsItWas() throws {
        let t = try TestRegister()
        let headFile = t.path + ".audit-head"
        let before = try String(contentsOfFile: headFile, encoding: .utf8)
        struct DiskFull: Error {}
        // `staff add` appends its audit entry, then hands over the identity; failing there rolls it all back.
        XCTAssertThrowsError(try t.gate("admin").addStaff(username: "new.one", role: .recruiter, displayName: "N") { _ in throw DiskFull() })
        XCTAssertEqual(try String(contentsOfFile: headFile, encoding: .utf8), before)
        guard case .intact = try t.gate("dpo").verifyAudit() else { return XCTFail("a rolled-back write reads as tampering") }
        try t.gate("admin").addStaff(username: "new.two", role: .recruiter, displayName: "N") { _ in }
        XCTAssertNotEqual(try String(contentsOfFile: headFile, encoding: .utf8), before, "a committed write moves the head")
        guard case .intact = try t.gate("dpo").verifyAudit() else { return XCTFail() }
    }
}
