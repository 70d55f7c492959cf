import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// `--read-only` drops every write, not only the destructive ones; help says the mode is on. The key tables
/// have no key bound twice, and help names the tab of every tab-specific key.
final class ReadOnlyKeysTests: XCTestCase, @unchecked Sendable {
    func testReadOnlyModeHasNoWriteKeysAnywhere() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Ulla Vik", basis: .contract, consent: .none)
        try t.addToProcess(id, stage: .final)
        let app = try WriteKeys.app(t, "lead", readOnly: true, width: 160, height: 50)
        XCTAssertFalse(app.keyMap.bindings.contains { $0.writes })
        MemoryBackend.drive(app, [.char("?")])
        var help = app.render().text
        XCTAssertTrue(help.contains("Read-only mode is on"), help)
        for b in KeyTables.list.bindings where b.writes { XCTAssertFalse(help.contains(b.help), b.help) }
        MemoryBackend.drive(app, [.escape, .char("a")])
        XCTAssertEqual(app.mode, .list, "a does nothing")
        XCTAssertEqual(app.flashMessage, "'a' does nothing here; press ? for help")

        MemoryBackend.drive(app, [.enter])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertFalse(app.keyMap.bindings.contains { $0.writes })
        for tab in DetailTab.allCases {
            for key in ["e", "w", "d", "a", "c", "r", "O", "T", "p", "m", "C", "A", "X", "x", "W"] {
                MemoryBackend.drive(app, [WriteKeys.tab(tab), .char(Character(key))])
                XCTAssertEqual(app.mode, .detail, "\(key) on \(tab)")
            }
        }
        MemoryBackend.drive(app, [.char("?")])
        help = app.render().text
        XCTAssertTrue(help.contains("Read-only mode is on"), help)
        for b in KeyTables.detail.bindings {
            XCTAssertEqual(help.contains(b.help), !b.writes, b.help)
        }
        XCTAssertEqual(try t.gate("dpo").auditEntries().filter { !["candidate.open", "register.create", "staff.add", "list.browse"].contains($0.action) }.count, 0,
                       "nothing but reads reached the register")
        }
    }

    func testNoKeyIsBoundTwiceAndHelpNamesEachKeysTabs() throws {
        try MainActor.assumeIsolated {
        for map in [KeyTables.list, KeyTables.search, KeyTables.detail, KeyTables.help, KeyTables.confirm, KeyTables.form] {
            XCTAssertEqual(map.collisions, [], map.title)
        }
        for tab in DetailTab.allCases { XCTAssertEqual(KeyTables.detail.scoped(to: tab).collisions, []) }
        let lines = KeyTables.detail.helpLines
        XCTAssertTrue(lines.contains { $0.hasPrefix("C ") && $0.contains("(Processes tab)") && $0.contains("[destructive: confirmed]") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("a ") && $0.contains("(Assessments, References, Psych report tabs)") }, "\(lines)")
        // Every write is marked as one, and every destructive key is a write.
        let writes: Set<Action> = [.addCandidate, .openProcess, .editSection, .addNote, .addDocument, .addToTab, .recordConsent,
                                   .toggleRestriction, .toggleObjection, .markNoticeSent, .joinProcess, .moveStage, .closeProcess,
                                   .grantReport, .revokeReport, .withdrawConsent, .toggleMark, .eraseMarked, .eraseCandidate,
                                   .exportCandidate]  // a file, and for a client a disclosure
        for b in KeyTables.list.bindings + KeyTables.detail.bindings {
            XCTAssertEqual(b.writes, writes.contains(b.action), "\(b.action)")
        }
        // The rendered help shows the tab beside the key.
        let t = try TestRegister()
        try t.addCandidate("Vera Holt", basis: .contract, consent: .none)
        let app = try WriteKeys.app(t, "recruiter", width: 140, height: 50)
        MemoryBackend.drive(app, [.enter, .char("?")])
        let help = app.render().text
        XCTAssertTrue(help.contains("record a consent: purpose, channel, the text agreed to, expiry  · Consent & basis tab"), help)
        // The hint line shows the current tab's own keys first, and only those that apply: with no process
        // yet there is no stage to move and none to close.
        MemoryBackend.drive(app, [.escape, WriteKeys.tab(.processes)])
        let hints = app.render().lines[48]
        XCTAssertTrue(hints.hasPrefix(" p  add to process  Tab  tab"), hints)
        XCTAssertFalse(hints.contains("move stage") || hints.contains("close"), hints)
        }
    }
}
