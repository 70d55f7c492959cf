import Foundation
import RekryDomain
import RekryTestSupport
import RekryTUI
import XCTest

/// The keys terminal users expect (Ctrl-L, Ctrl-D/Ctrl-U, `:` and an id, `/` with n/N and g/G in the candidate
/// view, R), the boxed confirmation, the badge column's lapse and basis, hints that apply, messages that are
/// never cut off, and a change made by another process showing without a key.
final class TerminalKeysTests: XCTestCase, @unchecked Sendable {
    var t: TestRegister!
    var asa: Int64 = 0

    override func setUpWithError() throws {
        t = try TestRegister()
        let cv = (1...60).map { i in
            i % 20 == 7 ? "Line \(i): worked on zqfindme systems and privacy." : "Line \(i): ordinary experience with Swift and SQL."
        }.joined(separator: "\n")
        asa = try t.addCandidate("Åsa Öberg", basis: .consent, consent: .valid(days: 200), cv: cv)
        for i in 0..<40 { try t.addCandidate("Filler Person\(String(format: "%02d", i))", basis: .contract, consent: .none) }
    }

    func app(_ user: String = "lead", width: Int = 100, height: Int = 30) throws -> App {
        try MainActor.assumeIsolated { try WriteKeys.app(t, user, width: width, height: height) }
    }

    func testCtrlLRepaintsTheWholeScreen() throws {
        try MainActor.assumeIsolated {
            let app = try app()
            let backend = MemoryBackend.drive(app, [.ctrl("l")])
            XCTAssertEqual(backend.invalidations, 1)
            XCTAssertEqual(app.mode, .list)
            XCTAssertFalse(app.takeRedrawRequest(), "asked once, handed over once")
        }
    }

    func testHalfPagesAndGoingToAnId() throws {
        try MainActor.assumeIsolated {
            let app = try app(height: 30)
            let rows = app.render().lines[2..<28].filter { !$0.isEmpty }
            MemoryBackend.drive(app, [.ctrl("d")])
            let half = (30 - 4) / 2
            XCTAssertEqual(app.selectedCandidateId, Int64(rows[half].split(separator: " ")[0]))
            MemoryBackend.drive(app, [.ctrl("u")])
            XCTAssertEqual(app.selectedCandidateId, Int64(rows[0].split(separator: " ")[0]))

            MemoryBackend.drive(app, [.char(":")] + Key.typing(String(asa)))
            XCTAssertEqual(app.mode, .prompt)
            XCTAssertTrue(app.render().text.contains("Go to candidate id: \(asa)"))
            MemoryBackend.drive(app, [.enter])
            XCTAssertEqual(app.mode, .detail)
            XCTAssertEqual(app.selectedCandidateId, asa)
            XCTAssertTrue(app.render().lines[0].contains("Åsa Öberg"))

            MemoryBackend.drive(app, [.escape, .char(":"), .char("x")])
            XCTAssertEqual(app.flashMessage, "An id is a number: type its digits, then Enter.")
            MemoryBackend.drive(app, Key.typing("999999") + [.enter])
            XCTAssertEqual(app.mode, .list)
            XCTAssertTrue(app.flashMessage?.hasPrefix("Could not open candidate #999999") ?? false, app.flashMessage ?? "")
            MemoryBackend.drive(app, [.char(":"), .escape])
            XCTAssertEqual(app.mode, .list, "Esc leaves the prompt")
            // A number typed into search finds no one by that number: the screen says where ids go.
            MemoryBackend.drive(app, [.char("/")] + Key.typing("999999"))
            XCTAssertTrue(app.render().text.contains("To open candidate 999999, press Esc, then : and the id."), app.render().text)
        }
    }

