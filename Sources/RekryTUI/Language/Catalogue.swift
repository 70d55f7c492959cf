/// The messages of the terminal UI, one catalogue per language, keyed by stable message keys.
///
/// Keys are the same in every language (`CatalogueTests` checks that each catalogue has every key, none
/// empty, with the same `{name}` placeholders). A message names its parts `{like_this}` rather than by
/// position: Swedish and Norwegian put them in another order than English.
public enum Catalogue {
    /// The catalogue of `language`.
    public static func messages(_ language: UILanguage) -> [String: String] {
        switch language {
        case .sv: sv
        case .nb: nb
        case .en: en
        }
    }

    /// The `{name}` placeholders of a message, in order of appearance.
    public static func placeholders(_ message: String) -> [String] {
        var names: [String] = []
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension UILanguage {
    /// The message `key` in this language, `{name}` filled from `args`. A key missing here falls back to
    /// English and then to the key itself, so a slip shows on screen rather than as nothing.
    public func text(_ key: String, _ args: [String: Any] = [:]) -> String {
        let message = Catalogue.messages(self)[key] ?? Catalogue.en[key] ?? key
        guard !args.isEmpty else { return message }
        // Filled by hand, without Foundation's string search (it would start CoreFoundation on the first screen).
        var out = "", rest = Substring(message)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += args[name].map { "\($0)" } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `n` with its digits grouped by threes: `10 000` (narrow no-break space) in Swedish and Norwegian,
    /// `10,000` in English. Grouped by hand: a locale-aware number format loads ICU on first use.
    public func grouped(_ n: Int) -> String {
        let separator: Character = self == .en ? "," : "\u{202F}"
        var digits = String(n.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(separator, at: index)
        }
        return n < 0 ? "-" + digits : digits
    }
}
