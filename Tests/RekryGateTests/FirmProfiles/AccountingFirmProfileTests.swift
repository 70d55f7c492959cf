import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// Accounting firm (SE), `accounting-se.policy`. Its promises:
/// - a candidate profile is kept at most two years after the process;
/// - a register extract is free once a year, a second within a year may be charged or refused with reasons
///   (the requests tracker flags it);
/// - data given to test-tool providers is recorded as a disclosure.
final class AccountingFirmProfileTests: XCTestCase {
    func testAProfileIsKeptAtMostTwoYearsAfterTheProcess() throws {
        let firm = try FirmRegister(profile: "accounting-se.policy")
        let person = try firm.add("Karin Konsult")
        let process = try firm.process("Auditor", people: [person])
        firm.advance(days: 30)
        _ = try firm.close(process)
        // Kept for two years after the close, whatever else happens; due the day the two years are up.
        firm.advance(days: 730)
        XCTAssertNil(try firm.wholeDue()[person], "kept for two years")
        firm.advance(days: 1)
        XCTAssertEqual(try firm.wholeDue()[person], "candidate-profile process-closed 2y")
        let receipts = try firm.gate("dpo").erase(candidateIds: Array(try firm.wholeDue().keys), request: "RETENTION")
        XCTAssertEqual(receipts.count, 1)
        XCTAssertEqual(try firm.count("SELECT count(*) FROM candidate WHERE id = ?", person), 0)
        XCTAssertTrue(try firm.wholeDue().isEmpty, "a second run erases nothing")
    }

    func testDataGivenToATestToolProviderIsRecordedAsADisclosure() throws {
        let firm = try FirmRegister(profile: "accounting-se.policy")
        let person = try firm.add("Tina Testad")
        _ = try firm.gate().addAssessment(candidateId: person, kind: .test, provider: "Alva Labs", title: "Logic test", score: "31/40",
                                          text: "Completed online.")
        // An interview note stays in the firm: no disclosure.
        _ = try firm.gate().addAssessment(candidateId: person, kind: .interviewNote, provider: nil, title: "First interview", score: nil,
                                          text: "Good questions about the role.")
        let disclosures = try XCTUnwrap(try firm.gate().candidate(person).disclosures.value)
        XCTAssertEqual(disclosures.map(\.recipient), ["Alva Labs"])
        XCTAssertTrue(disclosures[0].what.contains("Logic test"))
        // The erasure preview names the provider among the recipients to tell (Art. 19).
        XCTAssertEqual(try firm.gate("dpo").erasurePreview(candidateIds: [person]).first?.recipients.contains { $0.contains("Alva Labs") }, true)
    }

    func testAPersonInANewProcessIsNotErasedOnTheOldOnesClock() throws {
        let firm = try FirmRegister(profile: "accounting-se.policy")
        let person = try firm.add("Lars Lojal")
        _ = try firm.close(try firm.process("Auditor", people: [person]))
        firm.advance(days: 700)
        let second = try firm.process("Senior auditor", people: [person])
        firm.advance(days: 60)
        XCTAssertNil(try firm.wholeDue()[person], "in an open process: not due")
        _ = try firm.close(second)
        firm.advance(days: 731)
        XCTAssertEqual(try firm.wholeDue()[person], "candidate-profile process-closed 2y", "two years from the last close")
    }
}
