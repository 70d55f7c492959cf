import RekryDomain

/// The badge vocabulary and the withheld reasons as the screen shows them, in the UI language. The
/// English codes stay the data of the command line and JSON (`BadgeState.code`); only the screen translates.
extension UILanguage {
    /// The code word of a state's short form: `samtycke`, `gallras`.
    public func badgeCode(_ state: BadgeState) -> String { text("badge.\(state.rawValue).code") }

    /// The short form for a list column: the sign and the code word (ASCII sign when `unicode` is off).
    public func badgeShort(_ state: BadgeState, unicode: Bool = true) -> String {
        (unicode ? state.glyph : state.asciiGlyph) + " " + badgeCode(state)
    }

    /// The long form, a sentence fragment.
    public func badgeLong(_ state: BadgeState) -> String { text("badge.\(state.rawValue).long") }

    /// Each state's long form, with the consent expiry date where there is one (as `Badge.longText`).
    public func badgeLongText(_ badge: Badge) -> String {
        badge.states.map { state -> String in
            if let at = badge.consentExpiresAt, state == .consentValid || state == .consentExpiring || state == .consentExpired {
                let key = state == .consentExpired ? "badge.expiredOn" : "badge.until"
                return "\(badgeLong(state)) (\(text(key, ["day": DayFormat.day(at)])))"
            }
            return badgeLong(state)
        }.joined(separator: "; ")
    }

    /// The sentence shown instead of withheld content.
    public func withheld(_ reason: WithholdReason) -> String { text("withheld.\(reason.rawValue)") }
}
