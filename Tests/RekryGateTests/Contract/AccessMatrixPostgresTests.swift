import RekryTestSupport
import XCTest

/// AccessMatrixTests on PostgreSQL: the same bodies, the same expectations.
final class AccessMatrixPostgresTests: XCTestCase {
    func testTheWholeAccessMatrix() throws { try onPostgres { try AccessMatrixTests.instance().testTheWholeAccessMatrix() } }

    func testDataSubjectRequestPurposeIsTheDPOsAndShowsLapsedItemsButNeverTheReport() throws { try onPostgres { try AccessMatrixTests.instance().testDataSubjectRequestPurposeIsTheDPOsAndShowsLapsedItemsButNeverTheReport() } }
}
