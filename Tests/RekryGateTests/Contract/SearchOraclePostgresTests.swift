import RekryTestSupport
import XCTest

/// SearchOracleTests on PostgreSQL: the same bodies, the same expectations.
final class SearchOraclePostgresTests: XCTestCase {
    func run(_ body: (SearchOracleTests) throws -> Void) throws {
        try onPostgres {
            let suite = SearchOracleTests.instance()
            try suite.setUpWithError()
            try body(suite)
        }
    }
    func testWithheldValuesAndEveryPrefixMatchNothing() throws { try run { try $0.testWithheldValuesAndEveryPrefixMatchNothing() } }
    func testFullTextOfWithheldDocumentsFindsNothing() throws { try run { try $0.testFullTextOfWithheldDocumentsFindsNothing() } }
    func testAWithheldTextNeitherFindsNorRanksItsOwner() throws { try run { try $0.testAWithheldTextNeitherFindsNorRanksItsOwner() } }
    func testAWithheldRowTellsNothingOfItsActivity() throws { try run { try $0.testAWithheldRowTellsNothingOfItsActivity() } }
    func testAWithheldRowsPlaceDependsOnNothingItHides() throws { try run { try $0.testAWithheldRowsPlaceDependsOnNothingItHides() } }
    func testAStageTheActorMayNotSeeDoesNotFilter() throws { try run { try $0.testAStageTheActorMayNotSeeDoesNotFilter() } }
    func testTheAdminSeesNoCandidateRowsAtAll() throws { try run { try $0.testTheAdminSeesNoCandidateRowsAtAll() } }
    func testTheDPOAnsweringARequestFindsEveryone() throws { try run { try $0.testTheDPOAnsweringARequestFindsEveryone() } }
}
