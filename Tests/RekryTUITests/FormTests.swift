@testable import RekryTUI
import XCTest

/// The form component: editing by grapheme, focus order, validation, submission, and drawing at two sizes.
/// XCTest on Linux runs test methods on the main thread; view bodies assume the main actor explicitly.
final class FormTests: XCTestCase {
    /// The keys typing `text` produces (a local name: the test-support `Key.typing` is not a dependency here).
    private func keys(_ text: String) -> [Key] { text.unicodeScalars.map { .char(Character($0)) } }

    /// A candidate form: name (required), email (custom check), stage (choice), start date, note.
    private func candidateForm() -> FormModel {
        FormModel(title: "New candidate", fields: [
            FormField(id: "name", label: "Name", required: true, help: "Given and family name"),
            FormField(id: "email", label: "Email", help: "Work or private address",
                      validator: { $0.contains("@") ? nil : "An email address needs an @" }),
            FormField(id: "stage", label: "Stage", kind: .choice(["Sourced", "Screen", "Interview", "Offer"]),
                      initial: "Sourced", required: true),
            FormField(id: "start", label: "Available from", kind: .date),
            FormField(id: "note", label: "Note", kind: .multiline, help: "Enter starts a new line; Ctrl-S saves"),
        ])
    }

    @discardableResult
    private func press(_ form: inout FormModel, _ keys: [Key]) -> FormOutcome {
        var outcome = FormOutcome.editing
        for k in keys { outcome = form.handle(k) }
        return outcome
    }

    private func render(_ form: FormModel, _ w: Int, _ h: Int, colors: Bool = true, unicode: Bool = true) -> ScreenBuffer {
        MainActor.assumeIsolated {
            var buffer = ScreenBuffer(width: w, height: h)
            FormView(form: form, theme: Theme(colors: colors, unicode: unicode)).draw(into: &buffer)
            return buffer
        }
    }

    func testTypingNordicAndCJKAndMovingTheCursorInsertsInPlace() {
        var form = candidateForm()
        press(&form, keys("Åsa Öberg"))
        XCTAssertEqual(form.value("name"), "Åsa Öberg")
        XCTAssertEqual(form.cursor, 9)
        press(&form, [.home, .right, .right, .right] + keys("-Lena"))
        XCTAssertEqual(form.value("name"), "Åsa-Lena Öberg")
        press(&form, [.ctrl("e")] + keys("!") + [.ctrl("a"), .delete])
        XCTAssertEqual(form.value("name"), "sa-Lena Öberg!")
        press(&form, [.ctrl("u")] + keys("王明") + [.left] + keys("小"))
        XCTAssertEqual(form.value("name"), "王小明")
        XCTAssertEqual(form.cursor, 2)
        press(&form, [.backspace])
        XCTAssertEqual(form.value("name"), "王明")
        // The cursor cell is drawn in reverse over the wide character it stands on.
        let screen = render(form, 80, 24)
        let at = screen.find("王明")!
        XCTAssertFalse(screen[at.x, at.y].style.reverse)
        XCTAssertTrue(screen[at.x + 2, at.y].style.reverse, screen.line(at.y))
        XCTAssertEqual(screen[at.x + 2, at.y].text, "明")
    }

    func testBackspaceRemovesALetterWithItsCombiningMark() {
        var form = candidateForm()
        // "Zoe" then a combining diaeresis typed as its own key: it joins the e, one Character.
        press(&form, keys("Zoe\u{308}y"))
        XCTAssertEqual(form.value("name"), "Zoe\u{308}y")
        XCTAssertEqual(form.cursor, 4)
        press(&form, [.left, .backspace])
        XCTAssertEqual(form.value("name"), "Zoy", "the e and its mark go together")
        XCTAssertEqual(form.cursor, 2)
        press(&form, [.left, .delete])
        XCTAssertEqual(form.value("name"), "Zy")
    }

