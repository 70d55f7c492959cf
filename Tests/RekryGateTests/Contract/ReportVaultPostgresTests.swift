import RekryTestSupport
import XCTest

/// ReportVaultTests on PostgreSQL: the same bodies, the same expectations.
///
/// Left out (SQLite raw SQL): testOnlyGranteesReadAndRevokingTakesItAway (t.scalar), testHiredCandidatesReportOutlivesTheProcessForNewGrantsOnly (t.execute).
final class ReportVaultPostgresTests: XCTestCase {
    func testTextIsNeverStoredInPlainText() throws { try onPostgres { try ReportVaultTests.instance().testTextIsNeverStoredInPlainText() } }

    func testGrantRulesAndTheirErrors() throws { try onPostgres { try ReportVaultTests.instance().testGrantRulesAndTheirErrors() } }

    func testAttachNeedsExplicitConsentAnOpenProcessAndALead() throws { try onPostgres { try ReportVaultTests.instance().testAttachNeedsExplicitConsentAnOpenProcessAndALead() } }
}
