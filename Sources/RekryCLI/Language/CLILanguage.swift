import Foundation
import RekryDomain
import RekryTUI

/// The language the command line speaks to a person: `--lang` when given, else the environment as the
/// terminal UI reads it, else English. JSON, exit codes and the codes a script passes back stay English.
enum CLILanguage {
    /// The language of this run. Set once, while the arguments are parsed on the main thread and before any
    /// command runs (`GlobalOptions.validate`); until then the environment's, so that a command without
    /// `--lang` (and a mistake found before parsing ends) still speaks the reader's language.
    nonisolated(unsafe) static var current = UILanguage.choose(environment: ProcessInfo.processInfo.environment)

    /// A register code (`stage`, `purpose`, `source`, `request`) in words: the UI's word in Swedish and
    /// Norwegian; in English the code itself, as the command line has always printed it.
    static func word(_ kind: String, _ code: String) -> String {
        current == .en ? code : current.text("\(kind).\(code)")
    }
}

/// The command-line message `key` in the run's language (see `CLILanguage`).
func say(_ key: String, _ args: [String: Any] = [:]) -> String {
    CLILanguage.current.cli(key, args)
}

/// `one` or `other` by `n`: English, Swedish and Norwegian all have just the two forms.
func sayCount(_ key: String, _ n: Int, _ args: [String: Any] = [:]) -> String {
    say(key + (n == 1 ? ".one" : ".other"), args.merging(["n": n]) { $1 })
}
