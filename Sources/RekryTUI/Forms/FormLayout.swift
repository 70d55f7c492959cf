/// Where a form's fields go on a screen of a given size: the label column, each field's rows, the scroll.
struct FormLayout {
    /// One field's rows: the value's, then its error's, wrapped.
    struct Block {
        var index: Int
        var y: Int
        var valueRows: Int
        var error: [StyledLine]
        var height: Int { valueRows + error.count }
    }

    /// The first body row on screen, and how many rows the body has (above the help and hint rows).
    let top: Int
    let bodyHeight: Int
    let valueX: Int
    let valueWidth: Int
    let blocks: [Block]
    let contentHeight: Int
    /// Content rows scrolled off the top.
    let scroll: Int

    init(form: FormModel, width: Int, height: Int, unicode: Bool = true, errorStyle: Style = .plain) {
        // Small screens give the blank row under the title to the fields.
        top = height >= 16 ? 2 : 1
        bodyHeight = max(1, height - 3 - top)
        let labels = form.fields.map { DisplayWidth.of($0.label) + ($0.required ? 2 : 0) }
        // Marker column, label, two spaces; never more than two fifths of the screen, the rest is the value's.
        valueX = min(2 + (labels.max() ?? 0) + 2, max(8, width * 2 / 5))
        valueWidth = max(1, width - valueX - 1)
        let valueWidth = self.valueWidth
        let errors = form.fields.map { field in
            form.errors[field.id].map { Self.errorLines($0, width: valueWidth, unicode: unicode, style: errorStyle) } ?? []
        }
        let errorRows = errors.reduce(0) { $0 + $1.count }
        let notes = form.fields.filter { $0.kind == .multiline }.count
        // Notes share the rows the other fields leave, at least two each, at most the whole body.
        let spare = bodyHeight - (form.fields.count - notes) - errorRows
        let noteRows = notes == 0 ? 0 : min(bodyHeight, max(2, spare / notes))
        var blocks: [Block] = []
        var y = 0
        for (i, field) in form.fields.enumerated() {
            let block = Block(index: i, y: y, valueRows: field.kind == .multiline ? noteRows : 1, error: errors[i])
            blocks.append(block)
            y += block.height
        }
        self.blocks = blocks
        contentHeight = y
        // Scroll just enough to show the whole focused block (its top if it is taller than the body), to the
        // start of a field so that no error is left at the top without its field.
        if let focused = blocks.first(where: { $0.index == form.focus }) {
            let needed = max(0, focused.y + focused.height - bodyHeight)
            scroll = min(focused.y, blocks.first { $0.y >= needed }?.y ?? focused.y)
        } else {
            scroll = 0
        }
    }

    /// The screen row of content row `y`, or nil when it is scrolled out of the body.
    func row(_ y: Int) -> Int? {
        let r = y - scroll
        return r >= 0 && r < bodyHeight ? top + r : nil
    }

    /// An error message wrapped under its field, marked on its first line; at most three lines, the last cut.
    static func errorLines(_ message: String, width: Int, unicode: Bool, style: Style) -> [StyledLine] {
        let mark = unicode ? "⚠ " : "! "
        let wrapped = StyledLine.wrap(message, width: max(1, width - 2)).map { $0.segments.map(\.0).joined() }
        var lines = Array(wrapped.prefix(3))
        if wrapped.count > 3 { lines[2] = DisplayWidth.truncate(lines[2] + "…", to: width - 2) }
        return lines.enumerated().map { $0.offset == 0 ? StyledLine(mark + $0.element, style) : StyledLine([("  ", .plain), ($0.element, style)]) }
    }

    /// The first character shown of a one-line value: from the start if the cursor fits, else just enough cut.
    static func lineStart(_ chars: [Character], cursor: Int, glyphWidth: Int, width: Int) -> Int {
        var start = 0
        var used = DisplayWidth.of(String(chars[..<cursor]))
        while start < cursor && used + glyphWidth > width {
            used -= DisplayWidth.of(chars[start])
            start += 1
        }
        return start
    }

    /// The cursor of a note as `StyledLine.wrap` lays the note out: wrapped line, column, and the glyph under it.
    ///
    /// Greedy wrapping places each word by the words before it only, so wrapping the text up to the end of the
    /// cursor's word gives that word the line and column it has in the whole note. Runs of spaces are drawn as
    /// one, so a cursor inside a run shows on the next word, where typing would land.
    static func noteCursor(_ chars: [Character], cursor: Int, width: Int) -> (line: Int, column: Int, glyph: String) {
        let before = String(chars[..<cursor])
        let rest = String(chars[cursor...].prefix { $0 != " " && $0 != "\n" })
        let lines = StyledLine.wrap(before + rest, width: width)
        let last = lines.last.map { $0.segments.map(\.0).joined() } ?? ""
        let lastWidth = DisplayWidth.of(last)
        let afterSpace = before.last == " " && rest.isEmpty
        let column = afterSpace ? (last.isEmpty ? 0 : lastWidth + 1) : lastWidth - DisplayWidth.of(rest)
        return (max(0, lines.count - 1), max(0, column), rest.first.map(String.init) ?? " ")
    }
}
