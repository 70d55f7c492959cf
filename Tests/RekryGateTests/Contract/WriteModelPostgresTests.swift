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

/// ContactSearchTests on PostgreSQL: the same bodies, the same expectations.
/// WriteModelTests' own methods touch no register (the write model is pure Swift, the same on both backends);
/// its file's ContactSearchTests are the ones that store and search, and they are twinned here.
final class ContactSearchPostgresTests: XCTestCase {
    func testEmailWholeLocalPartAndDomain() throws { try twin(ContactSearchTests.instance(), { $0.testEmailWholeLocalPartAndDomain }) }
    func testSwedishPhoneInEveryForm() throws { try twin(ContactSearchTests.instance(), { $0.testSwedishPhoneInEveryForm }) }
    func testNorwegianPhoneInEveryForm() throws { try twin(ContactSearchTests.instance(), { $0.testNorwegianPhoneInEveryForm }) }
}
