import Foundation
import GRDB
@_spi(Testing) import RekrySQLite
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The Processes tab's writes: joining (`p`), moving a stage (`m`), and closing a process (`C`, leads,
/// confirmed), which destroys the reports of those not hired.
final class ProcessKeysTests: XCTestCase, @unchecked Sendable {
    func testJoiningAProcessAndMovingTheStage() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Olof Palm", basis: .contract, consent: .none)
        let pid = try t.gate("lead").openProcess(title: "Data engineer", client: "Nordbank")
        let app = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(app, WriteKeys.open("olof") + [WriteKeys.tab(.processes), .char("p")])
        XCTAssertEqual(app.openForm?.value("process"), "\(pid) Data engineer (Nordbank)")
        MemoryBackend.drive(app, [WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "Added to process \(pid) at sourced.")
        XCTAssertTrue(app.render().text.contains("sourced since"), app.render().text)

        MemoryBackend.drive(app, [.char("m")])
        XCTAssertEqual(app.openForm?.value("stage"), "screening", "the next stage is offered")
        MemoryBackend.drive(app, [.tab, .right, WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "Moved to interview in process \(pid).")
        let stage = try t.gate("recruiter").candidate(id).processes.compactMap(\.value).first?.stage
        XCTAssertEqual(stage, .interview)
        XCTAssertTrue(app.render().text.contains("interview since"), app.render().text)
        // No other open process: p says so instead of showing an empty choice.
        MemoryBackend.drive(app, [.char("p")])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.flashMessage?.hasPrefix("No open process to add"), true)
        }
    }

    func testALeadClosesAProcessAfterAPreviewAndTheReportIsDestroyed() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Pia Dahl", basis: .contract, consent: .none)
        let pid = try t.addToProcess(id, stage: .final, title: "Controller")
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "CONFIDENTIAL-REPORT", author: "Leg. psykolog Anna Wiklund")
        let secrets: [Data] = try t.sqlite.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT ciphertext FROM psychReport UNION ALL SELECT sealedKey FROM reportKey UNION ALL SELECT ephemeralPublicKey FROM reportKey")
        }
        XCTAssertEqual(secrets.count, 3)
        let app = try WriteKeys.app(t, "lead", height: 40)
        MemoryBackend.drive(app, WriteKeys.open("pia") + [WriteKeys.tab(.processes), .char("C")])
        XCTAssertEqual(app.openForm?.value("outcome"), "not hired")
        MemoryBackend.drive(app, [WriteKeys.save])
        XCTAssertEqual(app.mode, .confirm)
        let preview = WriteKeys.boxText(app.render())
        XCTAssertTrue(preview.contains("Close process \(pid) “Controller”"), preview)
        XCTAssertTrue(preview.contains("Pia Dahl's report is destroyed (not hired)"), preview)
        XCTAssertTrue(preview.contains("Kept: the reports of those hired"), preview)
        XCTAssertTrue(preview.contains("every grant on the process's reports ends"), preview)
        MemoryBackend.drive(app, [.char("y")])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.flashMessage, "Process \(pid) closed: 0 hired, 1 not; 1 report(s) destroyed, 0 kept.")
        XCTAssertNil(try t.gate("lead").readReport(candidateId: id), "the report is gone")
        // ...from every byte of every file of the register, journals and the full-text index included.
        for (file, bytes) in t.fileBytes() {
            XCTAssertNil(bytes.range(of: Data("CONFIDENTIAL-REPORT".utf8)), file)
            for secret in secrets { XCTAssertNil(bytes.range(of: secret), "ciphertext or a wrapped key left in \(file)") }
        }
        XCTAssertTrue(app.render().text.contains("rejected since"), app.render().text)
        MemoryBackend.drive(app, [WriteKeys.tab(.report)])
        XCTAssertTrue(app.render().text.contains("No psychologist report."), app.render().text)
        }
    }

    func testARecruiterPressingCloseIsRefusedClearly() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Rut Falk", basis: .contract, consent: .none)
        try t.addToProcess(id, stage: .final)
        let app = try WriteKeys.app(t, "recruiter", width: 160)
        MemoryBackend.drive(app, WriteKeys.open("rut") + [WriteKeys.tab(.processes), .char("C")])
        XCTAssertEqual(app.mode, .detail, "no form opens")
        XCTAssertEqual(app.flashMessage, "Refused: a recruiter may not close a process; ask a lead.")
        XCTAssertTrue(app.render().lines[29].contains("may not close a process"), app.render().lines[29])
        }
    }
}
