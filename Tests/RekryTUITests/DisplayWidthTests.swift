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