    func testFindInTheCandidateViewWithNextPreviousTopAndBottom() throws {
        try MainActor.assumeIsolated {
            let app = try app(height: 24)
            MemoryBackend.drive(app, WriteKeys.open("asa") + [WriteKeys.tab(.profile)])
            MemoryBackend.drive(app, [.char("/")] + Key.typing("ZQFINDME") + [.enter])
            XCTAssertEqual(app.flashMessage, "'ZQFINDME': 1 of 3")
            var screen = app.render()
            let marked = try XCTUnwrap(screen.lines.first { $0.hasPrefix("▶") }, screen.text)
            XCTAssertTrue(marked.contains("Line 7: worked on zqfindme"), marked)
            MemoryBackend.drive(app, [.char("n")])
            XCTAssertEqual(app.flashMessage, "'ZQFINDME': 2 of 3")
            XCTAssertTrue(app.render().lines.contains { $0.hasPrefix("▶") && $0.contains("Line 27") })
            MemoryBackend.drive(app, [.char("n"), .char("n")])
            XCTAssertEqual(app.flashMessage, "'ZQFINDME': 1 of 3 (from the top again)")
            MemoryBackend.drive(app, [.char("N")])
            XCTAssertEqual(app.flashMessage, "'ZQFINDME': 3 of 3 (from the end again)")

            MemoryBackend.drive(app, [.char("G")])
            screen = app.render()
            XCTAssertTrue(screen.text.contains("Line 60:"), "G shows the end of the tab")
            XCTAssertFalse(screen.text.contains("↓ more"))
            MemoryBackend.drive(app, [.char("g")])
            XCTAssertFalse(app.render().text.contains("Line 60:"))
            MemoryBackend.drive(app, [.pageDown])
            XCTAssertTrue(app.render().text.contains("↓ more") || app.render().text.contains("Line 60:"))
            MemoryBackend.drive(app, [.char("/")] + Key.typing("nowhere to be found") + [.enter])
            XCTAssertEqual(app.flashMessage, "'nowhere to be found' does not occur on this tab.")
        }
    }

    func testTheConfirmationIsBoxedOnFourSidesAndClearedBehind() throws {
        try MainActor.assumeIsolated {
            let app = try app(width: 100, height: 30)
            MemoryBackend.drive(app, WriteKeys.open("asa") + [.char("W")])
            XCTAssertEqual(app.mode, .confirm)
            let lines = app.render().lines
            let top = try XCTUnwrap(lines.firstIndex { $0.contains("┌") && $0.contains("┐") }, lines.joined(separator: "\n"))
            let bottom = try XCTUnwrap(lines.lastIndex { $0.contains("└") && $0.contains("┘") })
            XCTAssertGreaterThan(bottom - top, 4)
            let left = lines[top].firstIndex(of: "┌")!
            for row in lines[(top + 1)..<bottom] {
                XCTAssertTrue(row.contains("│"), row)
                // Inside the box only the box's own text: no tab line or profile text shows through.
                let inner = row[row.index(after: row.firstIndex(of: "│")!)...]
                XCTAssertFalse(inner.contains("ordinary experience"), row)
            }
            XCTAssertEqual(lines[bottom].firstIndex(of: "└").map { lines[bottom].distance(from: lines[bottom].startIndex, to: $0) },
                           lines[top].distance(from: lines[top].startIndex, to: left))
        }
    }

    func testTheBadgeColumnShowsTheLapseAndTheBasis() throws {
        try MainActor.assumeIsolated {
            try t.addCandidate("Due Person", basis: .legitimateInterest, consent: .none,
                               retentionDueAt: TestRegister.start - 86_400)
            for (w, h) in [(80, 24), (120, 40)] {
                let app = try app(width: w, height: h)
                MemoryBackend.drive(app, [.char("/")] + Key.typing("due person") + [.enter])
                let row = try XCTUnwrap(app.render().lines.first { $0.contains("Due Person") })
                XCTAssertTrue(row.contains("ret. due") && row.contains("legit.int"), "\(w)x\(h): '\(row)'")
            }
        }
    }

