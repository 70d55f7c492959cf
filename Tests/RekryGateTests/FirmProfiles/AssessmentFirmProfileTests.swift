import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// Assessment firm (SE), `assessment-se.policy`. Its promises:
/// - applicants are kept 12 months after the role is filled;
/// - assessment candidates are kept 12 months after the assignment is done;
/// - test results sit behind limited access (the gate's assessments category);
/// - a breach is reported within 72 hours of discovery (the breach log).
final class AssessmentFirmProfileTests: XCTestCase {
    func testApplicantsAreKeptTwelveMonthsAfterTheRoleIsFilled() throws {
        let firm = try FirmRegister(profile: "assessment-se.policy")
        let applicant = try firm.add("Alma Applikant")
        let role = try firm.process("Payroll specialist", kind: .recruitment, people: [applicant])
        firm.advance(days: 40)
        _ = try firm.close(role)
        firm.advance(days: 364)
        XCTAssertNil(try firm.wholeDue()[applicant])
        firm.advance(days: 2)
        XCTAssertEqual(try firm.wholeDue()[applicant], "applicant role-filled 12m")
    }

    func testAssessmentCandidatesAreKeptTwelveMonthsAfterTheAssignment() throws {
        let firm = try FirmRegister(profile: "assessment-se.policy")
        let assessed = try firm.add("Bertil Bedömd")
        _ = try firm.gate().addAssessment(candidateId: assessed, kind: .test, provider: "Assessio", title: "Personality", score: nil,
                                          text: "Structured and calm.")
        let assignment = try firm.process("Leadership assessment for Client AB", kind: .assessment, people: [assessed])
        firm.advance(days: 20)
        _ = try firm.close(assignment)
        firm.advance(days: 360)
        XCTAssertNil(try firm.wholeDue()[assessed])
        firm.advance(days: 7)
        XCTAssertEqual(try firm.wholeDue()[assessed], "assessment-candidate assignment-done 12m")
        XCTAssertNil(try firm.partsDue()["\(assessed)/test-results"], "due as a whole, not piece by piece")
        _ = try firm.gate("dpo").erase(candidateIds: [assessed], request: "RETENTION")
        XCTAssertEqual(try firm.count("SELECT count(*) FROM assessment WHERE candidateId = ?", assessed), 0)
    }

    func testTestResultsSitBehindLimitedAccess() throws {
        let firm = try FirmRegister(profile: "assessment-se.policy")
        let person = try firm.add("Cecilia Test")
        _ = try firm.gate().addAssessment(candidateId: person, kind: .test, provider: "Assessio", title: "Ability", score: "8/9", text: "Strong.")
        // An admin sees no candidate data at all; the DPO and recruiters in their work do.
        XCTAssertNil(try firm.gate("admin").candidate(person).assessments.first?.value, "an admin reads no test result")
        XCTAssertNotNil(try firm.gate("recruiter").candidate(person).assessments.first?.value)
    }
}
