import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The Report tab's writes, for leads: attaching the psychologist report (`a`), granting (`g`) and revoking
/// (`x`, confirmed) access; the grantee reads it, and after the revocation cannot.
final class ReportKeysTests: XCTestCase, @unchecked Sendable {
    func testALeadAttachesGrantsAndRevokesFromTheKeyboard() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Sara Lund", basis: .contract, consent: .none)
        try t.addToProcess(id, stage: .final)
        try t.addPsychConsent(id)
        let marker = "PSYCH-REPORT-7f3a: calm under pressure."
        let path = try WriteKeys.file(t, "report.txt", marker)
        let app = try WriteKeys.app(t, "lead", width: 120, height: 40)
        MemoryBackend.drive(app, WriteKeys.open("sara") + [WriteKeys.tab(.report)])
        XCTAssertTrue(app.render().text.contains("No psychologist report."))
        MemoryBackend.drive(app, [.char("a")] + Key.typing("Leg. psykolog Anna Wiklund") + [.tab] + Key.typing(path) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .detail, app.render().text)
        XCTAssertEqual(app.flashMessage, "Report attached, encrypted; you hold access and can grant it (g).")
        XCTAssertTrue(app.render().text.contains(marker), "re-read and decrypted for the attaching lead:\n\(app.render().text)")
        XCTAssertNotEqual(try t.gate("recruiter").readReport(candidateId: id)?.value?.text, marker)

        MemoryBackend.drive(app, [.char("A"), .char("r"), .tab] + Key.typing("Final interview panel") + [WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "recruiter may now read the report.")
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.value?.text, marker, "the grantee reads it")
        XCTAssertTrue(app.render().text.contains("lead, recruiter") || app.render().text.contains("recruiter, lead"),
                      "the access line lists the grantee:\n\(app.render().text)")

        MemoryBackend.drive(app, [.char("X"), .char("r"), WriteKeys.save])
        XCTAssertEqual(app.mode, .confirm)
        let preview = WriteKeys.boxText(app.render())
        XCTAssertTrue(preview.contains("Revoke recruiter's access to Sara Lund's psychologist report?"), preview)
        XCTAssertTrue(preview.contains("Kept: the report, readable by lead"), preview)
        MemoryBackend.drive(app, [.char("y")])
        XCTAssertEqual(app.flashMessage, "recruiter's access revoked; the report is re-keyed.")
        XCTAssertNil(try t.gate("recruiter").readReport(candidateId: id)?.value, "withheld again")
        }
    }

    func testARecruiterCannotAttachOrGrant() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Tove Nord", basis: .contract, consent: .none)
        try t.addToProcess(id, stage: .final)
        let app = try WriteKeys.app(t, "recruiter", width: 160)
        MemoryBackend.drive(app, WriteKeys.open("tove") + [WriteKeys.tab(.report), .char("a")])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.flashMessage, "Refused: only leads attach psychologist reports; you are signed in as a recruiter.")
        MemoryBackend.drive(app, [.char("A")])
        XCTAssertEqual(app.flashMessage?.hasPrefix("Refused: only leads grant"), true)
        }
    }
}
