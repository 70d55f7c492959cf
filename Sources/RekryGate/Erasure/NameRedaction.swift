import Foundation
import RekryDomain

/// Finds a person's name in free text however it was written, to take it out of what outlives their erasure
/// (a breach's description and measures).
///
/// Free text spells names every way people type them, so the text and the name are compared folded, as
/// search folds them: without case or accents, Ø and Æ spelled out, composed and decomposed letters alike
/// (a name pasted from a Mac arrives as `o` + U+0308). Each Nordic letter of the name also matches its
/// transliteration (Qvarnström as Qvarnstroem, Åsa as Aasa). A name word of four letters or more takes any
/// ending, since Swedish and Norwegian inflect and compound names freely (Åsas, Qvarnströmska ärendet,
/// Nordströmsfamilien); a shorter one (Ek, Bo, Li) only a genitive, and only written with a capital, so that
/// a word such as "bo" stays. An email address that holds a word of the name goes whole. Lower-case particles
/// (von, af) and initials name no one and stay. Erring towards taking too much is deliberate: the text is a
/// record about an erased person, and a word of it lost costs less than a name kept.
struct NameRedaction {
    private struct Word {
        var pattern: NSRegularExpression
        var needsCapital: Bool
    }

    private let words: [Word]
    /// The folded words of the name (three letters or more), looked for inside email addresses.
    private let foldedParts: [String]

    init(name: String) {
        let parts = name.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "‐" }).map(String.init)
            .filter { !NameCollation.particles.contains($0) }
        var words: [Word] = []
        var folded: [String] = []
        // The whole name first (its words with any spaces or hyphens between), then each word on its own.
        let whole = parts.map(Self.letters).joined(separator: #"[\s\-]+"#)
        if parts.count > 1, let p = try? NSRegularExpression(pattern: #"\b"# + whole + #"\w*"#) {
            words.append(Word(pattern: p, needsCapital: false))
        }
        for part in parts {
            let key = SearchFolding.fold(part)
            guard key.count >= 2 else { continue }
            if key.count >= 3 { folded.append(key) }
            let short = key.count < 4
            let ending = short ? #"(?:s|es|['’:]s)?\b"# : #"\w*"#
            if let p = try? NSRegularExpression(pattern: #"\b"# + Self.letters(part) + ending) {
                words.append(Word(pattern: p, needsCapital: short))
            }
        }
        self.words = words
        foldedParts = folded
    }

    /// The pattern of one name word over folded text: each letter as search folds it, a Nordic letter also as
    /// its transliteration.
    private static func letters(_ word: String) -> String {
        word.map { c -> String in
            switch c {
            case "ö", "Ö", "ø", "Ø": return "(?:oe|o)"
            case "ä", "Ä", "æ", "Æ": return "(?:ae|a)"
            case "å", "Å": return "(?:aa|a)"
            case "ü", "Ü": return "(?:ue|u)"
            default:
                let f = SearchFolding.fold(String(c))
                return NSRegularExpression.escapedPattern(for: f.isEmpty ? String(c).lowercased() : f)
            }
        }.joined()
    }

    /// `text` with every occurrence of the name replaced by `replacement`, or nil when it names them nowhere.
    func apply(_ text: String, replacement: String) -> String? {
        guard !words.isEmpty else { return nil }
        let original = Array(text.precomposedStringWithCanonicalMapping)
        // The folded text, character by character, with the original character each folded one came from.
        var folded: [Character] = []
        var origin: [Int] = []
        for (i, c) in original.enumerated() {
            let f = c.isLetter || c.isNumber ? SearchFolding.fold(String(c)) : String(c).lowercased()
            for fc in (f.isEmpty ? "?" : f) {
                folded.append(fc)
                origin.append(i)
            }
        }
        let foldedText = String(folded)
        // UTF-16 offset of the folded text → index into `folded`.
        var unit: [Int] = []
        for (i, c) in folded.enumerated() { unit += Array(repeating: i, count: c.utf16.count) }
        var cut: [Range<Int>] = []
        func originalRange(_ r: NSRange) -> Range<Int>? {
            guard r.length > 0, r.location + r.length <= unit.count else { return nil }
            return origin[unit[r.location]]..<(origin[unit[r.location + r.length - 1]] + 1)
        }
        let whole = NSRange(foldedText.startIndex..., in: foldedText)
        // Email addresses holding a word of the name.
        if let email = try? NSRegularExpression(pattern: #"[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)+"#) {
            for m in email.matches(in: foldedText, range: whole) {
                let token = (foldedText as NSString).substring(with: m.range)
                if foldedParts.contains(where: { token.contains($0) }), let r = originalRange(m.range) { cut.append(r) }
            }
        }
        for word in words {
            for m in word.pattern.matches(in: foldedText, range: whole) {
                guard let r = originalRange(m.range) else { continue }
                if word.needsCapital && !(original[r.lowerBound].isUppercase) { continue }
                cut.append(r)
            }
        }
        guard !cut.isEmpty else { return nil }
        // Overlapping finds (the whole name, then its words) merge into one replacement.
        var merged: [Range<Int>] = []
        for r in cut.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        var out = ""
        var at = 0
        for r in merged {
            out += String(original[at..<r.lowerBound]) + replacement
            at = r.upperBound
        }
        out += String(original[at...])
        return out
    }
}
