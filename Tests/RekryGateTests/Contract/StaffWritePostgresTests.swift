import RekryTestSupport
import XCTest

/// StaffWriteTests on PostgreSQL: the same bodies, the same expectations.
///
/// Left out (SQLite raw SQL): testARemovedMemberCannotSignInAndTheirReportAccessIsGone and testRekeyRetiresTheOldIdentityAndEndsItsGrants (t.scalar and t.sqlite through staffId/keys(of:)).
final class StaffWritePostgresTests: XCTestCase {
    func testRemovalRules() throws {
        try onPostgres {
            let suite = StaffWriteTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testRemovalRules()
        }
    }

    func testAFailedDeliveryLeavesNothingChanged() throws {
        try onPostgres {
            let suite = StaffWriteTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testAFailedDeliveryLeavesNothingChanged()
        }
    }
}
