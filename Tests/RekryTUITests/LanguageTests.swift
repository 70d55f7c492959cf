import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import RekryTUI
import XCTest

/// The UI language (#14): how it is chosen, the catalogues, numbers, and every screen in Swedish, Norwegian
/// and English at 80x24 and 120x40 without text running out of its column.
/// XCTest on Linux runs test methods on the main thread; bodies assume the main actor explicitly.
final class LanguageTests: XCTestCase, @unchecked Sendable {
    var t: TestRegister!

    override func setUp() async throws {
        t = try TestRegister()
        _ = try t.addCandidate("Åsa Öberg", basis: .consent, consent: .valid(days: 200), email: "asa@example.se")
        let bjorn = try t.addCandidate("Bjørn Ødegård", basis: .contract, consent: .none, email: "bjorn@example.no")
        _ = try t.addCandidate("Zoë Ångström", basis: .legitimateInterest, consent: .none)
        _ = try t.addCandidate("Renée Dubois", basis: .consent, consent: .expired)
        try t.addToProcess(bjorn, stage: .final)
        try t.addPsychConsent(bjorn)
        try t.addReference(bjorn, name: "Kjersti Haugen")
        try t.addAssessment(bjorn, text: "Strukturerad och lugn.")
        try t.gate("lead").attachReport(candidateId: bjorn, text: "Rapport.", author: "Leg. psykolog Anna Wiklund")
    }

    // MARK: choosing the language

    func testChosenFromTheOptionThenTheEnvironment() {
        XCTAssertEqual(UILanguage.choose(option: "nb", environment: ["LANG": "sv_SE.UTF-8"]), .nb)
        XCTAssertEqual(UILanguage.choose(environment: [:]), .en)
        XCTAssertEqual(UILanguage.choose(environment: ["LANG": "sv_SE.UTF-8"]), .sv)
        XCTAssertEqual(UILanguage.choose(environment: ["LANG": "nb_NO.UTF-8"]), .nb)
        XCTAssertEqual(UILanguage.choose(environment: ["LANG": "nn_NO.UTF-8"]), .nb)
        XCTAssertEqual(UILanguage.choose(environment: ["LANG": "no_NO"]), .nb)
        XCTAssertEqual(UILanguage.choose(environment: ["LANG": "en_GB.UTF-8"]), .en)
        XCTAssertEqual(UILanguage.choose(environment: ["LANG": "de_DE.UTF-8"]), .en)
        // LANGUAGE first, its first usable entry; then LC_ALL, LC_MESSAGES, LANG.
        XCTAssertEqual(UILanguage.choose(environment: ["LANGUAGE": "de:nb:sv", "LANG": "sv_SE.UTF-8"]), .nb)
        XCTAssertEqual(UILanguage.choose(environment: ["LANGUAGE": "", "LC_ALL": "sv_SE.UTF-8", "LANG": "nb_NO.UTF-8"]), .sv)
        XCTAssertEqual(UILanguage.choose(environment: ["LC_MESSAGES": "nb_NO", "LANG": "sv_SE.UTF-8"]), .nb)
        // A set variable naming no language of ours (C, de) is passed over.
        XCTAssertEqual(UILanguage.choose(environment: ["LC_ALL": "C", "LANG": "sv_SE.UTF-8"]), .sv)
        XCTAssertEqual(UILanguage.choose(environment: ["LC_ALL": "C.UTF-8"]), .en)
        XCTAssertEqual(UILanguage.choose(option: "xx", environment: ["LANG": "nb_NO"]), .nb)
    }

    func testParsesTagsAndLocaleNames() {
        XCTAssertEqual(UILanguage.parse("sv"), .sv)
        XCTAssertEqual(UILanguage.parse("sv-FI"), .sv)
        XCTAssertEqual(UILanguage.parse("nb_NO.UTF-8@euro"), .nb)
        XCTAssertEqual(UILanguage.parse("EN_us"), .en)
        XCTAssertNil(UILanguage.parse("POSIX"))
        XCTAssertNil(UILanguage.parse("svenska"))
    }

    // MARK: catalogues

