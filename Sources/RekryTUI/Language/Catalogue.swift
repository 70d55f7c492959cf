import RekryDomain

/// The messages of the terminal UI, one catalogue per language, keyed by stable message keys.
///
/// Keys are the same in every language (`CatalogueTests` checks that each catalogue has every key, none
/// empty, with the same `{name}` placeholders). A message names its parts `{like_this}` rather than by
/// position: Swedish and Norwegian put them in another order than English.
public enum Catalogue {
    /// The catalogue of `language`.
    public static func messages(_ language: UILanguage) -> [String: String] {
        switch language {
        case .sv: allSv
        case .nb: allNb
        case .en: allEn
        }
    }

    // The forms' and writes' messages live in files of their own (`Forms+sv`, `Writes+sv`…) to keep each file
    // readable; merged once here. A key in two parts is a slip: the first part's message wins.
    // The gate's sentences (`Wording`) are keyed the same way; their English lives with the gate (`GateWords`).
    static let allSv = sv.merging(svForms) { a, _ in a }.merging(svWrites) { a, _ in a }.merging(svGate) { a, _ in a }
    static let allNb = nb.merging(nbForms) { a, _ in a }.merging(nbWrites) { a, _ in a }.merging(nbGate) { a, _ in a }
    static let allEn = en.merging(enForms) { a, _ in a }.merging(enWrites) { a, _ in a }.merging(GateWords.en) { a, _ in a }

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
        Self.fill(Catalogue.messages(self)[key] ?? Catalogue.allEn[key] ?? key, args)
    }

    /// `message` with each `{name}` replaced by `args[name]` (a name without a value stays as written).
    /// Filled by hand, without Foundation's string search (it would start CoreFoundation on the first screen).
    public static func fill(_ message: String, _ args: [String: Any]) -> String {
        guard !args.isEmpty else { return message }
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

extension UILanguage {
    /// Each option's label in this language, from the keys `prefix.option` (`stage.final`): what a choice
    /// field shows while its value stays the code. None in English: there the codes are the words, and the
    /// same ones the command line takes.
    func labels(_ options: [String], _ prefix: String) -> [String: String] {
        guard self != .en else { return [:] }
        return Dictionary(uniqueKeysWithValues: options.map { ($0, text("\(prefix).\($0)")) })
    }

    /// A code as the screen shows it: as it is in English, else the message `prefix.code`.
    func code(_ code: String, _ prefix: String) -> String { self == .en ? code : text("\(prefix).\(code)") }
}
