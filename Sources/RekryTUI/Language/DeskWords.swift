import RekryDomain
import RekryGate

/// The desk's words that the domain and the gate supply in English (request badges, the 72-hour badge,
/// retention rules and categories), as the screen shows them. The codes stay the data of the command line
/// and JSON; only the screen translates, and English shows them exactly as the gate words them.
extension UILanguage {
    /// A request's badge: `overdue`, `due soon, extended` (`förfallen`, `snart, förlängd`).
    public func requestStatus(_ status: RequestStatus) -> String {
        var words = [text("urgency.\(status.urgency.rawValue)")]
        if status.extended && status.urgency != .closed { words.append(text("urgency.extended")) }
        return words.joined(separator: ", ")
    }

    /// The 72-hour badge from a breach's status code and the gate's words (`72h: 41h left`): the hours left
    /// are read from those words, so the screen shows the number the gate computed.
    public func breachBadge(status: String, badge: String) -> String {
        switch status {
        case "due":
            let hours = badge.split(separator: " ").dropFirst().first.map { $0.filter(\.isNumber) } ?? ""
            return hours.isEmpty ? badge : text("breach.due", ["hours": hours])
        case "overdue", "notified", "notified-late": return text("breach.\(status)")
        default: return badge
        }
    }

    /// A retention rule as the run names it (`applicant role-filled 12m SE`): English as it is; otherwise the
    /// category and the event translated (`sökande 12m efter tillsättning, SE`), short enough for the desk's
    /// rule column. A rule of another shape (a restore) shows as it is.
    public func retentionRule(_ rule: String) -> String {
        guard self != .en else { return rule }
        if rule == RetentionQueue.datePassed { return text("retention.datePassed") }
        let words = rule.split(separator: " ").map(String.init)
        guard words.count >= 3, RetentionCategory(rawValue: words[0]) != nil, RetentionRule.Event(rawValue: words[1]) != nil
        else { return rule }
        let shown = text("retention.ruleText", ["category": text("retentionCategory.\(words[0])"),
                                                "event": text("retentionEvent.\(words[1])"), "period": words[2]])
        return words.count > 3 ? shown + ", " + words[3...].joined(separator: " ") : shown
    }

    /// A data category code (`psych-report`) as the screen names it.
    public func dataCategory(_ code: String) -> String {
        let key = "dataCategory.\(code)", shown = text(key)
        return shown == key ? code : shown
    }
}

extension App {
    /// The breach's 72-hour badge in the UI language.
    func breachBadge(_ b: BreachSummary) -> String { language.breachBadge(status: b.status, badge: b.badge) }

    /// A retention rule in the UI language.
    func retentionRule(_ rule: String) -> String { language.retentionRule(rule) }
}
