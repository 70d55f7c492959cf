import RekryDomain
import RekryGate
import RekryStorage

/// The candidate list: title bar, column header, one row per candidate with its badge, prompt or hints.
@MainActor
struct ListView {
    let app: App

    struct Columns {
        var id = 7, name: Int, position: Int, stage = 10, badge = 21, markers = 2

        init(width: Int) {
            let rest = max(10, width - (7 + 10 + 21 + 2 + 5))
            name = rest * 62 / 100
            position = rest - name
        }
    }

    func draw(into buffer: inout ScreenBuffer) {
        let theme = app.theme
        let list = app.list
        let w = buffer.width
        let language = app.language
        // Title bar
        buffer.fill(y: 0, style: theme.title)
        var title = language.text("list.title")
        if let ft = list.fullText { title += " · " + language.text("list.fullText", ["text": ft]) }
        else if !list.query.text.isEmpty { title += " · " + language.text("list.search", ["text": list.query.text]) }
        buffer.put(title, x: 0, y: 0, style: theme.title, maxWidth: w)
        var right: [String] = []
        let wholeRegister = list.query.text.isEmpty && !list.query.isFiltered && list.fullText == nil
        right.append(list.searching ? language.text("list.searching") : list.count.map { count in
            let one = count.value == 1 && !count.capped
            let noun = wholeRegister ? (one ? "list.candidate" : "list.candidates") : (one ? "list.match" : "list.matches")
            return language.text(noun, ["count": language.grouped(count.value) + (count.capped ? "+" : "")])
        } ?? language.text("list.counting"))
        let sort = list.fullText != nil ? "relevance" : list.query.text.isEmpty ? list.query.order.rawValue : "match"
        right.append(language.text("list.sort", ["order": language.text("sort." + sort)]))
        var filters: [String] = []
        if let b = list.query.badge { filters.append(language.text("filter.badge", ["badge": language.badgeCode(b)])) }
        if let s = list.query.stage { filters.append(language.text("filter.stage", ["stage": language.text("stage." + s.rawValue)])) }
        if list.query.retentionDueOnly { filters.append(language.text("filter.due")) }
        if let p = list.processTitle { filters.append(language.text("filter.process", ["process": p])) }
        if !filters.isEmpty { right.append(language.text("list.filter", ["filters": filters.joined(separator: ",")])) }
        let rightText = right.joined(separator: "  ") + " "
        buffer.put(rightText, x: max(DisplayWidth.of(title) + 2, w - DisplayWidth.of(rightText)), y: 0, style: theme.title)

        // Header
        let c = Columns(width: w)
        Self.header(c, theme: theme, language: language).draw(into: &buffer, x: 0, y: 1, width: w)

        // Rows
        if list.rows.isEmpty {
            let message = language.text(list.searching ? "list.searchingCVs"
                : list.fullText == nil && list.query.text.isEmpty && !list.query.isFiltered ? "list.empty" : "list.noMatch")
            buffer.put(message, x: 2, y: 3, style: theme.dim)
            // A number typed into search is most often an id from the command line: say where ids go.
            let typed = list.query.text.trimmingCharacters(in: .whitespaces).drop { $0 == "#" }
            if !list.searching, !typed.isEmpty, typed.allSatisfy({ $0.isASCII && $0.isNumber }) {
                buffer.put(language.text("list.tryId", ["id": String(typed)]), x: 2, y: 4, style: theme.dim)
            }
        }
        for (i, row) in list.rows.prefix(app.listHeight).enumerated() {
            let y = 2 + i
            let selected = i == list.selected
            if selected { buffer.fill(y: y, style: theme.selected) }
            Self.row(row, c, selected: selected, theme: theme, language: language).draw(into: &buffer, x: 0, y: y, width: w)
            if app.marked.contains(row.id) {
                buffer.put(theme.unicode ? "●" : "*", x: c.id, y: y, style: theme.destructive)
            }
        }

        // Prompt or hints
        let y = buffer.height - 2
        switch app.mode {
        case .search:
            buffer.put("/" + app.input, x: 0, y: y, style: Style(bold: true))
            buffer.put("█", x: 1 + DisplayWidth.of(app.input), y: y)
            hints(app.keyMap, theme: theme, language: language, into: &buffer, y: y, from: max(DisplayWidth.of(app.input) + 4, w / 2))
        case .fullTextPrompt:
            let label = language.text("list.fullTextPrompt") + " "
            buffer.put(label + app.input, x: 0, y: y, style: Style(bold: true))
            buffer.put("█", x: DisplayWidth.of(label + app.input), y: y)
            hints(app.keyMap, theme: theme, language: language, into: &buffer, y: y, from: max(DisplayWidth.of(label + app.input) + 3, w / 2))
        case .prompt:
            break
        default:
            hints(app.hintMap, theme: theme, language: language, into: &buffer, y: y, from: 0)
        }
    }
}

