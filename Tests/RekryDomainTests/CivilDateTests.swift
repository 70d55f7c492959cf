import Foundation
import RekryDomain
import XCTest

/// `CivilDate` must agree with Foundation's UTC Gregorian calendar everywhere the register uses dates.
final class CivilDateTests: XCTestCase {
    func testFieldsAndRoundTripAgreeWithCalendar() {
        var rng = SystemRandomNumberGenerator()
        // 1900 to 2200, and the instants around every month boundary of a leap and a common year.
        var instants = (0..<5000).map { _ in Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...7_258_118_400, using: &rng)) }
        for year in [2024, 2026, 2000, 2100] {
            for month in 1...12 {
                let start = Calendar.utc.date(from: DateComponents(year: year, month: month, day: 1))!
                instants += [start, start.addingTimeInterval(-0.5), start.addingTimeInterval(86_399.75)]
            }
        }
        for date in instants {
            let civil = CivilDate(date)
            let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            XCTAssertEqual([civil.year, civil.month, civil.day], [c.year!, c.month!, c.day!], "\(date)")
            XCTAssertEqual(Int(civil.secondOfDay) / 3600, c.hour!, "\(date)")
            XCTAssertEqual(civil.date.timeIntervalSince1970, date.timeIntervalSince1970, accuracy: 1e-6, "\(date)")
        }
    }

    func testAddingMonthsAgreesWithCalendarAndClampsTheDay() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 0...4_102_444_800, using: &rng).rounded())
            // Forward only: going back, Foundation rolls a missing day over into the next month (29 Feb of
            // a common year becomes 1 March) where going forward it clamps; deadlines only go forward.
            let months = Int.random(in: 0...60, using: &rng)
            XCTAssertEqual(date.addingUTCMonths(months), Calendar.utc.date(byAdding: .month, value: months, to: date)!, "\(date) + \(months)")
        }
        let jan31 = CivilDate(year: 2028, month: 1, day: 31, secondOfDay: 3600)
        XCTAssertEqual(jan31.adding(months: 1), CivilDate(year: 2028, month: 2, day: 29, secondOfDay: 3600))
        XCTAssertEqual(jan31.adding(months: 13), CivilDate(year: 2029, month: 2, day: 28, secondOfDay: 3600))
        XCTAssertEqual(jan31.adding(months: -2), CivilDate(year: 2027, month: 11, day: 30, secondOfDay: 3600))
    }

    func testDayFormat() {
        let date = Calendar.utc.date(from: DateComponents(year: 2026, month: 3, day: 7, hour: 9, minute: 5, second: 59))!
        XCTAssertEqual(DayFormat.day(date), "2026-03-07")
        XCTAssertEqual(DayFormat.minute(date), "2026-03-07 09:05")
    }

    /// A screen shows times on the user's clock with the zone named; the register keeps UTC.
    func testLocalMinutesNameTheirZone() {
        let date = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28 20:26:40 UTC
        XCTAssertEqual(DayFormat.localMinute(date, zone: TimeZone(identifier: "UTC")!), "2026-05-28 20:26 UTC")
        XCTAssertEqual(DayFormat.localMinute(date, zone: TimeZone(identifier: "Europe/Stockholm")!), "2026-05-28 22:26 UTC+2", "summer time")
        XCTAssertEqual(DayFormat.localMinute(Date(timeIntervalSince1970: 1_767_225_000), zone: TimeZone(identifier: "Europe/Oslo")!),
                       "2026-01-01 00:50 UTC+1", "the local day, not UTC's")
        XCTAssertEqual(DayFormat.localMinute(date, zone: TimeZone(identifier: "Asia/Kolkata")!), "2026-05-29 01:56 UTC+5:30")
    }
}
