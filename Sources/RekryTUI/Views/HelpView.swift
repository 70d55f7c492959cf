/// Help: generated from the key table of the screen it was opened from, and the badge vocabulary.
@MainActor
struct HelpView {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        let theme = app.theme
        buffer.fill(y: 0, style: theme.title)
        buffer.put("Rekry · Help", x: 0, y: 0, style: theme.title)
        var map: KeyMap
        switch app.helpReturn {
        case .detail, .confirm: map = KeyTables.detail
        case .search, .fullTextPrompt: map = KeyTables.search
        case .referee: map = KeyTables.referee
        case .desk: map = KeyTables.desk
        default: map = KeyTables.list
        }
        if app.readOnly { map = map.readOnly() }
        var lines: [StyledLine] = [StyledLine("Keys: \(map.title)", theme.header)]
        for b in map.bindings {
            var l = StyledLine()
            l.add("  " + DisplayWidth.pad(b.keyLabel, to: 16), Style(bold: true))
            l.add(b.help)
            if let tabs = b.tabNote { l.add("  · \(tabs)", theme.dim) }
            if b.destructive { l.add("  destructive: always confirmed", theme.destructive) }
            lines.append(l)
        }
        if app.readOnly { lines.append(StyledLine("  Read-only mode is on: every key that would change the register is off.", theme.dim)) }
        lines.append(StyledLine(""))
        lines.append(StyledLine("Badges: why the firm may hold each item", theme.header))
        for state in RekryDomain.BadgeState.allCases {
            var l = StyledLine()
            l.add("  " + DisplayWidth.pad(theme.short(state), to: 14), theme.badge(state))
            l.add(state.long)
            lines.append(l)
        }
        lines.append(StyledLine("  Markers: \(theme.retentionMarker) retention due   \(theme.restrictedMarker) restricted", theme.dim))
        let body = buffer.height - 3
        let start = min(app.helpScroll, max(0, lines.count - body))
        for (i, line) in lines.dropFirst(start).prefix(body).enumerated() {
            line.draw(into: &buffer, x: 1, y: 1 + i, width: buffer.width - 2)
        }
        hints(app.keyMap, theme: theme, into: &buffer, y: buffer.height - 2, from: 0)
    }
}

import RekryDomain
