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

/// CandidateWriteTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: testAddValidatesEachFieldAndNamesIt reads the stored note with SQLite's raw SQL (`t.scalar`);
/// testTheByteScanAgreesWithTheGeneralCategory touches no register.
final class CandidateWritePostgresTests: XCTestCase {
    func testNobodyButRecruitersAndLeadsAdds() throws { try twin(CandidateWriteTests.self, { $0.testNobodyButRecruitersAndLeadsAdds }) }
    func testDataNotFromThePersonIsDueAnArt14NoticeAMonthAfterCollection() throws { try twin(CandidateWriteTests.self, { $0.testDataNotFromThePersonIsDueAnArt14NoticeAMonthAfterCollection }) }
    func testCorrectingTheNameChangesSearchSortAndLeavesNoTrace() throws { try twin(CandidateWriteTests.self, { $0.testCorrectingTheNameChangesSearchSortAndLeavesNoTrace }) }
    func testEditValidatesClearsAndNeedsAField() throws { try twin(CandidateWriteTests.self, { $0.testEditValidatesClearsAndNeedsAField }) }
    func testACorrectionOfARestrictedRecordIsForLeadsAndTheDPOAndRevealsNothing() throws { try twin(CandidateWriteTests.self, { $0.testACorrectionOfARestrictedRecordIsForLeadsAndTheDPOAndRevealsNothing }) }
}
