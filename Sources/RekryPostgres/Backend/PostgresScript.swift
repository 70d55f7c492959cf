import Foundation

/// Splits a SQL script into its statements, for a driver that sends one statement at a time (the extended
/// query protocol): semicolons inside quotes, quoted identifiers, dollar-quoted bodies and comments do not
/// split.
enum PostgresScript {
    static func statements(_ script: String) -> [String] {
        let chars = Array(script.unicodeScalars)
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        func flush() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty && !text.allSatisfy({ $0 == ";" }) { out.append(text) }
            current = String.UnicodeScalarView()
        }
        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "-" && next == "-" {
                // A line comment: dropped.
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && next == "*" {
                i += 2
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            if c == "'" || c == "\"" {
                current.append(c)
                i += 1
                while i < chars.count {
                    current.append(chars[i])
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { current.append(chars[i + 1]); i += 2; continue }
                        i += 1
                        break
                    }
                    i += 1
                }
                continue
            }
            if c == "$" {
                // A dollar-quote tag: $$ or $name$ (a name is letters, digits, underscores, not starting with a digit).
                var j = i + 1
                while j < chars.count, chars[j] == "_" || chars[j].properties.isAlphabetic || (j > i + 1 && ("0"..."9").contains(chars[j])) { j += 1 }
                if j < chars.count && chars[j] == "$" && !(i > 0 && chars[i - 1].properties.isAlphabetic) {
                    let tag = Array(chars[i...j])
                    current.append(contentsOf: tag)
                    i = j + 1
                    while i < chars.count {
                        if chars[i] == "$" && i + tag.count <= chars.count && Array(chars[i..<i + tag.count]) == tag {
                            current.append(contentsOf: tag)
                            i += tag.count
                            break
                        }
                        current.append(chars[i])
                        i += 1
                    }
                    continue
                }
            }
            if c == ";" {
                flush()
                i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        flush()
        return out
    }
}
