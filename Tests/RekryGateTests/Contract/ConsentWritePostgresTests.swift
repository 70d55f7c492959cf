import Foundation
import RekryTestSupport
import XCTest

/// Runs one test method of `suite` on PostgreSQL, with the suite's own set-up and tear-down around it.
fileprivate func twin<Suite: XCTestCase>(_ suite: Suite, _ body: (Suite) -> () throws -> Void) throws {
    try onPostgres {
        try suite.setUpWithError()
        defer { suite.tearDown() }
        try body(suite)()
    }
}

/// ConsentWriteTests on PostgreSQL: the same bodies, the same expectations.
final class ConsentWritePostgresTests: XCTestCase {
    func testRecordRenewWithdrawFollowInListPagesAtOnce() throws { try twin(ConsentWriteTests.instance(), { $0.testRecordRenewWithdrawFollowInListPagesAtOnce }) }
    func testAConsentForAnotherPurposeLeavesTheRowsBadgeAlone() throws { try twin(ConsentWriteTests.instance(), { $0.testAConsentForAnotherPurposeLeavesTheRowsBadgeAlone }) }
    func testImpossibleConsentsAreRefused() throws { try twin(ConsentWriteTests.instance(), { $0.testImpossibleConsentsAreRefused }) }
    func testRestrictionIsSetAndLiftedWithAReasonByTheDPOAndLeadsOnly() throws { try twin(ConsentWriteTests.instance(), { $0.testRestrictionIsSetAndLiftedWithAReasonByTheDPOAndLeadsOnly }) }
    func testObjectionIsRecordedAndLiftedByTheDPOAndLeadsOnly() throws { try twin(ConsentWriteTests.instance(), { $0.testObjectionIsRecordedAndLiftedByTheDPOAndLeadsOnly }) }
    func testDailyWorkOnARestrictedCandidateIsRefusedAndStoresNothing() throws { try twin(ConsentWriteTests.instance(), { $0.testDailyWorkOnARestrictedCandidateIsRefusedAndStoresNothing }) }
    func testDailyWorkOnALapsedConsentIsRefused() throws { try twin(ConsentWriteTests.instance(), { $0.testDailyWorkOnALapsedConsentIsRefused }) }
    func testWithdrawingOnARestrictedRecordDoesNotRevealItsConsentHistory() throws { try twin(ConsentWriteTests.instance(), { $0.testWithdrawingOnARestrictedRecordDoesNotRevealItsConsentHistory }) }
    func testMarkingANoticeOnARestrictedRecordRevealsNeitherSourceNorDate() throws { try twin(ConsentWriteTests.instance(), { $0.testMarkingANoticeOnARestrictedRecordRevealsNeitherSourceNorDate }) }
}
