import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTUI

/// Plain-text renderings for the terminal: every item with its badge, withheld items with their reason.
enum TextOutput {
    static func badge(_ b: Badge) -> String { "[\(b.shortText(ascii: !Terminal.unicode))]" }

    static func gated<T>(_ g: Gated<T>, _ show: (T) -> String) -> String {
        switch g {
        case .shown(let v, let b): "\(show(v))  \(badge(b))"
        case .withheld(let b, let r): "— \(r.explanation) —  \(badge(b))"
        }
    }

    static func row(_ r: CandidateRow) -> String {
        let name = r.name.value ?? "— \(r.name.reason!.explanation) —"
        let position = r.position.value ?? ""
        let stage = r.stage.value.flatMap { $0?.rawValue } ?? "-"
        return "\(r.id)\t\(name)\t\(position)\t\(stage)\t\(r.badge.shortText(ascii: !Terminal.unicode))"
    }

    static func detail(_ d: CandidateDetail) -> String {
        let report = d.reportText
        var out: [String] = []
        let day = DayFormat.day
        out.append("Candidate \(d.id): " + gated(d.name) { $0 })
        out.append("  Basis: \(d.badge.longText)")
        out.append("Contact: " + gated(d.contact) { c in
            [c.email, c.phone, c.postalAddress].compactMap { $0 }.joined(separator: " · ") })
        out.append("Profile: " + gated(d.profile) { p in
            var parts = [p.currentTitle, p.currentEmployer, p.homeTown].compactMap { $0 }
            if let y = p.birthYear { parts.append("born \(y)") }
            parts.append("source: \(p.source.label)\(p.sourceDetail.map { " (\($0))" } ?? "") on \(day(p.collectedAt))")
            if !p.source.providedByPerson { parts.append(p.notifiedAt.map { "Art. 14 notice sent \(day($0))" } ?? "Art. 14 notice not sent") }
            return parts.joined(separator: " · ") + p.links.map { "\n    \($0.kind): \($0.url) (\($0.source.label))" }.joined()
        })
        out.append("Documents:")
        out += d.documents.map { "  " + gated($0) { "\($0.title) (\(day($0.receivedAt))): \($0.body)" } }
        out.append("Processes:")
        out += d.processes.map { "  " + gated($0) { p in
            "\(p.process.title)\(p.process.client.map { " for \($0)" } ?? " (internal)"): \(p.stage.rawValue) since \(day(p.stageChangedAt))\(p.process.closedAt.map { ", closed \(day($0))" } ?? "")" } }
        out.append("References:")
        out += d.references.map { "  " + gated($0) { r in
            "\(r.name), \([r.title, r.workplace].compactMap { $0 }.joined(separator: ", ")) (\(r.relationship))"
                + r.statements.map { "\n    “\($0.text)” (\(day($0.givenAt)))" }.joined() } }
        out.append("Assessments:")
        out += d.assessments.map { "  " + gated($0) { a in
            "\(a.kind.label): \(a.title)\(a.score.map { " — \($0)" } ?? "") (\(day(a.recordedAt)))\n    \(a.text)" } }
        out.append("Psychologist report:")
        if let meta = d.report {
            out.append("  " + gated(meta) { m in
                "by \(m.author), written \(day(m.writtenAt)), for \(m.processTitle); access: \(m.grantees.isEmpty ? "nobody" : m.grantees.joined(separator: ", "))" })
            if let report {
                switch report {
                case .shown(let r, _): out.append("  " + r.text.replacingOccurrences(of: "\n", with: "\n  "))
                case .withheld(_, let reason):
                    let ask = meta.value?.grantors ?? []
                    out.append("  — \(reason.explanation) —" + (ask.isEmpty ? "" : " (ask \(ask.joined(separator: " or ")))"))
                }
            }
        } else {
            out.append("  none")
        }
        out.append("Consent history:")
        switch d.consents {
        case .shown(let list, _):
            out += list.map { c in
                "  \(c.purpose.rawValue): given \(day(c.givenAt)) by \(c.channel)\(c.expiresAt.map { ", expires \(day($0))" } ?? "")\(c.withdrawnAt.map { ", withdrawn \(day($0))" } ?? "")"
            }
            if list.isEmpty { out.append("  none recorded") }
        case .withheld(_, let r): out.append("  — \(r.explanation) —")
        }
        return out.joined(separator: "\n")
    }
}

/// What the output terminal can show: the same locale rule the UI's theme uses.
enum Terminal {
    static var unicode: Bool { Theme.fromEnvironment(ProcessInfo.processInfo.environment).unicode }
}
