import ArgumentParser

/// `--lang`: the language of the terminal UI and of every command's messages to a person.
enum LanguageOption {
    /// The values `--lang` takes (and the shell completes).
    static let values = ["sv", "nb", "en"]

    static let help = ArgumentHelp("The UI language: sv, nb or en (default: LANGUAGE, LC_ALL, LC_MESSAGES or LANG; else en).",
                                   valueName: "language")

    /// Rejects anything but the three languages, before the terminal is taken over.
    static func validate(_ value: String?) throws {
        guard let value, !values.contains(value) else { return }
        throw ValidationError("--lang must be one of \(values.joined(separator: ", ")), not '\(value)'")
    }
}
