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
            lines.append(StyledLine([("Type ", .plain), (typed, Style(bold: true)), (" and press Enter to erase; Esc keeps everything.", .plain)]))
            lines.append(StyledLine([("> ", Style(bold: true)), (c.entered + "█", Style(bold: true))]))
        } else {
            lines.append(StyledLine([("  y  ", Style(reverse: true)), (" yes, do it    ", .plain), ("  n  ", Style(reverse: true)), (" no, keep everything", .plain)]))
        }
        let top = max(1, (buffer.height - lines.count - 2) / 2)
        let left = (buffer.width - width) / 2
        for y in top..<min(buffer.height - 1, top + lines.count + 2) {
            buffer.fill(y: y, from: left, to: left + width, style: .plain)
            buffer.put(theme.unicode ? "│" : "|", x: left, y: y, style: theme.destructive)
            buffer.put(theme.unicode ? "│" : "|", x: left + width - 1, y: y, style: theme.destructive)
        }
        for (i, line) in lines.enumerated() where top + 1 + i < buffer.height - 1 {
            line.draw(into: &buffer, x: left + 2, y: top + 1 + i, width: width - 4)
        }
    }
}
