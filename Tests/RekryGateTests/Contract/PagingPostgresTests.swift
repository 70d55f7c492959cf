import RekryTestSupport
import XCTest

/// PagingTests on PostgreSQL: the same bodies, the same expectations.
final class PagingPostgresTests: XCTestCase {
    func testKeysetPagingWalksEveryRowOnceInBothDirections() throws {
        try onPostgres { try PagingTests.instance().testKeysetPagingWalksEveryRowOnceInBothDirections() }
    }
    func testActivityOrderIsNewestFirstAndStageOrderGroups() throws {
        try onPostgres { try PagingTests.instance().testActivityOrderIsNewestFirstAndStageOrderGroups() }
    }
    func testBadgeFiltersMatchTheBadgeExactly() throws {
        try onPostgres { try PagingTests.instance().testBadgeFiltersMatchTheBadgeExactly() }
    }
}
