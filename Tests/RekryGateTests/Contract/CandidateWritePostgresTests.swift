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

/// CandidateWriteTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: testAddValidatesEachFieldAndNamesIt reads the stored note with SQLite's raw SQL (`t.scalar`);
/// testTheByteScanAgreesWithTheGeneralCategory touches no register.
final class CandidateWritePostgresTests: XCTestCase {
    func testNobodyButRecruitersAndLeadsAdds() throws { try twin(CandidateWriteTests.instance(), { $0.testNobodyButRecruitersAndLeadsAdds }) }
    func testDataNotFromThePersonIsDueAnArt14NoticeAMonthAfterCollection() throws { try twin(CandidateWriteTests.instance(), { $0.testDataNotFromThePersonIsDueAnArt14NoticeAMonthAfterCollection }) }
    func testCorrectingTheNameChangesSearchSortAndLeavesNoTrace() throws { try twin(CandidateWriteTests.instance(), { $0.testCorrectingTheNameChangesSearchSortAndLeavesNoTrace }) }
    func testEditValidatesClearsAndNeedsAField() throws { try twin(CandidateWriteTests.instance(), { $0.testEditValidatesClearsAndNeedsAField }) }
    func testACorrectionOfARestrictedRecordIsForLeadsAndTheDPOAndRevealsNothing() throws { try twin(CandidateWriteTests.instance(), { $0.testACorrectionOfARestrictedRecordIsForLeadsAndTheDPOAndRevealsNothing }) }
}
