import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// The breach log (Arts. 33, 34) through the gate, on a manual clock: recording, the 72-hour badge, the
/// notification, the people to inform read through the gate, and the audit trail without personal data.
final class BreachLogTests: XCTestCase {
    var t: TestRegister!
    let hour: TimeInterval = 3600

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    /// The candidate's pseudonym, read beneath the gate (as the register's owner) on either backend.
    func pseudonym(_ id: Int64) throws -> String { try XCTUnwrap(t.register.backend.read { try $0.candidate(id: id)?.pseudonym }) }

    func draft(discovered: Date, affected: [Int64], approx: Int = 40) -> BreachDraft {
        BreachDraft(discoveredAt: discovered, what: "Zqvxwhat: a laptop with an export was stolen", categories: [.contact, .documents],
                    approxAffected: approx, measures: "Zqvxmeasures: disk encryption confirmed, keys rotated", affected: affected)
    }

    func testRecordingTheBadgeTheNotificationAndTheAuditTrail() throws {
        let a = try t.addCandidate("Anna Affected", email: "anna@example.se")
        let b = try t.addCandidate("Bo Affected", email: "bo@example.se")
        let dpo = try t.gate("dpo")
        let discovered = t.clock.now().addingTimeInterval(-2 * hour)
        let breach = try dpo.recordBreach(draft(discovered: discovered, affected: [b, a, a]))
        XCTAssertEqual(breach.badge, "72h: 70h left")
        XCTAssertEqual(breach.status, "due")
        XCTAssertEqual(breach.notifyBy, discovered.addingTimeInterval(72 * hour))
        XCTAssertEqual(breach.affected, [try pseudonym(a), try pseudonym(b)].sorted(), "pseudonyms, each once")

        t.clock.advance(by: 69 * hour)
        XCTAssertEqual(try dpo.breaches().breaches.first?.badge, "72h: 1h left")
        t.clock.advance(by: 1 * hour + 1)
        XCTAssertEqual(try dpo.breaches().breaches.first?.status, "overdue")
        XCTAssertEqual(try dpo.breaches().breaches.first?.badge, "72h overdue")

        XCTAssertThrowsError(try dpo.markBreachNotified(id: breach.id, at: discovered.addingTimeInterval(-60))) { error in
            guard (error as? RegisterError)?.invalidValue?.field == "--at" else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try dpo.markBreachNotified(id: breach.id, at: t.clock.now().addingTimeInterval(60)), "not in the future")
        let notified = try dpo.markBreachNotified(id: breach.id)
        XCTAssertEqual(notified.status, "notified-late")
        XCTAssertEqual(notified.notifiedAt, t.clock.now())
        t.clock.advance(by: 100 * hour)
        XCTAssertEqual(try dpo.breaches().breaches.first?.badge, "notified late", "the badge stops counting once notified")
        XCTAssertThrowsError(try dpo.markBreachNotified(id: breach.id), "notified once")

        // One notified in time.
        let second = try dpo.recordBreach(draft(discovered: t.clock.now().addingTimeInterval(-hour), affected: []))
        t.clock.advance(by: 24 * hour)
        XCTAssertEqual(try dpo.markBreachNotified(id: second.id, at: t.clock.now().addingTimeInterval(-hour)).badge, "notified")
        XCTAssertEqual(try dpo.breaches().breaches.map(\.id), [second.id, breach.id], "newest discovered first")

        let entries = try dpo.auditEntries().filter { $0.action.hasPrefix("breach.") }
        XCTAssertEqual(entries.map(\.action), ["breach.record", "breach.affected", "breach.affected", "breach.list", "breach.list",
                                               "breach.list", "breach.notify", "breach.list", "breach.record", "breach.notify", "breach.list"])
        XCTAssertTrue(entries[0].detail.contains("breach=\(breach.id) discovered="), entries[0].detail)
        XCTAssertTrue(entries[0].detail.hasSuffix("categories=contact,documents approx=40 linked=2"), entries[0].detail)
        XCTAssertNil(entries[0].subject)
        XCTAssertEqual(Set(entries[1...2].compactMap(\.subject)), [try pseudonym(a), try pseudonym(b)])
        XCTAssertEqual(entries[6].detail, "breach=\(breach.id) hours=72 late=yes")
        XCTAssertEqual(entries[9].detail, "breach=\(second.id) hours=24 late=no")
        for e in entries {
            XCTAssertFalse(e.detail.contains("Zqvx") || e.detail.contains("Affected") || e.detail.contains("@"), e.detail)
        }
        guard case .intact = try dpo.verifyAudit() else { return XCTFail("the chain must verify") }
    }

