/// A line of styled segments, for views that compose text before placing it.
struct StyledLine {
    var segments: [(String, Style)] = []

    init(_ segments: [(String, Style)] = []) { self.segments = segments }
    init(_ text: String, _ style: Style = .plain) { segments = [(text, style)] }

    mutating func add(_ text: String, _ style: Style = .plain) { segments.append((text, style)) }

    /// The line's text without its styles.
    var text: String { segments.map(\.0).joined() }

    /// Draws the line at (x, y) within `width` columns; text cut at the edge ends in `…`, so that a cut word
    /// is not read as a whole one (a translation can be longer than the English the layout was made for).
    func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        var col = x
        for (text, style) in segments {
            let remaining = min(x + width, buffer.width) - col
            if remaining <= 0 { break }
            col += buffer.put(DisplayWidth.truncate(text, to: remaining), x: col, y: y, style: style, maxWidth: remaining)
        }
    }

    /// Word-wraps plain text to `width` columns, indenting continuation lines.
    static func wrap(_ text: String, width: Int, indent: Int = 0, style: Style = .plain) -> [StyledLine] {
        var lines: [StyledLine] = []
        let pad = String(repeating: " ", count: indent)
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = pad
            var used = indent
            for word in paragraph.split(separator: " ") {
                let w = DisplayWidth.of(String(word))
                if used > indent && used + 1 + w > width {
                    lines.append(StyledLine(current, style))
                    current = pad
                    used = indent
                }
                if used > indent { current += " "; used += 1 }
                current += word
                used += w
            }
            lines.append(StyledLine(current, style))
        }
        return lines
    }
}
