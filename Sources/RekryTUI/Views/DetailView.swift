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
        let language = app.language
        let w = buffer.width
        buffer.fill(y: 0, style: theme.title)
        var header = StyledLine()
        switch d.detail.name {
        case .shown(let name, _): header.add(" \(name) ", theme.title)
        case .withheld(_, let r): header.add(" #\(d.detail.id) — \(language.withheld(r)) — ", theme.title)
        }
        header.add(" ")
        header.add(language.badgeShort(d.detail.badge.primary, unicode: theme.unicode), theme.badge(d.detail.badge.primary))
        header.draw(into: &buffer, x: 0, y: 0, width: w)

        var col = 0
        let full = DetailTab.allCases.reduce(0) { $0 + DisplayWidth.of($1.title(in: language)) + 4 } <= w
        for tab in DetailTab.allCases {
            let label = " \(tab.rawValue + 1) \(full ? tab.title(in: language) : tab.shortTitle(in: language)) "
            let style = tab == d.tab ? Style(bold: true, reverse: true) : Style(underline: true)
            if col + DisplayWidth.of(label) > w { break }
            col += buffer.put(label, x: col, y: 1, style: style)
            col += buffer.put(" ", x: col, y: 1)
        }

        let content = DetailContent(theme: theme, language: language, width: w - 2, now: app.gate.now(), zone: app.zone)
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
            let more = (theme.unicode ? "↓ " : "v ") + language.text("detail.more")
            buffer.put(more, x: w - DisplayWidth.of(more) - 1, y: buffer.height - 3, style: theme.dim)
        }
        if app.mode != .prompt { hints(app.hintMap, theme: theme, language: language, into: &buffer, y: buffer.height - 2, from: 0) }
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
        buffer.put(app.language.text("loading"), x: 2, y: 3, style: theme.dim)
        hints(KeyMap(key: "", bindings: [KeyBinding([.escape], .back, id: "back.loading", hint: true)]), theme: theme, language: app.language,
              into: &buffer, y: buffer.height - 2, from: 0)
    }
}

/// The lines of one tab. Every item that shows personal data carries its badge; withheld items show the
/// badge and the reason in place of the content.
struct DetailContent {
    let theme: Theme
    let language: UILanguage
    let width: Int
    let now: Date
    /// The zone times are shown in (days stay calendar days).
    var zone: TimeZone = .current

    /// The message `key` in the view's language.
    func t(_ key: String, _ args: [String: Any] = [:]) -> String { language.text(key, args) }

    func badge(_ b: Badge) -> [(String, Style)] {
        b.states.map { ("[" + language.badgeShort($0, unicode: theme.unicode) + "]", theme.badge($0)) }.flatMap { [$0, (" ", Style.plain)] }
    }

