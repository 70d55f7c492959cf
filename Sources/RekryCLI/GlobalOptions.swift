import ArgumentParser
import Foundation
import RekryCrypto
import RekryDomain
import RekryBackends
import RekryDemo
import RekryGate
import RekryStorage
import RekryTUI

/// `--db`, `--identity` and `--lang`, shared by every command, with their environment and XDG defaults.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The register: a file, or a team's PostgreSQL server as a postgresql:// URL.", discussion: "Default: $REKRY_DB, else $XDG_DATA_HOME/rekry/rekry.sqlite. A URL names a Unix socket with host=/path (e.g. postgresql:///rekry?host=/var/run/postgresql); without a user, your Unix login signs in by peer authentication.", valueName: "PATH|URL"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Your identity file (private key).", discussion: "Default: $REKRY_IDENTITY, else $XDG_CONFIG_HOME/rekry/identity.", valueName: "FILE"))
    var identity: String?

    @Option(name: .customLong("lang"), help: LanguageOption.help, completion: .list(LanguageOption.values))
    var lang: String?

    /// Checks `--lang` and makes it the run's language: parsed before the command's own checks and its run,
    /// so that everything the command says to a person is in it.
    func validate() throws {
        try LanguageOption.validate(lang)
        if let lang, let chosen = UILanguage.parse(lang) { CLILanguage.current = chosen }
    }

    /// The files these options name, defaults applied.
    var files: SignInFiles { SignInFiles(db: db, identity: identity) }

    /// Opens the register and signs in: the only way a command gets at personal data.
    func signIn(clock: any TimeSource = SystemTime()) throws -> Gate {
        try files.signIn(clock: clock)
    }
}

/// The register and identity a command acts with: the given paths, else the environment, else XDG defaults.
struct SignInFiles: Equatable {
    var db: String?
    var identity: String?

    var databasePath: String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let p = env["REKRY_DB"], !p.isEmpty { return p }
        return (Paths.dataHome as NSString).appendingPathComponent("rekry/rekry.sqlite")
    }

    var identityPath: String {
        if let identity { return identity }
        let env = ProcessInfo.processInfo.environment
        if let p = env["REKRY_IDENTITY"], !p.isEmpty { return p }
        return (Paths.configHome as NSString).appendingPathComponent("rekry/identity")
    }

    /// Opens the register and signs in: the only way a command gets at personal data.
    func signIn(clock: any TimeSource = SystemTime()) throws -> Gate {
        let register = try Registers.open(at: databasePath)
        let identity = try Identity.load(from: identityPath)
        return try register.signIn(identity, clock: clock)
    }
}

/// XDG base directories.
enum Paths {
    static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }

    static var dataHome: String {
        if let p = ProcessInfo.processInfo.environment["XDG_DATA_HOME"], !p.isEmpty { return p }
        return (home as NSString).appendingPathComponent(".local/share")
    }

    static var configHome: String {
        if let p = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"], !p.isEmpty { return p }
        return (home as NSString).appendingPathComponent(".config")
    }
}

/// Parses a candidate id argument with a clear message.
struct CandidateID: ExpressibleByArgument {
    var value: Int64
    init?(argument: String) {
        guard let v = Int64(argument), v > 0 else { return nil }
        value = v
    }
    static var defaultValueDescription: String { "a positive candidate id" }
}