    func testEveryKeyInEveryLanguageNoneEmptyPlaceholdersAlike() {
        let en = Catalogue.messages(.en)
        for language in UILanguage.allCases {
            let messages = Catalogue.messages(language)
            XCTAssertEqual(Set(messages.keys), Set(en.keys), "\(language)")
            for (key, message) in messages {
                XCTAssertFalse(message.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key)")
                XCTAssertEqual(Catalogue.placeholders(message).sorted(), Catalogue.placeholders(en[key] ?? "").sorted(),
                               "\(language) \(key): \(message)")
            }
        }
    }

    func testEveryMessageTheScreensAskForIsInTheCatalogue() {
        MainActor.assumeIsolated { checkEveryMessageTheScreensAskForIsInTheCatalogue() }
    }

    @MainActor
    func checkEveryMessageTheScreensAskForIsInTheCatalogue() {
        let en = Catalogue.messages(.en)
        let maps = [KeyTables.list, KeyTables.desk, KeyTables.search, KeyTables.detail, KeyTables.referee, KeyTables.confirm,
                    KeyTables.typedConfirm, KeyTables.form, KeyTables.help, KeyTables.prompt]
        var keys = maps.map { "map." + $0.key }
        for b in maps.flatMap(\.bindings) {
            keys.append("key." + b.id)
            if b.hinted { keys.append("hint." + b.id) }
        }
        keys += DetailTab.allCases.flatMap { ["tab.\($0)", "tab.\($0).short"] } + DeskTab.allCases.map { "desk.tab.\($0)" }
        keys += BadgeState.allCases.flatMap { ["badge.\($0.rawValue).code", "badge.\($0.rawValue).long"] }
        keys += WithholdReason.allCases.flatMap { ["withheld.\($0.rawValue)", "refused.\($0.rawValue)"] }
        keys += Stage.allCases.map { "stage.\($0.rawValue)" } + Role.allCases.map { "role.\($0.rawValue)" }
        keys += CandidateQuery.Order.allCases.map { "sort.\($0.rawValue)" } + RequestKind.allCases.map { "request.\($0.rawValue)" }
        keys += LegalBasis.allCases.map { "basis.\($0.rawValue)" } + ConsentState.allCases.map { "consentState.\($0.rawValue)" }
        keys += ConsentPurpose.allCases.map { "purpose.\($0.rawValue)" } + DataSource.allCases.map { "source.\($0.rawValue)" }
        for key in keys { XCTAssertNotNil(en[key], key) }
        // Short forms fit the list's badge column beside a basis: at most 11 columns, a code at most 9.
        for language in UILanguage.allCases where language != .en {
            for state in BadgeState.allCases {
                XCTAssertLessThanOrEqual(DisplayWidth.of(language.badgeCode(state)), 9, "\(language) \(state)")
            }
        }
    }

    func testNumbersGroupedByLanguage() {
        XCTAssertEqual(UILanguage.en.grouped(10_000), "10,000")
        XCTAssertEqual(UILanguage.sv.grouped(10_000), "10\u{202F}000")
        XCTAssertEqual(UILanguage.nb.grouped(1_234_567), "1\u{202F}234\u{202F}567")
        XCTAssertEqual(UILanguage.sv.grouped(999), "999")
        XCTAssertEqual(UILanguage.en.text("list.candidates", ["count": UILanguage.en.grouped(10_000) + "+"]), "10,000+ candidates")
        XCTAssertEqual(UILanguage.sv.text("list.candidates", ["count": UILanguage.sv.grouped(10_000) + "+"]), "10\u{202F}000+ kandidater")
    }

    // MARK: screens

    @MainActor
    func app(_ user: String, _ language: UILanguage, _ w: Int, _ h: Int) throws -> App {
        let app = try App(gate: try t.gate(user), language: language, theme: Theme(colors: true, unicode: true), width: w, height: h)
        MemoryBackend.drive(app, [])
        return app
    }

    @MainActor
    func press(_ app: App, _ keys: [Key]) -> ScreenBuffer {
        MemoryBackend.drive(app, keys)
        return app.render()
    }

    static let sizes = [(80, 24), (120, 40)]

    /// Every hint label a language has: a run of plain text between two keys on a hint line must be one.
    func hintLabels(_ language: UILanguage) -> Set<String> {
        Set(Catalogue.messages(language).filter { $0.key.hasPrefix("hint.") }.map(\.value))
    }