    func testTabAndShiftTabFollowTheFieldOrderAndWrap() {
        var form = candidateForm()
        var order: [String] = []
        for _ in 0..<6 { order.append(form.focusedField!.id); press(&form, [.tab]) }
        XCTAssertEqual(order, ["name", "email", "stage", "start", "note", "name"])
        press(&form, [.backTab])
        XCTAssertEqual(form.focusedField?.id, "name")
        press(&form, [.backTab])
        XCTAssertEqual(form.focusedField?.id, "note", "Shift-Tab from the first wraps to the last")
        press(&form, [.up, .up, .down])
        XCTAssertEqual(form.focusedField?.id, "start")
    }

    func testEnterMovesToTheNextFieldAndSubmitsOnTheLast() {
        var form = FormModel(title: "Reference", fields: [
            FormField(id: "name", label: "Name", required: true),
            FormField(id: "phone", label: "Phone"),
        ])
        XCTAssertEqual(press(&form, keys("  Kjersti Haugen ") + [.enter]), .editing)
        XCTAssertEqual(form.focusedField?.id, "phone")
        XCTAssertEqual(press(&form, keys("+47 22 33 44 55") + [.enter]),
                       .submitted(["name": "Kjersti Haugen", "phone": "+47 22 33 44 55"]), "values come back trimmed")
    }

    func testARequiredEmptyFieldBlocksSubmissionAndShowsItsError() {
        var form = candidateForm()
        press(&form, [.tab] + keys("anna@example.se"))
        XCTAssertEqual(press(&form, [.ctrl("s")]), .editing)
        XCTAssertEqual(form.focusedField?.id, "name", "the focus goes to the first invalid field")
        XCTAssertEqual(form.errors["name"], "Name is required")
        let screen = render(form, 80, 24)
        XCTAssertNotNil(screen.find("Name is required"), screen.text)
        XCTAssertEqual(screen.style(of: "⚠ Name is required")?.fg, .red)
        // Spaces alone are still empty.
        press(&form, keys("   "))
        XCTAssertNil(form.errors["name"], "editing a field clears its error")
        XCTAssertEqual(press(&form, [.ctrl("s")]), .editing)
        XCTAssertNotNil(form.errors["name"])
    }

    func testAnInvalidDateIsRefusedAndAValidOneAccepted() {
        var form = candidateForm()
        press(&form, keys("Åsa Öberg") + [.tab, .tab, .tab] + keys("2026-02-30"))
        XCTAssertEqual(press(&form, [.ctrl("s")]), .editing)
        XCTAssertEqual(form.focusedField?.id, "start")
        XCTAssertEqual(form.errors["start"], "2026-02-30 is not a date: February 2026 has 28 days")
        XCTAssertNotNil(render(form, 80, 24).find("2026-02-30 is not a date"))
        press(&form, [.ctrl("u")] + keys("14/03/2026"))
        XCTAssertEqual(press(&form, [.ctrl("s")]), .editing)
        XCTAssertEqual(form.errors["start"], "Write the date as YYYY-MM-DD, e.g. 2026-03-14")
        press(&form, [.ctrl("u")] + keys("2028-02-29"))
        XCTAssertEqual(press(&form, [.ctrl("s")]),
                       .submitted(["name": "Åsa Öberg", "email": "", "stage": "Sourced", "start": "2028-02-29", "note": ""]))
        XCTAssertNotNil(FormDate.parse("2028-02-29"))
        for bad in ["2026-13-01", "2026-04-31", "2100-02-29", "0000-01-01", "+026-01-01", "2026-1-01"] {
            XCTAssertNil(FormDate.parse(bad), bad)
        }
    }

    func testACustomValidatorsMessageShows() {
        var form = candidateForm()
        press(&form, keys("Åsa") + [.tab] + keys("asa.example.se"))
        XCTAssertEqual(press(&form, [.ctrl("s")]), .editing)
        XCTAssertEqual(form.focusedField?.id, "email")
        XCTAssertNotNil(render(form, 80, 24).find("An email address needs an @"))
    }

