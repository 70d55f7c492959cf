import Foundation
import RekryDomain
import XCTest

/// The Art. 12(3) deadline: one calendar month, clamped to the month's end, moved off weekends and the public
/// holidays of Sweden and Norway; extensions; badges; the second extract within a year.
final class RequestDeadlineTests: XCTestCase {
    func day(_ text: String) -> CivilDate { CivilDate(isoDay: text)! }

    func testEasterMatchesThePublishedDates() {
        // Published Easter Sundays, including the earliest and latest possible dates.
        let known = ["2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2038-04-25", "2285-03-22", "2011-04-24"]
        for text in known {
            let expected = day(text)
            XCTAssertEqual(Easter.sunday(in: expected.year), expected, text)
            XCTAssertEqual(expected.isoWeekday, 7, "\(text) is a Sunday")
        }
    }

    func testWeekdaysAgreeWithFoundation() {
        for offset in stride(from: -40_000, to: 40_000, by: 37) {
            let date = Date(timeIntervalSince1970: Double(offset) * 86_400)
            let foundation = Calendar.utc.component(.weekday, from: date)  // 1 Sunday … 7 Saturday
            XCTAssertEqual(CivilDate.day(of: date).isoWeekday, foundation == 1 ? 7 : foundation - 1, "\(date)")
        }
    }

    func testTheSwedishAndNorwegianCalendarsHoldTheirHolidays() {
        let se = PublicHolidays.holidays(in: 2026, country: .sweden)
        XCTAssertEqual(se.count, 15)
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-06-19"), country: .sweden), "Midsummer Eve")
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-06-20"), country: .sweden), "Midsummer Day")
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-10-31"), country: .sweden), "All Saints' Day")
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-05-14"), country: .sweden), "Ascension Day")
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-04-03"), country: .sweden), "Good Friday")
        XCTAssertNil(PublicHolidays.holiday(on: day("2026-04-02"), country: .sweden), "Maundy Thursday is Norwegian only")
        XCTAssertNil(PublicHolidays.holiday(on: day("2026-05-17"), country: .sweden))
        XCTAssertNil(PublicHolidays.holiday(on: day("2026-05-25"), country: .sweden), "Whit Monday is no longer a Swedish holiday")
        // Midsummer Eve is always the Friday between 19 and 25 June; All Saints' Day the Saturday between 31 Oct and 6 Nov.
        for year in 2000...2100 {
            let holidays = PublicHolidays.holidays(in: year, country: .sweden)
            let eve = holidays.first { $0.name == "Midsummer Eve" }!.day
            XCTAssertEqual(eve.isoWeekday, 5)
            XCTAssertTrue(eve.month == 6 && (19...25).contains(eve.day), "\(eve)")
            let saints = holidays.first { $0.name == "All Saints' Day" }!.day
            XCTAssertEqual(saints.isoWeekday, 6)
            XCTAssertTrue((saints.month == 10 && saints.day == 31) || (saints.month == 11 && saints.day <= 6), "\(saints)")
        }
        let no = PublicHolidays.holidays(in: 2026, country: .norway)
        XCTAssertEqual(no.count, 12)
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-04-02"), country: .norway), "Maundy Thursday")
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-05-17"), country: .norway), "Constitution Day")
        XCTAssertEqual(PublicHolidays.holiday(on: day("2026-05-25"), country: .norway), "Whit Monday")
        XCTAssertNil(PublicHolidays.holiday(on: day("2026-06-19"), country: .norway), "no Midsummer Eve in Norway")
        XCTAssertNil(PublicHolidays.holiday(on: day("2026-12-24"), country: .norway))
    }

    func testReceiptOn31JanuaryIsDueAtTheEndOfFebruaryThenOffTheWeekend() {
        // 2028 is a leap year: 29 February 2028 is a Tuesday, a working day.
        XCTAssertEqual(RequestDeadline.due(received: day("2028-01-31"), country: .sweden), day("2028-02-29"))
        // 28 February 2026 is a Saturday: the deadline moves to Monday 2 March.
        XCTAssertEqual(day("2026-02-28").isoWeekday, 6)
        XCTAssertEqual(RequestDeadline.due(received: day("2026-01-31"), country: .sweden), day("2026-03-02"))
        XCTAssertEqual(RequestDeadline.due(received: day("2026-01-31"), country: .norway), day("2026-03-02"))
        // 28 February 2027 is a Sunday: Monday 1 March.
        XCTAssertEqual(RequestDeadline.due(received: day("2027-01-31"), country: .sweden), day("2027-03-01"))
        // A day every month has keeps its number.
        XCTAssertEqual(RequestDeadline.due(received: day("2026-03-10"), country: .sweden), day("2026-04-10"))
    }

