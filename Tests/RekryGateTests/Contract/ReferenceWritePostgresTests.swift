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

/// ReferenceWriteTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: testARestrictedRefereeStaysRestrictedSeenThroughAnotherCandidate and
/// testARestrictionOnAnyRowOfTheRefereeHoldsForThePerson set a referee's flag with SQLite's raw SQL (`t.execute`).
final class ReferenceWritePostgresTests: XCTestCase {
    func testTheSameRefereeForTwoCandidatesIsOnePerson() throws { try twin(ReferenceWriteTests.self, { $0.testTheSameRefereeForTwoCandidatesIsOnePerson }) }
    func testAddingAReferenceValidatesAndFollowsTheWritePolicy() throws { try twin(ReferenceWriteTests.self, { $0.testAddingAReferenceValidatesAndFollowsTheWritePolicy }) }
    func testTheRefereeViewRevealsNothingOfARestrictedCandidate() throws { try twin(ReferenceWriteTests.self, { $0.testTheRefereeViewRevealsNothingOfARestrictedCandidate }) }
    func testAnAdminSeesNoRefereeAndNoCandidate() throws { try twin(ReferenceWriteTests.self, { $0.testAnAdminSeesNoRefereeAndNoCandidate }) }
}
