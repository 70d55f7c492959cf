import RekryDomain
import GRDB
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

final class PagingTests: XCTestCase {
    func testKeysetPagingWalksEveryRowOnceInBothDirections() throws {
        let t = try TestRegister()
        let names = (0..<57).map { "Person \(String(format: "%03d", ($0 * 37) % 57))" }
        for n in names { try t.addCandidate(n, basis: .contract, consent: .none) }
        let gate = try t.gate("recruiter")
        var seen: [String] = []
        var anchor = PageAnchor.start
        while true {
            let page = try gate.page(CandidateQuery(), from: anchor, limit: 10)
            seen += page.compactMap(\.name.value)
            guard page.count == 10, let last = page.last else { break }
            anchor = .after(last.key)
        }
        XCTAssertEqual(seen, names.sorted())
        var back: [String] = []
        anchor = .end
        while true {
            let page = try gate.page(CandidateQuery(), from: anchor, limit: 10)
            back = page.compactMap(\.name.value) + back
            guard page.count == 10, let first = page.first else { break }
            anchor = .before(first.key)
        }
        XCTAssertEqual(back, names.sorted())
    }

    func testActivityOrderIsNewestFirstAndStageOrderGroups() throws {
        let t = try TestRegister()
        let old = try t.addCandidate("Old", basis: .contract, consent: .none, lastActivityAt: TestRegister.start.addingTimeInterval(-1000))
        let new = try t.addCandidate("New", basis: .contract, consent: .none, lastActivityAt: TestRegister.start)
        try t.addToProcess(old, stage: .offer)
        try t.addToProcess(new, stage: .screening)
        let gate = try t.gate("recruiter")
        XCTAssertEqual(try gate.page(CandidateQuery(order: .activity), from: .start, limit: 5).map(\.id), [new, old])
        XCTAssertEqual(try gate.page(CandidateQuery(order: .stage), from: .start, limit: 5).map(\.id), [new, old])
        XCTAssertEqual(try gate.page(CandidateQuery(stage: .offer), from: .start, limit: 5).map(\.id), [old])
    }

    func testBadgeFiltersMatchTheBadgeExactly() throws {
        let t = try TestRegister()
        let expiring = try t.addCandidate("Expiring", consent: .valid(days: 10))
        let valid = try t.addCandidate("Valid", consent: .valid(days: 200))
        let withdrawn = try t.addCandidate("Withdrawn", consent: .withdrawn)
        let due = try t.addCandidate("Due", basis: .contract, consent: .none, retentionDueAt: TestRegister.start.addingTimeInterval(-1))
        let art14 = try t.addCandidate("Sourced", basis: .legitimateInterest, consent: .none, source: .linkedin,
                                       collectedAt: TestRegister.start.addingTimeInterval(-40 * 86_400))
        let gate = try t.gate("recruiter")
        func ids(_ state: BadgeState) throws -> [Int64] { try gate.page(CandidateQuery(badge: state), from: .start, limit: 50).map(\.id) }
        XCTAssertEqual(try ids(.consentExpiring), [expiring])
        XCTAssertEqual(try ids(.consentValid), [valid])
        XCTAssertEqual(try ids(.consentWithdrawn), [withdrawn])
        XCTAssertEqual(try ids(.retentionDue), [due])
        XCTAssertEqual(try ids(.art14NoticeDue), [art14])
        XCTAssertEqual(try gate.page(CandidateQuery(retentionDueOnly: true), from: .start, limit: 50).map(\.id), [due])
        XCTAssertEqual(try gate.count(CandidateQuery(badge: .consentValid)).value, 1)
        // Time moves: eleven days later the expiring consent has expired.
        t.clock.advance(by: 11 * 86_400)
        XCTAssertEqual(try ids(.consentExpired), [expiring])
    }
}