    func testOnlyTheDPOKeepsTheLog() throws {
        let a = try t.addCandidate("Anna Affected")
        let breach = try t.gate("dpo").recordBreach(draft(discovered: t.clock.now(), affected: [a]))
        for user in ["recruiter", "lead", "admin"] {
            let gate = try t.gate(user)
            for attempt in [
                { _ = try gate.recordBreach(self.draft(discovered: self.t.clock.now(), affected: [])) },
                { _ = try gate.breaches() },
                { _ = try gate.markBreachNotified(id: breach.id) },
                { _ = try gate.breachRecipients(id: breach.id) },
            ] as [() throws -> Void] {
                XCTAssertThrowsError(try attempt(), user) { error in
                    guard case RegisterError.notPermitted = error else { return XCTFail("\(user): \(error)") }
                }
            }
        }
        XCTAssertEqual(try t.gate("dpo").breaches().breaches.map(\.status), ["due"])
    }

    func testBadInputIsNamed() throws {
        let a = try t.addCandidate("Anna Affected")
        let dpo = try t.gate("dpo")
        func field(_ d: BreachDraft) -> String? {
            do { _ = try dpo.recordBreach(d); return nil } catch let e as RegisterError where e.invalidValue != nil { return e.invalidValue!.field } catch { return "\(error)" }
        }
        XCTAssertEqual(field(draft(discovered: t.clock.now().addingTimeInterval(hour), affected: [])), "--discovered")
        XCTAssertEqual(field(draft(discovered: t.clock.now(), affected: [a], approx: 0)), "--approx-affected")
        XCTAssertEqual(field(draft(discovered: t.clock.now(), affected: [a, 9_999])), "--affected")
        var empty = draft(discovered: t.clock.now(), affected: [])
        empty.what = "  "
        XCTAssertEqual(field(empty), "--what")
        var twoLines = draft(discovered: t.clock.now(), affected: [])
        twoLines.measures = "one\ntwo"
        XCTAssertEqual(field(twoLines), "--measures")
        XCTAssertEqual(try dpo.breaches().breaches.count, 0, "nothing was recorded")
        XCTAssertEqual(BreachCategories.parse("contact, documents,contact"), .success([.contact, .documents]))
        XCTAssertEqual(BreachCategories.parse("contact,bank-details"), .failure(BreachCategoryError(word: "bank-details")))
    }