    func testTheHintLineOffersOnlyWhatApplies() throws {
        try MainActor.assumeIsolated {
            let app = try app(width: 160, height: 30)
            MemoryBackend.drive(app, WriteKeys.open("asa"))
            XCTAssertTrue(app.render().lines[28].contains("withdraw consent"), "a consent in force can be withdrawn")
            MemoryBackend.drive(app, [.escape, .escape] + WriteKeys.open("filler person03"))
            XCTAssertEqual(app.mode, .detail)
            let hints = app.render().lines[28]
            XCTAssertFalse(hints.contains("withdraw consent"), "no consent, no offer: \(hints)")
            XCTAssertTrue(hints.contains("find"), hints)
            MemoryBackend.drive(app, [.escape])
            XCTAssertTrue(app.render().lines[28].contains("stage"), "the list's hints name the filter keys")
        }
    }

    func testALongMessageIsNeverCutOff() throws {
        try MainActor.assumeIsolated {
            let app = try app(width: 80, height: 24)
            MemoryBackend.drive(app, WriteKeys.open("asa"))
            let long = "a text long enough that the message about it cannot fit beside the status on one line"
            MemoryBackend.drive(app, [.char("/")] + Key.typing(long) + [.enter])
            let bottom = app.render().lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(bottom.contains("'\(long)' does not occur on this tab."), bottom)
        }
    }

    /// Two processes: this screen shows a candidate; another process (the command line) withdraws their
    /// consent; at the screen's next idle moment the data held on consent is withheld, with no key pressed.
    func testAnotherProcessesChangeShowsAtTheNextIdleMoment() throws {
        try MainActor.assumeIsolated {
            let app = try app(width: 120, height: 40)
            MemoryBackend.drive(app, WriteKeys.open("asa"))
            XCTAssertTrue(app.render().text.contains("ordinary experience"))
            XCTAssertFalse(app.refreshIfChanged(), "nothing changed yet")
            let withdraw = try RekryBinary.run(["consent", "withdraw", String(asa), "--purpose", "talent-pool",
                                                "--db", t.path, "--identity", try t.identityFile("dpo")],
                                               environment: ["HOME": t.directory, "XDG_STATE_HOME": t.directory + "/state"])
            XCTAssertEqual(withdraw.status, 0, withdraw.stderr)
            // The command line stamps the withdrawal with the real time; this screen's clock follows.
            t.clock.set(Date().addingTimeInterval(60))
            XCTAssertTrue(app.refreshIfChanged(), "the other process's commit is seen")
            let screen = app.render().text
            XCTAssertFalse(screen.contains("ordinary experience"), screen)
            XCTAssertTrue(screen.contains("withheld"), screen)
            XCTAssertFalse(app.refreshIfChanged(), "and only once")
            // The refresh read wrote nothing: two open screens must not refresh each other without end.
            let entries: Int? = try t.scalar("SELECT count(*) FROM auditEntry")
            XCTAssertTrue(app.refreshIfChanged() == false)
            MemoryBackend.drive(app, [.char("R")])
            XCTAssertEqual(try t.scalar("SELECT count(*) FROM auditEntry") as Int?, entries, "a refresh appends no audit entry")
            XCTAssertEqual(app.flashMessage, "Refreshed.")
        }
    }

    /// A person erased by another process while their view is open leaves this screen at its next idle
    /// moment: nothing of them stays shown.
    func testAPersonErasedElsewhereLeavesTheOpenScreen() throws {
        try MainActor.assumeIsolated {
            let app = try app(width: 120, height: 40)
            MemoryBackend.drive(app, WriteKeys.open("asa"))
            XCTAssertTrue(app.render().text.contains("Åsa Öberg"))
            let erase = try RekryBinary.run(["erase", String(asa), "--yes", "--db", t.path, "--identity", try t.identityFile("dpo")],
                                            environment: ["HOME": t.directory, "XDG_STATE_HOME": t.directory + "/state"])
            XCTAssertEqual(erase.status, 0, erase.stderr)
            XCTAssertTrue(app.refreshIfChanged())
            XCTAssertEqual(app.mode, .list)
            let screen = app.render().text
            XCTAssertFalse(screen.contains("Åsa") || screen.contains("zqfindme"), screen)
            XCTAssertEqual(app.flashMessage, "Candidate #\(asa) is no longer on the register (erased by someone else).")
        }
    }
}
