import RekryTestSupport
import XCTest

/// BreachLogTests on PostgreSQL: the same bodies, the same expectations.
final class BreachLogPostgresTests: XCTestCase {
    func run(_ body: (BreachLogTests) throws -> Void) throws {
        try onPostgres {
            let suite = BreachLogTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try body(suite)
        }
    }

    func testRecordingTheBadgeTheNotificationAndTheAuditTrail() throws { try run { try $0.testRecordingTheBadgeTheNotificationAndTheAuditTrail() } }
    func testOnlyTheDPOKeepsTheLog() throws { try run { try $0.testOnlyTheDPOKeepsTheLog() } }
    func testBadInputIsNamed() throws { try run { try $0.testBadInputIsNamed() } }
    func testAnErasureTakesTheNameOutOfADescriptionInEveryForm() throws { try run { try $0.testAnErasureTakesTheNameOutOfADescriptionInEveryForm() } }
    func testTheLettersRecipientsComeThroughTheGateAndAnErasedPersonLeavesOnlyAPseudonym() throws {
        try run { try $0.testTheLettersRecipientsComeThroughTheGateAndAnErasedPersonLeavesOnlyAPseudonym() }
    }
}