    /// The hint line: keys drawn styled (reverse, or red for a destructive one), each followed by one whole
    /// plain label; nothing runs into the next.
    func assertHints(_ screen: ScreenBuffer, _ language: UILanguage, _ what: String, from start: Int = 0, file: StaticString = #filePath, line: UInt = #line) {
        let y = screen.height - 2
        var runs: [(reverse: Bool, text: String)] = []
        for x in start..<screen.width where screen[x, y].width > 0 {
            let cell = screen[x, y]
            let key = cell.style != .plain
            if let last = runs.last, last.reverse == key { runs[runs.count - 1].text += cell.text }
            else { runs.append((key, cell.text)) }
        }
        let labels = hintLabels(language)
        var sawKey = false
        for run in runs {
            if run.reverse { sawKey = true; continue }
            guard sawKey else { continue }
            let label = run.text.trimmingCharacters(in: .whitespaces)
            if label.isEmpty { continue }
            XCTAssertTrue(labels.contains(label), "\(what): hint label '\(label)' is not a whole label\n\(screen.text)", file: file, line: line)
            sawKey = false
        }
        XCTAssertTrue(runs.contains { $0.reverse }, "\(what): no hints\n\(screen.text)", file: file, line: line)
    }

    /// Rows that reach the edge of their area (`width - 1` columns, a margin on each side) end in `…` or in
    /// one of the texts `known` to end a row whole: a row cut mid-word without the marker fails.
    func assertNotCutMidWord(_ screen: ScreenBuffer, rows: Range<Int>, known: [String], _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        for y in rows {
            let text = screen.line(y)
            guard DisplayWidth.of(text) >= screen.width - 1, !text.hasSuffix("…") else { continue }
            XCTAssertTrue(known.contains { !$0.isEmpty && text.hasSuffix($0) }, "\(what): row \(y) is cut without …: \(text)",
                          file: file, line: line)
        }
    }

    /// The list: title bar whole on both sides, header and every row's badge at the header's column, the badge
    /// cell a whole short form (and basis), hints whole.
    @MainActor
    func assertList(_ screen: ScreenBuffer, _ language: UILanguage, _ what: String) {
        let title = screen.line(0)
        XCTAssertTrue(title.hasPrefix(language.text("list.title")), "\(what): \(title)")
        let sort = language.text("list.sort", ["order": language.text("sort.name")])
        XCTAssertTrue(title.hasSuffix(sort), "\(what): the title bar's right part is cut: \(title)")
        let count = language.text("list.candidates", ["count": "4"])
        XCTAssertTrue(title.contains(count), "\(what): \(title)")
        XCTAssertLessThan(DisplayWidth.of(language.text("list.title")) + 2, DisplayWidth.of(title) - DisplayWidth.of(count + "  " + sort),
                          "\(what): the right part runs over the left")
        let header = screen.line(1)
        guard let badgeX = screen.find(language.text("column.badge"))?.x else {
            return XCTFail("\(what): no badge header: \(header)")
        }
        // A header too wide for its column is cut with `…` (as in English at 80 columns), never run into the next.
        for name in ["column.id", "column.name", "column.position", "column.stage"] {
            let label = language.text(name)
            let whole = header.contains(label + " ")
            let cut = (1..<label.count).contains { header.contains(String(label.prefix($0)) + "… ") }
            XCTAssertTrue(whole || cut, "\(what): header \(name) cut without …: \(header)")
        }
        let shorts = BadgeState.allCases.map { language.badgeShort($0) }
        let cells = Set(shorts + BadgeState.allCases.flatMap { a in BadgeState.allCases.map { language.badgeShort(a) + " " + language.badgeCode($0) } })
        var rows = 0
        for y in 2..<(screen.height - 2) {
            let line = screen.line(y)
            guard !line.isEmpty, line.first?.isNumber == true else { continue }
            rows += 1
            XCTAssertEqual(screen[badgeX - 1, y].text, " ", "\(what): the stage runs into the badge column: \(line)")
            var badge = ""
            for x in badgeX..<min(screen.width, badgeX + 21) { badge += screen[x, y].text }
            let trimmed = badge.trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(cells.contains(trimmed), "\(what): badge cell '\(trimmed)' is not a whole short form: \(line)")
        }
        XCTAssertEqual(rows, 4, "\(what)\n\(screen.text)")
        assertHints(screen, language, what)
    }

