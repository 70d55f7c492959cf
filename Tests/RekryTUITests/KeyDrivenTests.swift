import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// A few integration tests: keys go in through the run loop and the in-memory backend, the model is checked.
/// XCTest on Linux runs test methods on the main thread; bodies assume the main actor explicitly.
final class KeyDrivenTests: XCTestCase, @unchecked Sendable {
    func testBrowseSearchRestoreAndOpen() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        for i in 0..<120 { try t.addCandidate(String(format: "Person %03d", i), basis: .contract, consent: .none) }
        try t.addCandidate("Bjørn Ødegård", basis: .contract, consent: .none)
        let app = try App(gate: try t.gate("recruiter"), theme: Theme(colors: true, unicode: true), width: 80, height: 24)
        // Down past the window reads the next rows by key; G and g jump to the ends.
        let backend = MemoryBackend.drive(app, Array(repeating: .char("j"), count: 25) + [.char("G")])
        XCTAssertEqual(app.selectedCandidateId, 121, "G selects the last row by surname (Ødegård: Ø sorts after Z)")
        let last = backend.lastScreen!.text
        XCTAssertTrue(last.contains("Bjørn Ødegård") && last.contains("Person 119"), last)

        let app2 = try App(gate: try t.gate("recruiter"), theme: Theme(colors: true, unicode: true), width: 80, height: 24)
        MemoryBackend.drive(app2, [.pageDown, .pageDown])
        let before = app2.selectedCandidateId
        MemoryBackend.drive(app2, Key.typing("/bjo"))
        XCTAssertEqual(app2.mode, .search)
        XCTAssertEqual(app2.visibleRowCount, 1)
        MemoryBackend.drive(app2, [.escape])
        XCTAssertEqual(app2.mode, .list)
        XCTAssertEqual(app2.selectedCandidateId, before, "Esc restores the list where it was")
        MemoryBackend.drive(app2, Key.typing("/bjorn") + [.enter, .enter, .tab, .tab])
        XCTAssertEqual(app2.mode, .detail)
        XCTAssertEqual(app2.currentTab, .references)
        // Opening the candidate was audited.
        XCTAssertTrue(try t.gate("dpo").auditEntries().contains { $0.action == "candidate.open" })
        MemoryBackend.drive(app2, [.escape, .char("q")])
        XCTAssertFalse(app2.running)
        }
    }

    func testFullTextIsAnExplicitQuery() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Åsa Öberg", basis: .contract, consent: .none)
        let app = try App(gate: try t.gate("recruiter"), theme: Theme(colors: true, unicode: true), width: 80, height: 24)
        MemoryBackend.drive(app, [.char("f")] + Key.typing("privacy"))
        XCTAssertEqual(app.mode, .fullTextPrompt)
        XCTAssertEqual(app.query.text, "", "nothing runs per keystroke")
        // Enter starts the search in the background: the screen says so until the result is drained.
        app.handle(.enter)
        XCTAssertTrue(app.render().lines[0].contains("searching…"))
        XCTAssertTrue(app.render().lines.contains { $0.contains("Searching CVs and notes") })
        MemoryBackend.drive(app, [])
        XCTAssertEqual(app.visibleRowCount, 1)
        XCTAssertTrue(app.render().lines[0].contains("full text “privacy”"))
        XCTAssertTrue(app.render().lines[0].contains("1 match "))
        // Leaving a search before its result arrives drops the result.
        MemoryBackend.drive(app, [.char("f")] + Key.typing("privacy"))
        app.handle(.enter)
        app.handle(.escape)
        MemoryBackend.drive(app, [])
        XCTAssertFalse(app.render().lines[0].contains("full text"))
        XCTAssertEqual(app.visibleRowCount, 1, "the plain list again")
        }
    }

    func testFiltersAndSortCycle() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Due Person", basis: .contract, consent: .none, retentionDueAt: TestRegister.start.addingTimeInterval(-10))
        try t.addCandidate("Fine Person", basis: .contract, consent: .none)
        let app = try App(gate: try t.gate("recruiter"), theme: Theme(colors: true, unicode: true), width: 100, height: 24)
        MemoryBackend.drive(app, [.char("r")])
        XCTAssertEqual(app.visibleRowCount, 1)
        XCTAssertTrue(app.render().lines[0].contains("retention due"))
        MemoryBackend.drive(app, [.char("c"), .char("s")])
        XCTAssertEqual(app.visibleRowCount, 2)
        XCTAssertEqual(app.query.order, .activity)
        // p: only the selected candidate's process; again: everyone.
        let inProcess = try t.addCandidate("Process Person", basis: .contract, consent: .none)
        try t.addToProcess(inProcess, stage: .interview, title: "Controller")
        MemoryBackend.drive(app, [.char("c"), .char("g")])
        while app.selectedCandidateId != inProcess { app.handle(.char("j")) }
        MemoryBackend.drive(app, [.char("p")])
        XCTAssertEqual(app.visibleRowCount, 1)
        XCTAssertTrue(app.render().lines[0].contains("process=Controller"), app.render().lines[0])
        MemoryBackend.drive(app, [.char("p")])
        XCTAssertEqual(app.visibleRowCount, 3)
        }
    }
}
