import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// Renders every screen into the in-memory buffer at 80x24 and 120x40 and asserts on text and styles.
/// XCTest on Linux runs test methods on the main thread; bodies assume the main actor explicitly.
final class ScreenTests: XCTestCase, @unchecked Sendable {
    var t: TestRegister!
    var ids: [String: Int64] = [:]
    let reportMarker = "REPORT-TEXT-4c1e-confidential"

    override func setUp() async throws {
        t = try TestRegister()
        let people: [(String, LegalBasis, TestRegister.ConsentSetup)] = [
            ("Åsa Öberg", .consent, .valid(days: 200)), ("Bjørn Ødegård", .contract, .none), ("王小明", .consent, .valid(days: 10)),
            ("Zoë 👩‍💻 Ångström", .legitimateInterest, .none), ("Withdrawn Person", .consent, .withdrawn),
            ("Renée Dubois", .consent, .expired),
        ]
        for (name, basis, consent) in people {
            ids[name] = try t.addCandidate(name, basis: basis, consent: consent, email: "x@example.se", phone: "+46 70 111 22 33")
        }
        let bjorn = ids["Bjørn Ødegård"]!
        try t.addToProcess(bjorn, stage: .final)
        try t.addPsychConsent(bjorn)
        try t.addReference(bjorn, name: "Kjersti Haugen")
        try t.addAssessment(bjorn, text: "Structured and calm.")
        try t.gate("lead").attachReport(candidateId: bjorn, text: reportMarker, author: "Leg. psykolog Anna Wiklund")
    }

    @MainActor
    func app(_ user: String, _ w: Int, _ h: Int, readOnly: Bool = false, colors: Bool = true) throws -> App {
        let app = try App(gate: try t.gate(user), readOnly: readOnly, theme: Theme(colors: colors, unicode: true), width: w, height: h)
        app.start()
        waitForBackground(app)
        return app
    }

    /// Waits for background work (counts, candidate and report reads) instead of sleeping, applying results as
    /// they come: a result stays pending until applied, and applying one can start more work.
    @MainActor
    func waitForBackground(_ app: App) {
        let deadline = Date().addingTimeInterval(10)
        while app.mailbox.isBusy && Date() < deadline {
            if !app.drainBackground() { RunLoopPoll.spin() }
        }
    }

    @MainActor
    func press(_ app: App, _ keys: [Key]) {
        for k in keys { app.handle(k) }
        waitForBackground(app)
    }

    @MainActor
    func rowLines(_ screen: ScreenBuffer) -> [String] {
        Array(screen.lines[2..<(screen.height - 2)]).filter { !$0.isEmpty }
    }

