import RekryTestSupport
import XCTest

/// NameOrderTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: `testMarkedRowsGetTheirKeysAtSignIn` and `testTheNameOrderUsesTheIndex` (they run SQLite's SQL on the
/// file: `t.execute`, `t.scalar`, SQLite's query plan).
final class NameOrderPostgresTests: XCTestCase {
    func testSwedishRegisterListsBySurnameInSwedishOrder() throws {
        try onPostgres { try NameOrderTests.instance().testSwedishRegisterListsBySurnameInSwedishOrder() }
    }
    func testANorwegianProfileReordersEveryRowAndNewOnes() throws {
        try onPostgres { try NameOrderTests.instance().testANorwegianProfileReordersEveryRowAndNewOnes() }
    }
    func testStageOrderSortsByNameWithinAStage() throws {
        try onPostgres { try NameOrderTests.instance().testStageOrderSortsByNameWithinAStage() }
    }
}
