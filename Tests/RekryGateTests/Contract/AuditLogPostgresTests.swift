import RekryTestSupport
import XCTest

/// AuditLogTests on PostgreSQL: the same bodies, the same expectations.
///
/// Left out (SQLite raw SQL): testChangedEntryIsNamed, testRemovedEntryIsNamed, testSwappedEntriesAreNamed, testRecomputedChainIsCaughtByTheHeadFile, testEntriesHoldNoPersonalData (t.execute, t.scalar); AuditHeadOrderTests (the SQLite head file). PostgresStaffRLSTests tries forged entries on the server.
final class AuditLogPostgresTests: XCTestCase {
    func testIntactChainVerifies() throws { try onPostgres { try AuditLogTests.instance().testIntactChainVerifies() } }

    func testRecruitersCannotReadTheLog() throws { try onPostgres { try AuditLogTests.instance().testRecruitersCannotReadTheLog() } }
}