    func testListAtBothSizesShowsEveryRowWithABadgeAndAlignsWideNames() throws {
        try MainActor.assumeIsolated {
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = try app("recruiter", w, h).render()
            XCTAssertEqual(screen.width, w)
            let rows = rowLines(screen)
            XCTAssertEqual(rows.count, 6)
            let badgeWords = BadgeState.allCases.map(\.short)
            for row in rows { XCTAssertTrue(badgeWords.contains { row.contains($0) }, "no badge in '\(row)'") }
            // Names of different scripts end in the same column: the badge column lines up.
            let badgeColumns = Set(rows.compactMap { row in
                badgeWords.compactMap { row.range(of: $0) }.first.map { DisplayWidth.of(String(row[..<$0.lowerBound])) }
            })
            XCTAssertEqual(badgeColumns.count, 1, "\(rows)")
            XCTAssertTrue(screen.text.contains("王小明"))
            XCTAssertTrue(screen.text.contains("Zoë 👩 Ångström"), "joined emoji sanitised:\n\(screen.text)")
            XCTAssertTrue(screen.text.contains("— withheld: consent"))
            XCTAssertTrue(screen.lines[0].contains("6 candidates"))
            XCTAssertTrue(screen.lines[h - 1].contains("Recruiter (recruiter, recruiter)"))
            XCTAssertEqual(screen.style(of: "✗ withdrawn")?.fg, .red)
            XCTAssertEqual(screen.style(of: "✓ consent")?.fg, .green)
        }
        }
    }

    func testNoColorKeepsBoldAndReverseButNoColours() throws {
        try MainActor.assumeIsolated {
        let screen = try app("recruiter", 80, 24, colors: false).render()
        for y in 0..<screen.height { for x in 0..<screen.width { XCTAssertEqual(screen[x, y].style.fg, .default) } }
        XCTAssertEqual(screen.style(of: "✗ withdrawn")?.bold, true)
        XCTAssertTrue(screen[0, 2].style.reverse, "the selection is drawn in reverse")
        XCTAssertFalse(Theme.fromEnvironment(["NO_COLOR": "1", "LANG": "C.UTF-8"]).colors)
        XCTAssertTrue(Theme.fromEnvironment(["NO_COLOR": "", "LANG": "C.UTF-8"]).colors)
        XCTAssertFalse(Theme.fromEnvironment(["LANG": "C"]).unicode)
        for utf8 in ["C.UTF-8", "en_US.utf8", "sv_SE.UTF-8@euro", "UTF-8"] {
            XCTAssertTrue(Theme.fromEnvironment(["LANG": utf8]).unicode, utf8)
        }
        XCTAssertFalse(Theme.fromEnvironment(["LANG": "sv_SE.ISO-8859-1"]).unicode)
        XCTAssertFalse(Theme.fromEnvironment(["LC_ALL": "POSIX", "LANG": "C.UTF-8"]).unicode, "LC_ALL wins")
        }
    }

    func testEveryTabShowsBadgesAndANonGranteeSeesNoneOfTheReport() throws {
        try MainActor.assumeIsolated {
        for (user, shouldSee) in [("recruiter", false), ("dpo", false), ("lead", true)] {
            for (w, h) in [(80, 24), (120, 40)] {
                let app = try app(user, w, h)
                press(app, Key.typing("/bjorn") + [.enter, .enter])
                XCTAssertEqual(app.mode, .detail)
                for tab in DetailTab.allCases {
                    press(app, [.char(Character(String(tab.rawValue + 1)))])
                    let screen = app.render()
                    XCTAssertEqual(app.currentTab, tab)
                    let body = screen.lines[2..<(h - 2)].joined(separator: "\n")
                    XCTAssertFalse(body.isEmpty, "\(user) \(tab)")
                    if tab != .activity {
                        XCTAssertTrue(body.contains("["), "\(user) \(tab) shows no badge:\n\(body)")
                    }
                    if tab == .report {
                        XCTAssertEqual(body.contains(reportMarker), shouldSee, "\(user) report:\n\(body)")
                        if !shouldSee { XCTAssertTrue(body.contains("Ask lead for access") || body.contains("withheld"), body) }
                    }
                }
            }
        }
        }
    }

    func testHelpIsGeneratedFromTheKeyTableAndReadOnlyDropsDestructiveKeys() throws {
        try MainActor.assumeIsolated {
        // Tall enough for the whole table on one screen (help scrolls on smaller ones).
        let app = try app("recruiter", 120, 70)
        press(app, [.enter, .char("?")])
        let help = app.render().text
        for b in KeyTables.detail.bindings { XCTAssertTrue(help.contains(b.help), b.help) }
        XCTAssertTrue(help.contains("destructive: always confirmed"))
        let ro = try self.app("recruiter", 120, 40, readOnly: true)
        press(ro, [.enter])
        XCTAssertFalse(ro.keyMap.bindings.contains { $0.destructive })
        press(ro, [.char("W")])
        XCTAssertEqual(ro.mode, .detail, "W does nothing in read-only mode")
        press(ro, [.char("?")])
        XCTAssertFalse(ro.render().text.contains("withdraw the candidate's consent"))
        XCTAssertTrue(ro.render().text.contains("READ-ONLY"))
        }
    }

    func testWithdrawingConsentIsConfirmedWithAPreview() throws {
        try MainActor.assumeIsolated {
        let app = try app("recruiter", 100, 30)
        press(app, Key.typing("/asa") + [.enter, .enter, .char("W")])
        XCTAssertEqual(app.mode, .confirm)
        let preview = app.render().text
        XCTAssertTrue(preview.contains("Withdraw talent-pool consent for Åsa Öberg?"), preview)
        XCTAssertTrue(preview.contains("Kept: the consent history"), preview)
        press(app, [.char("n")])
        XCTAssertEqual(app.flashMessage, "Cancelled; nothing changed.")
        press(app, [.char("W"), .char("y")])
        XCTAssertEqual(app.flashMessage, "Consent withdrawn.")
        XCTAssertEqual(app.currentTab, .consent)
        XCTAssertTrue(app.render().text.contains("withheld: consent withdrawn"))
        }
    }

    /// Full-text results are re-read after a change, so their badges are never stale.
    func testFullTextResultsShowABadgeChangedSinceTheSearch() throws {
        try MainActor.assumeIsolated {
        let app = try app("recruiter", 100, 30)
        press(app, [.char("f")] + Key.typing("oberg") + [.enter])
        XCTAssertEqual(app.visibleRowCount, 1)
        XCTAssertTrue(rowLines(app.render())[0].contains("consent"), rowLines(app.render())[0])
        XCTAssertFalse(rowLines(app.render())[0].contains("withdrawn"))
        press(app, [.enter, .char("W"), .char("y"), .escape])
        XCTAssertEqual(app.mode, .list)
        XCTAssertTrue(app.render().lines[0].contains("full text “oberg”"), "still the search results")
        XCTAssertTrue(rowLines(app.render())[0].contains("withdrawn"), rowLines(app.render())[0])
        }
    }

    func testResizeRedrawsAtTheNewSize() throws {
        try MainActor.assumeIsolated {
        let app = try app("recruiter", 80, 24)
        press(app, [.resize(width: 120, height: 40)])
        let screen = app.render()
        XCTAssertEqual(screen.width, 120)
        XCTAssertEqual(screen.height, 40)
        XCTAssertTrue(screen.lines[39].contains("recruiter"))
        }
    }
}

/// Lets background threads post while the test waits (no fixed sleeps).
enum RunLoopPoll {
    static func spin() { Thread.sleep(forTimeInterval: 0.002) }
}