    func testChoiceCyclesWithArrowsAndSpaceAndJumpsByLetter() {
        var form = candidateForm()
        press(&form, keys("Åsa") + [.tab, .tab])
        XCTAssertEqual(form.focusedField?.id, "stage")
        press(&form, [.right])
        XCTAssertEqual(form.value("stage"), "Screen")
        press(&form, [.char(" ")])
        XCTAssertEqual(form.value("stage"), "Interview")
        press(&form, [.left, .left, .left])
        XCTAssertEqual(form.value("stage"), "Offer", "← wraps from the first to the last")
        press(&form, keys("s"))
        XCTAssertEqual(form.value("stage"), "Sourced")
        press(&form, keys("S"))
        XCTAssertEqual(form.value("stage"), "Screen", "the next option with that letter, any case")
        press(&form, keys("x") + [.backspace, .ctrl("u")])
        XCTAssertEqual(press(&form, [.ctrl("s")]), .editing, "cleared, the required choice is refused")
        XCTAssertEqual(form.errors["stage"], "Stage is required")
        press(&form, [.right])
        XCTAssertEqual(form.value("stage"), "Sourced")
        let screen = render(form, 80, 24)
        XCTAssertNotNil(screen.find("‹ Sourced ›"), screen.text)
        XCTAssertTrue(screen.style(of: "Sourced")!.reverse, "the focused option is in reverse video")
        XCTAssertNotNil(render(form, 80, 24, unicode: false).find("< Sourced >"))
    }

    func testEscCancels() {
        var form = candidateForm()
        press(&form, keys("Åsa"))
        XCTAssertEqual(press(&form, [.escape]), .cancelled)
    }

    func testANoteTakesNewlinesWrapsScrollsAndCtrlSSubmits() {
        var form = FormModel(title: "Note on Åsa Öberg", fields: [
            FormField(id: "note", label: "Note", kind: .multiline, required: true),
            FormField(id: "visibility", label: "Visible to", kind: .choice(["Team", "Lead only"]), initial: "Team"),
        ])
        press(&form, keys("Strong interview.") + [.enter] + keys("Follow up with 王小明."))
        XCTAssertEqual(form.focusedField?.id, "note", "Enter in a note inserts a newline")
        XCTAssertEqual(form.value("note"), "Strong interview.\nFollow up with 王小明.")
        press(&form, [.home] + keys("→ "))
        XCTAssertEqual(form.value("note"), "Strong interview.\n→ Follow up with 王小明.", "Home goes to the line's start")
        // A long note wraps within the value column and scrolls to keep the cursor in view, even at 40x12.
        let long = (1...300).map { "word\($0)" }.joined(separator: " ")
        press(&form, [.ctrl("e"), .enter] + keys(long))
        for (w, h) in [(80, 24), (40, 12)] {
            let screen = render(form, w, h)
            XCTAssertNotNil(screen.find("word300"), "\(w)x\(h):\n\(screen.text)")
            let cursorRow = screen.find("word300")!.y
            XCTAssertTrue((0..<w).contains { screen[$0, cursorRow].style.reverse }, "the cursor is on the last line")
            XCTAssertNil(screen.find("word1 "), "the top scrolled away at \(w)x\(h)")
        }
        XCTAssertEqual(press(&form, [.ctrl("s")]),
                       .submitted(["note": "Strong interview.\n→ Follow up with 王小明.\n" + long, "visibility": "Team"]))
    }

    func testTheCursorInANoteFollowsTheWrappedLayout() {
        let chars = Array("alpha beta gamma")
        // Width 11: "alpha beta" then "gamma".
        XCTAssertEqual(FormLayout.noteCursor(chars, cursor: 0, width: 11).line, 0)
        let inGamma = FormLayout.noteCursor(chars, cursor: 13, width: 11)
        XCTAssertEqual(inGamma.line, 1)
        XCTAssertEqual(inGamma.column, 2)
        XCTAssertEqual(inGamma.glyph, "m")
        let afterBeta = FormLayout.noteCursor(chars, cursor: 10, width: 11)
        XCTAssertEqual(afterBeta.line, 0)
        XCTAssertEqual(afterBeta.column, 10)
        let atEnd = FormLayout.noteCursor(chars, cursor: chars.count, width: 11)
        XCTAssertEqual(atEnd.line, 1)
        XCTAssertEqual(atEnd.column, 5)
    }

