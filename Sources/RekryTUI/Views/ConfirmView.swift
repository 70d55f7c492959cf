/// The confirmation box for a destructive action: a preview of what goes and what is kept.
@MainActor
struct ConfirmView {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        guard let c = app.confirmation else { return }
        let theme = app.theme
        let width = min(buffer.width - 4, 96)
        var lines: [StyledLine] = [StyledLine(c.title, theme.destructive), StyledLine("")]
        for l in c.lines { lines += StyledLine.wrap(l, width: width - 4, indent: 0) }
        lines.append(StyledLine(""))
        if let typed = c.typed {
            // The typed text is bold inside the sentence, wherever the language puts it.
            let sentence = app.language.text("confirm.typeToErase")
            let at = sentence.firstRange(of: "{typed}") ?? sentence.endIndex..<sentence.endIndex
            lines.append(StyledLine([(String(sentence[..<at.lowerBound]), .plain), (typed, Style(bold: true)),
                                     (String(sentence[at.upperBound...]), .plain)]))
            lines.append(StyledLine([("> ", Style(bold: true)), (c.entered + "█", Style(bold: true))]))
        } else {
            let language = app.language
            lines.append(StyledLine([("  y  ", Style(reverse: true)), (" " + language.text("key.confirm.confirm") + "    ", .plain),
                                     ("  n  ", Style(reverse: true)), (" " + language.text("key.cancel.confirm"), .plain)]))
        }
        // A box, cleared behind: the screen under it must not show through, and its edges close it on all
        // four sides (with one blank row inside above and below the text).
        let rows = min(buffer.height - 2, lines.count + 4)
        let top = max(1, (buffer.height - rows) / 2)
        let left = (buffer.width - width) / 2
        let bottom = top + rows - 1
        let (h, v) = theme.unicode ? ("─", "│") : ("-", "|")
        for y in top...bottom {
            buffer.fill(y: y, from: left, to: left + width, style: .plain)
            if y == top || y == bottom {
                let corners = theme.unicode ? (y == top ? ("┌", "┐") : ("└", "┘")) : ("+", "+")
                buffer.put(corners.0 + String(repeating: h, count: max(0, width - 2)) + corners.1, x: left, y: y, style: theme.destructive)
            } else {
                buffer.put(v, x: left, y: y, style: theme.destructive)
                buffer.put(v, x: left + width - 1, y: y, style: theme.destructive)
            }
        }
        for (i, line) in lines.enumerated() where top + 2 + i < bottom {
            line.draw(into: &buffer, x: left + 2, y: top + 2 + i, width: width - 4)
        }
    }
}
