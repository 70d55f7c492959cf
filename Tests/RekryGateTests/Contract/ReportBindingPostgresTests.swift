import RekryTestSupport
import XCTest

/// ReportBindingTests on PostgreSQL: the same bodies, the same expectations.
///
/// Left out (SQLite raw SQL): testAReportMovedWithItsKeysOntoAnotherPersonOpensNothing (t.execute, t.scalar).
final class ReportBindingPostgresTests: XCTestCase {
    func testAReportSealedBeforeBindingsStillOpens() throws { try onPostgres { try ReportBindingTests.instance().testAReportSealedBeforeBindingsStillOpens() } }
}
