import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The DPO's desk from the keyboard (`D` on the list): requests recorded, extended and closed through forms,
/// the 72-hour badge and the notification on the Breaches tab, the DPO alone, and read-only mode.
final class DPODeskKeysTests: XCTestCase, @unchecked Sendable {
    func morning(_ text: String) -> Date { CivilDate(isoDay: text)!.date.addingTimeInterval(10 * 3600) }

    func testOnlyTheDPOOpensTheDesk() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Rita Request")
        _ = try t.gate("dpo").addRequest(RequestDraft(subject: .candidate(1), kind: .access, received: CivilDate.day(of: t.clock.now()),
                                                      verifiedBy: .bankId))
        for user in ["recruiter", "lead", "admin"] {
            let app = try WriteKeys.app(t, user)
            MemoryBackend.drive(app, [.char("D")])
            XCTAssertEqual(app.mode, .list, user)
            XCTAssertEqual(app.flashMessage, "The DPO desk is the DPO's: requests and breaches are theirs alone (you are \(user == "recruiter" ? "recruiter" : user)).")
            XCTAssertFalse(app.render().text.contains("DPO desk ·"), user)
        }
        let app = try WriteKeys.app(t, "dpo")
        MemoryBackend.drive(app, [.char("D")])
        XCTAssertEqual(app.mode, .desk)
        XCTAssertTrue(app.render().text.contains("1 Requests (1)"), app.render().text)
        }
    }

    func testTheDPORecordsExtendsAndClosesARequestFromTheKeyboard() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        t.clock.set(morning("2026-02-01"))
        let id = try t.addCandidate("Rita Request", basis: .contract, consent: .none)
        let subject: String = try XCTUnwrap(t.scalar("SELECT pseudonym FROM candidate WHERE id = ?", [id]))
        let app = try WriteKeys.app(t, "dpo")
        MemoryBackend.drive(app, [.char("D")])
        var screen = app.render().text
        XCTAssertTrue(screen.contains("Rekry · DPO desk"), screen)
        XCTAssertTrue(screen.contains("No requests recorded. a records one."), screen)
        XCTAssertTrue(screen.contains("DPO desk: Requests"), "the status line names the tab")

        MemoryBackend.drive(app, [.char("a")])
        XCTAssertEqual(app.mode, .form)
        XCTAssertEqual(app.openForm?.value("id"), String(id), "the candidate selected on the list")
        XCTAssertEqual(app.openForm?.value("received"), "2026-02-01", "today")
        // Kind: e jumps to erasure; received: the 31st of January.
        MemoryBackend.drive(app, [.tab, .tab, .char("e"), .tab, .ctrl("u")] + Key.typing("2026-01-31") + [.tab, .char("i"), .tab]
                            + Key.typing("passport seen") + [WriteKeys.save])
        XCTAssertEqual(app.mode, .desk, app.openForm.map { "\($0.errors)" } ?? "")
        XCTAssertEqual(app.flashMessage, "Recorded request 1 (erasure, \(subject)): due 2026-03-02.")
        screen = app.render().text
        let row = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains(subject) }.map(String.init), screen)
        for cell in ["1", "open", "erasure", "2026-01-31", "2026-03-02"] { XCTAssertTrue(row.contains(cell), "\(cell) in \(row)") }
        XCTAssertFalse(screen.contains("Rita"), "the desk shows pseudonyms only")
        XCTAssertFalse(screen.contains("passport"), "the note stays off the list")

        // A week before the deadline the badge says so (the desk is read again when opened).
        t.clock.set(morning("2026-02-24"))
        MemoryBackend.drive(app, [.escape, .char("D")])
        XCTAssertTrue(app.render().text.contains("due soon"), app.render().text)

        MemoryBackend.drive(app, [.char("e")])
        XCTAssertEqual(app.openForm?.value("notice"), "2026-02-24")
        MemoryBackend.drive(app, [.tab] + Key.typing("archives in three systems") + [WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "Extended request 1: now due 2026-03-31.")
        XCTAssertTrue(app.render().text.contains("open, extended"), app.render().text)

        // Closing needs an entry that records the erasure: the request's own entry is refused, on its field.
        let addSeq = try XCTUnwrap(t.gate("dpo").auditEntries().last { $0.action == "request.add" }).seq
        MemoryBackend.drive(app, [.char("c"), .tab] + Key.typing(String(addSeq)) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .form)
        XCTAssertEqual(app.openForm?.errors["entry"]?.contains("an erasure request is answered by an erasure"), true,
                       "\(app.openForm?.errors ?? [:])")
        MemoryBackend.drive(app, [.escape, .escape])
        XCTAssertEqual(app.mode, .list)
        _ = try t.gate("dpo").erase(candidateIds: [id], request: "DSR-1")
        let erased = try XCTUnwrap(t.gate("dpo").auditEntries().last { $0.action == "candidate.erase" }).seq
        MemoryBackend.drive(app, [.char("D"), .char("c"), .tab] + Key.typing(String(erased)) + [WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "Closed request 1 (done, audit entry \(erased)).")
        screen = app.render().text
        XCTAssertTrue(screen.contains("closed"), screen)
        XCTAssertTrue(screen.contains("erased; entry \(erased)"), screen)
        MemoryBackend.drive(app, [.char("c")])
        XCTAssertEqual(app.flashMessage, "Request 1 is closed.")
        }
    }

    func testTheBreachesTabShowsThe72HourBadgeAndMarksItNotified() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        let a = try t.addCandidate("Anna Affected")
        let breach = try t.gate("dpo").recordBreach(BreachDraft(discoveredAt: t.clock.now().addingTimeInterval(-2 * 3600), what: "a lost laptop",
                                                                categories: [.contact], approxAffected: 12, measures: "remote wipe",
                                                                affected: [a]))
        let app = try WriteKeys.app(t, "dpo")
        MemoryBackend.drive(app, [.char("D")])
        var screen = app.render().text
        XCTAssertTrue(screen.contains("2 Breaches (1)"), screen)
        XCTAssertTrue(screen.contains("add request"), "the Requests tab's hints")
        XCTAssertFalse(screen.contains("notified "), "the Breaches tab's write is not hinted on Requests")
        MemoryBackend.drive(app, [.char("n")])
        XCTAssertEqual(app.flashMessage, "That works on the Breaches tab (2).")

        MemoryBackend.drive(app, [.tab])
        XCTAssertEqual(app.deskTab, .breaches)
        screen = app.render().text
        XCTAssertTrue(screen.contains("72h: 70h left"), screen)
        XCTAssertTrue(screen.contains("12"), screen)
        XCTAssertFalse(screen.contains("add request"), "the Requests tab's write is not hinted here")
        MemoryBackend.drive(app, [.char("a")])
        XCTAssertEqual(app.flashMessage, "That works on the Requests tab (1).")

        t.clock.advance(by: 71 * 3600)
        MemoryBackend.drive(app, [.char("q"), .char("D"), .char("2")])
        XCTAssertTrue(app.render().text.contains("72h overdue"), app.render().text)
        MemoryBackend.drive(app, [.char("n")])
        XCTAssertEqual(app.openForm?.value("at"), DayFormat.minute(t.clock.now()))
        MemoryBackend.drive(app, [WriteKeys.save])
        XCTAssertEqual(app.flashMessage, "Breach \(breach.id): notified late.")
        XCTAssertTrue(app.render().text.contains(DayFormat.minute(t.clock.now())), "the notification time is listed")
        XCTAssertEqual(try t.gate("dpo").breaches().breaches.first?.status, "notified-late")
        MemoryBackend.drive(app, [.char("n")])
        XCTAssertEqual(app.flashMessage, "Breach \(breach.id) was marked notified already.")

        // A breach recorded from the keyboard: discovered an hour ago, two people linked.
        let discovered = DayFormat.minute(t.clock.now().addingTimeInterval(-3600))
        MemoryBackend.drive(app, [.char("b"), .ctrl("u")] + Key.typing(discovered) + [.tab] + Key.typing("a shared folder left open")
                            + [.tab, .ctrl("u")] + Key.typing("contact,bank") + [WriteKeys.save])
        XCTAssertEqual(app.mode, .form)
        XCTAssertEqual(app.openForm?.errors["categories"], "'bank' is not a category; use \(DataCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        MemoryBackend.drive(app, [.ctrl("u")] + Key.typing("contact,documents") + [.tab] + Key.typing("2") + [.tab]
                            + Key.typing("folder closed") + [.tab] + Key.typing("\(a), 9999") + [WriteKeys.save])
        XCTAssertEqual(app.mode, .form, "candidate 9999 does not exist")
        XCTAssertEqual(app.openForm?.errors["affected"], "there is no candidate 9999")
        MemoryBackend.drive(app, Array(repeating: .backspace, count: 6) + [WriteKeys.save])
        XCTAssertEqual(app.mode, .desk, "\(app.openForm?.errors ?? [:])")
        XCTAssertTrue(app.flashMessage?.hasPrefix("Recorded breach 2: notify the authority by") == true, app.flashMessage ?? "")
        XCTAssertTrue(app.flashMessage?.hasSuffix("(72h: 71h left).") == true, app.flashMessage ?? "")
        XCTAssertTrue(app.render().text.contains("72h: 71h left"), app.render().text)
        XCTAssertEqual(try t.gate("dpo").breaches().breaches.first?.affected.count, 1)
        }
    }

    func testReadOnlyModeDropsTheDesksWritesAndHelpComesFromTheTable() throws {
        try MainActor.assumeIsolated {
        let t = try TestRegister()
        try t.addCandidate("Rita Request")
        let app = try WriteKeys.app(t, "dpo", readOnly: true)
        MemoryBackend.drive(app, [.char("D")])
        XCTAssertEqual(app.mode, .desk, "reading the desk is no write")
        MemoryBackend.drive(app, [.char("a")])
        XCTAssertEqual(app.mode, .desk)
        XCTAssertEqual(app.flashMessage, "'a' does nothing here; press ? for help")
        XCTAssertFalse(app.render().text.contains("add request"))
        XCTAssertEqual(KeyTables.desk.collisions, [])
        XCTAssertTrue(KeyTables.desk.bindings.filter { DeskTab.tab(of: $0.action) != nil }.allSatisfy { $0.writes || $0.destructive })

        let writer = try WriteKeys.app(t, "dpo", height: 50)
        MemoryBackend.drive(writer, [.char("D"), .char("?")])
        let help = writer.render().text
        for b in KeyTables.desk.bindings { XCTAssertTrue(help.contains(b.help), b.help) }
        MemoryBackend.drive(writer, [.escape])
        XCTAssertEqual(writer.mode, .desk, "help returns to the desk")
        }
    }
}
