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

/// WriteRefusalTests on PostgreSQL: the same bodies, the same expectations.
final class WriteRefusalPostgresTests: XCTestCase {
    func testReportWorkOnARestrictedRecordIsRefusedAlikeWhateverExists() throws { try twin(WriteRefusalTests.self, { $0.testReportWorkOnARestrictedRecordIsRefusedAlikeWhateverExists }) }
    func testTheAdminSeesNoReportAndNoOnesAuditTrail() throws { try twin(WriteRefusalTests.self, { $0.testTheAdminSeesNoReportAndNoOnesAuditTrail }) }
    func testAHireIsRecordedByClosingNotByMovingAStage() throws { try twin(WriteRefusalTests.self, { $0.testAHireIsRecordedByClosingNotByMovingAStage }) }
    func testARemovedAccountsUsernameIsNotTakenAgain() throws { try twin(WriteRefusalTests.self, { $0.testARemovedAccountsUsernameIsNotTakenAgain }) }
}