    /// A heading line for an item: its title and its badge, or the withheld reason and the badge.
    func item<T>(_ g: Gated<T>, title: (T) -> String) -> StyledLine {
        var l = StyledLine()
        switch g {
        case .shown(let v, let b):
            l.add(title(v) + "  ", Style(bold: true))
            for s in badge(b) { l.add(s.0, s.1) }
        case .withheld(let b, let r):
            l.add("— \(language.withheld(r)) —  ", theme.withheld)
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
            out.append(item(c.name) { t("detail.name", ["name": $0]) })
            out.append(item(c.contact) { _ in t("detail.contact") })
            if let contact = c.contact.value {
                out += field(t("detail.email"), contact.email) + field(t("detail.phone"), contact.phone)
                out += field(t("detail.address"), contact.postalAddress)
            }
            out.append(item(c.profile) { _ in t("detail.profile") })
            if let p = c.profile.value {
                out += field(t("detail.title"), p.currentTitle) + field(t("detail.employer"), p.currentEmployer)
                out += field(t("detail.homeTown"), p.homeTown)
                out += field(t("detail.birthYear"), p.birthYear.map(String.init))
                let source = t("source.\(p.source.rawValue)") + (p.sourceDetail.map { " (\($0))" } ?? "")
                out += field(t("detail.source"), t("detail.collected", ["source": source, "day": day(p.collectedAt)]))
                if !p.source.providedByPerson {
                    out += field(t("detail.notice"), p.notifiedAt.map { t("detail.noticeSent", ["day": day($0)]) } ?? t("detail.noticeNotSent"))
                }
                for link in p.links { out += field(link.kind, "\(link.url) (\(t("source.\(link.source.rawValue)")))") }
            }
            out.append(StyledLine(""))
            out.append(StyledLine(t("detail.documents"), theme.header))
            if c.documents.isEmpty { out.append(StyledLine("  " + t("detail.none"), theme.dim)) }
            for doc in c.documents {
                out.append(item(doc) { t("detail.document", ["title": $0.title, "kind": language.code($0.kind.rawValue, "docKind").lowercased(), "day": day($0.receivedAt)]) })
                if let v = doc.value { out += StyledLine.wrap(v.body, width: width, indent: 2) }
            }
        case .processes:
            if c.processes.isEmpty { out.append(StyledLine(t("detail.noProcess"), theme.dim)) }
            for p in c.processes {
                out.append(item(p) { "\($0.process.title) — \($0.process.client ?? t("detail.internal"))" })
                if let v = p.value {
                    out += field(t("detail.stage"), t("detail.stageSince", ["stage": t("stage.\(v.stage.rawValue)"), "day": day(v.stageChangedAt)]))
                    out += field(t("detail.started"), day(v.startedAt))
                    out += field(t("detail.process"), v.process.closedAt.map { t("detail.closedOn", ["day": day($0)]) }
                                 ?? t("detail.openSince", ["day": day(v.process.openedAt)]))
                }
            }
            if let disclosures = c.disclosures.value, !disclosures.isEmpty {
                out.append(StyledLine(t("detail.disclosed"), theme.header))
                for x in disclosures { out += field(day(x.disclosedAt), "\(x.what) → \(x.recipient)") }
            }
        case .references:
            if c.references.isEmpty { out.append(StyledLine(t("detail.noReferences"), theme.dim)) }
            let selected = min(d.reference, c.references.count - 1)
            for (i, r) in c.references.enumerated() {
                var heading = item(r) { "\($0.name) (\($0.relationship))" }
                if i == selected {
                    heading.segments = heading.segments.map { ($0.0, reversed($0.1)) }
                    heading.segments.insert((theme.unicode ? "▸ " : "> ", Style(bold: true)), at: 0)
                }
                out.append(heading)
                if let v = r.value {
                    out += field(t("detail.title"), [v.title, v.workplace].compactMap { $0 }.joined(separator: ", "))
                    out += field(t("detail.contact"), [v.email, v.phone].compactMap { $0 }.joined(separator: " · "))
                    for s in v.statements { out += field(day(s.givenAt), "“\(s.text)”") }
                }
            }
        case .assessments:
            if c.assessments.isEmpty { out.append(StyledLine(t("detail.noAssessments"), theme.dim)) }
            for a in c.assessments {
                out.append(item(a) { "\(t("assessmentKind.\($0.kind.rawValue)")): \($0.title)" })
                if let v = a.value {
                    out += field(t("detail.by"), v.provider) + field(t("detail.score"), v.score) + field(t("detail.recorded"), day(v.recordedAt))
                    out += StyledLine.wrap(v.text, width: width, indent: 2)
                }
            }
        case .report:
            guard let meta = c.report else {
                out.append(StyledLine(t("detail.noReport"), theme.dim))
                break
            }
            out.append(item(meta) { _ in t("detail.report") })
            if let m = meta.value {
                out += field(t("detail.author"), m.author) + field(t("detail.written"), day(m.writtenAt))
                out += field(t("detail.attached"), day(m.attachedAt))
                out += field(t("detail.process"), m.processTitle + ", "
                             + (m.processClosedAt.map { t("detail.closedOn", ["day": day($0)]) } ?? t("detail.open")))
                out += field(t("detail.access"), m.grantees.isEmpty ? t("detail.noGrant") : m.grantees.joined(separator: ", "))
                out.append(StyledLine(""))
                switch d.report {
                case .some(.some(.shown(let r, let b))):
                    var l = StyledLine(t("detail.reportText") + "  ", Style(bold: true))
                    for s in badge(b) { l.add(s.0, s.1) }
                    out.append(l)
                    out += StyledLine.wrap(r.text, width: width, indent: 2)
                case .some(.some(.withheld(let b, let reason))):
                    var l = StyledLine("— \(language.withheld(reason)) —  ", theme.withheld)
                    for s in badge(b) { l.add(s.0, s.1) }
                    out.append(l)
                    out.append(StyledLine("  " + (m.grantors.isEmpty ? t("detail.askLead")
                        : t("detail.askGrantors", ["names": m.grantors.joined(separator: t("detail.or"))])), theme.dim))
                default:
                    if let error = d.reportError {
                        out.append(StyledLine("  " + t("detail.reportFailed", ["error": error]), theme.withheld))
                    } else {
                        out.append(StyledLine("  " + t(d.reportTicket != nil ? "loading" : "detail.readOnOpen"), theme.dim))
                    }
                }
            }
        case .consent:
            var basis = StyledLine(t("detail.recordBasis", ["basis": t("basis.\(c.badge.basis.rawValue)")]) + "  ", Style(bold: true))
            for s in badge(c.badge) { basis.add(s.0, s.1) }
            out.append(basis)
            out += StyledLine.wrap(language.badgeLongText(c.badge), width: width, indent: 2)
            out.append(StyledLine(""))
            out.append(item(c.consents) { _ in t("detail.consentHistory") })
            if let list = c.consents.value {
                if list.isEmpty { out.append(StyledLine("  " + t("detail.noneRecorded"), theme.dim)) }
                for r in list {
                    let state = ConsentState.of(expiresAt: r.expiresAt, withdrawnAt: r.withdrawnAt, at: now)
                    out += field(t("purpose.\(r.purpose.rawValue)"), t("detail.given", ["day": day(r.givenAt), "channel": r.channel])
                                 + (r.expiresAt.map { ", " + t("detail.expires", ["day": day($0)]) } ?? "")
                                 + (r.withdrawnAt.map { ", " + t("detail.withdrawn", ["day": day($0)]) } ?? "")
                                 + " — " + t("consentState.\(state.rawValue)"))
                    out += StyledLine.wrap("“\(r.text)”", width: width, indent: 20, style: theme.dim)
                }
            }
        case .activity:
            switch d.activity {
            case .some(.shown(let entries, _)):
                out.append(StyledLine(t("detail.auditEntries"), theme.header))
                if entries.isEmpty { out.append(StyledLine("  " + t("detail.none"), theme.dim)) }
                for e in entries.reversed() {
                    out.append(StyledLine("  \(e.seq)  \(DayFormat.localMinute(e.at, zone: zone))  \(e.actorUsername ?? e.actor)  \(e.action)  \(e.purpose)  \(e.detail)"))
                }
            case .some(.withheld(let b, let reason)):
                var l = StyledLine("— \(language.withheld(reason)) —  ", theme.withheld)
                for s in badge(b) { l.add(s.0, s.1) }
                out.append(l)
            case .none:
                out.append(StyledLine("  " + t("loading"), theme.dim))
            }
        }
        return out
    }
}
