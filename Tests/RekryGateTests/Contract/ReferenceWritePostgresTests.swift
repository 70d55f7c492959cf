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

/// ReferenceWriteTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: testARestrictedRefereeStaysRestrictedSeenThroughAnotherCandidate and
/// testARestrictionOnAnyRowOfTheRefereeHoldsForThePerson set a referee's flag with SQLite's raw SQL (`t.execute`).
final class ReferenceWritePostgresTests: XCTestCase {
    func testTheSameRefereeForTwoCandidatesIsOnePerson() throws { try twin(ReferenceWriteTests.instance(), { $0.testTheSameRefereeForTwoCandidatesIsOnePerson }) }
    func testAddingAReferenceValidatesAndFollowsTheWritePolicy() throws { try twin(ReferenceWriteTests.instance(), { $0.testAddingAReferenceValidatesAndFollowsTheWritePolicy }) }
    func testTheRefereeViewRevealsNothingOfARestrictedCandidate() throws { try twin(ReferenceWriteTests.instance(), { $0.testTheRefereeViewRevealsNothingOfARestrictedCandidate }) }
    func testAnAdminSeesNoRefereeAndNoCandidate() throws { try twin(ReferenceWriteTests.instance(), { $0.testAnAdminSeesNoRefereeAndNoCandidate }) }
}
