import Foundation

/// Folds text into the search key the register indexes: lower case, no diacritics, Nordic letters spelled
/// out, CJK turned into pinyin, everything else that is not a letter or digit turned into a space.
///
/// SQLite's `NOCASE`, `LIKE` and FTS5's diacritic folding all miss `ø`, `æ` and `ł`, and no SQLite
/// tokenizer matches a two-character CJK query; so the key is computed here, once, and SQLite only
/// compares ASCII-ish keys in index order.
///
/// `fold` runs over every CV, cover letter and note a register stores, so it has a fast path: one pass
/// over the UTF-8 bytes with a table for Latin-1 Supplement and Latin Extended-A/B and a rule for the
/// punctuation and symbol blocks. The table was read off `foldSlow` (Foundation's folding) and tests hold
/// the two equal for every scalar the table covers and for thousands of mixed strings; a string with any
/// other scalar (CJK, Cyrillic, Greek, combining marks, full-width forms, emoji…) takes `foldSlow` whole.
public enum SearchFolding {
    /// The folded form of `text`: words of `[a-z0-9]` separated by single spaces.
    public static func fold(_ text: String) -> String {
        var text = text
        // withUTF8 copies nothing for a native string; only a bridged one is made contiguous first.
        return text.withUTF8(foldFast) ?? foldSlow(text)
    }

    /// The distinct words of the folded text, in order of first appearance.
    public static func words(_ text: String) -> [String] {
        distinctWords(of: fold(text))
    }

    /// The words a search box's text is looked up by.
    ///
    /// A phone number becomes its one digit word (`+46 70 123` → `4670123`, see `PhoneNumber.queryWord`),
    /// since folding would cut it into words that match the stored digits only by accident; any other
    /// text becomes its folded words.
    public static func queryWords(_ text: String) -> [String] {
        if let phone = PhoneNumber.queryWord(text) { return [phone] }
        return words(text)
    }

    /// The smallest string greater than every string with `prefix` as a prefix, for `key >= p AND key < upper`.
    public static func upperBound(ofPrefix prefix: String) -> String { prefix + "\u{10FFFF}" }

    // MARK: - The reference algorithm

    /// `fold` by way of Foundation's folding and ICU transliteration: the definition the fast path must match.
    public static func foldSlow(_ text: String) -> String {
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

    /// `words` by way of `foldSlow`, for tests to compare against.
    public static func wordsSlow(_ text: String) -> [String] {
        var seen = Set<String>()
        return foldSlow(text).split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

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

    // MARK: - The fast path

    /// Splits a folded key into its distinct words; the key is ASCII, so it is cut by bytes, not Characters.
    private static func distinctWords(of folded: String) -> [String] {
        var folded = folded
        return folded.withUTF8 { bytes in
            // Room for a distinct word per eight bytes of key (prose runs six to seven a word, many repeated)
            // spares the set most of its regrowths without reserving megabytes for a long text.
            var seen = Set<String>(minimumCapacity: bytes.count / 8)
            var out: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                // Words up to 15 bytes are small strings: making one to look it up allocates nothing.
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if !word.isEmpty, seen.insert(word).inserted { out.append(word) }
                start = end + 1
            }
            return out
        }
    }

    /// `fold` of UTF-8 `bytes` in one pass, or nil at the first scalar the tables do not cover.
    ///
    /// The output is never longer than the input: after any prefix, bytes written plus a pending space are
    /// at most the bytes read, since a key byte costs an input byte, a space is owed only to a separator
    /// that wrote nothing, and no table entry writes more bytes than its scalar takes. The check before each
    /// multi-byte scalar keeps that an invariant rather than a hope (three spare bytes cover its writes).
    private static func foldFast(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        if count == 0 { return "" }
        var covered = true
        let folded = String(unsafeUninitializedCapacity: count + 3) { out -> Int in
            var written = 0
            var pendingSpace = false
            var i = 0
            // The one write rule for every key byte: a pending separator becomes one space, but never a
            // leading one; trailing separators are simply never written.
            @inline(__always) func emit(_ byte: UInt8) {
                if pendingSpace {
                    if written > 0 { out[written] = 0x20; written += 1 }
                    pendingSpace = false
                }
                out[written] = byte
                written += 1
            }
            while i < count {
                let b0 = bytes[i]
                if b0 < 0x80 {
                    // ASCII: letters lowered, digits kept, everything else (controls included) separates.
                    if b0 &- 0x61 < 26 || b0 &- 0x30 < 10 {
                        emit(b0)
                    } else if b0 &- 0x41 < 26 {
                        emit(b0 | 0x20)
                    } else {
                        pendingSpace = true
                    }
                    i += 1
                    continue
                }
                let entry: UInt32
                if b0 < 0xE0 {
                    // Two bytes: U+0080…U+07FF; the table ends at U+024F, the end of Latin Extended-B.
                    let v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                    guard v < 0x250 else { covered = false; return 0 }
                    entry = latinEntries[Int(v) - 0x80]
                    i += 2
                } else if b0 < 0xF0 {
                    let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    guard let e = symbolEntry(v) else { covered = false; return 0 }
                    entry = e
                    i += 3
                } else {
                    // Four bytes: emoji, historic and rare CJK; never in the tables.
                    covered = false
                    return 0
                }
                guard written <= count else { covered = false; return 0 }
                var e = entry
                while e != 0 {
                    let byte = UInt8(truncatingIfNeeded: e)
                    if byte == 0x20 { pendingSpace = true } else if byte != vanishes { emit(byte) }
                    e >>= 8
                }
            }
            return written
        }
        return covered ? folded : nil
    }

    /// The entry byte of a scalar that folds to nothing and, unlike a separator, does not split words.
    private static let vanishes: UInt8 = 0x01
    /// The entry of a separator: one space byte.
    private static let separator: UInt32 = 0x20

    /// The entry of a three-byte scalar (U+0800…U+FFFF), or nil when it is not covered.
    ///
    /// General Punctuation through Miscellaneous Symbols and Arrows (U+2000…U+2BFF) holds the dashes,
    /// quotes, bullets, arrows and check marks CVs are full of. `foldSlow` leaves them to separate words,
    /// except the invisible format controls (which vanish) and the Kelvin and Ångström signs (canonically
    /// K and Å). The combining marks for symbols (U+20D0…U+20FF) are left to the slow path, like all marks.
    @inline(__always)
    private static func symbolEntry(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F:
            return UInt32(vanishes)
        case 0x20D0...0x20FF:
            return nil
        case 0x212A:
            return UInt32(UInt8(ascii: "k"))
        case 0x212B:
            return UInt32(UInt8(ascii: "a"))
        case 0x2000...0x2BFF:
            return separator
        case 0xFEFF:
            return UInt32(vanishes)  // the byte-order mark a CV pasted from a file may start with
        case 0xFFFD:
            return separator  // the replacement character for bytes that were not UTF-8
        default:
            return nil
        }
    }

