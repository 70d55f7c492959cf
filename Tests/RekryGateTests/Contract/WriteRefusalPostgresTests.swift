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

/// WriteRefusalTests on PostgreSQL: the same bodies, the same expectations.
final class WriteRefusalPostgresTests: XCTestCase {
    func testReportWorkOnARestrictedRecordIsRefusedAlikeWhateverExists() throws { try twin(WriteRefusalTests.instance(), { $0.testReportWorkOnARestrictedRecordIsRefusedAlikeWhateverExists }) }
    func testTheAdminSeesNoReportAndNoOnesAuditTrail() throws { try twin(WriteRefusalTests.instance(), { $0.testTheAdminSeesNoReportAndNoOnesAuditTrail }) }
    func testAHireIsRecordedByClosingNotByMovingAStage() throws { try twin(WriteRefusalTests.instance(), { $0.testAHireIsRecordedByClosingNotByMovingAStage }) }
    func testARemovedAccountsUsernameIsNotTakenAgain() throws { try twin(WriteRefusalTests.instance(), { $0.testARemovedAccountsUsernameIsNotTakenAgain }) }
}
