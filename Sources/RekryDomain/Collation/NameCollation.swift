import Foundation

/// The key the candidate list's name order sorts by: surname, then given names, in the register's Nordic
/// alphabet, as a string whose plain byte order (SQLite's `BINARY` collation, Swift's `<` on these keys) is
/// the wanted order. The write model computes it once per row; the list walks an index on it.
///
/// The rule:
/// - The surname is the last word of the full name (words are separated by white space; a hyphenated
///   surname such as `Berg-Holm` is one word). Lower-case particles written just before it (`von`, `af`,
///   `de`, `van`, `der`, … see `particles`) belong to the surname but are not sorted on: `Ebba von Essen`
///   sorts under E, as `Essen, Ebba von`. The given names are the words before those. A one-word name is
///   a surname with no given name.
/// - The key is the surname proper, then the given names, then the particles (only to order names that are
///   otherwise equal); the list breaks any remaining tie by id.
/// - Letters compare without case. Swedish (`sv`) puts `å ä ö` after `z`, in that order, with `æ` sorting as
///   `ä` and `ø` as `ö`. Norwegian bokmål and Danish (`nb`) put `æ ø å` after `z`, with `ä` as `æ` and `ö` as
///   `ø`, and the old spelling `aa` as `å` (`Aas` sorts with `Ås`, `Haakon` with `Håkon`). In both, `ü` sorts
///   as `y`. This is the order of PostgreSQL's ICU collations `sv-x-icu` and `nb-x-icu` on the same
///   surname-first text (`NameOrderICUTests`). Any other accented letter sorts as its base letter (`é` as `e`, `ł` as
///   `l`, `ß` as `ss`, as `SearchFolding` spells them); digits come before letters; a hyphen separates words;
///   other punctuation (an apostrophe) is ignored.
///
/// In the key a space separates the three parts and `-` the words within a part, both below every letter and
/// digit, so `Berg` comes before `Berg-Holm` and `Berg` before `Bergman`; the three letters after `z` are
/// `{`, `|` and `}` (the ASCII characters after `z`).
public enum NameCollation {
    /// The alphabet a register's names sort in.
    public enum Language: String, Sendable, CaseIterable {
        /// Swedish: … x y z å ä ö.
        case swedish = "sv"
        /// Norwegian bokmål (and Danish): … x y z æ ø å.
        case norwegian = "nb"

        /// The alphabet of a firm in `country` (an ISO code): Norwegian for NO and DK, Swedish otherwise
        /// (also when the firm names no country).
        public init(country: String?) {
            switch country?.uppercased() {
            case "NO", "DK": self = .norwegian
            default: self = .swedish
            }
        }
    }

    /// The particles that stay with a surname when written in lower case just before it.
    public static let particles: Set<String> = [
        "af", "av", "von", "van", "de", "der", "den", "del", "della", "des", "di", "da", "du", "dos", "das", "do",
        "la", "le", "zu", "zur", "ten", "ter", "op",
    ]

    /// A name split as the name order reads it.
    public struct Parts: Equatable, Sendable {
        public var given: [String]
        public var particles: [String]
        public var surname: String

        public init(given: [String], particles: [String], surname: String) {
            self.given = given
            self.particles = particles
            self.surname = surname
        }
    }

    /// The given names, surname particles and surname proper of `fullName` (see the type's rule).
    public static func parts(_ fullName: String) -> Parts {
        let words = fullName.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let surname = words.last else { return Parts(given: [], particles: [], surname: "") }
        var start = words.count - 1
        // Particles follow at least one given name: "Van Berg" or "de Geer" alone is a name as written.
        while start > 1, particles.contains(words[start - 1]) { start -= 1 }
        return Parts(given: Array(words[..<start]), particles: Array(words[start..<(words.count - 1)]), surname: surname)
    }

    /// The sort key of `fullName` in `language`'s alphabet.
    public static func key(_ fullName: String, language: Language) -> String {
        let p = parts(fullName)
        var out = ""
        out.reserveCapacity(fullName.utf8.count + 4)
        append(p.surname, language, to: &out)
        out.append(" ")
        append(p.given.joined(separator: " "), language, to: &out)
        if !p.particles.isEmpty {
            out.append(" ")
            append(p.particles.joined(separator: " "), language, to: &out)
        }
        // A name without given names or particles ends at its surname: "Berg" sorts before "Berg Anna".
        while out.last == " " { out.removeLast() }
        return out
    }

    /// Appends the key letters of `words` (white space and hyphens become one `-`).
    private static func append(_ words: String, _ language: Language, to out: inout String) {
        var pendingBreak = false
        let start = out.endIndex
        // Whether the last key letter is an `a` that could begin Norwegian `aa` (not the second of one).
        var openA = false
        for c in words {
            let mapped = letters(c, language)
            if mapped.isEmpty {
                if c.isWhitespace || c == "-" || c == "\u{2010}" || c == "\u{2013}" { pendingBreak = true }
                openA = false
                continue
            }
            if pendingBreak, out.endIndex != start { out.append("-") }
            if language == .norwegian, mapped == "a", openA, !pendingBreak {
                out.removeLast()
                out.append("}")
                openA = false
                continue
            }
            pendingBreak = false
            out.append(mapped)
            openA = mapped == "a"
        }
    }

    /// The key letters of one character: "" for punctuation and white space.
    private static func letters(_ c: Character, _ language: Language) -> String {
        if let a = c.asciiValue {
            switch a {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return String(c)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return String(UnicodeScalar(a + 32))
            default: return ""
            }
        }
        // Canonically equivalent spellings (a precomposed "å" or "a" + combining ring) compare equal here.
        switch c {
        case "å", "Å": return language == .swedish ? "{" : "}"
        case "ä", "Ä", "æ", "Æ": return language == .swedish ? "|" : "{"
        case "ö", "Ö", "ø", "Ø": return language == .swedish ? "}" : "|"
        case "ü", "Ü": return "y"
        default: return SearchFolding.fold(String(c)).filter { $0 != " " }
        }
    }
}
