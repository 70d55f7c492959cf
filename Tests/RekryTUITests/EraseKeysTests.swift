import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import RekryTUI
import XCTest

/// Erasure from the keyboard: `E` on a candidate and on marked rows, with a preview and a typed confirmation.
final class EraseKeysTests: XCTestCase, @unchecked Sendable {
    func testErasingFromTheCandidateViewLeavesNoMarkerInAnyFile() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let planted = try ErasureMarkers.plant(in: t)
        let id = planted.candidateId
        let app = try WriteKeys.app(t, "lead", width: 120, height: 40)
        MemoryBackend.drive(app, WriteKeys.open("anna") + [.char("E")])
        XCTAssertEqual(app.mode, .confirm)
        let box = WriteKeys.boxText(app.render())
        for words in ["documents 2", "notes 1", "psychologist report and its keys 1", "Stays: audit log entries", "Type \(id) and press Enter"] {
            XCTAssertTrue(box.contains(words), "\(words) in: \(box)")
        }
        // The wrong text erases nothing; Esc keeps everything.
        MemoryBackend.drive(app, Key.typing("99") + [.enter])
        XCTAssertEqual(app.mode, .confirm)
        XCTAssertTrue(app.flashMessage?.contains("exactly") == true, app.flashMessage ?? "")
        MemoryBackend.drive(app, [.escape])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertNoThrow(try t.gate("lead").candidate(id))

        MemoryBackend.drive(app, [.char("E")] + Key.typing(String(id)) + [.enter])
        XCTAssertEqual(app.mode, .list)
        XCTAssertTrue(app.flashMessage?.contains("no byte left in any file") == true, app.flashMessage ?? "")
        XCTAssertThrowsError(try t.gate("lead").candidate(id))
        planted.assertGone(from: t)
        XCTAssertFalse(app.render().text.contains("Anna"), "the list no longer shows the person")
        }
    }

    func testMarkingRowsAndErasingThemAsABatch() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let ids = try ["Ada Batch", "Bea Batch", "Cid Keep"].map { try t.addCandidate($0, basis: .contract, consent: .none) }
        let app = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(app, [.char("E")])
        XCTAssertTrue(app.flashMessage?.contains("Mark candidates with Space first") == true, app.flashMessage ?? "")
        // Sorted by name: Ada, Bea, Cid. Mark the first two (Space), unmark and re-mark one.
        MemoryBackend.drive(app, [.char(" "), .char("j"), .char(" "), .char(" "), .char(" ")])
        XCTAssertTrue(app.render().text.contains("2 marked"), app.render().text)
        MemoryBackend.drive(app, [.char("E")])
        XCTAssertTrue(WriteKeys.boxText(app.render()).contains("Type erase 2"), WriteKeys.boxText(app.render()))
        MemoryBackend.drive(app, Key.typing("erase 2") + [.enter])
        XCTAssertTrue(app.flashMessage?.contains("Erased 2 people") == true, app.flashMessage ?? "")
        XCTAssertThrowsError(try t.gate("recruiter").candidate(ids[0]))
        XCTAssertThrowsError(try t.gate("recruiter").candidate(ids[1]))
        XCTAssertNoThrow(try t.gate("recruiter").candidate(ids[2]))
        XCTAssertEqual(t.filesContain("Ada Batch"), [])
        }
    }

    func testEraseIsDestructiveInHelpAndGoneInReadOnlyModeAndForAdmins() throws {
        try MainActor.assumeIsolated {
        XCTAssertTrue(KeyTables.detail.helpLines.contains { $0.hasPrefix("E ") && $0.contains("[destructive: confirmed]") })
        XCTAssertTrue(KeyTables.list.helpLines.contains { $0.hasPrefix("E ") && $0.contains("[destructive: confirmed]") })
        XCTAssertNil(KeyTables.list.readOnly().action(for: .char("E")))
        XCTAssertNil(KeyTables.list.readOnly().action(for: .char(" ")))
        let t = try TestRegister()
        let id = try t.addCandidate("Dora Stay", basis: .contract, consent: .none)
        let readOnly = try WriteKeys.app(t, "lead", readOnly: true)
        MemoryBackend.drive(readOnly, WriteKeys.open("dora") + [.char("E")])
        XCTAssertEqual(readOnly.mode, .detail)
        XCTAssertNoThrow(try t.gate("lead").candidate(id))
        // A restricted record: only the DPO erases it.
        try t.gate("dpo").setRestriction(candidateId: id, restricted: true, reason: "request pending")
        let lead = try WriteKeys.app(t, "lead")
        MemoryBackend.drive(lead, [.char("E")])
        MemoryBackend.drive(lead, [.char(" "), .char("E")])
        XCTAssertNotEqual(lead.mode, .confirm)
        XCTAssertTrue(lead.flashMessage?.contains("restricted") == true, lead.flashMessage ?? "")
        }
    }
}
