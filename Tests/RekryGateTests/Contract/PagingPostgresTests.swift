import RekryTestSupport
import XCTest

/// PagingTests on PostgreSQL: the same bodies, the same expectations.
final class PagingPostgresTests: XCTestCase {
    func testKeysetPagingWalksEveryRowOnceInBothDirections() throws {
        try onPostgres { try PagingTests().testKeysetPagingWalksEveryRowOnceInBothDirections() }
    }
    func testActivityOrderIsNewestFirstAndStageOrderGroups() throws {
        try onPostgres { try PagingTests().testActivityOrderIsNewestFirstAndStageOrderGroups() }
    }
    func testBadgeFiltersMatchTheBadgeExactly() throws {
        try onPostgres { try PagingTests().testBadgeFiltersMatchTheBadgeExactly() }
    }
}
