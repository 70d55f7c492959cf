import Foundation

/// A screen spelled in ASCII for a terminal whose locale does not take UTF-8 (`LANG=C`): every letter kept
/// as its base letter (Åsa Öberg as Asa Oberg, Bjørn as Bjorn), line drawing as `-` `|` `+`, and each cell
/// exactly as wide as before, so that columns stay where the layout put them. Without this, ncurses drops
/// the bytes it cannot write and every column after a Nordic letter shifts.
public enum AsciiSpelling {
    /// The ASCII for one cell's text, `width` columns wide (a wide character becomes that many `?`).
    public static func cell(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        if width == 2 { return "??" }
        guard let first = text.unicodeScalars.first else { return " " }
        if let spelled = letters[first] { return spelled }
        // A letter with an accent or a ring: its base letter, from the canonical decomposition.
        if let base = String(first).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII,
           base.value >= 0x20, base.value < 0x7F {
            return String(Character(base))
        }
        return "?"
    }

    /// The whole buffer respelled, cell by cell.
    public static func respell(_ buffer: ScreenBuffer) -> ScreenBuffer {
        var out = buffer
        out.respell { cell($0.text, width: $0.width) }
        return out
    }

    /// Letters and signs without a decomposition to ASCII, and the drawing characters Rekry uses.
    static let letters: [Unicode.Scalar: String] = [
        "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "ß": "s", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "þ": "t", "Þ": "T", "ı": "i", "œ": "o", "Œ": "O",
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "…": ".", "·": ".", "•": "*", "█": "#", "▶": ">", "◀": "<", "↓": "v", "↑": "^",
        "→": ">", "←": "<", "“": "\"", "”": "\"", "‘": "'", "’": "'", "–": "-", "—": "-", "\u{00A0}": " ",
        "\u{202F}": " ", "✓": "v", "✗": "x", "⌫": "!", "⊘": "#",
    ]
}