    /// `latinSpellings` packed for the fast path: each entry's bytes, first byte lowest, 0 past its end.
    private static let latinEntries: [UInt32] = latinSpellings.map { spelling in
        guard !spelling.isEmpty else { return UInt32(vanishes) }
        precondition(spelling.utf8.count <= 2, "the fast path's capacity bound assumes at most two bytes")
        return spelling.utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// What `foldSlow` makes of each scalar U+0080…U+024F, sixteen to a row.
    ///
    /// Each is the scalar's folded spelling, " " for a separator, "" for one that vanishes (the soft hyphen).
    /// They were read off `foldSlow`, and the tests recheck every one in several neighbourhoods.
    ///
    /// `ŉ` is " n" because Foundation folds it to an apostrophe (a separator) and `n`; the ligatures and
    /// letters with no Latin decomposition in Extended-B (`ǆ`, `ƒ`, `ǝ`…) are separators, exactly as in
    /// `foldSlow`, however odd that looks.
    private static let latinSpellings: [String] = [
        /* U+0080 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+0090 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+00A0 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "", " ", " ",
        /* U+00B0 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+00C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        /* U+00D0 */ "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",
        /* U+00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        /* U+00F0 */ "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",
        /* U+0100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        /* U+0110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        /* U+0120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        /* U+0130 */ "i", "i", " ", " ", "j", "j", "k", "k", " ", "l", "l", "l", "l", "l", "l", " ",
        /* U+0140 */ " ", "l", "l", "n", "n", "n", "n", "n", "n", " n", "ng", "ng", "o", "o", "o", "o",
        /* U+0150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        /* U+0160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        /* U+0170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
        /* U+0180 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+0190 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+01A0 */ "o", "o", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "u",
        /* U+01B0 */ "u", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+01C0 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "a", "a", "i",
        /* U+01D0 */ "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", " ", "a", "a",
        /* U+01E0 */ "a", "a", "ae", "ae", " ", " ", "g", "g", "k", "k", "o", "o", "o", "o", " ", " ",
        /* U+01F0 */ "j", " ", " ", " ", "g", "g", " ", " ", "n", "n", "a", "a", "ae", "ae", "o", "o",
        /* U+0200 */ "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
        /* U+0210 */ "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", " ", " ", "h", "h",
        /* U+0220 */ " ", " ", " ", " ", " ", " ", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",
        /* U+0230 */ "o", "o", "y", "y", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
        /* U+0240 */ " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
    ]
}
