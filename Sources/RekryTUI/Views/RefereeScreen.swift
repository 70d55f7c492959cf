import RekryDomain
import RekryGate

/// The referee view: the referee's gated name (the reason when withheld) and the candidates they give
/// references for, each drawn as the candidate list draws its rows.
@MainActor
struct RefereeScreen {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        guard let r = app.referee else { return }
        let theme = app.theme
        let language = app.language
        let w = buffer.width
        buffer.fill(y: 0, style: theme.title)
        var title = StyledLine()
        switch r.name {
        case .shown(let name, _): title.add(" " + language.text("referee.title", ["name": name]) + " ", theme.title)
        case .withheld(_, let reason): title.add(" " + language.text("referee.withheld", ["reason": language.withheld(reason)]) + " ", theme.title)
        }
        title.add(" ")
        title.add(language.badgeShort(r.name.badge.primary, unicode: theme.unicode), theme.badge(r.name.badge.primary))
        if r.name.value != nil {
            let n = r.candidates.count
            title.add("  " + language.text(n == 1 ? "referee.givesOne" : "referee.gives", ["count": language.grouped(n)]), theme.title)
        }
        title.draw(into: &buffer, x: 0, y: 0, width: w)

        let c = ListView.Columns(width: w)
        if !r.candidates.isEmpty { ListView.header(c, theme: theme, language: language).draw(into: &buffer, x: 0, y: 1, width: w) }
        if r.candidates.isEmpty {
            let message = language.text(r.name.value == nil ? "referee.listWithheld" : "referee.none")
            buffer.put(message, x: 2, y: 3, style: theme.dim, maxWidth: w - 2)
        }
        let body = max(1, buffer.height - 4)
        let start = max(0, r.selected - body + 1)
        for (i, row) in r.candidates.dropFirst(start).prefix(body).enumerated() {
            let y = 2 + i
            let selected = start + i == r.selected
            if selected { buffer.fill(y: y, style: theme.selected) }
            ListView.row(row, c, selected: selected, theme: theme, language: language).draw(into: &buffer, x: 0, y: y, width: w)
        }
        hints(app.keyMap, theme: theme, language: language, into: &buffer, y: buffer.height - 2, from: 0)
    }
}
