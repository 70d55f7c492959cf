import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// Adding a candidate (`a`) and opening a process (`o`) from the list, through the real run loop.
final class AddCandidateKeysTests: XCTestCase, @unchecked Sendable {
    func testAddingACandidateFromTheKeyboardOpensThemAndSearchFindsThem() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Existing Person", basis: .contract, consent: .none)
        let app = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(app, [.char("a")])
        XCTAssertEqual(app.mode, .form)
        XCTAssertTrue(app.render().lines[29].contains("Add a candidate"), "the status line names the form")
        var keys = Key.typing("Åsa Lindqvist") + [.enter] + Key.typing("asa.lindqvist@example.se") + [.enter]
        keys += WriteKeys.times(6, .enter)             // phone, home town, title, employer; country stays SE; no other country
        keys += [.right, .enter, .enter]              // source: the first (applied); no source detail
        keys += [.right, .enter]                      // basis: the first (consent)
        keys += Key.typing("web form") + [.enter]
        keys += Key.typing("I agree to be kept in the talent pool.") + [.enter]  // Enter on the last field saves
        MemoryBackend.drive(app, keys)

        XCTAssertEqual(app.mode, .detail, app.flashMessage ?? "")
        XCTAssertEqual(app.flashMessage?.hasPrefix("Added Åsa Lindqvist"), true, app.flashMessage ?? "")
        let screen = app.render()
        XCTAssertTrue(screen.lines[0].contains("Åsa Lindqvist"), "the new candidate is open:\n\(screen.text)")
        XCTAssertTrue(screen.lines[0].contains("✓ consent"), screen.lines[0])
        let gate = try t.gate("recruiter")
        let found = try gate.page(CandidateQuery(text: "lindqvist"), from: .start, limit: 10)
        XCTAssertEqual(found.map(\.id), [app.selectedCandidateId!])
        let detail = try gate.candidate(found[0].id)
        XCTAssertEqual(detail.contact.value?.email, "asa.lindqvist@example.se")
        XCTAssertEqual(detail.profile.value?.source, .applied)
        XCTAssertEqual(detail.consents.value?.first?.channel, "web form")

        MemoryBackend.drive(app, [.escape] + [.char("/")] + Key.typing("lindq"))
        XCTAssertEqual(app.visibleRowCount, 1, "the list was re-read")
        }
    }

    func testAnInvalidEmailIsShownOnItsFieldAndNothingIsWritten() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let app = try WriteKeys.app(t, "recruiter")
        var keys: [Key] = [.char("a")] + Key.typing("Bo Ek") + [.tab] + Key.typing("bo.example.se")
        keys += WriteKeys.times(7, .tab) + [.right]   // to the source: applied
        keys += [.tab, .tab] + WriteKeys.times(3, .right) // to the basis: consent, explicit-consent, contract
        keys += [WriteKeys.save]
        MemoryBackend.drive(app, keys)
        XCTAssertEqual(app.mode, .form, "the form stays open")
        XCTAssertEqual(app.openForm?.focusedField?.id, "email", "the focus is on the refused field")
        XCTAssertEqual(app.openForm?.errors["email"], "'bo.example.se' is not an email address")
        XCTAssertNotNil(app.render().find("'bo.example.se' is not an email address"), app.render().text)
        XCTAssertEqual(try t.gate("recruiter").candidateCount(), 0, "nothing was written")

        // A consent basis needs its channel and text: the form says so on the channel field.
        keys = [.ctrl("u")] + Key.typing("bo@example.se") + WriteKeys.times(9, .tab) + WriteKeys.times(2, .left) + [WriteKeys.save]
        MemoryBackend.drive(app, keys)
        XCTAssertEqual(app.openForm?.value("basis"), "consent")
        XCTAssertEqual(app.openForm?.focusedField?.id, "channel")
        XCTAssertNotNil(app.render().find("Required with a consent basis"), app.render().text)
        XCTAssertEqual(try t.gate("recruiter").candidateCount(), 0)

        MemoryBackend.drive(app, [.escape])
        XCTAssertEqual(app.mode, .list)
        XCTAssertEqual(app.flashMessage, "Cancelled; nothing saved.")
        }
    }

    func testOpeningAProcessFromTheList() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let app = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(app, [.char("o")] + Key.typing("Data engineer") + [.tab] + Key.typing("Nordbank") + [WriteKeys.save])
        XCTAssertEqual(app.mode, .list)
        let open = try t.gate("recruiter").processes(openOnly: true)
        XCTAssertEqual(open.map(\.title), ["Data engineer"])
        XCTAssertEqual(open.first?.client, "Nordbank")
        XCTAssertEqual(app.flashMessage?.contains("Opened process \(open[0].id)"), true, app.flashMessage ?? "")
        // Ctrl-C ends the session even with a form open; the run loop returns, so the terminal is restored.
        MemoryBackend.drive(app, [.char("o"), .ctrl("c")])
        XCTAssertFalse(app.running)
        }
    }
}
