import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTUI

/// Plain-text renderings for the terminal: every item with its badge, withheld items with their reason, in
/// the run's language. English keeps the register's own words (`Badge.shortText`, `explanation`), as before.
enum TextOutput {
    static var language: UILanguage { CLILanguage.current }

    static func badge(_ b: Badge) -> String { "[\(badgeWords(b))]" }

    /// A badge's short form: each state's sign and code word.
    static func badgeWords(_ b: Badge) -> String {
        guard language != .en else { return b.shortText(ascii: !Terminal.unicode) }
        return b.states.map { language.badgeShort($0, unicode: Terminal.unicode) }.joined(separator: ", ")
    }

    /// The sentence shown instead of withheld content.
    static func withheld(_ r: WithholdReason) -> String { language == .en ? r.explanation : language.withheld(r) }

    static func gated<T>(_ g: Gated<T>, _ show: (T) -> String) -> String {
        switch g {
        case .shown(let v, let b): "\(show(v))  \(badge(b))"
        case .withheld(let b, let r): "— \(withheld(r)) —  \(badge(b))"
        }
    }

    static func row(_ r: CandidateRow) -> String {
        let name = r.name.value ?? "— \(withheld(r.name.reason!)) —"
        let position = r.position.value ?? ""
        let stage = r.stage.value.flatMap { $0 }.map { CLILanguage.word("stage", $0.rawValue) } ?? "-"
        return "\(r.id)\t\(name)\t\(position)\t\(stage)\t\(badgeWords(r.badge))"
    }

    static func detail(_ d: CandidateDetail) -> String {
        let report = d.reportText
        var out: [String] = []
        let day = DayFormat.day
        let source = { (s: DataSource) in language == .en ? s.label : CLILanguage.word("source", s.rawValue) }
        out.append(say("show.candidate", ["id": d.id, "name": gated(d.name) { $0 }]))
        out.append("  " + say("show.basis", ["basis": language == .en ? d.badge.longText : language.badgeLongText(d.badge)]))
        out.append(say("show.contact", ["contact": gated(d.contact) { c in
            [c.email, c.phone, c.postalAddress].compactMap { $0 }.joined(separator: " · ") }]))
        out.append(say("show.profile", ["profile": gated(d.profile) { p in
            var parts = [p.currentTitle, p.currentEmployer, p.homeTown].compactMap { $0 }
            if let y = p.birthYear { parts.append(say("show.born", ["year": y])) }
            parts.append(p.sourceDetail.map { say("show.sourceDetail", ["source": source(p.source), "detail": $0, "day": day(p.collectedAt)]) }
                         ?? say("show.source", ["source": source(p.source), "day": day(p.collectedAt)]))
            if !p.source.providedByPerson { parts.append(p.notifiedAt.map { say("show.noticeSent", ["day": day($0)]) } ?? say("show.noticeNotSent")) }
            return parts.joined(separator: " · ") + p.links.map { "\n    \($0.kind): \($0.url) (\(source($0.source)))" }.joined()
        }]))
        out.append(say("show.documents"))
        out += d.documents.map { "  " + gated($0) { "\($0.title) (\(day($0.receivedAt))): \($0.body)" } }
        out.append(say("show.processes"))
        out += d.processes.map { "  " + gated($0) { p in
            let head = p.process.client.map { say("show.processFor", ["title": p.process.title, "client": $0]) }
                ?? say("show.processInternal", ["title": p.process.title])
            return head + ": " + say("show.stageSince", ["stage": CLILanguage.word("stage", p.stage.rawValue), "day": day(p.stageChangedAt)])
                + (p.process.closedAt.map { say("show.closed", ["day": day($0)]) } ?? "") } }
        out.append(say("show.references"))
        out += d.references.map { "  " + gated($0) { r in
            "\(r.name), \([r.title, r.workplace].compactMap { $0 }.joined(separator: ", ")) (\(r.relationship))"
                + r.statements.map { "\n    “\($0.text)” (\(day($0.givenAt)))" }.joined() } }
        out.append(say("show.assessments"))
        out += d.assessments.map { "  " + gated($0) { a in
            "\(assessmentKind(a.kind)): \(a.title)\(a.score.map { " — \($0)" } ?? "") (\(day(a.recordedAt)))\n    \(a.text)" } }
        out.append(say("show.report"))
        if let meta = d.report {
            out.append("  " + gated(meta) { m in
                say("show.reportMeta", ["author": m.author, "day": day(m.writtenAt), "process": m.processTitle,
                                        "access": m.grantees.isEmpty ? say("show.nobody") : m.grantees.joined(separator: ", ")]) })
            if let report {
                switch report {
                case .shown(let r, _): out.append("  " + r.text.replacingOccurrences(of: "\n", with: "\n  "))
                case .withheld(_, let reason):
                    let ask = meta.value?.grantors ?? []
                    out.append("  — \(withheld(reason)) —" + (ask.isEmpty ? "" : say("show.ask", ["names": ask.joined(separator: say("show.or"))])))
                }
            }
        } else {
            out.append("  " + say("show.none"))
        }
        out.append(say("show.consents"))
        switch d.consents {
        case .shown(let list, _):
            out += list.map { c in
                "  " + say("show.consent", ["purpose": CLILanguage.word("purpose", c.purpose.rawValue), "day": day(c.givenAt), "channel": c.channel])
                    + (c.expiresAt.map { say("show.expires", ["day": day($0)]) } ?? "")
                    + (c.withdrawnAt.map { say("show.withdrawn", ["day": day($0)]) } ?? "")
            }
            if list.isEmpty { out.append("  " + say("show.noneRecorded")) }
        case .withheld(_, let r): out.append("  — \(withheld(r)) —")
        }
        return out.joined(separator: "\n")
    }

    /// An assessment's kind in words: the register's label in English, the UI's word otherwise.
    static func assessmentKind(_ kind: Assessment.Kind) -> String {
        language == .en ? kind.label : say("assessment.kind.\(kind.rawValue)")
    }
}

/// What the output terminal can show: the same locale rule the UI's theme uses.
enum Terminal {
    static var unicode: Bool { Theme.fromEnvironment(ProcessInfo.processInfo.environment).unicode }
}
