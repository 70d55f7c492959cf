import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The candidate view: the name and record badge, the tab bar, and the tab's items, each with its badge.
@MainActor
struct DetailView {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        guard let d = app.detail else {
            if let o = app.opening { drawLoading(o, into: &buffer) }
            return
        }
        let theme = app.theme
        let w = buffer.width
        buffer.fill(y: 0, style: theme.title)
        var header = StyledLine()
        switch d.detail.name {
        case .shown(let name, _): header.add(" \(name) ", theme.title)
        case .withheld(_, let r): header.add(" #\(d.detail.id) — \(r.explanation) — ", theme.title)
        }
        header.add(" ")
        header.add(theme.short(d.detail.badge.primary), theme.badge(d.detail.badge.primary))
        header.draw(into: &buffer, x: 0, y: 0, width: w)

        var col = 0
        let full = DetailTab.allCases.reduce(0) { $0 + DisplayWidth.of($1.title) + 4 } <= w
        for tab in DetailTab.allCases {
            let label = " \(tab.rawValue + 1) \(full ? tab.title : tab.shortTitle) "
            let style = tab == d.tab ? Style(bold: true, reverse: true) : Style(underline: true)
            if col + DisplayWidth.of(label) > w { break }
            col += buffer.put(label, x: col, y: 1, style: style)
            col += buffer.put(" ", x: col, y: 1)
        }

        let content = DetailContent(theme: theme, width: w - 2, now: app.gate.now(), zone: app.zone)
        let lines = content.lines(d)
        let body = buffer.height - 4
        var start = min(d.scroll, max(0, lines.count - body))
        // On the References tab the selected reference's heading is kept in view.
        if d.tab == .references, let focus = content.selectedReferenceLine(d), focus >= start + body - 1 {
            start = min(focus, max(0, lines.count - body))
        }
        for (i, line) in lines.dropFirst(start).prefix(body).enumerated() {
            line.draw(into: &buffer, x: 1, y: 2 + i, width: w - 2)
            // The line `/` found is marked in the margin.
            if start + i == d.findLine { buffer.put(theme.unicode ? "▶" : ">", x: 0, y: 2 + i, style: Style(bold: true, reverse: true)) }
        }
        if lines.count > body + start {
            buffer.put(theme.unicode ? "↓ more" : "v more", x: w - 7, y: buffer.height - 3, style: theme.dim)
        }
        if app.mode != .prompt { hints(app.hintMap, theme: theme, into: &buffer, y: buffer.height - 2, from: 0) }
    }

    /// The candidate while the gate reads them: the name as the list showed it, and that it is loading.
    private func drawLoading(_ o: Opening, into buffer: inout ScreenBuffer) {
        let theme = app.theme
        buffer.fill(y: 0, style: theme.title)
        let title: String
        switch o.name {
        case .shown(let name, _)?: title = " \(name) "
        default: title = " #\(o.id) "
        }
        buffer.put(title, x: 0, y: 0, style: theme.title, maxWidth: buffer.width)
        buffer.put("loading…", x: 2, y: 3, style: theme.dim)
        hints(KeyMap(title: "", bindings: [KeyBinding([.escape], .back, "back", hint: "back")]), theme: theme,
              into: &buffer, y: buffer.height - 2, from: 0)
    }
}

/// The lines of one tab. Every item that shows personal data carries its badge; withheld items show the
/// badge and the reason in place of the content.
struct DetailContent {
    let theme: Theme
    let width: Int
    let now: Date
    /// The zone times are shown in (days stay calendar days).
    var zone: TimeZone = .current

    func badge(_ b: Badge) -> [(String, Style)] {
        b.states.map { ("[" + theme.short($0) + "]", theme.badge($0)) }.flatMap { [$0, (" ", Style.plain)] }
    }

    /// A heading line for an item: its title and its badge, or the withheld reason and the badge.
    func item<T>(_ g: Gated<T>, title: (T) -> String) -> StyledLine {
        var l = StyledLine()
        switch g {
        case .shown(let v, let b):
            l.add(title(v) + "  ", Style(bold: true))
            for s in badge(b) { l.add(s.0, s.1) }
        case .withheld(let b, let r):
            l.add("— \(r.explanation) —  ", theme.withheld)
            for s in badge(b) { l.add(s.0, s.1) }
        }
        return l
    }

