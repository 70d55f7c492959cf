import RekryTestSupport
import XCTest

/// RequestsTrackerTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: `testTheFirmsCountryMovesTheDeadlineAndARequestMayOverrideIt`, which rewrites the policy text with
/// SQLite's raw SQL (`t.execute`): not a contract test.
final class RequestsTrackerPostgresTests: XCTestCase {
    func run(_ body: (RequestsTrackerTests) throws -> Void) throws {
        try onPostgres {
            let suite = RequestsTrackerTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try body(suite)
        }
    }

    func testOnlyTheDPORecordsListsExtendsAndClosesRequests() throws { try run { try $0.testOnlyTheDPORecordsListsExtendsAndClosesRequests() } }
    func testReceiptOn31JanuaryIsDueMonday2MarchAndTheBadgesFollowTheClock() throws {
        try run { try $0.testReceiptOn31JanuaryIsDueMonday2MarchAndTheBadgesFollowTheClock() }
    }
    func testAnExtensionWithinTheFirstMonthMovesTheDeadlineAndOneAfterItIsRefused() throws {
        try run { try $0.testAnExtensionWithinTheFirstMonthMovesTheDeadlineAndOneAfterItIsRefused() }
    }
    func testClosingLinksToAFittingAuditEntryAboutTheSamePerson() throws { try run { try $0.testClosingLinksToAFittingAuditEntryAboutTheSamePerson() } }
    func testTheSecondExtractWithinAYearIsFlagged() throws { try run { try $0.testTheSecondExtractWithinAYearIsFlagged() } }
    func testARequestOutlivesTheErasureWithoutItsNoteReasonOrLink() throws { try run { try $0.testARequestOutlivesTheErasureWithoutItsNoteReasonOrLink() } }
    func testARefereesRequestIsTheirsAndLosesItsLinkWhenTheyAreErased() throws {
        try run { try $0.testARefereesRequestIsTheirsAndLosesItsLinkWhenTheyAreErased() }
    }
    func testEveryStepIsAuditedWithoutPersonalData() throws { try run { try $0.testEveryStepIsAuditedWithoutPersonalData() } }
    func testTheListPutsTheMostUrgentFirstAndClosedRequestsLast() throws { try run { try $0.testTheListPutsTheMostUrgentFirstAndClosedRequestsLast() } }
    func testOnlyTheDPOReadsTheDesksAuditEntriesAndTheCountTellsNothing() throws {
        try run { try $0.testOnlyTheDPOReadsTheDesksAuditEntriesAndTheCountTellsNothing() }
    }
}