    func testTheFormAt80x24ShowsLabelsMarkersValuesAndTheKeyHints() {
        var form = candidateForm()
        press(&form, keys("Åsa Öberg") + [.tab] + keys("asa@example.se"))
        let screen = render(form, 80, 24)
        XCTAssertTrue(screen.line(0).contains("New candidate"))
        XCTAssertTrue(screen[0, 0].style.reverse && screen[0, 0].style.bold, "the title bar is in the title style")
        for label in ["Name *", "Email", "Stage *", "Available from", "Note"] {
            XCTAssertNotNil(screen.find(label), label)
        }
        XCTAssertNil(screen.find("Email *"), "only required fields are marked")
        let name = screen.find("Åsa Öberg")!, email = screen.find("asa@example.se")!
        XCTAssertEqual(name.x, email.x, "values start in one column")
        XCTAssertEqual(screen.find("Name *")!.y, name.y)
        XCTAssertTrue(screen.line(email.y).hasPrefix("▸"), "the focused field is marked")
        XCTAssertTrue(screen[email.x + DisplayWidth.of("asa@example.se"), email.y].style.reverse, "cursor after the text")
        XCTAssertNotNil(screen.find("YYYY-MM-DD"), "an empty date shows its format")
        XCTAssertNotNil(screen.find("Work or private address"), "the focused field's help")
        let hintLine = screen.line(22)
        for b in KeyTables.form.bindings {
            guard let hint = b.hintLabel else { continue }
            XCTAssertTrue(hintLine.contains("\(b.keys[0].label)  \(hint)"), "\(hint) in '\(hintLine)'")
        }
        for key in ["Ctrl-S", "Esc", "Tab"] { XCTAssertTrue(hintLine.contains(key), key) }
        XCTAssertEqual(screen.line(23), "", "the last row is left to the status line")
    }

    func testTheSameFormFitsAt40x12WithoutColourAndWithoutUnicode() {
        var form = candidateForm()
        press(&form, keys("Anna-Karin Wiklund-Sjöström af Klercker") + [.ctrl("s")])
        for (colors, unicode) in [(true, true), (false, true), (false, false)] {
            let screen = render(form, 40, 12, colors: colors, unicode: unicode)
            XCTAssertEqual(screen.lines.count, 12)
            XCTAssertTrue(screen.lines.allSatisfy { DisplayWidth.of($0) <= 40 })
            XCTAssertNotNil(screen.find("Name *"), screen.text)
            XCTAssertTrue(screen.line(10).contains("Ctrl-S"), screen.line(10))
            XCTAssertTrue(screen.line(10).contains("Esc"), screen.line(10))
            if !colors {
                for y in 0..<12 { for x in 0..<40 { XCTAssertEqual(screen[x, y].style.fg, .default) } }
            }
        }
        for (w, h) in [(8, 4), (20, 6), (1, 1), (0, 0)] { _ = render(form, w, h) }
        // A long value scrolls sideways so the cursor stays on screen.
        press(&form, [.tab, .tab, .tab, .tab, .tab])
        XCTAssertEqual(form.focusedField?.id, "name")
        let narrow = render(form, 40, 12)
        XCTAssertNotNil(narrow.find("Klercker"), narrow.text)
        // A form taller than the screen scrolls to the focused field; title and hints stay in place.
        var tall = FormModel(title: "Assessment", fields: (1...12).map { FormField(id: "q\($0)", label: "Question \($0)") })
        press(&tall, [.backTab])
        let screen = render(tall, 40, 12)
        XCTAssertNotNil(screen.find("Question 12"), screen.text)
        XCTAssertNil(screen.find("Question 1 "), screen.text)
        XCTAssertTrue(screen.line(0).contains("Assessment"))
        XCTAssertTrue(screen.line(1).hasSuffix("↑"), "content above is marked:\n\(screen.text)")
        XCTAssertTrue(screen.line(10).contains("Esc"))
    }
}
