import RekryDomain
import RekryTestSupport
import RekryTUI
import XCTest

/// The four locales a recruiter arrives with (#14), driven by keys in-process as the terminal would draw them:
/// a Swedish locale the host has not installed, macOS's bare `LC_CTYPE=UTF-8`, `LANG=C` and `C.UTF-8`. The theme
/// and language come from the environment as at start-up; under a locale that names no UTF-8 the screen is sent
/// respelled in ASCII, as the curses backend sends it. No letter is lost (under `LANG=C` each is its base
/// letter), and the badge column stays under its header. The tmux test in `TerminalEndToEndTests` checks the
/// same through a real terminal.
final class LocaleKeysTests: XCTestCase, @unchecked Sendable {
    func testEveryLocaleCaseKeepsEveryLetterAndTheColumnsByKeys() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Åsa Zqöberg-Ærø", basis: .contract, consent: .none)
        _ = try t.addCandidate("Bo Ek", basis: .contract, consent: .none)
        let cases: [(env: [String: String], unicode: Bool, language: UILanguage, name: String)] = [
            (["LANG": "sv_SE.UTF-8"], true, .sv, "Åsa Zqöberg-Ærø"),
            (["LC_CTYPE": "UTF-8"], true, .en, "Åsa Zqöberg-Ærø"),
            (["LANG": "C"], false, .en, "Asa Zqoberg-Aro"),
            (["LANG": "C.UTF-8"], true, .en, "Åsa Zqöberg-Ærø"),
        ]
        try MainActor.assumeIsolated {
            for c in cases {
                let what = "\(c.env)"
                let theme = Theme.fromEnvironment(c.env)
                XCTAssertEqual(theme.unicode, c.unicode, what)
                let language = UILanguage.choose(environment: c.env)
                XCTAssertEqual(language, c.language, what)
                for (w, h) in [(80, 24), (100, 30)] {
                    let app = try App(gate: try t.gate("lead"), language: language, theme: theme, width: w, height: h)
                    MemoryBackend.drive(app, [.char("/")] + Key.typing("zqoberg") + [.enter])
                    var screen = app.render()
                    if !theme.unicode { screen = AsciiSpelling.respell(screen) }
                    let sent = screen.text
                    if !theme.unicode { XCTAssertTrue(sent.unicodeScalars.allSatisfy(\.isASCII), "\(what): not ASCII\n\(sent)") }
                    // Every letter of the name, in the row that starts with the candidate's id.
                    let nameAt = try XCTUnwrap(screen.find(c.name), "\(what) \(w)x\(h): a letter was lost\n\(sent)")
                    XCTAssertTrue(screen.line(nameAt.y).hasPrefix(String(id)), "\(what): \(screen.line(nameAt.y))")
                    // The badge's glyph starts in the header's column: nothing before it was dropped or widened.
                    let header = try XCTUnwrap(screen.find(language.text("column.badge")), "\(what): no header\n\(sent)")
                    let word = language.text("basis.contract")
                    let row = screen.line(nameAt.y)
                    let wordRange = try XCTUnwrap(row.range(of: " " + word), "\(what): no '\(word)' in \(row)")
                    XCTAssertEqual(DisplayWidth.of(String(row[..<wordRange.lowerBound])) - 1, header.x, "\(what) \(w)x\(h):\n\(screen.line(header.y))\n\(row)")
                }
            }
        }
    }
}
