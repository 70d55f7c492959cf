import RekryTestSupport
import XCTest

/// IdentityTests on PostgreSQL: the same bodies, the same expectations.
final class IdentityPostgresTests: XCTestCase {
    func testUnknownMismatchedAndExposedIdentitiesOpenNothing() throws { try onPostgres { try IdentityTests.instance().testUnknownMismatchedAndExposedIdentitiesOpenNothing() } }

    func testAdminsAddStaffAndOthersCannot() throws { try onPostgres { try IdentityTests.instance().testAdminsAddStaffAndOthersCannot() } }

    func testWithdrawingConsentIsAuditedAndWithholdsFromThenOn() throws { try onPostgres { try IdentityTests.instance().testWithdrawingConsentIsAuditedAndWithholdsFromThenOn() } }
}
