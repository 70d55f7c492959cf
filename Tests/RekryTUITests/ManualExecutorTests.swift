import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// With an injected executor the test decides when background work runs, so the order of a stale and a
/// fresh result is fixed, not left to threads.
final class ManualExecutorTests: XCTestCase, @unchecked Sendable {
    func testALateResultForACandidateLeftIsDroppedAndTheNewOneShown() throws {
        try MainActor.assumeIsolated {
            let t = try TestRegister()
            try t.addCandidate("Alma Berg", basis: .contract, consent: .none)
            let second = try t.addCandidate("Britt Carlsson", basis: .contract, consent: .none)
            let executor = ManualExecutor()
            let app = try App(gate: t.gate("recruiter"), theme: Theme(colors: false, unicode: true), width: 100, height: 30,
                              executor: executor)
            app.start()
            executor.runAll()
            app.drainBackground()

            app.handle(.enter)  // Alma: her read waits in the executor
            XCTAssertEqual(executor.pending, 1)
            XCTAssertTrue(app.render().text.contains("loading…"))
            app.handle(.escape)
            app.handle(.char("j"))
            app.handle(.enter)  // Britt
            XCTAssertEqual(executor.pending, 2)
            XCTAssertTrue(executor.runNext(), "Alma's read finishes first")
            app.drainBackground()
            XCTAssertTrue(app.isOpening, "Alma's result was dropped: Britt is still loading")
            executor.runAll()
            app.drainBackground()
            XCTAssertEqual(app.selectedCandidateId, second)
            XCTAssertTrue(app.render().lines[0].contains("Britt Carlsson"))
            XCTAssertFalse(app.render().text.contains("Alma Berg"))
        }
    }
}