    func field(_ label: String, _ value: String?) -> [StyledLine] {
        guard let value, !value.isEmpty else { return [] }
        var first = StyledLine.wrap(value, width: width, indent: 18)
        if var l = first.first {
            let text = l.segments.first?.0 ?? ""
            l.segments = [("  " + DisplayWidth.pad(label, to: 16), theme.dim), (String(text.dropFirst(18)), .plain)]
            first[0] = l
        }
        return first
    }

    private func reversed(_ s: Style) -> Style {
        var t = s
        t.reverse = true
        return t
    }

    /// The line of the selected reference's heading on the References tab.
    func selectedReferenceLine(_ d: DetailModel) -> Int? {
        guard d.tab == .references, !d.detail.references.isEmpty else { return nil }
        let selected = min(d.reference, d.detail.references.count - 1)
        var copy = d
        var line = 0
        for i in 0..<selected {
            copy.detail.references = [d.detail.references[i]]
            line += lines(copy).count
        }
        return line
    }

    func lines(_ d: DetailModel) -> [StyledLine] {
        let day = DayFormat.day
        var out: [StyledLine] = []
        let c = d.detail
        switch d.tab {
        case .profile:
            out.append(item(c.name) { "Name: \($0)" })
            out.append(item(c.contact) { _ in "Contact" })
            if let contact = c.contact.value {
                out += field("Email", contact.email) + field("Phone", contact.phone) + field("Address", contact.postalAddress)
            }
            out.append(item(c.profile) { _ in "Profile" })
            if let p = c.profile.value {
                out += field("Title", p.currentTitle) + field("Employer", p.currentEmployer) + field("Home town", p.homeTown)
                out += field("Birth year", p.birthYear.map(String.init))
                out += field("Source", "\(p.source.label)\(p.sourceDetail.map { " (\($0))" } ?? ""), collected \(day(p.collectedAt))")
                if !p.source.providedByPerson {
                    out += field("Art. 14 notice", p.notifiedAt.map { "sent \(day($0))" } ?? "not sent (due one month after collection)")
                }
                for link in p.links { out += field(link.kind, "\(link.url) (\(link.source.label))") }
            }
            out.append(StyledLine(""))
            out.append(StyledLine("Documents", theme.header))
            if c.documents.isEmpty { out.append(StyledLine("  none", theme.dim)) }
            for doc in c.documents {
                out.append(item(doc) { "\($0.title) (\($0.kind.rawValue), received \(day($0.receivedAt)))" })
                if let v = doc.value { out += StyledLine.wrap(v.body, width: width, indent: 2) }
            }
        case .processes:
            if c.processes.isEmpty { out.append(StyledLine("Not in any process.", theme.dim)) }
            for p in c.processes {
                out.append(item(p) { "\($0.process.title) — \($0.process.client ?? "internal")" })
                if let v = p.value {
                    out += field("Stage", "\(v.stage.rawValue) since \(day(v.stageChangedAt))")
                    out += field("Started", day(v.startedAt))
                    out += field("Process", v.process.closedAt.map { "closed \(day($0))" } ?? "open since \(day(v.process.openedAt))")
                }
            }
            if let disclosures = c.disclosures.value, !disclosures.isEmpty {
                out.append(StyledLine("Disclosed to clients", theme.header))
                for x in disclosures { out += field(day(x.disclosedAt), "\(x.what) → \(x.recipient)") }
            }
        case .references:
            if c.references.isEmpty { out.append(StyledLine("No references.", theme.dim)) }
            let selected = min(d.reference, c.references.count - 1)
            for (i, r) in c.references.enumerated() {
                var heading = item(r) { "\($0.name) (\($0.relationship))" }
                if i == selected {
                    heading.segments = heading.segments.map { ($0.0, reversed($0.1)) }
                    heading.segments.insert((theme.unicode ? "▸ " : "> ", Style(bold: true)), at: 0)
                }
                out.append(heading)
                if let v = r.value {
                    out += field("Title", [v.title, v.workplace].compactMap { $0 }.joined(separator: ", "))
                    out += field("Contact", [v.email, v.phone].compactMap { $0 }.joined(separator: " · "))
                    for s in v.statements { out += field(day(s.givenAt), "“\(s.text)”") }
                }
            }
        case .assessments:
            if c.assessments.isEmpty { out.append(StyledLine("No assessments.", theme.dim)) }
            for a in c.assessments {
                out.append(item(a) { "\($0.kind.label): \($0.title)" })
                if let v = a.value {
                    out += field("By", v.provider) + field("Score", v.score) + field("Recorded", day(v.recordedAt))
                    out += StyledLine.wrap(v.text, width: width, indent: 2)
                }
            }
        case .report:
            guard let meta = c.report else {
                out.append(StyledLine("No psychologist report.", theme.dim))
                break
            }
            out.append(item(meta) { _ in "Psychologist report" })
            if let m = meta.value {
                out += field("Author", m.author) + field("Written", day(m.writtenAt)) + field("Attached", day(m.attachedAt))
                out += field("Process", m.processTitle + (m.processClosedAt.map { ", closed \(day($0))" } ?? ", open"))
                out += field("Access", m.grantees.isEmpty ? "nobody holds a current grant" : m.grantees.joined(separator: ", "))
                out.append(StyledLine(""))
                switch d.report {
                case .some(.some(.shown(let r, let b))):
                    var l = StyledLine("Report text  ", Style(bold: true))
                    for s in badge(b) { l.add(s.0, s.1) }
                    out.append(l)
                    out += StyledLine.wrap(r.text, width: width, indent: 2)
                case .some(.some(.withheld(let b, let reason))):
                    var l = StyledLine("— \(reason.explanation) —  ", theme.withheld)
                    for s in badge(b) { l.add(s.0, s.1) }
                    out.append(l)
                    out.append(StyledLine(m.grantors.isEmpty ? "  Ask a lead for access." : "  Ask \(m.grantors.joined(separator: " or ")) for access.", theme.dim))
                default:
                    if let error = d.reportError {
                        out.append(StyledLine("  The report could not be read: \(error)", theme.withheld))
                    } else {
                        out.append(StyledLine(d.reportTicket != nil ? "  loading…" : "  (the text is read when this tab opens)", theme.dim))
                    }
                }
            }
        case .consent:
            var basis = StyledLine("Record basis: \(c.badge.basis.rawValue)  ", Style(bold: true))
            for s in badge(c.badge) { basis.add(s.0, s.1) }
            out.append(basis)
            out += StyledLine.wrap(c.badge.longText, width: width, indent: 2)
            out.append(StyledLine(""))
            out.append(item(c.consents) { _ in "Consent history (newest first)" })
            if let list = c.consents.value {
                if list.isEmpty { out.append(StyledLine("  none recorded", theme.dim)) }
                for r in list {
                    let state = ConsentState.of(expiresAt: r.expiresAt, withdrawnAt: r.withdrawnAt, at: now)
                    out += field(r.purpose.rawValue, "given \(day(r.givenAt)) by \(r.channel)"
                                 + (r.expiresAt.map { ", expires \(day($0))" } ?? "")
                                 + (r.withdrawnAt.map { ", withdrawn \(day($0))" } ?? "") + " — \(state.rawValue)")
                    out += StyledLine.wrap("“\(r.text)”", width: width, indent: 20, style: theme.dim)
                }
            }
        case .activity:
            switch d.activity {
            case .some(.shown(let entries, _)):
                out.append(StyledLine("Audit entries for this person (pseudonymous)", theme.header))
                if entries.isEmpty { out.append(StyledLine("  none", theme.dim)) }
                for e in entries.reversed() {
                    out.append(StyledLine("  \(e.seq)  \(DayFormat.localMinute(e.at, zone: zone))  \(e.actorUsername ?? e.actor)  \(e.action)  \(e.purpose)  \(e.detail)"))
                }
            case .some(.withheld(let b, let reason)):
                var l = StyledLine("— \(reason.explanation) —  ", theme.withheld)
                for s in badge(b) { l.add(s.0, s.1) }
                out.append(l)
            case .none:
                out.append(StyledLine("  loading…", theme.dim))
            }
        }
        return out
    }
}
