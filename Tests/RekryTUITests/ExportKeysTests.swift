import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import RekryTUI
import XCTest

/// Exports from the keyboard: `x` on a candidate, a preview of what goes into the file, then the file.
final class ExportKeysTests: XCTestCase, @unchecked Sendable {
    func testTheDPOWritesTheExtractAsMarkdownFromTheCandidateView() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let planted = try ErasureMarkers.plant(in: t)
        let app = try WriteKeys.app(t, "dpo", width: 120, height: 40)
        let path = t.directory + "/extract.md"
        MemoryBackend.drive(app, WriteKeys.open("anna") + [.char("x")])
        XCTAssertEqual(app.mode, .form)
        XCTAssertTrue(app.render().text.contains("extract-markdown"), app.render().text)
        // Format: the next option (extract-markdown); then the file.
        MemoryBackend.drive(app, [.right, .tab] + Key.typing(path) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .confirm)
        let box = WriteKeys.boxText(app.render())
        for words in ["Write the register extract (Art. 15, Markdown)?", "Goes in:", "each with its basis, purpose, source and retention",
                      "The psychologist report is listed", "readable by you only (0600)"] {
            XCTAssertTrue(box.contains(words), "\(words) in: \(box)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing is written before the answer")
        MemoryBackend.drive(app, [.char("y")])
        XCTAssertEqual(app.flashMessage?.hasPrefix("Wrote \(path)"), true, app.flashMessage ?? "")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("# What we hold about you"))
        XCTAssertTrue(text.contains(planted.markers["Name"]!))
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        // The same file again: refused on the form, the first file untouched.
        MemoryBackend.drive(app, [.char("x"), .right, .tab] + Key.typing(path) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .form)
        XCTAssertTrue(app.render().text.contains("already exists"), app.render().text)
        MemoryBackend.drive(app, [.escape])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
        }
    }

    func testARecruiterShowsAClientTheRedactedProfileOnlyWithConsentAndItIsDisclosed() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let planted = try ErasureMarkers.plant(in: t)
        let app = try WriteKeys.app(t, "recruiter", width: 120, height: 40)
        let path = t.directory + "/client.json"
        let fill: [Key] = [.char("x"), .tab] + Key.typing("Client AB") + [.tab] + Key.typing(path) + [WriteKeys.save]
        MemoryBackend.drive(app, WriteKeys.open("anna") + fill)
        XCTAssertEqual(app.mode, .form, "refused without a client-sharing consent")
        XCTAssertTrue(app.render().text.contains("no valid client-sharing consent"), app.render().text)
        MemoryBackend.drive(app, [.escape])

        try t.gate("lead").recordConsent(candidateId: planted.candidateId, ConsentDraft(
            purpose: .clientSharing, channel: "email", text: "Yes, show my profile to clients."))
        // Declined at the preview: no file, no disclosure.
        MemoryBackend.drive(app, fill)
        XCTAssertEqual(app.mode, .confirm)
        let box = WriteKeys.boxText(app.render())
        XCTAssertTrue(box.contains("Not shown: contact details, the psychologist report"), box)
        XCTAssertTrue(box.contains("Recorded as a disclosure to Client AB"), box)
        MemoryBackend.drive(app, [.char("n")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM disclosure") as Int?, 0)

        MemoryBackend.drive(app, fill + [.char("y")])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(planted.markers["Name"]!))
        for field in ["Email", "Address", "Report", "Note", "Statement"] {
            XCTAssertFalse(text.lowercased().contains(planted.markers[field]!.lowercased()), field)
        }
        XCTAssertEqual(try t.scalar("SELECT recipient FROM disclosure") as String?, "Client AB")
        }
    }

    func testExportIsOfferedToNoAdminAndNotInReadOnlyMode() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        _ = try t.addCandidate("Ada Export", basis: .contract, consent: .none)
        let readOnly = try WriteKeys.app(t, "dpo", readOnly: true)
        MemoryBackend.drive(readOnly, WriteKeys.open("ada") + [.char("x")])
        XCTAssertEqual(readOnly.mode, .detail)
        XCTAssertFalse(readOnly.keyMap.bindings.contains { $0.action == .exportCandidate })
        XCTAssertTrue(KeyTables.detail.helpLines.contains { $0.hasPrefix("x ") && $0.contains("export: the Art. 15 extract") },
                      "\(KeyTables.detail.helpLines)")
        let admin = try WriteKeys.app(t, "admin")
        MemoryBackend.drive(admin, [.char("x")])
        XCTAssertNotEqual(admin.mode, .form, "admins see no candidates and export nothing")
        }
    }
}
