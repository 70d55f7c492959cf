import RekryTestSupport
import XCTest

/// ListAccountingTests on PostgreSQL: the same bodies, the same expectations.
final class ListAccountingPostgresTests: XCTestCase {
    func testSearchesAndBrowsingAreRecordedWithoutTheirWords() throws {
        try onPostgres { try ListAccountingTests.instance().testSearchesAndBrowsingAreRecordedWithoutTheirWords() }
    }
}
