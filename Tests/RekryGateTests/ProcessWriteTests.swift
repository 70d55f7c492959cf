import Foundation
import GRDB
import RekryDomain
import RekryGate
@_spi(Testing) import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

/// Processes through the gate: open, add, move, close. Closing ends every grant, destroys the reports of
/// those not hired so that no byte of them is left in any file, and keeps a hired candidate's for the lead.
final class ProcessWriteTests: XCTestCase {
    var t: TestRegister!
    let day: TimeInterval = 86_400

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func marker(_ who: String) -> String { "PSYCH-MARKER-\(who)-9d2e7f41" }

    /// Two finalists in one open process, each with a psychologist report the lead attached and granted
    /// the recruiter. Returns the process and the two candidate ids.
    func finalists() throws -> (process: Int64, anna: Int64, bo: Int64) {
        let r = try t.gate("recruiter"), lead = try t.gate("lead")
        let process = try lead.openProcess(title: "Head of finance", client: "Client AB", country: "SE")
        var ids: [Int64] = []
        for name in ["Anna Finalist", "Bo Finalist"] {
            let id = try r.addCandidate(CandidateDraft(fullName: name, email: "\(name.split(separator: " ")[0].lowercased())@example.se",
                                                       source: .applied, basis: .contract))
            try r.addToProcess(candidateId: id, processId: process)
            try r.moveStage(candidateId: id, processId: process, to: .final)
            try r.recordConsent(candidateId: id, ConsentDraft(purpose: .psychAssessment, channel: "signed form",
                                                              text: "I consent to a psychological assessment."))
            let first = String(name.split(separator: " ")[0])
            try lead.attachReport(candidateId: id, text: "Summary: \(marker(first)). Structured, calm, analytical.",
                                  author: "Leg. psykolog Ylva Xandersson")
            try lead.grantReport(candidateId: id, to: "recruiter", reason: "runs the final interview")
            XCTAssertEqual(try r.readReport(candidateId: id)?.value?.text.contains(marker(first)), true)
            ids.append(id)
        }
        return (process, ids[0], ids[1])
    }

    func staffId(_ username: String) throws -> Int64 {
        try XCTUnwrap(try t.scalar("SELECT id FROM staff WHERE username = ?", [username]))
    }

