import Foundation
import RekryTestSupport
import XCTest

/// Runs one test method of `suite` on PostgreSQL, with the suite's own set-up and tear-down around it.
fileprivate func twin<Suite: XCTestCase>(_ suite: Suite, _ body: (Suite) -> () throws -> Void) throws {
    try onPostgres {
        try suite.setUpWithError()
        defer { suite.tearDown() }
        try body(suite)()
    }
}

/// WritePolicyTests on PostgreSQL: the same bodies, the same expectations.
/// Left out: testTheDeclaredPolicyAgreesWithTheMatrix checks the pure WritePolicy function, no register.
final class WritePolicyPostgresTests: XCTestCase {
    func testTheWholeWriteMatrix() throws { try twin(WritePolicyTests.instance(), { $0.testTheWholeWriteMatrix }) }
    func testARefusedWriteChangesNothingAndIsNotAudited() throws { try twin(WritePolicyTests.instance(), { $0.testARefusedWriteChangesNothingAndIsNotAudited }) }
}