    func testADeadlineOnMidsummerEveMovesToTheNextSwedishWorkingDay() {
        // 19 June 2026 is Midsummer Eve; the 20th is Midsummer Day and the 21st a Sunday.
        let due = RequestDeadline.due(received: day("2026-05-19"), country: .sweden)
        XCTAssertEqual(due, day("2026-06-22"))
        XCTAssertTrue(WorkingDays.isWorkingDay(due, country: .sweden))
        // In Norway the same Friday is a working day.
        XCTAssertEqual(RequestDeadline.due(received: day("2026-05-19"), country: .norway), day("2026-06-19"))
    }

    func testADeadlineOn17MayMovesToTheNextNorwegianWorkingDay() {
        // 17 May 2028 is a Wednesday: Constitution Day in Norway, a working day in Sweden.
        let due = RequestDeadline.due(received: day("2028-04-17"), country: .norway)
        XCTAssertEqual(due, day("2028-05-18"))
        XCTAssertEqual(RequestDeadline.due(received: day("2028-04-17"), country: .sweden), day("2028-05-17"))
        // A deadline on Christmas Eve (Thursday 24 December 2026) in Sweden waits for Monday 28 December.
        XCTAssertEqual(RequestDeadline.due(received: day("2026-11-24"), country: .sweden), day("2026-12-28"))
        // Norway: the 24th is a working day.
        XCTAssertEqual(RequestDeadline.due(received: day("2026-11-24"), country: .norway), day("2026-12-24"))
    }

    func testEveryDeadlineIsAWorkingDayOnOrAfterTheMonthAndNotLaterThanNeeded() {
        for country in CalendarCountry.allCases {
            var received = day("2025-01-01")
            while received.year < 2029 {
                let due = RequestDeadline.due(received: received, country: country)
                let month = received.adding(months: 1)
                XCTAssertTrue(WorkingDays.isWorkingDay(due, country: country), "\(received.isoDay) \(country)")
                XCTAssertGreaterThanOrEqual(due.dayNumber, month.dayNumber)
                // Every day between the month's end and the deadline is closed: the shift goes no further than it must.
                for skipped in stride(from: month.dayNumber, to: due.dayNumber, by: 1) {
                    let d = CivilDate.day(of: Date(timeIntervalSince1970: Double(skipped) * 86_400))
                    XCTAssertFalse(WorkingDays.isWorkingDay(d, country: country), "\(d.isoDay) skipped for \(received.isoDay)")
                }
                received = received.adding(days: 1)
            }
        }
    }

