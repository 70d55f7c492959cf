import RekryDomain
import XCTest

final class SearchFoldingTests: XCTestCase {
    func testNordicLettersFoldToASCII() {
        XCTAssertEqual(SearchFolding.fold("Åsa Öberg"), "asa oberg")
        XCTAssertEqual(SearchFolding.fold("Bjørn Ødegård"), "bjorn odegard")
        XCTAssertEqual(SearchFolding.fold("Æbbe Sæther"), "aebbe saether")
        XCTAssertEqual(SearchFolding.fold("Łukasz Müller"), "lukasz muller")
        XCTAssertEqual(SearchFolding.fold("Päivi Hämäläinen"), "paivi hamalainen")
        XCTAssertEqual(SearchFolding.fold("Straße"), "strasse")
    }

    func testCombiningMarksFoldLikePrecomposed() {
        let decomposed = "Rene\u{301}e"  // e + combining acute
        XCTAssertEqual(SearchFolding.fold(decomposed), "renee")
        XCTAssertEqual(SearchFolding.fold("Renée"), "renee")
    }

    func testCJKNamesFoldToPinyin() {
        XCTAssertEqual(SearchFolding.fold("王小明"), "wang xiao ming")
        XCTAssertEqual(SearchFolding.words("小明"), ["xiao", "ming"])
    }

    func testPunctuationSplitsWordsAndDuplicatesDrop() {
        XCTAssertEqual(SearchFolding.fold("anna.lindqvist@example.se"), "anna lindqvist example se")
        XCTAssertEqual(SearchFolding.words("Anna anna ANNA"), ["anna"])
        XCTAssertEqual(SearchFolding.fold("  --  "), "")
    }

    func testEmojiAndJoinersVanish() {
        XCTAssertEqual(SearchFolding.fold("Ada 👩‍💻 Lovelace"), "ada lovelace")
    }
}

/// The fast path of `fold` and `words` must give exactly what the Foundation-based `foldSlow` gives.
final class SearchFoldingFastPathTests: XCTestCase {
    /// Every scalar of ASCII, Latin-1 Supplement and Latin Extended-A/B, alone and between neighbours.
    ///
    /// The neighbours take each branch of the fast path: key letter, spelled-out letter, separator, and
    /// the vanishing soft hyphen, so a wrong entry shows even where it only changes where spaces fall.
    func testEveryLatinScalarFoldsAsTheSlowPath() {
        for value in UInt32(0)...0x24F {
            assertFoldsAlike(String(Unicode.Scalar(value)!))
        }
    }

    /// The punctuation and symbol blocks the fast path covers by rule, and the scalars just past them.
    func testEveryCoveredSymbolFoldsAsTheSlowPath() {
        for value in UInt32(0x1FF0)...0x2C0F {
            assertFoldsAlike(String(Unicode.Scalar(value)!))
        }
        for value: UInt32 in [0xFEFE, 0xFEFF, 0xFF00, 0xFFFC, 0xFFFD] {
            assertFoldsAlike(String(Unicode.Scalar(value)!))
        }
    }

    func testRandomMixedStringsFoldAsTheSlowPath() {
        var rng = SplitMix64(seed: 0x5EED_F01D)
        for _ in 0..<4000 {
            let text = randomText(using: &rng)
            XCTAssertEqual(SearchFolding.fold(text), SearchFolding.foldSlow(text), debug(text))
            XCTAssertEqual(SearchFolding.words(text), SearchFolding.wordsSlow(text), debug(text))
        }
    }

    func testTypicalTextsFoldAsTheSlowPath() {
        let texts = [
            "", " ", "a", "Åsa Öberg-Lindqvist, Göteborg – “senior” utvecklare • 12 år ✔",
            "Bjørn Ødegård <bjorn@example.no>, +47 912 34 567", "Straße ŉ ǅ İstanbul ĳ ŀ ſ",
            "\u{FEFF}CV\u{00AD}text\u{200B}här\u{2060}", "K\u{212A}\u{212B}ngström", "…—‐‑‒–―‘’‚‛“”„‟",
        ]
        for text in texts {
            XCTAssertEqual(SearchFolding.fold(text), SearchFolding.foldSlow(text), debug(text))
            XCTAssertEqual(SearchFolding.words(text), SearchFolding.wordsSlow(text), debug(text))
        }
    }

    private func assertFoldsAlike(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        for text in [s, "a\(s)b", "\(s)\(s)", "Ø\(s)æ", "1 \(s)-2", "a\u{AD}\(s)\u{AD}b", "ŉ\(s)ß"] {
            XCTAssertEqual(SearchFolding.fold(text), SearchFolding.foldSlow(text), debug(text), file: file, line: line)
        }
    }

    private func debug(_ text: String) -> String {
        text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }

    /// Random text drawn from pools of what the register meets.
    ///
    /// ASCII words, Nordic letters, digits, punctuation, and the scalars that force the slow path
    /// (combining marks, CJK, Hangul, Cyrillic, Greek, full-width forms, emoji).
    private func randomText(using rng: inout SplitMix64) -> String {
        let pools: [[String]] = [
            ["anna", "Lindqvist", "CV", "senior", "Developer", "och", "the", "Kotlin"],
            ["å", "ä", "ö", "ø", "æ", "é", "ü", "Å", "Ä", "Ö", "Ø", "Æ", "É", "Ü",
             "ß", "þ", "ð", "ł", "œ", "ŋ", "ı", "İ", "ŉ", "ǅ", "ſ"],
            ["0", "1", "7", "42", "2024", "+46"],
            [" ", " ", "  ", ".", ",", "-", "@", "/", "(", ")", "\n", "\t", "\u{A0}",
             "–", "—", "’", "“", "”", "•", "…", "€", "→", "✔"],
            ["\u{AD}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}"],
            ["\u{301}", "\u{308}", "\u{30A}", "\u{327}", "\u{20DD}", "\u{FE0F}"],
            ["王", "小明", "東京", "한국", "カタ", "Иван", "Ελένη", "Ａｂｃ", "１２", "👩‍💻", "😀", "🇸🇪", "𠀀"],
        ]
        var out = ""
        let length = Int(rng.next() % 24)
        for _ in 0..<length {
            let roll = rng.next() % 100
            // Mostly the fast path's alphabet; a slow-path scalar in roughly one string in four.
            let pool: [String]
            switch roll {
            case 0..<30: pool = pools[0]
            case 30..<55: pool = pools[1]
            case 55..<65: pool = pools[2]
            case 65..<89: pool = pools[3]
            case 89..<94: pool = pools[4]
            case 94..<97: pool = pools[5]
            default: pool = pools[6]
            }
            out += pool[Int(rng.next() % UInt64(pool.count))]
            // Now and then a random scalar from the whole table, to reach the letters no pool names.
            if rng.next() % 8 == 0 { out.unicodeScalars.append(Unicode.Scalar(UInt32(rng.next() % 0x250))!) }
        }
        return out
    }
}

/// A small deterministic generator, so a failing string can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