    /// Every blob of the report tables that belongs to `candidateId` now: ciphertext and wrapped keys.
    func reportBlobs(_ candidateId: Int64) throws -> [Data] {
        try t.sqlite.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT ciphertext FROM psychReport WHERE candidateId = ?", arguments: [candidateId])
                + Data.fetchAll(db, sql: """
                    SELECT k.sealedKey FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ?
                    UNION ALL SELECT k.ephemeralPublicKey FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ?
                    """, arguments: [candidateId, candidateId])
        }
    }

    func assertNoFileHolds(_ needles: [Data], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (path, bytes) in t.fileBytes() {
            for needle in needles where !needle.isEmpty {
                XCTAssertNil(bytes.range(of: needle), "\(what) found in \(path)", file: file, line: line)
            }
        }
    }

    func testOpenAddMoveAndTheirRules() throws {
        let r = try t.gate("recruiter")
        let process = try r.openProcess(title: "Backend developer", client: nil)
        XCTAssertThrowsError(try r.openProcess(title: "  ")) { e in XCTAssertTrue("\(e)".hasPrefix("--title"), "\(e)") }
        XCTAssertThrowsError(try r.openProcess(title: "X", country: "Sverige")) { e in XCTAssertTrue("\(e)".hasPrefix("--country"), "\(e)") }
        XCTAssertThrowsError(try t.gate("admin").openProcess(title: "X"))
        XCTAssertThrowsError(try t.gate("dpo").openProcess(title: "X"))
        XCTAssertEqual(try r.processes(openOnly: true).map(\.id), [process])
        XCTAssertThrowsError(try t.gate("admin").processes())

        let id = try r.addCandidate(CandidateDraft(fullName: "Cecilia Ek", source: .applied, basis: .contract))
        try r.addToProcess(candidateId: id, processId: process)
        XCTAssertThrowsError(try r.addToProcess(candidateId: id, processId: process), "already in it")
        XCTAssertThrowsError(try r.addToProcess(candidateId: id, processId: 999)) { e in
            XCTAssertEqual((e as? RegisterError)?.notFoundWhat, "process 999")
        }
        XCTAssertEqual(try r.rows(ids: [id]).first?.stage.value, .sourced)
        t.clock.advance(by: day)
        try r.moveStage(candidateId: id, processId: process, to: .interview)
        XCTAssertThrowsError(try r.moveStage(candidateId: id, processId: process, to: .interview), "already there")
        let other = try r.addCandidate(CandidateDraft(fullName: "Other Person", source: .applied, basis: .contract))
        XCTAssertThrowsError(try r.moveStage(candidateId: other, processId: process, to: .final), "not in the process")
        XCTAssertThrowsError(try t.gate("dpo").moveStage(candidateId: id, processId: process, to: .final))
        // The stage order and filter follow the move at once.
        XCTAssertEqual(try r.rows(ids: [id]).first?.stage.value, .interview)
        XCTAssertEqual(try r.page(CandidateQuery(stage: .interview), from: .start, limit: 10).map(\.id), [id])
        XCTAssertEqual(try r.page(CandidateQuery(processId: process), from: .start, limit: 10).map(\.id), [id])
        let p = try XCTUnwrap(try r.candidate(id).processes.first?.value)
        XCTAssertEqual(p.stageChangedAt, t.clock.now())
        XCTAssertEqual(p.process.title, "Backend developer")
        let audit = try t.gate("lead").auditEntries(subjectCandidate: id).map { "\($0.action) \($0.detail)" }
        XCTAssertTrue(audit.contains("process.join process=\(process)"), "\(audit)")
        XCTAssertTrue(audit.contains("process.stage process=\(process) stage=interview"), "\(audit)")
    }

    func testOnlyLeadsClose() throws {
        let (process, _, _) = try finalists()
        for (user, role) in [("recruiter", "recruiter"), ("recruiter2", "recruiter"), ("dpo", "dpo"), ("admin", "admin")] {
            XCTAssertThrowsError(try t.gate(user).closeProcess(process, hired: []), user) { e in
                XCTAssertEqual(e as? RegisterError, .notPermitted(action: WriteAction.closeProcess.rawValue, role: role))
                XCTAssertEqual((e as? RegisterError)?.exitCode, 1)
            }
        }
        XCTAssertEqual(try t.gate("lead").processes(openOnly: true).map(\.id), [process], "still open")
        XCTAssertThrowsError(try t.gate("lead").closeProcess(process, hired: [12345])) { e in XCTAssertTrue("\(e)".hasPrefix("--hired"), "\(e)") }
        XCTAssertThrowsError(try t.gate("lead").closeProcess(777, hired: []))
    }

    func testClosingWithNobodyHiredDestroysEveryReportToTheLastByte() throws {
        let (process, anna, bo) = try finalists()
        let blobs = try reportBlobs(anna) + reportBlobs(bo)
        XCTAssertEqual(blobs.count, 2 * (1 + 2 * 2), "a ciphertext and two wrapped keys (lead, recruiter) each")
        try t.register.backend.checkpoint()
        XCTAssertTrue(t.fileBytes().values.contains { $0.range(of: blobs[0]) != nil }, "the ciphertext is on disk before the close")

        t.clock.advance(by: day)
        let closing = try t.gate("lead").closeProcess(process, hired: [])
        XCTAssertEqual(closing.reportsDestroyed, 2)
        XCTAssertEqual(closing.reportsKept, 0)
        XCTAssertEqual(Set(closing.notHired), [anna, bo])
        XCTAssertEqual(closing.hired, [])

        // Nothing is left of either report: not its text, not its ciphertext, not a wrapped key, not its author.
        assertNoFileHolds(blobs, "a destroyed report's ciphertext or key")
        for needle in [marker("Anna"), marker("Bo"), "Xandersson", "runs the final interview"] {
            XCTAssertEqual(t.filesContain(needle), [], needle)
        }
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM psychReport") as Int?, 0)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportKey") as Int?, 0)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportGrant") as Int?, 0)
        for user in ["lead", "recruiter", "dpo"] {
            XCTAssertNil(try t.gate(user).readReport(candidateId: anna), user)
            XCTAssertNil(try t.gate(user).candidate(bo).report, user)
        }
        // The outcome is recorded, and the audit log says a report was destroyed without saying anything of it.
        XCTAssertEqual(try t.gate("lead").candidate(anna).processes.first?.value?.stage, .rejected)
        let audit = try t.gate("dpo").auditEntries(subjectCandidate: anna).map(\.action)
        XCTAssertTrue(audit.contains("report.destroy"), "\(audit)")
        XCTAssertThrowsError(try t.gate("lead").closeProcess(process, hired: []), "closed once")
        XCTAssertThrowsError(try t.gate("recruiter").moveStage(candidateId: anna, processId: process, to: .offer), "closed")
    }

    func testAHiredCandidatesReportStaysWithTheClosingLeadOnly() throws {
        let (process, anna, bo) = try finalists()
        let recruiter = try staffId("recruiter")
        let recruiterKeys: [Data] = try t.sqlite.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT sealedKey FROM reportKey WHERE staffId = ?", arguments: [recruiter])
        }
        XCTAssertEqual(recruiterKeys.count, 2)
        let annaBefore: Data = try XCTUnwrap(try t.scalar("SELECT ciphertext FROM psychReport WHERE candidateId = ?", [anna]))

        t.clock.advance(by: day)
        let closing = try t.gate("lead").closeProcess(process, hired: [anna])
        XCTAssertEqual(closing.hired, [anna])
        XCTAssertEqual(closing.notHired, [bo])
        XCTAssertEqual(closing.reportsKept, 1)
        XCTAssertEqual(closing.reportsDestroyed, 1)

        // The closing lead still reads the hired candidate's report (kept for the employment)...
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: anna)?.value?.text.contains(marker("Anna")), true)
        XCTAssertEqual(try t.gate("lead").candidate(anna).processes.first?.value?.stage, .hired)
        // ...the recruiter's grant has ended, and no key wrapped for them remains, in the table or any file.
        let recruiterRead = try XCTUnwrap(try t.gate("recruiter").readReport(candidateId: anna))
        XCTAssertNil(recruiterRead.value)
        XCTAssertTrue([.notGranted, .grantEnded].contains(recruiterRead.reason), "\(String(describing: recruiterRead.reason))")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportKey WHERE staffId = ?", [recruiter]) as Int?, 0)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportGrant WHERE staffId = ? AND revokedAt IS NULL", [recruiter]) as Int?, 0)
        assertNoFileHolds(recruiterKeys, "a key wrapped for the recruiter")
        // The report was re-keyed, so the data key the recruiter once unwrapped opens nothing on disk now.
        let annaAfter: Data = try XCTUnwrap(try t.scalar("SELECT ciphertext FROM psychReport WHERE candidateId = ?", [anna]))
        XCTAssertNotEqual(annaBefore, annaAfter)
        assertNoFileHolds([annaBefore], "the ciphertext from before the close")
        // Bo was not hired: his report is gone; Anna's text is still never in plain text.
        XCTAssertEqual(t.filesContain(marker("Bo")), [])
        XCTAssertEqual(t.filesContain(marker("Anna")), [])
        XCTAssertNil(try t.gate("lead").readReport(candidateId: bo))
        // The lead can pass it on for the employment; a lead who never held it cannot.
        XCTAssertThrowsError(try t.gate("lead2").grantReport(candidateId: anna, to: "recruiter", reason: "onboarding"))
        try t.gate("lead").grantReport(candidateId: anna, to: "lead2", reason: "takes over the assignment")
        XCTAssertEqual(try t.gate("lead2").readReport(candidateId: anna)?.value?.text.contains(marker("Anna")), true)
        XCTAssertEqual(try t.gate("dpo").readReport(candidateId: anna)?.reason, .roleNotPermitted)
    }

    func testClosingMovesTheRetentionDueDate() throws {
        let (process, anna, bo) = try finalists()
        func due(_ id: Int64) throws -> Date? { try t.register.backend.read { try $0.candidate(id: id)?.derived.retentionDueAt } }
        let start = t.clock.now()
        XCTAssertEqual(try due(anna), start.addingUTCMonths(60), "unused for five years while the process runs")
        t.clock.advance(by: 30 * day)
        let closedAt = t.clock.now()
        try t.gate("lead").closeProcess(process, hired: [anna])
        for id in [anna, bo] {
            XCTAssertEqual(try due(id), closedAt.addingUTCMonths(24), "two years after the process closed (process-closed rule)")
        }
        // The retention-due badge appears when that day comes, in list pages too.
        t.clock.set(closedAt.addingUTCMonths(24) + 1)
        XCTAssertTrue(try t.gate("lead").rows(ids: [bo]).first!.badge.isRetentionDue)
        XCTAssertEqual(Set(try t.gate("lead").page(CandidateQuery(retentionDueOnly: true), from: .start, limit: 10).map(\.id)), [anna, bo])
    }

    // MARK: red team

    func testReportRefusalsOnARestrictedRecordTellNothingOfIt() throws {
        // A lead may not see a restricted record's consents, processes or report: a refused attach or grant
        // must not answer with them (which consent lapsed, whether they are in a process, how it ended).
        let id = try t.addCandidate("Rest Ricted", basis: .contract, consent: .none)
        let process = try t.addToProcess(id, stage: .final)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "Report: \(marker("Rest")).", author: "Psychologist")
        let other = try t.addCandidate("Other Restricted", basis: .contract, consent: .none)  // no consent, no process
        try t.closeProcess(process)
        for candidate in [id, other] { try t.gate("dpo").setRestriction(candidateId: candidate, restricted: true, reason: "request") }

        XCTAssertThrowsError(try t.gate("lead").attachReport(candidateId: other, text: "x", author: "y")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("restricted"), text)
            XCTAssertFalse(text.contains("consent") || text.contains("open process"), "tells nothing of the record: \(text)")
        }
        XCTAssertThrowsError(try t.gate("lead").grantReport(candidateId: id, to: "recruiter", reason: "panel")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("restricted"), text)
            XCTAssertFalse(text.contains("hired") || text.contains("closed"), "tells nothing of the process: \(text)")
        }
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: id)?.reason, .restricted, "kept, not used")
        // Unrestricted, the same refusals say why, as before.
        try t.gate("lead").setRestriction(candidateId: other, restricted: false, reason: "resolved")
        XCTAssertThrowsError(try t.gate("lead").attachReport(candidateId: other, text: "x", author: "y")) { e in
            XCTAssertTrue("\(e)".contains("explicit consent"), "\(e)")
        }
        try t.gate("lead").setRestriction(candidateId: id, restricted: false, reason: "resolved")
        XCTAssertThrowsError(try t.gate("lead").grantReport(candidateId: id, to: "recruiter", reason: "panel")) { e in
            XCTAssertTrue("\(e)".contains("not hired"), "\(e)")
        }
    }
}