    func testAnExtensionGivenWithinTheFirstMonthIsAllowedAndOneAfterItRefused() {
        let received = day("2026-01-31")  // the first month ends on Monday 2 March 2026
        let within = RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 2,
                                            reason: "many documents to collect", noticeGiven: day("2026-02-20"), today: day("2026-02-20"))
        XCTAssertEqual(within, .success(2))
        // Three months from 31 January is 30 April 2026, a Thursday; 30 April is not a holiday (1 May is).
        XCTAssertEqual(RequestDeadline.due(received: received, extensionMonths: 2, country: .sweden), day("2026-04-30"))
        XCTAssertEqual(RequestDeadline.due(received: received, extensionMonths: 1, country: .sweden), day("2026-03-31"))
        // The notice on the last day of the first month (its deadline, moved off the weekend) still counts.
        XCTAssertEqual(RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 1, reason: "complex",
                                              noticeGiven: day("2026-03-02"), today: day("2026-03-02")), .success(1))
        guard case .failure(let late) = RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 1,
                                                               reason: "complex", noticeGiven: day("2026-03-03"), today: day("2026-03-03")) else {
            return XCTFail("an extension after the first month must be refused")
        }
        XCTAssertEqual(late.field, "--notice-given")
        XCTAssertTrue(late.message.contains("2026-03-02"), late.message)
        // Neither more than two months in all, nor without a reason, nor a notice dated before receipt or after today.
        XCTAssertEqual(try? RequestExtension.check(received: received, country: .sweden, alreadyExtended: 1, months: 2, reason: "x",
                                                   noticeGiven: day("2026-02-10"), today: day("2026-02-10")).get(), nil)
        XCTAssertEqual(try? RequestExtension.check(received: received, country: .sweden, alreadyExtended: 1, months: 1, reason: "x",
                                                   noticeGiven: day("2026-02-10"), today: day("2026-02-10")).get(), 2)
        XCTAssertEqual(try? RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 3, reason: "x",
                                                   noticeGiven: day("2026-02-10"), today: day("2026-02-10")).get(), nil)
        XCTAssertEqual(try? RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 1, reason: "  ",
                                                   noticeGiven: day("2026-02-10"), today: day("2026-02-10")).get(), nil)
        XCTAssertEqual(try? RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 1, reason: "x",
                                                   noticeGiven: day("2026-01-30"), today: day("2026-02-10")).get(), nil)
        XCTAssertEqual(try? RequestExtension.check(received: received, country: .sweden, alreadyExtended: 0, months: 1, reason: "x",
                                                   noticeGiven: day("2026-02-11"), today: day("2026-02-10")).get(), nil)
    }

    func testBadgesDueSoonOverdueExtendedAndClosed() {
        let due = day("2026-03-10")
        XCTAssertEqual(RequestStatus.of(due: due, extended: false, closed: false, today: day("2026-03-02")).urgency, .open)
        XCTAssertEqual(RequestStatus.of(due: due, extended: false, closed: false, today: day("2026-03-03")).urgency, .dueSoon)
        XCTAssertEqual(RequestStatus.of(due: due, extended: false, closed: false, today: day("2026-03-10")).urgency, .dueSoon)
        XCTAssertEqual(RequestStatus.of(due: due, extended: false, closed: false, today: day("2026-03-11")).urgency, .overdue)
        XCTAssertEqual(RequestStatus.of(due: due, extended: false, closed: true, today: day("2026-04-11")).urgency, .closed)
        let extended = RequestStatus.of(due: due, extended: true, closed: false, today: day("2026-03-05"))
        XCTAssertEqual(extended.label, "due soon, extended")
        XCTAssertEqual(RequestStatus.of(due: due, extended: true, closed: true, today: day("2026-03-05")).label, "closed")
    }

    func testTheSecondExtractWithinAYearIsFlagged() {
        let received = day("2026-03-01")
        XCTAssertFalse(ExtractAllowance.isSecondWithinYear(received: received, earlier: []))
        XCTAssertTrue(ExtractAllowance.isSecondWithinYear(received: received, earlier: [day("2025-06-10")]))
        XCTAssertTrue(ExtractAllowance.isSecondWithinYear(received: received, earlier: [day("2025-03-02")]))
        XCTAssertFalse(ExtractAllowance.isSecondWithinYear(received: received, earlier: [day("2025-03-01")]), "a year to the day is a new year")
        XCTAssertFalse(ExtractAllowance.isSecondWithinYear(received: received, earlier: [day("2024-12-01")]))
    }

    func testBreachDeadlineIs72Hours() {
        let discovered = Date(timeIntervalSince1970: 1_772_366_400)
        XCTAssertEqual(BreachDeadline.notifyBy(discovered: discovered).timeIntervalSince(discovered), 72 * 3600)
        XCTAssertEqual(BreachDeadline.status(discovered: discovered, notifiedAt: nil, now: discovered.addingTimeInterval(31 * 3600 + 59)),
                       .due(hoursLeft: 40))
        XCTAssertEqual(BreachDeadline.status(discovered: discovered, notifiedAt: nil, now: discovered.addingTimeInterval(72 * 3600 + 1)), .overdue)
        XCTAssertEqual(BreachDeadline.status(discovered: discovered, notifiedAt: discovered.addingTimeInterval(3600), now: discovered.addingTimeInterval(90 * 3600)), .notified)
        XCTAssertEqual(BreachDeadline.status(discovered: discovered, notifiedAt: discovered.addingTimeInterval(73 * 3600), now: discovered.addingTimeInterval(90 * 3600)), .notifiedLate)
    }
}
