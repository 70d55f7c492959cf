/// A form over the whole screen: title bar, one block per field, the focused field's help and the key hints.
///
/// The last row is left to the status line, as on every other screen. Fields that do not fit scroll so the
/// focused one (with its error) is always in view; labels and values are cut with `…` on a narrow screen.
@MainActor
struct FormView {
    let form: FormModel
    let theme: Theme
    /// The language of the key hints (the form's own text is written in it by whoever made the form).
    var language: UILanguage = .en

    func draw(into buffer: inout ScreenBuffer) {
        let w = buffer.width, h = buffer.height
        guard w >= 8, h >= 4 else { return }
        drawTitle(into: &buffer)
        let layout = FormLayout(form: form, width: w, height: h, unicode: theme.unicode, errorStyle: theme.destructive)
        for block in layout.blocks {
            drawField(block, layout: layout, into: &buffer)
        }
        if layout.scroll > 0 { buffer.put(theme.unicode ? "↑" : "^", x: w - 1, y: layout.top, style: theme.dim) }
        if layout.scroll + layout.bodyHeight < layout.contentHeight {
            buffer.put(theme.unicode ? "↓" : "v", x: w - 1, y: layout.top + layout.bodyHeight - 1, style: theme.dim)
        }
        if let field = form.focusedField, h >= 5 {
            let help = field.help.isEmpty && field.kind == .date ? "YYYY-MM-DD" : field.help
            buffer.put(" " + DisplayWidth.truncate(help, to: w - 2), x: 0, y: h - 3, style: theme.dim)
        }
        hints(KeyTables.form, theme: theme, language: language, into: &buffer, y: h - 2, from: 0)
    }

    private func drawTitle(into buffer: inout ScreenBuffer) {
        let w = buffer.width
        buffer.fill(y: 0, style: theme.title)
        let position = form.fields.isEmpty ? "" : "\(form.focus + 1)/\(form.fields.count) "
        let room = DisplayWidth.of(form.title) + DisplayWidth.of(position) + 3 <= w
        buffer.put(" " + DisplayWidth.truncate(form.title, to: w - 2), x: 0, y: 0, style: theme.title)
        if room { buffer.put(position, x: w - DisplayWidth.of(position), y: 0, style: theme.title) }
    }

    private func drawField(_ block: FormLayout.Block, layout: FormLayout, into buffer: inout ScreenBuffer) {
        let field = form.fields[block.index]
        let focused = block.index == form.focus
        if let y = layout.row(block.y) {
            if focused { buffer.put(theme.unicode ? "▸" : ">", x: 0, y: y, style: Style(bold: true)) }
            let marker = field.required ? " *" : ""
            let label = DisplayWidth.truncate(field.label, to: max(1, layout.valueX - 3 - marker.count))
            let used = buffer.put(label, x: 2, y: y, style: Style(bold: focused))
            buffer.put(marker, x: 2 + used, y: y, style: Style(bold: true))
        }
        switch field.kind {
        case .multiline: drawNote(block, layout: layout, focused: focused, into: &buffer)
        case .choice: drawChoice(block, layout: layout, focused: focused, into: &buffer)
        case .text, .date: drawLine(block, layout: layout, focused: focused, into: &buffer)
        }
        for (i, line) in block.error.enumerated() {
            guard let y = layout.row(block.y + block.valueRows + i) else { continue }
            line.draw(into: &buffer, x: layout.valueX, y: y, width: layout.valueWidth)
        }
    }

    /// One line, scrolled sideways so the cursor stays in view.
    private func drawLine(_ block: FormLayout.Block, layout: FormLayout, focused: Bool, into buffer: inout ScreenBuffer) {
        guard let y = layout.row(block.y) else { return }
        let value = form.values[block.index]
        guard focused else {
            if value.isEmpty, form.fields[block.index].kind == .date {
                buffer.put("YYYY-MM-DD", x: layout.valueX, y: y, style: theme.dim, maxWidth: layout.valueWidth)
            } else {
                buffer.put(DisplayWidth.truncate(value, to: layout.valueWidth), x: layout.valueX, y: y)
            }
            return
        }
        let chars = Array(value)
        let cursor = min(form.cursor, chars.count)
        let glyph = cursor < chars.count ? String(chars[cursor]) : " "
        let start = FormLayout.lineStart(chars, cursor: cursor, glyphWidth: DisplayWidth.of(glyph), width: layout.valueWidth)
        buffer.put(String(chars[start...]), x: layout.valueX, y: y, maxWidth: layout.valueWidth)
        let col = DisplayWidth.of(String(chars[start..<cursor]))
        buffer.put(glyph, x: layout.valueX + col, y: y, style: theme.selected, maxWidth: layout.valueWidth - col)
    }

    /// `‹ option ›`, the option in reverse video when focused.
    private func drawChoice(_ block: FormLayout.Block, layout: FormLayout, focused: Bool, into buffer: inout ScreenBuffer) {
        guard let y = layout.row(block.y) else { return }
        let value = form.values[block.index]
        let label = form.fields[block.index].shown(value)
        let shown = value.isEmpty ? (theme.unicode ? "—" : "-") : DisplayWidth.truncate(label, to: max(1, layout.valueWidth - 4))
        var x = layout.valueX
        x += buffer.put(theme.unicode ? "‹ " : "< ", x: x, y: y, maxWidth: layout.valueWidth)
        x += buffer.put(shown, x: x, y: y, style: focused ? theme.selected : (value.isEmpty ? theme.dim : .plain),
                        maxWidth: layout.valueX + layout.valueWidth - x)
        buffer.put(theme.unicode ? " ›" : " >", x: x, y: y, maxWidth: layout.valueX + layout.valueWidth - x)
    }

    /// A note: wrapped with `StyledLine.wrap`, scrolled to keep the cursor's line in view.
    private func drawNote(_ block: FormLayout.Block, layout: FormLayout, focused: Bool, into buffer: inout ScreenBuffer) {
        let chars = Array(form.values[block.index])
        let wrapWidth = max(1, layout.valueWidth - 1)  // one column kept free for the cursor after a full line
        let lines = StyledLine.wrap(String(chars), width: wrapWidth)
        let cursor = focused ? FormLayout.noteCursor(chars, cursor: min(form.cursor, chars.count), width: wrapWidth) : nil
        let first = cursor.map { max(0, $0.line - block.valueRows + 1) } ?? 0
        for i in 0..<block.valueRows where first + i < lines.count {
            guard let y = layout.row(block.y + i) else { continue }
            lines[first + i].draw(into: &buffer, x: layout.valueX, y: y, width: wrapWidth)
        }
        // The column kept for the cursor also marks lines scrolled out of the note's rows.
        let more = theme.unicode ? "…" : "+"
        if first > 0, let y = layout.row(block.y) {
            buffer.put(more, x: layout.valueX + wrapWidth, y: y, style: theme.dim)
        }
        if first + block.valueRows < lines.count, let y = layout.row(block.y + block.valueRows - 1) {
            buffer.put(more, x: layout.valueX + wrapWidth, y: y, style: theme.dim)
        }
        if let c = cursor, let y = layout.row(block.y + c.line - first) {
            let col = min(c.column, layout.valueWidth - 1)
            buffer.put(c.glyph, x: layout.valueX + col, y: y, style: theme.selected, maxWidth: layout.valueWidth - col)
        }
        if !focused && chars.isEmpty, let y = layout.row(block.y) {
            buffer.put(theme.unicode ? "…" : "...", x: layout.valueX, y: y, style: theme.dim)
        }
    }
}
