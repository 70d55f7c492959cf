import Foundation
import RekryDomain
import XCTest

final class BadgePolicyTests: XCTestCase {
    let utc = Calendar.utc

    func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Date {
        utc.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }

    func consentBadge(expires: Date?, withdrawn: Date? = nil, at now: Date) -> Badge {
        BadgePolicy.badge(for: BadgeFacts(basis: .consent, consent: ConsentDates(givenAt: date(2020, 1, 1), expiresAt: expires, withdrawnAt: withdrawn)), at: now)
    }

    func testConsentExpiringTodayIsExpiringUntilTheInstantThenExpired() {
        let expiry = date(2026, 11, 22, 17, 0)
        XCTAssertEqual(consentBadge(expires: expiry, at: date(2026, 11, 22, 16, 59)).primary, .consentExpiring)
        XCTAssertEqual(consentBadge(expires: expiry, at: expiry).primary, .consentExpired)
        XCTAssertEqual(consentBadge(expires: expiry, at: expiry).lapse, .consentExpired)
    }

    func testExpiringWindowIsThirtyDaysInclusive() {
        let now = date(2026, 1, 1)
        XCTAssertEqual(consentBadge(expires: now.addingTimeInterval(30 * 86_400), at: now).primary, .consentExpiring)
        XCTAssertEqual(consentBadge(expires: now.addingTimeInterval(30 * 86_400 + 1), at: now).primary, .consentValid)
        XCTAssertNil(consentBadge(expires: now.addingTimeInterval(30 * 86_400 + 1), at: now).lapse)
    }

    func testWithdrawalWinsOverValidity() {
        let now = date(2026, 6, 1)
        let b = consentBadge(expires: date(2027, 1, 1), withdrawn: date(2026, 5, 31), at: now)
        XCTAssertEqual(b.primary, .consentWithdrawn)
        XCTAssertEqual(b.lapse, .consentWithdrawn)
        // A withdrawal dated in the future has not happened yet.
        XCTAssertEqual(consentBadge(expires: date(2027, 1, 1), withdrawn: date(2026, 6, 2), at: now).primary, .consentValid)
    }

    func testNeverGivenConsentIsALapse() {
        let b = BadgePolicy.badge(for: BadgeFacts(basis: .consent), at: date(2026, 1, 1))
        XCTAssertEqual(b.states, [.consentNeverGiven])
        XCTAssertEqual(b.lapse, .consentNeverGiven)
    }

    func testArt14NoticeDueOneCalendarMonthAfterCollectionIncludingLeapDay() {
        let collected = date(2028, 2, 29, 10, 0)  // a leap day
        let facts = BadgeFacts(basis: .legitimateInterest, source: .linkedin, collectedAt: collected)
        XCTAssertFalse(BadgePolicy.badge(for: facts, at: date(2028, 3, 29, 9, 59)).states.contains(.art14NoticeDue))
        XCTAssertTrue(BadgePolicy.badge(for: facts, at: date(2028, 3, 29, 10, 0)).states.contains(.art14NoticeDue))
        // Collected on 31 January: the month ends on the last day of February.
        let jan31 = BadgeFacts(basis: .legitimateInterest, source: .jobBoard, collectedAt: date(2026, 1, 31))
        XCTAssertTrue(BadgePolicy.badge(for: jan31, at: date(2026, 2, 28)).states.contains(.art14NoticeDue))
        XCTAssertFalse(BadgePolicy.badge(for: jan31, at: date(2026, 2, 27)).states.contains(.art14NoticeDue))
    }

    func testArt14DoesNotApplyToDataFromThePersonOrOnceNotified() {
        let applied = BadgeFacts(basis: .contract, source: .applied, collectedAt: date(2020, 1, 1))
        XCTAssertFalse(BadgePolicy.badge(for: applied, at: date(2026, 1, 1)).states.contains(.art14NoticeDue))
        let notified = BadgeFacts(basis: .legitimateInterest, source: .linkedin, collectedAt: date(2020, 1, 1), notifiedAt: date(2020, 1, 5))
        XCTAssertFalse(BadgePolicy.badge(for: notified, at: date(2026, 1, 1)).states.contains(.art14NoticeDue))
    }

    func testTimeZonesDoNotMoveTheBoundary() {
        // 23:30 in Stockholm on the 21st is 22:30 UTC: the same instant whatever the machine's zone.
        var stockholm = Calendar(identifier: .gregorian)
        stockholm.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        let local = stockholm.date(from: DateComponents(year: 2026, month: 11, day: 21, hour: 23, minute: 30))!
        let expiry = date(2026, 11, 21, 22, 30)
        XCTAssertEqual(local, expiry)
        XCTAssertEqual(consentBadge(expires: expiry, at: local).primary, .consentExpired)
        XCTAssertEqual(DayFormat.day(local), "2026-11-21")
    }

    func testRestrictionObjectionAndRetentionOrderAndLapse() {
        let now = date(2026, 1, 1)
        let facts = BadgeFacts(basis: .legitimateInterest, restricted: true, objected: true, retentionDueAt: date(2025, 12, 31))
        let b = BadgePolicy.badge(for: facts, at: now)
        XCTAssertEqual(b.states, [.restricted, .objected, .retentionDue, .legitimateInterest])
        XCTAssertEqual(b.lapse, .restricted)
        // Objection only concerns legitimate-interest processing.
        let contract = BadgePolicy.badge(for: BadgeFacts(basis: .contract, objected: true), at: now)
        XCTAssertEqual(contract.states, [.contract])
        XCTAssertNil(contract.lapse)
        // Retention due is a warning, not a lapse: the item is still shown with its badge.
        let due = BadgePolicy.badge(for: BadgeFacts(basis: .contract, retentionDueAt: now), at: now)
        XCTAssertEqual(due.primary, .retentionDue)
        XCTAssertNil(due.lapse)
    }

    func testVocabularyHasShortASCIIAndLongForms() {
        for state in BadgeState.allCases {
            XCTAssertLessThanOrEqual(state.short.count, 12, "\(state)")
            XCTAssertTrue(state.shortASCII.allSatisfy(\.isASCII), "\(state)")
            XCTAssertFalse(state.long.isEmpty)
            XCTAssertEqual(BadgeState(word: state.rawValue), state)
        }
        XCTAssertEqual(Set(BadgeState.allCases.map(\.code)).count, BadgeState.allCases.count - 0)
    }
}
