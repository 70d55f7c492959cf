import Foundation
import GRDB
import RekryDomain
@testable import RekryGate
@_spi(Testing) import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

/// No old secrets in the journals: right after a revoke, no file of the register holds the old ciphertext
/// or the revoked member's wrapped key, even while another connection was reading.
final class JournalTests: XCTestCase {
    func secrets(_ t: TestRegister, staff: String) throws -> [Data] {
        let staffId: Int64 = try t.scalar("SELECT id FROM staff WHERE username = ?", [staff])!
        return try t.sqlite.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT ciphertext FROM psychReport")
                + Data.fetchAll(db, sql: "SELECT sealedKey FROM reportKey WHERE staffId = ? UNION ALL SELECT ephemeralPublicKey FROM reportKey WHERE staffId = ?",
                                arguments: [staffId, staffId])
        }
    }

    func granted(_ t: TestRegister) throws -> Int64 {
        let id = try t.addCandidate("Rapport Person", basis: .contract, consent: .none)
        try t.addToProcess(id)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "JOURNAL-SECRET", author: "Psykolog")
        try t.gate("lead").grantReport(candidateId: id, to: "recruiter2", reason: "final interview")
        return id
    }

    func assertGone(_ t: TestRegister, _ old: [Data], file: StaticString = #filePath, line: UInt = #line) {
        for (path, bytes) in t.fileBytes() {
            for secret in old { XCTAssertNil(bytes.range(of: secret), "an old secret is still in \(path)", file: file, line: line) }
        }
    }

    func testAfterARevokeNoFileHoldsTheOldCiphertextOrTheRevokedKey() throws {
        let t = try TestRegister()
        let id = try granted(t)
        let old = try secrets(t, staff: "recruiter2")
        XCTAssertEqual(old.count, 3)
        try t.gate("lead").revokeReport(candidateId: id, from: "recruiter2")
        assertGone(t, old)
        XCTAssertEqual(try t.gate("recruiter2").readReport(candidateId: id)?.reason, .notGranted)
    }

    func testARevokeWaitsForAReaderToLetGoOfItsSnapshot() throws {
        let t = try TestRegister()
        let id = try granted(t)
        let old = try secrets(t, staff: "recruiter2")
        // Another process's reader holds a snapshot from before the revoke for a moment.
        var config = Configuration()
        config.readonly = true
        let reader = try DatabaseQueue(path: t.path, configuration: config)
        let holding = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM psychReport")
                holding.signal()
                usleep(600_000)
            }
            done.signal()
        }
        holding.wait()
        try t.gate("lead").revokeReport(candidateId: id, from: "recruiter2")
        done.wait()
        assertGone(t, old)
    }
}
