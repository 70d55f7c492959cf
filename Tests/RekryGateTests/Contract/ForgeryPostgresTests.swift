import RekryTestSupport
import XCTest

/// ForgeryTests on PostgreSQL: the same bodies, the same expectations.
///
/// Every other method writes the forgery with SQLite raw SQL (t.execute, t.scalar, t.sqlite, or opensReport, which reads the SQLite file): they are not contract tests. On PostgreSQL a login cannot write those rows at all (PostgresStaffRLSTests).
final class ForgeryPostgresTests: XCTestCase {
    func testTheKeyLogRefusesARewriteUnderAnotherRootAndKeysIntroducedByNonAdmins() throws {
        try onPostgres {
            let suite = ForgeryTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testTheKeyLogRefusesARewriteUnderAnotherRootAndKeysIntroducedByNonAdmins()
        }
    }
}
