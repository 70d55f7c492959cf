import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The referee view: on the References tab j/k pick a reference and `v` shows its referee, with the candidates
/// they give references for drawn as the list draws them; Enter opens one, Esc goes back to the candidate.
final class RefereeViewTests: XCTestCase, @unchecked Sendable {
    /// Alma and Britt share one referee (the same email); Alma has a second referee of her own.
    private func register() throws -> (TestRegister, alma: Int64, britt: Int64) {
        let t = try TestRegister()
        let alma = try t.addCandidate("Alma Berg", basis: .contract, consent: .none, title: "Backend developer", employer: "Acme")
        let britt = try t.addCandidate("Britt Carlsson", basis: .contract, consent: .none, title: "Tester", employer: "Betala AB")
        let recruiter = try t.gate("recruiter")
        try recruiter.addReference(candidateId: alma, ReferenceDraft(name: "Rut Referent", relationship: "former manager",
                                                                     email: "rut@example.se"))
        try recruiter.addReference(candidateId: alma, ReferenceDraft(name: "Sven Annan", relationship: "colleague",
                                                                     email: "sven@example.se"))
        try recruiter.addReference(candidateId: britt, ReferenceDraft(name: "Rut Referent", relationship: "mentor",
                                                                      email: "rut@example.se"))
        return (t, alma, britt)
    }

    private func lineOf(_ screen: ScreenBuffer, _ text: String) -> String? { screen.lines.first { $0.contains(text) } }

    func testViewTheRefereeListsTheirCandidatesEnterOpensOneEscReturns() throws {
        try MainActor.assumeIsolated {
        let (t, alma, britt) = try register()
        let app = try WriteKeys.app(t, "recruiter", width: 120, height: 30)
        MemoryBackend.drive(app, WriteKeys.open("Alma") + [WriteKeys.tab(.references)])
        XCTAssertEqual(app.currentTab, .references)
        var screen = app.render()
        XCTAssertTrue(lineOf(screen, "Rut Referent")?.contains("▸") == true, screen.text)
        XCTAssertTrue(screen.text.contains("v  view referee"), "the hint line shows the key on its tab\n\(screen.text)")

        // v views the selected reference's referee: both candidates, as the list draws them.
        MemoryBackend.drive(app, [.char("v")])
        XCTAssertEqual(app.mode, .referee, app.flashMessage ?? "")
        screen = app.render()
        XCTAssertTrue(screen.lines[0].contains("Referee: Rut Referent"), screen.lines[0])
        XCTAssertEqual(app.refereeCandidateIds, [alma, britt])
        let almaRow = try XCTUnwrap(lineOf(screen, "Alma Berg"), screen.text)
        let brittRow = try XCTUnwrap(lineOf(screen, "Britt Carlsson"), screen.text)
        XCTAssertTrue(almaRow.hasPrefix(String(alma)) && almaRow.contains("Backend developer"), almaRow)
        XCTAssertTrue(brittRow.hasPrefix(String(britt)) && brittRow.contains("Tester"), brittRow)
        XCTAssertTrue(brittRow.contains(BadgeState.contract.short), brittRow)
        XCTAssertTrue(screen.text.contains("Title, employer"), "the list's header")

        // Esc goes back to the candidate, on the References tab.
        MemoryBackend.drive(app, [.escape])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.currentTab, .references)
        XCTAssertTrue(app.render().lines[0].contains("Alma Berg"))

        // j picks the other referee: they refer Alma only.
        MemoryBackend.drive(app, [.char("j"), .char("v")])
        screen = app.render()
        XCTAssertTrue(screen.lines[0].contains("Referee: Sven Annan"), screen.lines[0])
        XCTAssertEqual(app.refereeCandidateIds, [alma])
        XCTAssertNil(lineOf(screen, "Britt Carlsson"))

        // Back, the first referee again, and Enter on Britt opens her.
        MemoryBackend.drive(app, [.escape, .char("k"), .char("v"), .char("j"), .enter])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.selectedCandidateId, britt)
        XCTAssertTrue(app.render().lines[0].contains("Britt Carlsson"), app.render().text)
        }
    }

    func testTheKeyIsInHelpWorksOnlyOnReferencesAndStaysInReadOnlyMode() throws {
        try MainActor.assumeIsolated {
        let (t, alma, britt) = try register()
        XCTAssertEqual(KeyTables.detail.binding(for: .viewReferee)?.keys, [.char("v")])
        XCTAssertEqual(KeyTables.referee.collisions, [])
        let app = try WriteKeys.app(t, "recruiter", readOnly: true, width: 140, height: 50)
        MemoryBackend.drive(app, WriteKeys.open("Alma") + [.char("?")])
        XCTAssertTrue(app.render().text.contains("view the referee: the candidates they give references for  · References tab"),
                      app.render().text)
        MemoryBackend.drive(app, [.escape, WriteKeys.tab(.profile), .char("v")])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertTrue(app.flashMessage?.contains("works on the References (3) tab") == true, app.flashMessage ?? "")
        MemoryBackend.drive(app, [WriteKeys.tab(.references), .char("v")])
        XCTAssertEqual(app.mode, .referee, "a read: read-only mode keeps it")
        XCTAssertEqual(app.refereeCandidateIds, [alma, britt])
        MemoryBackend.drive(app, [.char("?")])
        XCTAssertTrue(app.render().text.contains("Keys: Referee"), app.render().text)
        MemoryBackend.drive(app, [.escape])
        XCTAssertEqual(app.mode, .referee)
        MemoryBackend.drive(app, [.char("q")])
        XCTAssertEqual(app.mode, .detail)
        }
    }

    func testARestrictedCandidateShowsTheWithheldNameAndNoCandidates() throws {
        try MainActor.assumeIsolated {
        let (t, alma, britt) = try register()
        try t.gate("dpo").setRestriction(candidateId: britt, restricted: true, reason: "accuracy contested")
        let app = try WriteKeys.app(t, "recruiter", width: 120, height: 30)

        // Through Alma the referee shows, but never that the restricted Britt has them.
        MemoryBackend.drive(app, WriteKeys.open("Alma") + [WriteKeys.tab(.references), .char("v")])
        XCTAssertEqual(app.mode, .referee, app.flashMessage ?? "")
        XCTAssertEqual(app.refereeCandidateIds, [alma])
        XCTAssertNil(lineOf(app.render(), "Britt Carlsson"), app.render().text)

        // Through Britt's withheld reference: the withheld reason in the title, and nobody listed.
        MemoryBackend.drive(app, [.escape, .escape, .escape])
        XCTAssertEqual(app.mode, .list)
        XCTAssertEqual(app.query.text, "", "out of the search results")
        MemoryBackend.drive(app, [.char("G"), .enter, WriteKeys.tab(.references)])
        XCTAssertEqual(app.selectedCandidateId, britt, app.render().text)
        MemoryBackend.drive(app, [.char("v")])
        XCTAssertEqual(app.mode, .referee, app.flashMessage ?? "")
        let screen = app.render()
        XCTAssertTrue(screen.lines[0].contains("Referee —") && screen.lines[0].contains("withheld"), screen.text)
        XCTAssertFalse(screen.text.contains("Rut Referent"), screen.text)
        XCTAssertEqual(app.refereeCandidateIds, [])
        XCTAssertNil(lineOf(screen, "Alma Berg"), screen.text)
        XCTAssertNil(lineOf(screen, "Britt"), screen.text)
        XCTAssertTrue(screen.text.contains("Withheld: whom this referee gives references for is not shown."), screen.text)
        MemoryBackend.drive(app, [.escape])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.selectedCandidateId, britt)
        }
    }
}
