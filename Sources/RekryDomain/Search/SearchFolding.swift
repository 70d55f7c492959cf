import Foundation

/// Folds text into the search key the register indexes: lower case, no diacritics, Nordic letters spelled
/// out, CJK turned into pinyin, everything else that is not a letter or digit turned into a space.
///
/// SQLite's `NOCASE`, `LIKE` and FTS5's diacritic folding all miss `ø`, `æ` and `ł`, and no SQLite
/// tokenizer matches a two-character CJK query; so the key is computed here, once, and SQLite only
/// compares ASCII-ish keys in index order.
public enum SearchFolding {
    /// The folded form of `text`: words of `[a-z0-9]` separated by single spaces.
    public static func fold(_ text: String) -> String {
        var source = text
        if source.unicodeScalars.contains(where: needsTransliteration) {
            source = source.applyingTransform(.toLatin, reverse: false) ?? source
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        let folded = source.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            if let spelled = spelledOut[scalar] {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(contentsOf: spelled.unicodeScalars)
            } else if isKeyScalar(scalar) {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark
                        || scalar.properties.generalCategory == .enclosingMark
                        || scalar.properties.generalCategory == .format {
                continue  // combining marks left after folding, zero-width joiners
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The distinct words of the folded text, in order of first appearance.
    public static func words(_ text: String) -> [String] {
        var seen = Set<String>()
        return fold(text).split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

    /// The smallest string greater than every string with `prefix` as a prefix, for `key >= p AND key < upper`.
    public static func upperBound(ofPrefix prefix: String) -> String { prefix + "\u{10FFFF}" }

    /// Letters that are not "a letter with a diacritic" in Unicode and so survive diacritic folding.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ø": "o", "æ": "ae", "ł": "l", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "œ": "oe", "ı": "i",
        "ŋ": "ng", "ħ": "h", "ŧ": "t",
    ]

    private static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "0" && s <= "9")
    }

    private static func needsTransliteration(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0x0400...0x04FF, 0x0370...0x03FF, 0x20000...0x2A6DF:
            return true
        default:
            return false
        }
    }
}