    /// A description that names the person in the genitive, as Swedish and Norwegian write it ("Åsas CV",
    /// no apostrophe), in capitals or with an English "'s", loses every form of the name on erasure.
    func testAnErasureTakesTheNameOutOfADescriptionInEveryForm() throws {
        let person = try t.addCandidate("Åsa-Britt Qvarnström", email: "asa.q@example.se")
        let short = try t.addCandidate("Bo Ek", email: "bo.ek@example.se")
        let other = try t.addCandidate("Måns Bystander", email: "mans@example.se")
        let dpo = try t.gate("dpo")
        var d = draft(discovered: t.clock.now(), affected: [person, short, other])
        // Every way a red team wrote them: genitives, inflections and compounds, capitals, no accents, a
        // transliteration, Norwegian ø, a decomposed ö (pasted from a Mac), the name inside an email address.
        d.what = "Åsas CV och Qvarnströms personbrev; ÅSA-BRITT QVARNSTRÖM; Qvarnström's letter; Qvarnström:s; "
            + "Qvarnströmska ärendet; Qvarnströmarna; Asa-Britt Qvarnstrom; Qvarnstroem; Qvarnstrøm; Qvarnstro\u{0308}m; "
            + "asa-britt.qvarnstrom@gmail.com. Eks CV och Ek:s brev, Bo Ek ringde; vi bor i Bo kommun? skickades till fel kund"
        d.measures = "Called Qvarnström and Måns Bystander's manager; folk bo här"
        _ = try dpo.recordBreach(d)
        _ = try dpo.erase(candidateIds: [person, short], request: "DSR-12")
        // On PostgreSQL the bytes go with the database administrator's job (docs/postgres.md); on SQLite this does
        // nothing. Until it has run, a PostgreSQL checkpoint says the bytes remain (refused), as SQLite's does when
        // a reader holds the journal.
        try t.runDatabaseAdministratorsErasureJob()
        try dpo.checkpointJournals()
        for needle in ["Qvarnstr", "QVARNSTR", "qvarnstr", "Åsa", "ÅSA", "Asa-Britt", "Eks ", "Ek:s", "Bo Ek", "Qvarnstro\u{0308}m"] {
            XCTAssertEqual(t.filesContain(needle), [], needle)
        }
        let breach = try XCTUnwrap(try dpo.breaches().breaches.first)
        XCTAssertTrue(breach.what.contains("skickades till fel kund"), "the rest of the description stays: \(breach.what)")
        XCTAssertTrue(breach.measures.contains("Måns Bystander's manager"), "other people's names stay: \(breach.measures)")
        XCTAssertTrue(breach.measures.contains("folk bo här"), "a two-letter name goes only with its capital: \(breach.measures)")
    }

    func testTheLettersRecipientsComeThroughTheGateAndAnErasedPersonLeavesOnlyAPseudonym() throws {
        let a = try t.addCandidate("Anna Affected", email: "anna@example.se")
        let b = try t.addCandidate("Zqvxbreachname Gone", email: "zqvxbreachmail@example.se")
        let dpo = try t.gate("dpo")
        let breach = try dpo.recordBreach(draft(discovered: t.clock.now(), affected: [a, b]))
        let list = try dpo.breachRecipients(id: breach.id)
        let anna = try XCTUnwrap(list.recipients.first { $0.candidateId == a })
        XCTAssertEqual(anna.name?.value, "Anna Affected")
        XCTAssertEqual(anna.contact?.value?.email, "anna@example.se")
        XCTAssertTrue(list.text.contains("Anna Affected  anna@example.se"), list.text)
        let reads = try dpo.auditEntries().filter { $0.action == "breach.recipients" }
        XCTAssertEqual(Set(reads.compactMap(\.subject)), [try pseudonym(a), try pseudonym(b)], "each person's read is in their access log")

        let bSubject = try pseudonym(b)
        _ = try dpo.erase(candidateIds: [b], request: "DSR-11")
        let after = try dpo.breachRecipients(id: breach.id)
        let gone = try XCTUnwrap(after.recipients.first { $0.subject == bSubject })
        XCTAssertTrue(gone.erased)
        XCTAssertNil(gone.candidateId)
        XCTAssertNil(gone.contact)
        XCTAssertEqual(try dpo.breaches().breaches.first?.affected.count, 2, "the count of people to inform stays")
        // On PostgreSQL the bytes go with the database administrator's job (docs/postgres.md); on SQLite this does nothing.
        try t.runDatabaseAdministratorsErasureJob()
        XCTAssertEqual(t.filesContain("Zqvxbreachname"), [])
        XCTAssertEqual(t.filesContain("zqvxbreachmail"), [])

        // Whatever the gate withholds shows as the placeholder with its reason, never the value.
        let badge = try dpo.candidate(a, purpose: .dataSubjectRequest).badge
        let withheld = BreachRecipient(subject: "c-test", candidateId: a, erased: false, name: .withheld(badge, .restricted),
                                       contact: .withheld(badge, .restricted))
        XCTAssertEqual(withheld.line, "c-test  [\(WithholdReason.restricted.explanation)]  [\(WithholdReason.restricted.explanation)]")
        let json = String(decoding: try ExportJSON.data(BreachRecipientList(breachId: 1, recipients: [withheld])), as: UTF8.self)
        XCTAssertTrue(json.contains("\"withheld\" : \"restricted\""), json)
        XCTAssertFalse(json.contains("\"value\""), json)
    }
}
