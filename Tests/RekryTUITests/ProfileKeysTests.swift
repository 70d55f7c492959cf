import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// Correcting the profile (`e`), adding a note (`n`) and a document (`d`) from the candidate view.
final class ProfileKeysTests: XCTestCase, @unchecked Sendable {
    func testEditingTheNameSendsOnlyThatFieldAndSearchFollows() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Gunnar Holm", basis: .contract, consent: .none, email: "gunnar@example.se")
        let app = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(app, WriteKeys.open("gunnar") + [.char("e")])
        XCTAssertEqual(app.mode, .form)
        XCTAssertEqual(app.openForm?.value("email"), "gunnar@example.se", "the form is pre-filled")
        XCTAssertTrue(app.render().lines[29].contains("Edit Gunnar Holm"))
        MemoryBackend.drive(app, [.ctrl("u")] + Key.typing("Gunnar Storm") + [WriteKeys.save])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.flashMessage, "Corrected: name.")
        XCTAssertTrue(app.render().lines[0].contains("Gunnar Storm"), "the view was re-read")
        let gate = try t.gate("recruiter")
        XCTAssertTrue(try gate.page(CandidateQuery(text: "holm"), from: .start, limit: 10).isEmpty, "the old name no longer matches")
        XCTAssertEqual(try gate.page(CandidateQuery(text: "storm"), from: .start, limit: 10).map(\.id), [id])
        let edits = try t.gate("dpo").auditEntries().filter { $0.action == "candidate.edit" }
        XCTAssertEqual(edits.map(\.detail), ["fields=name"], "only the changed field was sent")

        // Saving without a change writes nothing.
        MemoryBackend.drive(app, [.char("e"), WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "Nothing changed.")
        XCTAssertEqual(try t.gate("dpo").auditEntries().filter { $0.action == "candidate.edit" }.count, 1)
        }
    }

    func testANoteAppearsUnderAssessments() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Karin Berg", basis: .contract, consent: .none)
        let app = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(app, WriteKeys.open("karin") + [.char("w")] + Key.typing("Strong on privacy law.")
                            + [.tab, .ctrl("u")] + Key.typing("Interview 1") + [WriteKeys.save, WriteKeys.tab(.assessments)])
        let screen = app.render().text
        XCTAssertTrue(screen.contains("Interview note: Interview 1"), screen)
        XCTAssertTrue(screen.contains("Strong on privacy law."), screen)
        }
    }

    func testADocumentIsReadFromATextFileAndABadFileIsRefusedOnItsField() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Lars Nyberg", basis: .contract, consent: .none)
        let app = try WriteKeys.app(t, "recruiter")
        let missing = t.directory + "/missing.txt"
        MemoryBackend.drive(app, WriteKeys.open("lars") + [.char("d"), .right, .tab] + Key.typing("Cover letter 2026")
                            + [.tab] + Key.typing(missing) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .form)
        XCTAssertEqual(app.openForm?.errors["path"], "No file at \(missing)")
        let binary = t.directory + "/cv.pdf"
        try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x01]).write(to: URL(fileURLWithPath: binary))
        MemoryBackend.drive(app, [.ctrl("u")] + Key.typing(binary) + [WriteKeys.save])
        XCTAssertEqual(app.openForm?.errors["path"]?.contains("is not UTF-8 text"), true)
        let letter = try WriteKeys.file(t, "letter.txt", "Dear hiring manager, I build privacy tooling in Swift.")
        MemoryBackend.drive(app, [.ctrl("u")] + Key.typing(letter) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .detail)
        let docs = try t.gate("recruiter").candidate(id).documents.compactMap(\.value)
        XCTAssertEqual(Set(docs.map(\.kind)), [.cv, .coverLetter])
        XCTAssertTrue(app.render().text.contains("Cover letter 2026 (cover-letter"), app.render().text)
        }
    }
}
