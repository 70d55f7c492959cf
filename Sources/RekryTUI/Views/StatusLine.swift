import Foundation
import RekryDomain

/// The bottom row: who is acting and as what, the register, the selection, and any flash message.
@MainActor
struct StatusLine {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        let y = buffer.height - 1
        let theme = app.theme
        buffer.fill(y: y, style: theme.title)
        let actor = app.actor
        let language = app.language
        var left = " \(actor.displayName) (\(actor.username), \(language.text("role.\(actor.role.rawValue)")))"
        if app.readOnly { left += " · " + language.text("status.readOnly") }
        if app.damaged { left += " · " + language.text("status.damaged") }
        if let e = app.erasing { left += " · " + language.text("status.erasing", ["done": e.done, "total": e.total]) }
        if !app.marked.isEmpty && app.mode == .list { left += " · " + language.text("status.marked", ["count": app.marked.count]) }
        left += " · \((app.gate.registerPath as NSString).lastPathComponent)"
        if let id = app.selectedCandidateId { left += " · #\(id)" }
        if app.mode == .detail, let tab = app.currentTab { left += " · \(tab.title(in: language))" }
        if app.mode == .form, let form = app.form { left += " · \(form.model.title)" }
        if app.mode == .desk, let tab = app.deskTab { left += " · " + language.text("status.desk", ["tab": tab.title(in: language)]) }
        guard let flash = app.flash else {
            buffer.put(left, x: 0, y: y, style: theme.title)
            return
        }
        // A message is never cut off: beside the status when it fits, over the whole line when it does not,
        // and over the hint line too when it needs two (a write refused by a colleague's change says why).
        let style = Style(fg: theme.colors ? .yellow : .default, bold: true, reverse: true)
        let message = " " + flash + " "
        if DisplayWidth.of(left) + 2 + DisplayWidth.of(message) <= buffer.width {
            let used = buffer.put(left, x: 0, y: y, style: theme.title)
            buffer.put(message, x: used + 2, y: y, style: style)
            return
        }
        let rows = StyledLine.wrap(flash, width: max(10, buffer.width - 2)).prefix(3)
        for (i, row) in rows.enumerated() {
            let line = y - (rows.count - 1) + i
            buffer.fill(y: line, style: style)
            buffer.put(" " + row.text, x: 0, y: line, style: style)
        }
    }
}
