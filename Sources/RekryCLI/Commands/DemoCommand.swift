import ArgumentParser
import Foundation
import RekryDomain
import RekryBackends
import RekryDemo
import RekryGate
import RekryStorage

/// `rekry demo`: a deterministic synthetic register plus one identity file per demo staff member.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo register with synthetic candidates and demo staff identities.",
        discussion: "Refuses to overwrite an existing register or identity file. Staff: recruiter, recruiter2, lead, dpo, admin.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many candidates.")
    var candidates: Int = 5_000

    @Option(help: "The seed: the same seed (on the same day) gives the same register.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Where to write the identity files (default: a folder beside the register).", valueName: "DIR"))
    var keys: String?

    @Flag(help: "Print no progress.")
    var quiet = false

    func validate() throws {
        guard candidates >= 0 && candidates <= 10_000_000 else {
            throw ValidationError(say("demo.badCount", ["n": candidates]))
        }
    }

    func run() throws {
        let path = global.files.databasePath
        let keysDir = keys ?? DemoCommand.defaultKeysDirectory(for: path)
        let today = Calendar.utc.startOfDay(for: Date())
        let result = try DemoRegister.create(at: path, options: .init(candidates: candidates, seed: seed, now: today, keysDirectory: keysDir)) { done in
            if !quiet && candidates >= 100_000 && done % 100_000 == 0 {
                FileHandle.standardError.write(Data((say("demo.progress", ["n": done]) + "\n").utf8))
            }
        }
        print(say("demo.created", ["path": path, "n": result.candidates, "seconds": String(format: "%.1f", result.seconds)]))
        print(say("demo.identities"))
        for (user, file) in result.identities { print("  \(user)\t\(file)") }
        print(say("demo.open", ["path": path, "identity": (keysDir as NSString).appendingPathComponent("recruiter.identity")]))
    }

    static func defaultKeysDirectory(for db: String) -> String {
        ((db as NSString).deletingLastPathComponent as NSString).appendingPathComponent("keys")
    }
}
