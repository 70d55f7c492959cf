import Foundation
import RekryDomain
import RekryGate

/// The DPO's desk on screen: the tab bar, one row per request or breach with its badge, and the hints.
/// People appear by pseudonym only.
@MainActor
struct DeskScreen {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        guard let d = app.desk else { return }
        let theme = app.theme
        let language = app.language
        let w = buffer.width
        buffer.fill(y: 0, style: theme.title)
        var title = StyledLine()
        title.add(" " + language.text("desk.title") + " ", theme.title)
        for tab in DeskTab.allCases {
            let label = " \(tab.rawValue + 1) \(tab.title(in: language)) (\(language.grouped(d.count(tab)))) "
            title.add(label, tab == d.tab ? Style(bold: true, underline: true) : theme.title)
        }
        title.draw(into: &buffer, x: 0, y: 0, width: w)
        let rows: [(cells: [String], badge: Style)]
        let header: [String]
        switch d.tab {
        case .requests:
            header = ["id", "badge", "kind", "subject", "received", "due", "notes"].map { language.text("desk.column.\($0)") }
            rows = d.requests.requests.map { r in
                var notes: [String] = []
                if r.secondExtractWithinYear { notes.append(language.text("desk.secondExtract")) }
                if !r.onRegister { notes.append(language.text("desk.erased")) }
                if let e = r.auditEntry { notes.append(language.text("desk.entry", ["entry": e])) }
                return ([String(r.id), language.requestStatus(r.status), language.text("request.\(r.kind.rawValue)"), r.subject, r.received, r.due, notes.joined(separator: "; ")],
                        style(r.status, theme))
            }
        case .retention:
            header = ["rule", "subject", "takes", "due", "note"].map { language.text("desk.column.\($0)") }
            let counts = Dictionary(grouping: d.retention.items, by: \.rule).mapValues(\.count)
            var previous: String?
            rows = d.retention.items.map { item in
                // The rule heads its group: named on the group's first row, with how many it holds.
                let rule = item.rule == previous ? "" : "\(language.retentionRule(item.rule)) (\(counts[item.rule] ?? 0))"
                previous = item.rule
                return ([rule, item.subject, item.part.map { language.text("erasable.\($0.rawValue)") } ?? language.text("desk.wholePerson"), item.dueAt.map(DayFormat.day) ?? language.text("desk.passed"),
                         item.refusal(in: language).map { language.text("desk.refused", ["reason": $0]) } ?? ""],
                        item.refusal == nil ? theme.flash : theme.dim)
            }
        case .breaches:
            header = ["id", "hours72", "discovered", "people", "notified", "categories"].map { language.text("desk.column.\($0)") }
            rows = d.breaches.breaches.map { b in
                ([String(b.id), app.breachBadge(b), DayFormat.localMinute(b.discoveredAt, zone: app.zone), String(b.approxAffected),
                  b.notifiedAt.map { DayFormat.localMinute($0, zone: app.zone) } ?? "—", b.categories.map { language.dataCategory($0.rawValue) }.joined(separator: ",")],
                 b.status == "overdue" ? theme.destructive : b.status == "due" ? theme.flash : theme.dim)
            }
        }
        let widths = switch d.tab {
        case .requests: [5, 20, 14, 20, 11, 11, 0]
        case .breaches: [5, 16, 17, 8, 17, 0]
        case .retention: [38, 20, 17, 11, 0]
        }
        line(header, widths, styles: Array(repeating: theme.header, count: header.count)).draw(into: &buffer, x: 0, y: 1, width: w)
        if rows.isEmpty {
            let empty = switch d.tab {
            case .requests: language.text("desk.noRequests")
            case .breaches: language.text("desk.noBreaches")
            case .retention: language.text("desk.nothingDue")
            }
            buffer.put(empty, x: 2, y: 3, style: theme.dim, maxWidth: w - 2)
        }
        let body = max(1, buffer.height - 4)
        let selected = d.selection(d.tab)
        let start = max(0, selected - body + 1)
        for (i, row) in rows.dropFirst(start).prefix(body).enumerated() {
            let y = 2 + i
            let isSelected = start + i == selected
            if isSelected { buffer.fill(y: y, style: theme.selected) }
            var styles = Array(repeating: isSelected ? theme.selected : Style.plain, count: row.cells.count)
            if !isSelected { styles[1] = row.badge }
            line(row.cells, widths, styles: styles).draw(into: &buffer, x: 0, y: y, width: w)
        }
        hints(app.keyMap, theme: theme, language: language, into: &buffer, y: buffer.height - 2, from: 0)
    }

    func style(_ status: RequestStatus, _ theme: Theme) -> Style {
        switch status.urgency {
        case .overdue: theme.destructive
        case .dueSoon: theme.flash
        case .closed: theme.dim
        case .open: status.extended ? Style(bold: true) : .plain
        }
    }

    /// Cells padded to their column widths (0: the rest of the line).
    func line(_ cells: [String], _ widths: [Int], styles: [Style]) -> StyledLine {
        var l = StyledLine()
        for (i, cell) in cells.enumerated() {
            let width = widths[min(i, widths.count - 1)]
            l.add(width == 0 ? cell : DisplayWidth.pad(cell, to: width), styles[i])
        }
        return l
    }
}
