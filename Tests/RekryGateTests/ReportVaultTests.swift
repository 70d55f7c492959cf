import Foundation
import RekryDomain
import GRDB
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

final class ReportVaultTests: XCTestCase {
    let marker = "UNIQUE-MARKER-7f3a9c-psychological-summary"

    func setUpReport() throws -> (TestRegister, Int64, Int64) {
        let t = try TestRegister()
        let id = try t.addCandidate("Finalist Person", basis: .contract, consent: .none)
        let process = try t.addToProcess(id, stage: .final)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "Report: \(marker). Calm under pressure.", author: "Leg. psykolog Anna Wiklund")
        return (t, id, process)
    }

    func assertMarkerNotInFiles(_ t: TestRegister, file: StaticString = #filePath, line: UInt = #line) throws {
        try t.register.backend.checkpoint()
        let needle = Data(marker.utf8)
        for (path, bytes) in t.fileBytes() {
            XCTAssertNil(bytes.range(of: needle), "plaintext found in \(path)", file: file, line: line)
        }
    }

    func testTextIsNeverStoredInPlainText() throws {
        let (t, id, _) = try setUpReport()
        // Read it (and write audit entries) while files are open, then look at every byte.
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: id)?.value?.text.contains(marker), true)
        try assertMarkerNotInFiles(t)
        let needle = Data(marker.utf8)
        for (path, bytes) in t.fileBytes() { XCTAssertNil(bytes.range(of: needle), path) }
    }

    func testOnlyGranteesReadAndRevokingTakesItAway() throws {
        let (t, id, _) = try setUpReport()
        let lead = try t.gate("lead")
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.reason, .notGranted)
        XCTAssertEqual(try t.gate("dpo").readReport(candidateId: id)?.reason, .roleNotPermitted)
        // The DPO sees that a report exists, its author and dates, not its text.
        let meta = try t.gate("dpo").candidate(id).report?.value
        XCTAssertEqual(meta?.author, "Leg. psykolog Anna Wiklund")
        XCTAssertEqual(meta?.grantors, ["lead"])

        try lead.grantReport(candidateId: id, to: "recruiter", reason: "runs the final interview")
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.value?.text.contains(marker), true)
        XCTAssertEqual(try t.gate("recruiter2").readReport(candidateId: id)?.reason, .notGranted)

        // A copy of the file taken now, and the recruiter's key, open the report...
        let before: Data = try t.scalar("SELECT ciphertext FROM psychReport WHERE candidateId = ?", [id])!
        try lead.revokeReport(candidateId: id, from: "recruiter")
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.reason, .notGranted)
        // ...but after revocation the report is re-keyed and the recruiter holds no wrapped key at all.
        let after: Data = try t.scalar("SELECT ciphertext FROM psychReport WHERE candidateId = ?", [id])!
        XCTAssertNotEqual(before, after)
        let recruiterId: Int64 = try t.scalar("SELECT id FROM staff WHERE username = 'recruiter'")!
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportKey WHERE staffId = ?", [recruiterId]) as Int?, 0)
        XCTAssertEqual(try lead.readReport(candidateId: id)?.value?.text.contains(marker), true)
        try assertMarkerNotInFiles(t)
    }

    func testGrantRulesAndTheirErrors() throws {
        let (t, id, process) = try setUpReport()
        XCTAssertThrowsError(try t.gate("recruiter").grantReport(candidateId: id, to: "recruiter2", reason: "x")) { e in
            XCTAssertEqual(e as? RegisterError, .notPermitted(action: "grant", role: "recruiter"))
        }
        XCTAssertThrowsError(try t.gate("lead2").grantReport(candidateId: id, to: "recruiter", reason: "x"), "lead without access cannot pass it on")
        XCTAssertThrowsError(try t.gate("lead").grantReport(candidateId: id, to: "dpo", reason: "x"), "the DPO never reads report text")
        XCTAssertThrowsError(try t.gate("lead").grantReport(candidateId: id, to: "recruiter", reason: "  "), "a reason is required")
        XCTAssertThrowsError(try t.gate("lead").revokeReport(candidateId: id, from: "lead"), "the last key holder stays")
        // Grants end by themselves when the process closes; a report of someone not hired is past retention.
        try t.gate("lead").grantReport(candidateId: id, to: "recruiter", reason: "panel")
        try t.closeProcess(process)
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.reason, .retentionExpired)
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: id)?.reason, .retentionExpired)
    }

    func testHiredCandidatesReportOutlivesTheProcessForNewGrantsOnly() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Hired Person", basis: .contract, consent: .none)
        let process = try t.addToProcess(id, stage: .offer)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "Report", author: "Psychologist")
        try t.execute("UPDATE participation SET stage = 'hired' WHERE candidateId = ?", [id])
        t.clock.advance(by: 86_400)
        try t.closeProcess(process)
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: id)?.reason, .grantEnded)
        // Moving the old grant's date past the close by hand makes it no grant at all: its signature covers
        // the date. (A grant given after the close through the write model: ProcessWriteTests.)
        t.clock.advance(by: 60)
        try t.execute("UPDATE reportGrant SET grantedAt = ? WHERE reportId = (SELECT id FROM psychReport WHERE candidateId = ?)", [t.clock.now().timeIntervalSince1970, id])
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: id)?.reason, .notGranted)
    }

    func testAttachNeedsExplicitConsentAnOpenProcessAndALead() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("No Consent", basis: .contract, consent: .none)
        try t.addToProcess(id)
        XCTAssertThrowsError(try t.gate("lead").attachReport(candidateId: id, text: "x", author: "y")) { e in
            XCTAssertTrue("\(e)".contains("explicit consent"), "\(e)")
        }
        try t.addPsychConsent(id)
        XCTAssertThrowsError(try t.gate("recruiter").attachReport(candidateId: id, text: "x", author: "y"))
        XCTAssertNoThrow(try t.gate("lead").attachReport(candidateId: id, text: "x", author: "y"))
        XCTAssertThrowsError(try t.gate("lead").attachReport(candidateId: id, text: "x", author: "y"), "one report per process")
    }
}
