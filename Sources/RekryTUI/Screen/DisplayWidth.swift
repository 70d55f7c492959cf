/// Terminal column widths of text, computed in Swift (no locale, no `wcwidth`).
///
/// East Asian wide and full-width characters and emoji take two columns, combining marks none. A joined
/// emoji sequence (👩‍💻) is drawn by most terminals in two columns but counted as four by `wcswidth`, so
/// `sanitize` replaces each such cluster by its first emoji before anything is measured or drawn.
public enum DisplayWidth {
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
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1F680...0x1F6FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
             0x2614...0x2615, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26D4, 0x26EA, 0x26F2...0x26F5,
             0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x2753...0x2755, 0x2795...0x2797, 0x231A...0x231B,
             0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE, 0x2B1B...0x2B1C, 0x2B50, 0x2B55:
            return true
        default:
            return false
        }
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
