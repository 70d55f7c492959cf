import RekryDomain

/// Colours and glyphs, chosen once from the environment: `NO_COLOR` drops colour but keeps bold and reverse,
/// and a non-UTF-8 terminal gets ASCII badges.
public struct Theme: Sendable {
    public var colors: Bool
    public var unicode: Bool

    public init(colors: Bool, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }

    /// From the process environment: colour unless NO_COLOR is set and non-empty; Unicode under a UTF-8 locale.
    public static func fromEnvironment(_ env: [String: String], terminalHasColors: Bool = true) -> Theme {
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        return Theme(colors: terminalHasColors && !noColor, unicode: localeNamesUTF8(env))
    }

    /// Whether the locale the environment asks for (the first set of `LC_ALL`, `LC_CTYPE`, `LANG`, as the C
    /// library reads them) names the UTF-8 codeset: `sv_SE.UTF-8`, `C.utf8`, `nb_NO.UTF-8@euro`, or macOS's
    /// bare `UTF-8`. Installed or not: it says what the terminal takes. Read with the standard library only
    /// (Foundation's string search would start CoreFoundation, a cost on every first screen).
    public static func localeNamesUTF8(_ env: [String: String]) -> Bool {
        let name = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let afterDot = name.split(separator: ".", maxSplits: 1).last.map(String.init) ?? name
        let codeset = afterDot.split(separator: "@").first.map { String($0.uppercased().filter { $0 != "-" && $0 != "_" }) } ?? ""
        return codeset == "UTF8"
    }

    func color(_ c: TermColor, bold: Bool = false) -> Style { colors ? Style(fg: c, bold: bold) : Style(bold: bold) }

    var title: Style { Style(bold: true, reverse: true) }
    var header: Style { Style(bold: true, underline: true) }
    var selected: Style { Style(reverse: true) }
    var dim: Style { colors ? Style(dim: true) : .plain }
    var withheld: Style { colors ? Style(fg: .red, dim: true) : Style(underline: true) }
    var flash: Style { colors ? Style(fg: .yellow, bold: true) : Style(bold: true) }
    var destructive: Style { colors ? Style(fg: .red, bold: true) : Style(bold: true, reverse: true) }

    /// The style of a badge state: lapsed red, needing attention yellow, valid green, other bases cyan.
    func badge(_ state: BadgeState) -> Style {
        if state.isLapse { return colors ? Style(fg: .red, bold: true) : Style(bold: true) }
        if state.isWarning { return colors ? Style(fg: .yellow) : Style(underline: true) }
        if state == .consentValid { return color(.green) }
        return color(.cyan)
    }

    func short(_ state: BadgeState) -> String { unicode ? state.short : state.shortASCII }

    var retentionMarker: String { unicode ? "⌫" : "!" }
    var restrictedMarker: String { unicode ? "⊘" : "#" }
    var separator: String { unicode ? "│" : "|" }
}
