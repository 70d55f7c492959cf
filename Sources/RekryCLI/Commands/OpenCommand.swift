import ArgumentParser
import Foundation
import RekryCrypto
import RekryDomain
import RekryBackends
import RekryDemo
import RekryGate
import RekryStorage
import RekryTUI
import RekryTerminal

/// `rekry` (no subcommand): the terminal UI as the acting identity.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the terminal UI (the default).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("read-only"), help: "Drop every destructive action.")
    var readOnly = false

    /// `--lang`, which every command takes with the global options (the UI's language here).
    var language: String? { global.lang }

    func run() throws {
        try Self.open(global.files, readOnly: readOnly, language: language)
    }

    /// Signs in with `files` and runs the terminal UI until the user quits.
    static func open(_ files: SignInFiles, readOnly: Bool, language: String? = nil) throws {
        // The usual mistakes (a wrong path, a file others can read, a damaged identity) are reported here,
        // before the terminal is taken over; the register then opens while the terminal is set up.
        let identity = try Identity.load(from: files.identityPath)
        let path = files.databasePath
        try Registers.checkFile(at: path)
        // Commands run on the main thread, where every curses call must stay.
        try MainActor.assumeIsolated {
            try TerminalLauncher.run(readOnly: readOnly, language: language) { try Registers.open(at: path).signIn(identity) }
        }
    }
}

/// `rekry try`: creates a demo register on first run and opens the UI on it as the demo recruiter.
struct TryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "try",
        abstract: "Open the terminal UI on a demo register, creating it on first run.",
        discussion: "The demo lives in $XDG_DATA_HOME/rekry/demo/ (5,000 candidates, seed 1).")

    @Option(help: "Which demo staff member to act as: recruiter, recruiter2, lead, dpo or admin.")
    var `as`: String = "recruiter"

    @Flag(name: .customLong("read-only"), help: "Drop every destructive action.")
    var readOnly = false

    @Option(name: .customLong("lang"), help: LanguageOption.help, completion: .list(LanguageOption.values))
    var language: String?

    func validate() throws {
        try LanguageOption.validate(language)
        if let language, let chosen = UILanguage.parse(language) { CLILanguage.current = chosen }
        guard DemoRegister.staff.contains(where: { $0.username == `as` }) else {
            throw ValidationError(say("input.oneOf", ["argument": "--as", "values": DemoRegister.staff.map(\.username).joined(separator: ", "), "text": `as`]))
        }
    }

    func run() throws {
        let dir = (Paths.dataHome as NSString).appendingPathComponent("rekry/demo")
        let db = (dir as NSString).appendingPathComponent("demo.sqlite")
        let keys = (dir as NSString).appendingPathComponent("keys")
        if !FileManager.default.fileExists(atPath: db) {
            print(say("try.creating", ["dir": dir]))
            _ = try DemoRegister.create(at: db, options: .init(candidates: 5_000, seed: 1, now: Calendar.utc.startOfDay(for: Date()), keysDirectory: keys))
        }
        try OpenCommand.open(SignInFiles(db: db, identity: (keys as NSString).appendingPathComponent("\(`as`).identity")),
                             readOnly: readOnly, language: language)
    }
}