    func testEveryScreenInEveryLanguageFitsItsColumns() throws {
        try MainActor.assumeIsolated { try checkEveryScreenInEveryLanguageFitsItsColumns() }
    }

    @MainActor
    func checkEveryScreenInEveryLanguageFitsItsColumns() throws {
        for language in UILanguage.allCases {
            for (w, h) in Self.sizes {
                let what = "\(language) \(w)x\(h)"
                // The list, then the search prompt over it.
                let lead = try app("lead", language, w, h)
                assertList(lead.render(), language, what + " list")
                var screen = press(lead, [.char("/")])
                XCTAssertTrue(screen.line(h - 2).hasPrefix("/"), what)
                assertHints(screen, language, what + " search", from: w / 2)
                screen = press(lead, [.escape])

                // The candidate view, on every tab.
                screen = press(lead, [.char("/")] + Key.typing("Bjørn") + [.enter, .enter])
                for tab in DetailTab.allCases {
                    screen = press(lead, [.char(Character(String(tab.rawValue + 1)))])
                    let bar = screen.line(1)
                    for other in DetailTab.allCases {
                        let full = " \(other.rawValue + 1) \(other.title(in: language)) ", short = " \(other.rawValue + 1) \(other.shortTitle(in: language)) "
                        XCTAssertTrue(bar.contains(full.trimmingCharacters(in: .whitespaces)) || bar.contains(short.trimmingCharacters(in: .whitespaces)),
                                      "\(what) \(tab): tab \(other) missing or cut: \(bar)")
                    }
                    XCTAssertTrue(screen.line(h - 1).contains(tab.title(in: language)), "\(what) \(tab): \(screen.line(h - 1))")
                    assertHints(screen, language, "\(what) \(tab)")
                }

                // Help from the candidate view: every binding's help, whole or cut with `…`.
                screen = press(lead, [.char("?")])
                XCTAssertTrue(screen.line(0).hasPrefix(language.text("help.title")), what)
                let ends = KeyTables.detail.bindings.flatMap { [$0.help(in: language), $0.tabNote(in: language) ?? "",
                                                                 language.text("help.destructive")] }
                    + BadgeState.allCases.map { language.badgeLong($0) }
                assertNotCutMidWord(screen, rows: 1..<(h - 2), known: ends, "\(what) help")
                assertHints(screen, language, what + " help")
                screen = press(lead, [.escape])

                // A flash: finding text that is not on the tab, whole in the status line.
                screen = press(lead, [.char("/")] + Key.typing("zzz") + [.enter])
                let none = language.text("flash.findNone", ["text": "zzz"])
                XCTAssertEqual(lead.flashMessage, none, what)
                XCTAssertTrue(screen.text.contains(none), "\(what): \(screen.text)")

                // A confirmation: withdrawing Åsa's consent.
                let recruiter = try app("recruiter", language, w, h)
                screen = press(recruiter, [.char("/")] + Key.typing("Åsa") + [.enter, .enter, .char("6"), .char("W")])
                XCTAssertEqual(recruiter.mode, .confirm, what)
                let box = WriteKeys.boxText(screen)
                XCTAssertTrue(box.contains(language.text("key.confirm.confirm")), "\(what): \(box)")
                XCTAssertTrue(box.contains(language.text("key.cancel.confirm")), "\(what): \(box)")
                for y in 0..<h { XCTAssertEqual(screen.line(y).filter { $0 == "│" }.count % 2, 0, "\(what): box edge overwritten: \(screen.line(y))") }
                screen = press(recruiter, [.char("n"), .escape])

                // A form: adding a candidate.
                screen = press(recruiter, [.char("a")])
                XCTAssertEqual(recruiter.mode, .form, what)
                assertHints(screen, language, what + " form")
                XCTAssertTrue(screen.line(h - 2).contains(language.text("hint.submitForm")), what)
                XCTAssertTrue(screen.line(0).contains(DisplayWidth.truncate(language.text("form.addCandidate"), to: w - 2)), "\(what): \(screen.line(0))")
                assertFormLabels(screen, addCandidateLabels(language), what + " form")
                // Saved empty: the form's own message, in the language, under the name.
                screen = press(recruiter, [.ctrl("s")])
                let required = language.text("form.required", ["label": language.text("field.name")])
                XCTAssertTrue(screen.text.contains(required), "\(what): \(screen.text)")
                assertFormLabels(screen, addCandidateLabels(language), what + " form refused")
                screen = press(recruiter, [.escape])

                // The erasure's preview and typed confirmation: Åsa, by a lead.
                let eraser = try app("lead", language, w, h)
                screen = press(eraser, [.char("/")] + Key.typing("Åsa") + [.enter, .enter, .char("E")])
                XCTAssertEqual(eraser.mode, .confirm, what)
                let preview = WriteKeys.boxText(screen)
                for part in [language.text("erase.audit"), language.text("confirm.typeToErase").components(separatedBy: "{typed}")[0]] {
                    XCTAssertTrue(preview.contains(part), "\(what): '\(part)' not in \(preview)")
                }
                XCTAssertTrue(preview.contains(language.text("erase.goes", ["goes": ""]).prefix(12)), "\(what): \(preview)")
                for y in 0..<h { XCTAssertEqual(screen.line(y).filter { $0 == "│" }.count % 2, 0, "\(what): box edge overwritten: \(screen.line(y))") }
                screen = press(eraser, [.escape])
                XCTAssertTrue(screen.text.contains(language.text("flash.cancelledNothingChanged")), "\(what): \(screen.text)")

                // The DPO desk, every tab.
                let dpo = try app("dpo", language, w, h)
                screen = press(dpo, [.char("D")])
                XCTAssertEqual(dpo.mode, .desk, what)
                for tab in DeskTab.allCases {
                    screen = press(dpo, [.char(Character(String(tab.rawValue + 1)))])
                    XCTAssertTrue(screen.line(0).contains(language.text("desk.title")), "\(what): \(screen.line(0))")
                    XCTAssertTrue(screen.text.contains(tab.title(in: language)), "\(what) \(tab)")
                    assertHints(screen, language, "\(what) desk \(tab)")
                }
            }
        }
    }

