import RekryTestSupport
import XCTest

/// ProcessWriteTests on PostgreSQL: the same bodies, the same expectations.
///
/// Left out (SQLite raw SQL): testClosingWithNobodyHiredDestroysEveryReportToTheLastByte and testAHiredCandidatesReportStaysWithTheClosingLeadOnly (t.scalar, t.sqlite through reportBlobs/staffId).
final class ProcessWritePostgresTests: XCTestCase {
    func testOpenAddMoveAndTheirRules() throws {
        try onPostgres {
            let suite = ProcessWriteTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testOpenAddMoveAndTheirRules()
        }
    }

    func testOnlyLeadsClose() throws {
        try onPostgres {
            let suite = ProcessWriteTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testOnlyLeadsClose()
        }
    }

    func testClosingMovesTheRetentionDueDate() throws {
        try onPostgres {
            let suite = ProcessWriteTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testClosingMovesTheRetentionDueDate()
        }
    }

    func testReportRefusalsOnARestrictedRecordTellNothingOfIt() throws {
        try onPostgres {
            let suite = ProcessWriteTests.instance()
            try suite.setUpWithError()
            defer { suite.tearDown() }
            try suite.testReportRefusalsOnARestrictedRecordTellNothingOfIt()
        }
    }
}
