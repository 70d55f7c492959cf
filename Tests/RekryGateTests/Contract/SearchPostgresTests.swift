import RekryTestSupport
import XCTest

/// SearchTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: `testFullTextIndexLivesOutsideTheRegisterSchema` (it reads SQLite's schema and its `.text` file).
final class SearchPostgresTests: XCTestCase {
    func run(_ body: (SearchTests) throws -> Void) throws {
        try onPostgres {
            let suite = SearchTests.instance()
            try suite.setUpWithError()
            try body(suite)
        }
    }
    func testNordicFoldedSearch() throws { try run { try $0.testNordicFoldedSearch() } }
    func testCJKAndCombiningSearch() throws { try run { try $0.testCJKAndCombiningSearch() } }
    func testEveryWordMustMatchAndOtherFieldsCount() throws { try run { try $0.testEveryWordMustMatchAndOtherFieldsCount() } }
    func testFullTextSearchOfCVs() throws { try run { try $0.testFullTextSearchOfCVs() } }
}
