import Foundation
import RekryDomain
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// What a red team found in the write paths: answers that told more than the reads allow, or let work happen
/// on a record kept but not used. Each is fixed; these keep it so.
final class WriteRefusalTests: XCTestCase {
    var t: TestRegister!
    override func setUpWithError() throws { t = try TestRegister() }

    /// A lead working a restricted record can neither attach, grant nor revoke, and the refusal is the same
    /// whether a report exists, and whoever holds it.
    func testReportWorkOnARestrictedRecordIsRefusedAlikeWhateverExists() throws {
        let lead = try t.gate("lead")
        let withReport = try t.addCandidate("Med Rapport", basis: .contract, consent: .none)
        let without = try t.addCandidate("Utan Rapport", basis: .contract, consent: .none)
        for id in [withReport, without] {
            try t.addToProcess(id)
            try t.addPsychConsent(id)
        }
        try lead.attachReport(candidateId: withReport, text: "SECRET", author: "Psykolog")
        try lead.grantReport(candidateId: withReport, to: "recruiter", reason: "final interview")
        for id in [withReport, without] { try t.gate("dpo").setRestriction(candidateId: id, restricted: true, reason: "contested") }
        func answer(_ id: Int64, _ work: (Int64) throws -> Void) -> String {
            do { try work(id); return "done" } catch { return "\(error)".replacingOccurrences(of: "candidate \(id)", with: "candidate N") }
        }
        let works: [(Int64) throws -> Void] = [{ id in _ = try lead.attachReport(candidateId: id, text: "MORE", author: "P") },
                     { id in try lead.grantReport(candidateId: id, to: "recruiter2", reason: "x") },
                     { id in try lead.revokeReport(candidateId: id, from: "recruiter") },
                     { id in try lead.revokeReport(candidateId: id, from: "recruiter2") }]
        for work in works {
            let a = answer(withReport, work), b = answer(without, work)
            XCTAssertEqual(a, b)
            XCTAssertTrue(a.contains("restricted"), a)
        }
        // Nobody reading the record learns whether there is a report: the same placeholder for both.
        for user in ["recruiter", "lead", "admin"] {
            let g = try t.gate(user)
            XCTAssertEqual(try g.candidate(withReport).report?.reason, try g.candidate(without).report?.reason, user)
            XCTAssertNotNil(try g.candidate(without).report?.reason, user)
        }
    }

    func testTheAdminSeesNoReportAndNoOnesAuditTrail() throws {
        let id = try t.addCandidate("Någon Annan", basis: .contract, consent: .none)
        let none = try t.addCandidate("Ingen Rapport", basis: .contract, consent: .none)
        try t.addToProcess(id)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "SECRET", author: "Psykolog")
        let admin = try t.gate("admin")
        XCTAssertEqual(try admin.candidate(id).report?.reason, .roleNotPermitted)
        XCTAssertEqual(try admin.candidate(none).report?.reason, .roleNotPermitted, "no report looks the same")
        XCTAssertThrowsError(try admin.auditEntries(subjectCandidate: id))
        XCTAssertFalse(try t.gate("lead").auditEntries(subjectCandidate: id).isEmpty, "leads read one person's trail")
    }

    func testAHireIsRecordedByClosingNotByMovingAStage() throws {
        let id = try t.addCandidate("Anställd Snart", basis: .contract, consent: .none)
        let pid = try t.gate("lead").openProcess(title: "Controller")
        try t.gate("recruiter").addToProcess(candidateId: id, processId: pid)
        XCTAssertThrowsError(try t.gate("recruiter").moveStage(candidateId: id, processId: pid, to: .hired)) { e in
            XCTAssertTrue("\(e)".contains("process close"), "\(e)")
        }
        XCTAssertNoThrow(try t.gate("recruiter").moveStage(candidateId: id, processId: pid, to: .withdrew))
    }

    func testARemovedAccountsUsernameIsNotTakenAgain() throws {
        try t.gate("admin").removeStaff(username: "recruiter2")
        XCTAssertThrowsError(try t.gate("admin").addStaff(username: "recruiter2", role: .lead, displayName: "R2") { _ in }) { e in
            XCTAssertTrue("\(e)".contains("removed account"), "\(e)")
        }
    }
}
