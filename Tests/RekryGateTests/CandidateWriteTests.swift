import Foundation
import RekryDomain
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// Adding a candidate and correcting their record (Art. 16) through the gate: each refusal names its field,
/// Art. 14 notices follow the source, and a correction leaves the old value in no byte of the register.
final class CandidateWriteTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func draft(_ name: String = "Maria Lindqvist", email: String? = nil, phone: String? = nil, birthYear: Int? = nil,
               country: String = "SE", source: DataSource = .applied, basis: LegalBasis = .contract) -> CandidateDraft {
        CandidateDraft(fullName: name, email: email, phone: phone, birthYear: birthYear, country: country, source: source, basis: basis)
    }

    func assertRefused(_ d: CandidateDraft, field: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try t.gate("recruiter").addCandidate(d), file: file, line: line) { e in
            guard let f = (e as? RegisterError)?.invalidValue?.field else { return XCTFail("\(e)", file: file, line: line) }
            XCTAssertEqual(f, field, "\(e)", file: file, line: line)
            XCTAssertTrue("\(e)".hasPrefix(field), "the message names the field: \(e)", file: file, line: line)
        }
    }

    func testAddValidatesEachFieldAndNamesIt() throws {
        assertRefused(draft(""), field: "--name")
        assertRefused(draft("   "), field: "--name")
        assertRefused(draft("123 456"), field: "--name")
        assertRefused(draft(email: "not-an-email"), field: "--email")
        assertRefused(draft(email: "a@b"), field: "--email")
        assertRefused(draft(email: "a b@example.se"), field: "--email")
        assertRefused(draft(phone: "12"), field: "--phone")
        assertRefused(draft(phone: "call me maybe"), field: "--phone")
        assertRefused(draft(birthYear: 1850), field: "--birth-year")
        assertRefused(draft(birthYear: 2200), field: "--birth-year")
        assertRefused(draft(country: "SWE"), field: "--country")
        assertRefused(draft(country: "1A"), field: "--country")
        // A right-to-left override would make "Maria\u{202E}nosnah" read as another name; isolates likewise.
        assertRefused(draft("Maria \u{202E}nosnah"), field: "--name")
        assertRefused(draft("Maria \u{2067}Lindqvist\u{2069}"), field: "--name")
        XCTAssertEqual(try t.register.candidateCount(), 0, "nothing refused was stored")
        let id = try t.gate("recruiter").addCandidate(draft(email: "maria@example.se", phone: "+46 70 123 45 67", birthYear: 1990,
                                                            country: "se"))
        let shown = try t.gate("recruiter").candidate(id)
        XCTAssertEqual(shown.name.value, "Maria Lindqvist")
        XCTAssertEqual(shown.contact.value?.email, "maria@example.se")
        XCTAssertEqual(shown.profile.value?.country, "SE")
        XCTAssertEqual(shown.profile.value?.birthYear, 1990)
        // A note typed on an old Mac (lone CR) or pasted from Windows (CRLF) is stored with line feeds only.
        _ = try t.gate("recruiter").addNote(candidateId: id, text: "First line\r\nSecond line\rThird line")
        XCTAssertEqual(try t.scalar("SELECT text FROM assessment WHERE candidateId = ?", [id]), "First line\nSecond line\nThird line")
    }

    func testNobodyButRecruitersAndLeadsAdds() throws {
        for user in ["admin", "dpo"] {
            XCTAssertThrowsError(try t.gate(user).addCandidate(draft()), user) { e in
                XCTAssertEqual(e as? RegisterError, .notPermitted(action: WriteAction.addCandidate.rawValue, role: user))
            }
        }
        XCTAssertNoThrow(try t.gate("lead").addCandidate(draft()))
    }

    func testDataNotFromThePersonIsDueAnArt14NoticeAMonthAfterCollection() throws {
        let r = try t.gate("recruiter")
        var sourced: [DataSource: Int64] = [:]
        for source in DataSource.allCases {
            sourced[source] = try r.addCandidate(draft("Person \(source.rawValue)", source: source, basis: .legitimateInterest))
        }
        func due(_ id: Int64) throws -> Bool {
            try t.gate("recruiter").rows(ids: [id]).first!.badge.states.contains(.art14NoticeDue)
        }
        for id in sourced.values { XCTAssertFalse(try due(id), "not due on the day of collection") }
        t.clock.advance(by: 27 * 86_400)
        for id in sourced.values { XCTAssertFalse(try due(id), "not due within the month") }
        t.clock.advance(by: 5 * 86_400)
        for (source, id) in sourced {
            XCTAssertEqual(try due(id), !source.providedByPerson, source.rawValue)
        }
        // The badge filter finds exactly those.
        let filtered = Set(try r.page(CandidateQuery(badge: .art14NoticeDue), from: .start, limit: 50).map(\.id))
        XCTAssertEqual(filtered, Set([DataSource.linkedin, .jobBoard, .referral, .publicSource].map { sourced[$0]! }))

        let linkedin = sourced[.linkedin]!
        XCTAssertThrowsError(try r.markNoticeSent(candidateId: linkedin, channel: " "), "the channel is required")
        XCTAssertThrowsError(try r.markNoticeSent(candidateId: linkedin, at: t.clock.now() + 86_400, channel: "email"), "not in the future")
        XCTAssertThrowsError(try r.markNoticeSent(candidateId: linkedin, at: t.clock.now() - 90 * 86_400, channel: "email"),
                             "not before collection")
        XCTAssertThrowsError(try r.markNoticeSent(candidateId: sourced[.applied]!, channel: "email"), "no notice is due for an applicant")
        try r.markNoticeSent(candidateId: linkedin, channel: "email")
        XCTAssertFalse(try due(linkedin), "cleared at once")
        XCTAssertEqual(try r.candidate(linkedin).profile.value?.notifiedAt, t.clock.now())
        XCTAssertTrue(try due(sourced[.referral]!), "others still due")
        XCTAssertThrowsError(try t.gate("admin").markNoticeSent(candidateId: sourced[.referral]!, channel: "email"))
        try t.gate("dpo").markNoticeSent(candidateId: sourced[.referral]!, channel: "letter")
        XCTAssertFalse(try due(sourced[.referral]!))
        // The log keeps that a notice went out; the audit log only that it did.
        let last = try t.gate("dpo").auditEntries().last!
        XCTAssertEqual(last.action, "art14-notice.sent")
        XCTAssertEqual(last.detail, "")
    }

    func testCorrectingTheNameChangesSearchSortAndLeavesNoTrace() throws {
        let r = try t.gate("recruiter")
        let id = try r.addCandidate(draft("Quintavius Zorbatrix", email: "qz@example.se", basis: .contract))
        try r.addCandidate(draft("Bertil Berg"))
        try r.addCandidate(draft("Doris Dahl"))
        try r.addCandidate(draft("Xerxes Xu"))
        func search(_ text: String) throws -> [Int64] {
            try t.gate("recruiter").page(CandidateQuery(text: text), from: .start, limit: 50).map(\.id)
        }
        func byName() throws -> [String] {
            try t.gate("recruiter").page(CandidateQuery(order: .name), from: .start, limit: 50).compactMap(\.name.value)
        }
        XCTAssertEqual(try search("zorbatrix"), [id])
        XCTAssertEqual(try search("quintavius"), [id])
        XCTAssertEqual(try byName(), ["Bertil Berg", "Doris Dahl", "Xerxes Xu", "Quintavius Zorbatrix"], "by surname")
        // The old name is on disk now, the way every register holds it.
        try t.register.backend.checkpoint()
        XCTAssertFalse(t.filesContain("Zorbatrix").isEmpty, "the test looks at the right files")

        t.clock.advance(by: 3_600)
        try r.editCandidate(id, changes: [.fullName: "Anneli Cederholm"])

        XCTAssertEqual(try search("zorbatrix"), [], "the old name finds nobody")
        XCTAssertEqual(try search("quintav"), [], "nor a prefix of it")
        XCTAssertEqual(try search("cederholm"), [id])
        XCTAssertEqual(try search("anneli ceder"), [id])
        XCTAssertEqual(try search("qz"), [id], "other fields still find them")
        XCTAssertEqual(try byName(), ["Bertil Berg", "Anneli Cederholm", "Doris Dahl", "Xerxes Xu"], "sorted by the new surname")
        XCTAssertEqual(try t.gate("lead").count(CandidateQuery(text: "zorbatrix")).value, 0, "a count is a read too")
        XCTAssertEqual(try r.candidate(id).name.value, "Anneli Cederholm")

        // The rectification log names the field, when and by whom; never the old value.
        let changes = try t.register.backend.read { try $0.recordChanges(candidateId: id) }
        XCTAssertEqual(changes.map(\.field), ["name"])
        XCTAssertEqual(changes.first?.changedAt, t.clock.now())
        XCTAssertEqual(changes.first?.changedBy, r.actor.pseudonym)
        XCTAssertNil(changes.first?.note)
        let edit = try XCTUnwrap(try t.gate("dpo").auditEntries(subjectCandidate: id).last { $0.action == "candidate.edit" })
        XCTAssertEqual(edit.detail, "fields=name")
        for entry in try t.gate("dpo").auditEntries() {
            let text = [entry.actor, entry.subject ?? "", entry.detail].joined(separator: " ").lowercased()
            XCTAssertFalse(text.contains("zorbatrix") || text.contains("cederholm"), "\(entry)")
        }

        // No byte of any file (database, text index, their journals) holds the old name in any form; on PostgreSQL
        // once the administrator's erasure job has vacuumed the old row versions away (docs/postgres.md).
        try t.runDatabaseAdministratorsErasureJob()
        for needle in ["Zorbatrix", "zorbatrix", "ZORBATRIX", "Quintavius", "quintavius", "quintavius zorbatrix"] {
            XCTAssertEqual(t.filesContain(needle), [], needle)
        }
        XCTAssertFalse(t.filesContain("cederholm").isEmpty)
    }

    func testEditValidatesClearsAndNeedsAField() throws {
        let r = try t.gate("recruiter")
        let id = try r.addCandidate(draft(email: "maria@example.se", phone: "070 123 45 67", birthYear: 1980))
        XCTAssertThrowsError(try r.editCandidate(id, changes: [:]))
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.fullName: ""])) { e in XCTAssertTrue("\(e)".hasPrefix("--name"), "\(e)") }
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.email: "nope"])) { e in XCTAssertTrue("\(e)".hasPrefix("--email"), "\(e)") }
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.phone: "x"])) { e in XCTAssertTrue("\(e)".hasPrefix("--phone"), "\(e)") }
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.birthYear: "nineteen"])) { e in XCTAssertTrue("\(e)".hasPrefix("--birth-year"), "\(e)") }
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.birthYear: "1700"])) { e in XCTAssertTrue("\(e)".hasPrefix("--birth-year"), "\(e)") }
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.country: "Sweden"])) { e in XCTAssertTrue("\(e)".hasPrefix("--country"), "\(e)") }
        XCTAssertThrowsError(try r.editCandidate(999, changes: [.email: "a@b.se"])) { e in
            XCTAssertEqual((e as? RegisterError)?.notFoundWhat, "candidate 999")
        }
        // A refused edit changed nothing, not even the fields that were valid.
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.email: "new@example.se", .phone: "x"]))
        XCTAssertEqual(try r.candidate(id).contact.value?.email, "maria@example.se")
        // An empty value clears an optional field, and search follows.
        try r.editCandidate(id, changes: [.email: "", .birthYear: " "])
        let shown = try r.candidate(id)
        XCTAssertNil(shown.contact.value?.email)
        XCTAssertNil(shown.profile.value?.birthYear)
        XCTAssertEqual(try r.page(CandidateQuery(text: "maria@example.se"), from: .start, limit: 5).map(\.id), [])
        XCTAssertThrowsError(try t.gate("admin").editCandidate(id, changes: [.fullName: "X Y"]))
        XCTAssertNoThrow(try t.gate("dpo").editCandidate(id, changes: [.fullName: "Maria Lind"]), "the DPO rectifies")
    }

    func testACorrectionOfARestrictedRecordIsForLeadsAndTheDPOAndRevealsNothing() throws {
        // Rectification puts a lapse right, so a lead or the DPO (who answer the request) may correct a
        // restricted record; a recruiter, who cannot see it, is refused without being told anything of it.
        let id = try t.addCandidate("Hidden Person", basis: .contract, consent: .none, restricted: true)
        let r = try t.gate("recruiter")
        XCTAssertNil(try r.candidate(id).name.value)
        XCTAssertThrowsError(try r.editCandidate(id, changes: [.currentTitle: "Engineer"])) { e in
            XCTAssertEqual((e as? RegisterError)?.exitCode, 1)
            XCTAssertTrue("\(e)".contains("restricted"), "\(e)")
            XCTAssertFalse("\(e)".contains("Hidden") || "\(e)".contains("Developer"), "\(e)")
        }
        if t.backendKind == .postgres {
            // PostgreSQL difference (docs/postgres.md, "Correcting a withheld profile"): the lead's login cannot read
            // the restricted profile; the edit is refused, not dropped, and the DPO corrects it.
            XCTAssertThrowsError(try t.gate("lead").editCandidate(id, changes: [.currentTitle: "Engineer"])) { e in
                XCTAssertTrue("\(e)".contains(WritePolicyTests.withheldProfileEdit), "\(e)")
                XCTAssertFalse("\(e)".contains("Hidden") || "\(e)".contains("Developer"), "\(e)")
            }
        } else {
            XCTAssertNoThrow(try t.gate("lead").editCandidate(id, changes: [.currentTitle: "Engineer"]))
        }
        XCTAssertNoThrow(try t.gate("dpo").editCandidate(id, changes: [.fullName: "Hidden Persson"]))
        XCTAssertNil(try r.candidate(id).name.value, "still withheld after the write")
        XCTAssertEqual(try r.rows(ids: [id]).first?.position.reason, .restricted)
        XCTAssertEqual(try t.gate("dpo").candidate(id, purpose: .dataSubjectRequest).name.value, "Hidden Persson")
    }
}

/// The byte scan for control characters agrees with Unicode's general category on every scalar it can meet.
final class ControlCharacterTests: XCTestCase {
    func testTheByteScanAgreesWithTheGeneralCategory() {
        let samples: [Unicode.Scalar] = (0...0x2FF).compactMap(Unicode.Scalar.init) + ["\u{2028}", "\u{FEFF}", "Å", "ø", "😀", "\u{85}"]
        for scalar in samples {
            for lineBreaks in [false, true] {
                var text = "a\(Character(scalar))b"
                let expected = scalar.properties.generalCategory == .control && !(lineBreaks && (scalar == "\n" || scalar == "\t"))
                XCTAssertEqual(FieldRules.containsControl(&text, allowingLineBreaks: lineBreaks), expected,
                               String(format: "U+%04X, line breaks allowed: %d", scalar.value, lineBreaks ? 1 : 0))
            }
        }
        XCTAssertEqual("  \n Åsa Öberg \t ".trimmedWhitespace, "Åsa Öberg")
        XCTAssertEqual(" \u{00A0}\u{2003} ".trimmedWhitespace, "")
    }
}
