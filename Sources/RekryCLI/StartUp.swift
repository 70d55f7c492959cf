import ArgumentParser

extension RekryCommand {
    /// Runs the command line; opening the terminal UI, the common case, takes a shorter path.
    ///
    /// ArgumentParser learns a command's options by reflection, and the first reflection over a type costs
    /// the Swift runtime a scan of every protocol conformance in the binary: about 3 ms, a fifth of the
    /// budget for the first screen. `rekry [--db PATH] [--identity FILE] [--read-only] [--lang L]` is read by
    /// `OpenArguments` instead; any other argument list, including every mistake, goes to ArgumentParser,
    /// which gives the usual help and messages. A test holds the two parsers to the same reading.
    public static func runFromCommandLine() {
        guard let open = OpenArguments(Array(CommandLine.arguments.dropFirst())) else {
            // ArgumentParser reads `-5` as an option and reports a missing argument: say what is wrong instead.
            // No option of Rekry's takes a negative number, so a minus before digits is always a bad id.
            if let negative = CommandLine.arguments.dropFirst().first(where: { $0.count > 1 && $0.first == "-" && $0.dropFirst().allSatisfy(\.isASCII) && $0.dropFirst().allSatisfy(\.isNumber) }) {
                ExitStatus.exit(with: ValidationError("'\(negative)' is not an id: ids are positive whole numbers"))
            }
            do {
                var command = try parseAsRoot()
                try command.run()
            } catch {
                ExitStatus.exit(with: error)
            }
            return
        }
        do {
            try OpenCommand.open(open.files, readOnly: open.readOnly, language: open.language)
        } catch {
            ExitStatus.exit(with: error)
        }
    }
}

/// The terminal UI's own arguments, read without reflection (see `RekryCommand.runFromCommandLine`).
struct OpenArguments: Equatable {
    var files = SignInFiles()
    var readOnly = false
    /// `--lang`, when given (one of `LanguageOption.values`; anything else goes to ArgumentParser's message).
    var language: String?

    /// Reads `arguments`, or returns nil if they hold anything besides the UI's options, each given once
    /// with a non-empty value.
    init?(_ arguments: [String]) {
        var rest = arguments[...]
        var seen: Set<String> = []
        while let argument = rest.popFirst() {
            let (name, inline) = Self.split(argument)
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--read-only":
                guard inline == nil else { return nil }
                readOnly = true
            case "--db", "--identity":
                guard let value = inline ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
                if name == "--db" { files.db = value } else { files.identity = value }
            case "--lang":
                guard let value = inline ?? rest.popFirst(), LanguageOption.values.contains(value) else { return nil }
                language = value
            default:
                return nil
            }
        }
    }

    /// `--name=value` → ("--name", "value"); anything else → (argument, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }
}
