import Foundation
import RekryDomain
import XCTest

final class RetentionPolicyTests: XCTestCase {
    func testParsesRulesAndCountryOverrides() throws {
        let policy = try RetentionPolicy.parse("""
            # comment
            candidate-profile  process-closed  2y
            contact-details    last-contact    12m  NO
            contact-details    process-closed  0d
            unused             last-activity   5y   # trailing comment
            """, file: "p")
        XCTAssertEqual(policy.rules.count, 4)
        XCTAssertEqual(policy.rule(for: .contactDetails, country: "no")?.period, .init(amount: 12, unit: .month))
        XCTAssertEqual(policy.rule(for: .contactDetails, country: "SE")?.period, .init(amount: 0, unit: .day))
    }

    func testErrorsNameFileLineAndField() {
        func error(_ text: String) -> RetentionPolicy.ParseError? {
            do { _ = try RetentionPolicy.parse(text, file: "retention.policy"); return nil } catch { return error as? RetentionPolicy.ParseError }
        }
        XCTAssertEqual(error("\nbogus process-closed 2y")?.description.hasPrefix("retention.policy:2: category:"), true)
        XCTAssertEqual(error("unused whenever 2y")?.field, "event")
        XCTAssertEqual(error("unused last-activity two")?.field, "period")
        XCTAssertEqual(error("unused last-activity 2y SWE")?.field, "country")
        XCTAssertEqual(error("unused last-activity")?.field, "rule")
        XCTAssertEqual(error("unused last-activity 2y\nunused last-activity 3y")?.line, 2)
    }

    func testLeapDayPlusAYearIsTheTwentyEighth() {
        let leap = Calendar.utc.date(from: DateComponents(year: 2028, month: 2, day: 29))!
        let due = RetentionRule.Period(amount: 1, unit: .year).after(leap)
        XCTAssertEqual(DayFormat.day(due), "2029-02-28")
    }

    func testCandidateDueIsTheEarlierOfProfileAndUnused() throws {
        let policy = try RetentionPolicy.parse("candidate-profile process-closed 2y\nunused last-activity 5y", file: "p")
        let closed = Calendar.utc.date(from: DateComponents(year: 2024, month: 1, day: 10))!
        let active = Calendar.utc.date(from: DateComponents(year: 2020, month: 6, day: 1))!
        XCTAssertEqual(DayFormat.day(policy.candidateDue(lastProcessClosedAt: closed, lastActivityAt: active)!), "2025-06-01")
        XCTAssertEqual(DayFormat.day(policy.candidateDue(lastProcessClosedAt: closed, lastActivityAt: closed)!), "2026-01-10")
    }
}
