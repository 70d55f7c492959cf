import Foundation
import RekryTestSupport
import XCTest

/// Runs one test method of `suite` on PostgreSQL, with the suite's own set-up and tear-down around it.
/// (Linux's XCTest makes a case with a name and a closure; the closure is never run, `body` is.)
fileprivate func twin<Suite: XCTestCase>(_ type: Suite.Type, _ body: (Suite) -> () throws -> Void) throws {
    let suite = Suite(name: String(describing: type), testClosure: { _ in })
    try onPostgres {
        try suite.setUpWithError()
        defer { suite.tearDown() }
        try body(suite)()
    }
}

/// ConsentWriteTests on PostgreSQL: the same bodies, the same expectations.
final class ConsentWritePostgresTests: XCTestCase {
    func testRecordRenewWithdrawFollowInListPagesAtOnce() throws { try twin(ConsentWriteTests.self, { $0.testRecordRenewWithdrawFollowInListPagesAtOnce }) }
    func testAConsentForAnotherPurposeLeavesTheRowsBadgeAlone() throws { try twin(ConsentWriteTests.self, { $0.testAConsentForAnotherPurposeLeavesTheRowsBadgeAlone }) }
    func testImpossibleConsentsAreRefused() throws { try twin(ConsentWriteTests.self, { $0.testImpossibleConsentsAreRefused }) }
    func testRestrictionIsSetAndLiftedWithAReasonByTheDPOAndLeadsOnly() throws { try twin(ConsentWriteTests.self, { $0.testRestrictionIsSetAndLiftedWithAReasonByTheDPOAndLeadsOnly }) }
    func testObjectionIsRecordedAndLiftedByTheDPOAndLeadsOnly() throws { try twin(ConsentWriteTests.self, { $0.testObjectionIsRecordedAndLiftedByTheDPOAndLeadsOnly }) }
    func testDailyWorkOnARestrictedCandidateIsRefusedAndStoresNothing() throws { try twin(ConsentWriteTests.self, { $0.testDailyWorkOnARestrictedCandidateIsRefusedAndStoresNothing }) }
    func testDailyWorkOnALapsedConsentIsRefused() throws { try twin(ConsentWriteTests.self, { $0.testDailyWorkOnALapsedConsentIsRefused }) }
    func testWithdrawingOnARestrictedRecordDoesNotRevealItsConsentHistory() throws { try twin(ConsentWriteTests.self, { $0.testWithdrawingOnARestrictedRecordDoesNotRevealItsConsentHistory }) }
    func testMarkingANoticeOnARestrictedRecordRevealsNeitherSourceNorDate() throws { try twin(ConsentWriteTests.self, { $0.testMarkingANoticeOnARestrictedRecordRevealsNeitherSourceNorDate }) }
}
