/// The language the terminal UI speaks: Swedish, Norwegian bokmål or English.
///
/// Only what a recruiter reads is translated; codes in the register, the command line and JSON stay English.
public enum UILanguage: String, CaseIterable, Sendable {
    case sv, nb, en

    /// The language of a language tag or locale name: `sv`, `sv_SE.UTF-8`, `nb-NO`, `no`, `nn_NO`, `en_GB`.
    /// Nynorsk and the bare `no` get bokmål: the firms write bokmål, and a nynorsk reader reads it. Nil for
    /// any other language (and for `C` and `POSIX`).
    public static func parse(_ name: String) -> UILanguage? {
        // The language part ends at the territory, the codeset or the modifier.
        let language = name.prefix { $0 != "_" && $0 != "-" && $0 != "." && $0 != "@" }.lowercased()
        switch language {
        case "sv": return .sv
        case "nb", "no", "nn": return .nb
        case "en": return .en
        default: return nil
        }
    }

    /// The language to use: `--lang` when given, else the environment as gettext reads it (the first usable
    /// entry of `LANGUAGE`, then the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    ///
    /// An unset or empty variable is skipped; a set one naming another language (`de_DE`) is skipped too, so
    /// that `LANG=sv_SE.UTF-8` still speaks Swedish under `LC_ALL=C`: the firms' staff read these three only.
    public static func choose(option: String? = nil, environment env: [String: String]) -> UILanguage {
        if let option, let chosen = parse(option) { return chosen }
        let list = (env["LANGUAGE"] ?? "").split(separator: ":").map(String.init)
        if let chosen = list.lazy.compactMap(parse).first { return chosen }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[name], let chosen = parse(value) { return chosen }
        }
        return .en
    }
}