    /// The gate's own sentences on screen (#14): a refused erasure's reason in the status line, and an erasure
    /// preview's "stays" lines in the box, in every language at both sizes, whole (wrapped, never cut) and
    /// without the English they used to be.
    func testGateSentencesOnScreenInEveryLanguage() throws {
        try MainActor.assumeIsolated { try checkGateSentencesOnScreenInEveryLanguage() }
    }

    @MainActor
    func checkGateSentencesOnScreenInEveryLanguage() throws {
        // Held under a legal obligation (bookkeeping): the erasure's preview refuses it, with what stays and why.
        let held = try t.addCandidate("Lars Berg", basis: .legalObligation, consent: .none)
        for language in UILanguage.allCases {
            for (w, h) in Self.sizes {
                let what = "\(language) \(w)x\(h)"
                let lead = try app("lead", language, w, h)
                var screen = press(lead, [.char("/")] + Key.typing("Lars") + [.enter, .enter, .char("E")])
                let refusal = language.phrase(Wording("gate.erase.refusedLegalObligation", ["id": "\(held)"]))
                XCTAssertEqual(lead.flashMessage, refusal, what)
                let bottom = ((h - 3)..<h).map { screen.line($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                XCTAssertTrue(bottom.contains(refusal), "\(what): the refusal is cut: \(bottom)")
                if language != .en { XCTAssertFalse(bottom.contains("legal obligation") || bottom.contains("nothing was erased"), "\(what): \(bottom)") }

                // Åsa's preview: what stays and why, the gate's sentences in the language, inside the box.
                let eraser = try app("lead", language, w, h)
                screen = press(eraser, [.char("/")] + Key.typing("Åsa") + [.enter, .enter, .char("E")])
                XCTAssertEqual(eraser.mode, .confirm, what)
                let box = WriteKeys.boxText(screen)
                for key in ["gate.erase.auditEntries", "gate.erase.suppression", "gate.erase.auditEntriesWhy"] {
                    let sentence = language.phrase(Wording(key))
                    XCTAssertTrue(box.contains(sentence), "\(what): '\(sentence)' not whole in \(box)")
                }
                if language != .en { XCTAssertFalse(box.contains("audit log entries") || box.contains("suppression entry"), "\(what): \(box)") }
                // The box is whole: its two edges on every row it covers, nothing written over or past them.
                for y in 0..<h { XCTAssertEqual(screen.line(y).filter { $0 == "│" }.count % 2, 0, "\(what): box edge overwritten: \(screen.line(y))") }
                let rows = (0..<h).filter { screen.line($0).contains("│") }
                XCTAssertFalse(rows.isEmpty, what)
                for y in rows { XCTAssertLessThanOrEqual(DisplayWidth.of(screen.line(y)), w, what) }
                XCTAssertTrue(box.contains(language.text("erase.audit")), "\(what): the box's last line is gone: \(box)")
            }
        }
    }

    /// The labels of the add-candidate form in `language`.
    func addCandidateLabels(_ language: UILanguage) -> [String] {
        ["name", "email", "phone", "home-town", "title", "employer", "country", "country-other", "source", "source-detail", "basis",
         "consentChannel", "consentText"].map { language.text("field.\($0)") }
    }

    /// A form's label column: every row that starts a field starts with a whole label, or one cut with `…`.
    func assertFormLabels(_ screen: ScreenBuffer, _ labels: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        var seen = 0
        for y in 1..<(screen.height - 3) {
            let chars = Array(screen.line(y))
            guard chars.count > 2, chars[2] != " " else { continue }
            let rest = String(chars[2...])
            let whole = labels.contains { rest == $0 || rest.hasPrefix($0 + " ") }
            let cut = rest.firstIndex(of: "…").map { i in labels.contains { $0.hasPrefix(String(rest[..<i])) } } ?? false
            XCTAssertTrue(whole || cut, "\(what): row \(y) is no whole label: \(rest)", file: file, line: line)
            seen += 1
        }
        XCTAssertGreaterThan(seen, 3, "\(what): no labels\n\(screen.text)", file: file, line: line)
    }

    func testSwedishAndNorwegianOnScreen() throws {
        try MainActor.assumeIsolated { try checkSwedishAndNorwegianOnScreen() }
    }

    @MainActor
    func checkSwedishAndNorwegianOnScreen() throws {
        let sv = try app("lead", .sv, 120, 40)
        var screen = sv.render()
        XCTAssertTrue(screen.line(1).hasPrefix("ID      Namn"), screen.line(1))
        XCTAssertTrue(screen.line(1).contains("Titel, arbetsgivare"), screen.line(1))
        XCTAssertTrue(screen.line(1).contains("Märkning, grund"), screen.line(1))
        XCTAssertTrue(screen.text.contains("✓ samtycke"), screen.text)
        XCTAssertTrue(screen.text.contains("≡ avtal"), screen.text)
        XCTAssertTrue(screen.line(0).contains("4 kandidater"), screen.line(0))
        XCTAssertTrue(screen.line(39).contains("(lead, ansvarig)"), screen.line(39))
        XCTAssertTrue(screen.line(38).contains(" sök "), screen.line(38))
        screen = press(sv, [.char("/")] + Key.typing("Bjørn") + [.enter, .enter, .char("6")])
        XCTAssertTrue(screen.text.contains("Rättslig grund: avtal"), screen.text)
        XCTAssertTrue(screen.text.contains("Avtal eller åtgärder före avtal (art. 6.1 b)"), screen.text)

        let nb = try app("lead", .nb, 120, 40)
        screen = nb.render()
        XCTAssertTrue(screen.line(1).contains("Navn"), screen.line(1))
        XCTAssertTrue(screen.line(1).contains("Merking, grunnlag"), screen.line(1))
        XCTAssertTrue(screen.text.contains("≡ avtale"), screen.text)
        XCTAssertTrue(screen.text.contains("✗ utløpt"), screen.text)
        screen = press(nb, [.char("?")] + Array(repeating: .char("j"), count: 30))
        XCTAssertTrue(screen.text.contains("Merking: hvorfor byrået kan behandle hver opplysning"), screen.text)
        XCTAssertTrue(screen.text.contains("Berettiget interesse (art. 6 nr. 1 f)"), screen.text)

        // A form, its own message, a confirmation and a flash, word for word.
        let svForm = try app("recruiter", .sv, 120, 40)
        screen = press(svForm, [.char("a"), .ctrl("s")])
        XCTAssertTrue(screen.line(0).hasPrefix(" Lägg till en kandidat"), screen.line(0))
        XCTAssertTrue(screen.text.contains("Rättslig grund *"), screen.text)
        XCTAssertTrue(screen.text.contains("Namn måste fyllas i"), screen.text)
        let svErase = try app("lead", .sv, 120, 40)
        screen = press(svErase, [.char("/")] + Key.typing("Åsa") + [.enter, .enter, .char("E")])
        XCTAssertTrue(screen.text.contains("Radera Åsa Öberg (#"), screen.text)
        XCTAssertTrue(WriteKeys.boxText(screen).contains("Raderingen skrivs till granskningsloggen, bara med pseudonymer."), screen.text)
        screen = press(svErase, [.escape, .char("/")] + Key.typing("zzz") + [.enter])
        XCTAssertTrue(screen.text.contains("'zzz' finns inte i den här fliken."), screen.text)

        let nbForm = try app("recruiter", .nb, 120, 40)
        screen = press(nbForm, [.char("a"), .ctrl("s")])
        XCTAssertTrue(screen.line(0).hasPrefix(" Legg til en kandidat"), screen.line(0))
        XCTAssertTrue(screen.text.contains("Behandlingsgrunnlag *"), screen.text)
        XCTAssertTrue(screen.text.contains("Navn må fylles ut"), screen.text)
        let nbErase = try app("lead", .nb, 120, 40)
        screen = press(nbErase, [.char("/")] + Key.typing("Åsa") + [.enter, .enter, .char("E")])
        XCTAssertTrue(screen.text.contains("Slette Åsa Öberg (#"), screen.text)
        XCTAssertTrue(WriteKeys.boxText(screen).contains("Skriv 1 og trykk Enter for å slette") || WriteKeys.boxText(screen).contains("og trykk Enter for å slette"),
                      screen.text)
        screen = press(nbErase, [.escape, .char("/")] + Key.typing("zzz") + [.enter])
        XCTAssertTrue(screen.text.contains("'zzz' finnes ikke i denne fanen."), screen.text)
        XCTAssertEqual(UILanguage.nb.requestStatus(RequestStatus(urgency: .dueSoon, extended: true)), "snart, forlenget")
        XCTAssertEqual(UILanguage.sv.retentionRule("applicant role-filled 12m SE"), "sökande 12m efter tillsättning, SE")
        XCTAssertEqual(UILanguage.en.retentionRule("applicant role-filled 12m SE"), "applicant role-filled 12m SE")

        // English stays the default.
        let en = try App(gate: try t.gate("lead"), theme: Theme(colors: true, unicode: true), width: 120, height: 40)
        XCTAssertEqual(en.language, .en)
        XCTAssertTrue(en.render().line(1).contains("Badge, basis"))
    }

    /// A register error reads in the reader's language; its details (the gate's own words) as given; English
    /// word for word as before.
    func testRegisterErrorsAreWordedInTheLanguage() {
        let refused = RegisterError.notPermitted(action: "erase", role: "recruiter")
        XCTAssertEqual(UILanguage.sv.describe(refused), "erase: inte tillåtet för rollen rekryterare")
        XCTAssertEqual(UILanguage.nb.describe(refused), "erase: ikke tillatt for rollen rekrutterer")
        XCTAssertEqual(UILanguage.en.describe(refused), refused.description)
        XCTAssertEqual(UILanguage.sv.describe(RegisterError.notFound(what: "candidate 7")), "candidate 7: finns inte")
        for e in [RegisterError.missing(path: "/r"), .alreadyExists(path: "/r"), .unreadable(path: "/r", reason: "x"),
                  .exposed(path: "/r", mode: "644"), .notARegister(path: "/r", reason: "x"), .textIndexMissing(path: "/r.text", register: "/r"),
                  .unknownStaff(username: "u"), .keyMismatch(username: "u"), .damaged(path: "/r", detail: "d"), .cannotWrite(path: "/f", reason: "x")] {
            for language in [UILanguage.sv, .nb] {
                let text = language.describe(e)
                XCTAssertFalse(text.contains("{") || text.hasPrefix("error."), "\(language): \(text)")
                XCTAssertNotEqual(text, e.description, "\(language) words \(e)")
            }
        }
    }
}
