import RekryTUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testWidths() {
        XCTAssertEqual(DisplayWidth.of("Åsa Öberg"), 9)
        XCTAssertEqual(DisplayWidth.of("王小明"), 6)
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
        XCTAssertEqual(DisplayWidth.of("Ａ"), 2)
        XCTAssertEqual(DisplayWidth.of("Rene\u{301}e"), 5)
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2, "a joined emoji is sanitised to its first emoji")
        XCTAssertEqual(DisplayWidth.sanitize("a\u{1b}[31mb"), "a [31mb")
    }

    func testTruncateAndPadNeverSplitAWideCharacter() {
        XCTAssertEqual(DisplayWidth.truncate("王小明王小明", to: 5), "王小…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("王小明", to: 10)), 10)
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("王小明王小明", to: 7)), 7)
    }

    func testBufferPlacesWideCellsAndContinuations() {
        var b = ScreenBuffer(width: 10, height: 1)
        let used = b.put("王a🙂b", x: 0, y: 0, style: Style(bold: true))
        XCTAssertEqual(used, 6)
        XCTAssertEqual(b[0, 0].width, 2)
        XCTAssertEqual(b[1, 0].width, 0)
        XCTAssertEqual(b.line(0), "王a🙂b")
        XCTAssertEqual(b.style(of: "a")?.bold, true)
        // A wide character that does not fit at the edge is not drawn half.
        var narrow = ScreenBuffer(width: 3, height: 1)
        narrow.put("ab王", x: 0, y: 0)
        XCTAssertEqual(narrow.line(0), "ab")
    }
}

/// Widths as glibc's `wcwidth` gives them (what ncursesw draws by), and the ASCII a terminal under `LANG=C` gets.
final class LocaleWidthTests: XCTestCase {
    func testEmojiTheOldTableCountedAsOneAreTwo() {
        for emoji in ["❗", "🟢", "🆗", "⏰", "🧑"] { XCTAssertEqual(DisplayWidth.of(emoji), 2, emoji) }
        XCTAssertEqual(DisplayWidth.of("Åsa Öberg │ Bjørn"), 17)
    }

    func testTheLocaleNamesUTF8() {
        XCTAssertTrue(Theme.localeNamesUTF8(["LANG": "sv_SE.UTF-8"]))
        XCTAssertTrue(Theme.localeNamesUTF8(["LC_CTYPE": "UTF-8", "LANG": "C"]), "macOS: LC_CTYPE comes before LANG")
        XCTAssertTrue(Theme.localeNamesUTF8(["LANG": "nb_NO.utf8@euro"]))
        XCTAssertFalse(Theme.localeNamesUTF8(["LANG": "C"]))
        XCTAssertFalse(Theme.localeNamesUTF8(["LANG": "sv_SE.ISO-8859-1"]))
        XCTAssertFalse(Theme.localeNamesUTF8(["LC_ALL": "C", "LANG": "C.UTF-8"]), "LC_ALL wins")
        XCTAssertFalse(Theme.localeNamesUTF8([:]))
    }

    func testAnASCIITerminalKeepsEveryLetterAndEveryColumn() {
        var buffer = ScreenBuffer(width: 30, height: 1)
        buffer.put("Åsa Öberg│Bjørn 王x Æ…", x: 0, y: 0)
        let ascii = AsciiSpelling.respell(buffer)
        XCTAssertEqual(ascii.line(0), "Asa Oberg|Bjorn ??x A.")
        for x in 0..<30 { XCTAssertEqual(ascii[x, 0].width, buffer[x, 0].width, "column \(x)") }
        XCTAssertTrue(ascii.line(0).unicodeScalars.allSatisfy(\.isASCII))
    }
}
