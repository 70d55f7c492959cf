import Foundation
import RekryDomain
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// Every view is accounted for: explicit and full-text searches and browsing leave audit entries with no
/// query text and no personal data; typing does not write.
final class ListAccountingTests: XCTestCase {
    func testSearchesAndBrowsingAreRecordedWithoutTheirWords() throws {
        let t = try TestRegister()
        try t.addCandidate("Åsa Öberg", basis: .contract, consent: .none, cv: "Kubernetes and Swift at Klarna.")
        let r = try t.gate("recruiter")
        let before = try t.gate("lead").auditEntries().count
        // Typing a search writes nothing.
        for prefix in ["å", "ås", "åsa"] { _ = try r.page(CandidateQuery(text: prefix), from: .start, limit: 10) }
        XCTAssertEqual(try t.gate("lead").auditEntries().count, before)
        try r.recordListReading(.browse)
        try r.recordListReading(.search)
        XCTAssertEqual(try r.fullTextSearch("kubernetes").count, 1)
        let entries = try t.gate("lead").auditEntries().suffix(3)
        XCTAssertEqual(entries.map(\.action), ["list.browse", "list.search", "list.full-text"])
        for e in entries {
            XCTAssertNil(e.subject)
            XCTAssertFalse("\(e.detail) \(e.purpose)".lowercased().contains("kubernetes"))
            XCTAssertFalse("\(e.detail)".lowercased().contains("asa"))
        }
    }
}
