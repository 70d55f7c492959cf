#if canImport(Glibc)
import Glibc
#endif

/// The C library's `wcwidth`, which Swift's Glibc module does not show (see terminal-notes.md).
@_silgen_name("wcwidth") private func libcWidth(_ c: Int32) -> Int32

/// Terminal column widths of text: glibc's `wcwidth`, as ncursesw itself measures, so what Rekry lays out is
/// what the terminal draws (a hand-written table differed from it on thousands of code points: ❗🟢🆗).
///
/// `wcwidth` answers under the process's `LC_CTYPE`; the terminal sets a UTF-8 one before the first screen
/// (`TerminalLocale`), and `utf8Ready` sets `C.UTF-8` where nothing has (tests, commands that print tables).
/// A joined emoji sequence (👩‍💻) is drawn by most terminals in two columns but counted as four by `wcswidth`,
/// so `sanitize` replaces each such cluster by its first emoji before anything is measured or drawn.
public enum DisplayWidth {
    /// Makes sure `wcwidth` answers for every character: under a non-UTF-8 `LC_CTYPE` (the C locale a
    /// process starts in) it gives -1 for all but ASCII.
    static let utf8Ready: Bool = {
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil
    }()

    /// The width of one grapheme cluster.
    public static func of(_ c: Character) -> Int {
        var width = 0
        for (i, s) in c.unicodeScalars.enumerated() {
            let w = scalarWidth(s)
            if i == 0 { width = w } else if w == 2 { width = 2 }
            if s.value == 0xFE0F && width == 1 { width = 2 }  // emoji presentation selector
        }
        return width
    }

    /// The width of a string, after sanitising.
    public static func of(_ s: String) -> Int {
        // Printable ASCII, most of any screen, is one column a byte.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        return sanitize(s).reduce(0) { $0 + of($1) }
    }

    /// Replaces joined emoji sequences and control characters so that width is predictable.
    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value == 0x200D || $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else {
            return s
        }
        var out = ""
        for c in s {
            if c.unicodeScalars.contains(where: { $0.value == 0x200D }), let first = c.unicodeScalars.first {
                out.unicodeScalars.append(first)
            } else if c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value, v < 0x20 || (v >= 0x7F && v < 0xA0) {
                out.append(" ")
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        _ = utf8Ready
        let w = libcWidth(Int32(bitPattern: v))
        // -1: a control character (sanitised away before drawing) or one glibc has no width for; such a
        // character takes a cell, as ncurses draws a replacement for it.
        return w < 0 ? 1 : Int(w)
    }

    /// The longest prefix of `s` that fits in `columns`, with `…` when cut.
    public static func truncate(_ s: String, to columns: Int) -> String {
        let clean = sanitize(s)
        if of(clean) <= columns { return clean }
        guard columns > 0 else { return "" }
        var out = ""
        var used = 0
        for c in clean {
            let w = of(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `s` truncated or padded with spaces to exactly `columns`.
    public static func pad(_ s: String, to columns: Int) -> String {
        let t = truncate(s, to: columns)
        return t + String(repeating: " ", count: max(0, columns - of(t)))
    }
}
