import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The Consent tab's writes: a consent recorded (`c`), a restriction set and lifted (`R`), the Art. 14 notice
/// (`N`); and a tab key pressed elsewhere only says where it works.
final class ConsentKeysTests: XCTestCase, @unchecked Sendable {
    func testRecordingConsentChangesTheBadgeAtOnce() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let id = try t.addCandidate("Maja Sund", basis: .consent, consent: .withdrawn)
        let app = try WriteKeys.app(t, "recruiter")
        // A withheld name is not found by search (it would be an oracle); the row is in the list, last, by id.
        MemoryBackend.drive(app, WriteKeys.open("maja"))
        XCTAssertEqual(app.visibleRowCount, 0, "search finds nobody")
        MemoryBackend.drive(app, [.escape, .enter])
        XCTAssertTrue(app.render().lines[0].contains("withdrawn"), app.render().lines[0])
        // On another tab the key says where it works and opens nothing.
        MemoryBackend.drive(app, [.char("c")])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.flashMessage?.hasPrefix("c works on the Consent & basis (6) tab"), true, app.flashMessage ?? "")

        MemoryBackend.drive(app, [WriteKeys.tab(.consent), .char("c"), .tab] + Key.typing("phone call") + [.tab]
                            + Key.typing("Yes, keep me in the talent pool.") + [.tab] + Key.typing("2027-03-01") + [WriteKeys.save])
        XCTAssertEqual(app.mode, .detail)
        XCTAssertEqual(app.flashMessage, "Recorded talent-pool consent.")
        let header = app.render().lines[0]
        XCTAssertTrue(header.contains("✓ consent"), header)
        XCTAssertFalse(header.contains("withdrawn"), header)
        XCTAssertTrue(app.render().text.contains("given 2026-03-01 by phone call, expires 2027-03-01"), app.render().text)
        XCTAssertEqual(try t.gate("recruiter").candidate(id).badge.primary, .consentValid)
        // The list shows the new badge too.
        MemoryBackend.drive(app, [.escape])
        XCTAssertTrue(app.render().lines[2].contains("✓ consent"), app.render().lines[2])
        }
    }

    func testALeadRestrictsAndLiftsAndARecruiterIsRefusedBeforeTyping() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Nils Ahl", basis: .legitimateInterest, consent: .none, source: .linkedin,
                           collectedAt: TestRegister.start.addingTimeInterval(-40 * 86_400))
        let recruiter = try WriteKeys.app(t, "recruiter")
        MemoryBackend.drive(recruiter, WriteKeys.open("nils") + [WriteKeys.tab(.consent), .char("r")])
        XCTAssertEqual(recruiter.mode, .detail)
        XCTAssertEqual(recruiter.flashMessage, "Refused: a recruiter may not restrict or lift restriction.")

        let lead = try WriteKeys.app(t, "lead")
        MemoryBackend.drive(lead, WriteKeys.open("nils") + [WriteKeys.tab(.consent), .char("r")])
        XCTAssertTrue(lead.render().lines[29].contains("Restrict processing of Nils Ahl"))
        MemoryBackend.drive(lead, Key.typing("Disputes the accuracy of the profile") + [WriteKeys.save])
        XCTAssertEqual(lead.flashMessage, "Processing restricted: kept, not used.")
        XCTAssertTrue(lead.render().lines[0].contains("restricted"), lead.render().lines[0])
        MemoryBackend.drive(lead, [.char("r")])
        XCTAssertTrue(lead.render().lines[29].contains("Lift the restriction on"), lead.render().lines[29])
        MemoryBackend.drive(lead, Key.typing("Accuracy confirmed") + [WriteKeys.save])
        XCTAssertEqual(lead.flashMessage, "Restriction lifted.")

        // Sourced from LinkedIn forty days ago: the Art. 14 notice is overdue until marked sent.
        XCTAssertTrue(lead.render().text.contains("art14 due"), lead.render().text)
        MemoryBackend.drive(lead, [.char("T")] + Key.typing("email") + [WriteKeys.save])
        XCTAssertEqual(lead.flashMessage, "Art. 14 notice marked sent.")
        XCTAssertFalse(lead.render().text.contains("art14 due"), lead.render().text)
        }
    }
}
