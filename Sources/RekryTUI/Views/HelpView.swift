/// Help: generated from the key table of the screen it was opened from, and the badge vocabulary.
@MainActor
struct HelpView {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        let theme = app.theme
        buffer.fill(y: 0, style: theme.title)
        let language = app.language
        buffer.put(language.text("help.title"), x: 0, y: 0, style: theme.title)
        var map: KeyMap
        switch app.helpReturn {
        case .detail, .confirm: map = KeyTables.detail
        case .search, .fullTextPrompt: map = KeyTables.search
        case .referee: map = KeyTables.referee
        case .desk: map = KeyTables.desk
        default: map = KeyTables.list
        }
        if app.readOnly { map = map.readOnly() }
        var lines: [StyledLine] = [StyledLine(language.text("help.keys", ["screen": map.title(in: language)]), theme.header)]
        for b in map.bindings {
            var l = StyledLine()
            l.add("  " + DisplayWidth.pad(b.keyLabel, to: 16), Style(bold: true))
            l.add(b.help(in: language))
            if let tabs = b.tabNote(in: language) { l.add("  · \(tabs)", theme.dim) }
            if b.destructive { l.add("  " + language.text("help.destructive"), theme.destructive) }
            lines.append(l)
        }
        if app.readOnly { lines.append(StyledLine("  " + language.text("help.readOnly"), theme.dim)) }
        lines.append(StyledLine(""))
        lines.append(StyledLine(language.text("help.badges"), theme.header))
        for state in RekryDomain.BadgeState.allCases {
            var l = StyledLine()
            l.add("  " + DisplayWidth.pad(language.badgeShort(state, unicode: theme.unicode), to: 14), theme.badge(state))
            l.add(language.badgeLong(state))
            lines.append(l)
        }
        lines.append(StyledLine("  " + language.text("help.markers", ["due": theme.retentionMarker, "restricted": theme.restrictedMarker]), theme.dim))
        let body = buffer.height - 3
        let start = min(app.helpScroll, max(0, lines.count - body))
        for (i, line) in lines.dropFirst(start).prefix(body).enumerated() {
            line.draw(into: &buffer, x: 1, y: 1 + i, width: buffer.width - 2)
        }
        hints(app.keyMap, theme: theme, language: language, into: &buffer, y: buffer.height - 2, from: 0)
    }
}

import RekryDomain
