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
        var left = " \(actor.displayName) (\(actor.username), \(actor.role.rawValue))"
        if app.readOnly { left += " · READ-ONLY" }
        if app.damaged { left += " · REGISTER DAMAGED: run rekry check" }
        if let e = app.erasing { left += " · erasing \(e.done) of \(e.total)…" }
        if !app.marked.isEmpty && app.mode == .list { left += " · \(app.marked.count) marked" }
        left += " · \((app.gate.registerPath as NSString).lastPathComponent)"
        if let id = app.selectedCandidateId { left += " · #\(id)" }
        if app.mode == .detail, let tab = app.currentTab { left += " · \(tab.title)" }
        if app.mode == .form, let form = app.form { left += " · \(form.model.title)" }
        if app.mode == .desk, let tab = app.deskTab { left += " · DPO desk: \(tab.title)" }
        let used = buffer.put(left, x: 0, y: y, style: theme.title)
        if let flash = app.flash {
            buffer.put(" " + flash + " ", x: min(used + 2, buffer.width - 1), y: y,
                       style: Style(fg: theme.colors ? .yellow : .default, bold: true, reverse: true))
        }
    }
}