extension ListView {
    /// The column header of a list of candidates.
    static func header(_ c: Columns, theme: Theme, language: UILanguage) -> StyledLine {
        var header = StyledLine()
        header.add(DisplayWidth.pad(language.text("column.id"), to: c.id) + " ", theme.header)
        header.add(DisplayWidth.pad(language.text("column.name"), to: c.name) + " ", theme.header)
        header.add(DisplayWidth.pad(language.text("column.position"), to: c.position) + " ", theme.header)
        header.add(DisplayWidth.pad(language.text("column.stage"), to: c.stage) + " ", theme.header)
        header.add(DisplayWidth.pad(language.text("column.badge"), to: c.badge) + " ", theme.header)
        header.add(DisplayWidth.pad("", to: c.markers), theme.header)
        return header
    }

    /// One candidate as a list shows them: id, gated name, position, stage, badge and markers. The candidate
    /// list and the referee view both draw their rows with it.
    static func row(_ row: CandidateRow, _ c: Columns, selected: Bool, theme: Theme, language: UILanguage) -> StyledLine {
        var line = StyledLine()
        func style(_ s: Style) -> Style {
            guard selected else { return s }
            var t = s
            t.reverse = true
            return t
        }
        line.add(DisplayWidth.pad(String(row.id), to: c.id) + " ", style(.plain))
        switch row.name {
        case .shown(let name, _): line.add(DisplayWidth.pad(name, to: c.name) + " ", style(Style(bold: true)))
        case .withheld(_, let reason): line.add(DisplayWidth.pad("— \(language.withheld(reason)) —", to: c.name) + " ", style(theme.withheld))
        }
        line.add(DisplayWidth.pad(row.position.value ?? "", to: c.position) + " ", style(.plain))
        let stage = row.stage.value.flatMap { $0.map { language.text("stage." + $0.rawValue) } } ?? (row.stage.reason != nil ? "—" : "")
        line.add(DisplayWidth.pad(stage, to: c.stage) + " ", style(.plain))
        // The most severe state, and the basis beside it when that is another state: a row reading only
        // "ret. due" would hide that the data is held on legitimate interest.
        let primary = language.badgeShort(row.badge.primary, unicode: theme.unicode)
        if let basis = row.badge.basisState, basis != row.badge.primary {
            let first = DisplayWidth.pad(primary, to: min(DisplayWidth.of(primary), c.badge))
            line.add(first, style(theme.badge(row.badge.primary)))
            line.add(DisplayWidth.pad(" " + language.badgeCode(basis), to: c.badge - DisplayWidth.of(first)) + " ", style(theme.badge(basis)))
        } else {
            line.add(DisplayWidth.pad(primary, to: c.badge) + " ", style(theme.badge(row.badge.primary)))
        }
        var markers = ""
        markers += row.badge.isRetentionDue ? theme.retentionMarker : " "
        markers += row.badge.isRestricted ? theme.restrictedMarker : " "
        line.add(markers, style(theme.badge(.retentionDue)))
        return line
    }
}

/// Draws a key table's hints (`/ search  Enter open …`) on one row; destructive keys stand out.
@MainActor
func hints(_ map: KeyMap, theme: Theme, language: UILanguage, into buffer: inout ScreenBuffer, y: Int, from x: Int) {
    var col = x
    for b in map.bindings {
        guard let label = b.hint(in: language) else { continue }
        let k = " \(b.keys[0].label) "
        if col + DisplayWidth.of(k + label) + 2 > buffer.width { break }
        col += buffer.put(k, x: col, y: y, style: b.destructive ? theme.destructive : Style(reverse: true))
        col += buffer.put(" " + label + " ", x: col, y: y)
    }
}
