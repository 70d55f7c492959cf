import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The retention queue on the DPO's desk (`D`, then `3`): what the register's profile makes due, grouped by
/// the rule that makes it due, and `E` erasing one group after a typed confirmation.
final class RetentionQueueKeysTests: XCTestCase, @unchecked Sendable {
    func testTheQueueGroupsWhatIsDueByRuleAndErasesAGroup() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        // A process closes: under the IT consultancy's profile the applicant's contact details go at once.
        let applicant = try t.addCandidate("Anna Applicant", basis: .contract, consent: .none, email: "anna@example.se")
        let old = try t.addCandidate("Otto Old", basis: .contract, consent: .none, lastActivityAt: TestRegister.start.addingTimeInterval(-3 * 365 * 86_400))
        let profile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/policies/it-consultancy-se.policy")
        try t.gate("dpo").setRetentionProfile(name: "it-consultancy-se.policy", text: String(contentsOf: profile, encoding: .utf8))
        let process = try t.gate("lead").openProcess(title: "Data engineer")
        try t.gate("lead").addToProcess(candidateId: applicant, processId: process, stage: .interview)
        _ = try t.gate("lead").closeProcess(process, hired: [])

        let app = try WriteKeys.app(t, "dpo", width: 120, height: 30)
        MemoryBackend.drive(app, [.char("D"), .char("3")])
        var screen = app.render().text
        XCTAssertTrue(screen.contains("3 Retention due (2)"), screen)
        XCTAssertTrue(screen.contains("contact-details process-closed 0d (1)"), screen)
        XCTAssertTrue(screen.contains("unused last-activity 2y (1)"), screen)
        XCTAssertTrue(screen.contains("whole person"), screen)
        XCTAssertFalse(screen.contains("Anna") || screen.contains("Otto"), "pseudonyms only")

        // The first group (sorted by rule) is the contact details: E asks for `erase 1` typed back.
        MemoryBackend.drive(app, [.char("E")])
        XCTAssertEqual(app.mode, .confirm)
        XCTAssertTrue(app.render().text.contains("contact-details: taken from 1 person, who stay."), app.render().text)
        MemoryBackend.drive(app, Key.typing("erase 1") + [.enter])
        XCTAssertEqual(app.mode, .desk)
        XCTAssertTrue(app.flashMessage?.hasPrefix("Retention: 0 erased, 1 categories taken") == true, app.flashMessage ?? "")
        XCTAssertNil(try t.scalar("SELECT email FROM candidate WHERE id = ?", [applicant]) as String?)

        // Then the whole person under "unused for two years".
        screen = app.render().text
        XCTAssertTrue(screen.contains("3 Retention due (1)"), screen)
        MemoryBackend.drive(app, [.char("E")] + Key.typing("erase 1") + [.enter])
        XCTAssertTrue(app.flashMessage?.hasPrefix("Retention: 1 erased") == true, app.flashMessage ?? "")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM candidate WHERE id = ?", [old]), 0)
        XCTAssertTrue(app.render().text.contains("Nothing is due under the register's retention profile"))

        // Read-only mode drops the destructive key.
        let readOnly = try WriteKeys.app(t, "dpo", readOnly: true)
        MemoryBackend.drive(readOnly, [.char("D"), .char("3"), .char("E")])
        XCTAssertEqual(readOnly.mode, .desk)
        }
    }
}
