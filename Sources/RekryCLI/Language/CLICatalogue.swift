import RekryTUI

/// The command line's messages, one catalogue per language, keyed by stable message keys.
///
/// Apart from the terminal UI's `Catalogue` so that the two grow without touching each other's files; the same
/// rules hold (every key in every language, none empty, the same `{name}` placeholders: `CommandLanguageTests`).
/// Keys start with the command that prints them (`erase.`, `import.`), or `show.` for the candidate's text.
enum CLICatalogue {
    /// The catalogue of `language`.
    static func messages(_ language: UILanguage) -> [String: String] {
        switch language {
        case .sv: sv
        case .nb: nb
        case .en: en
        }
    }
}

extension UILanguage {
    /// The command-line message `key` in this language, `{name}` filled from `args`. A key missing here falls
    /// back to English and then to the key itself, as the UI's `text` does, so a slip shows rather than nothing.
    func cli(_ key: String, _ args: [String: Any] = [:]) -> String {
        Self.fill(CLICatalogue.messages(self)[key] ?? CLICatalogue.en[key] ?? key, args)
    }
}
