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
