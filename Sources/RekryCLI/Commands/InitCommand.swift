import ArgumentParser
import Foundation
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate

/// `rekry init`: a new, empty register with its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty register and its first admin.",
        discussion: "Writes the admin's identity file (mode 0600) before the account commits. The admin then adds staff with: rekry staff add.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The first admin's username (a-z, 0-9, '.', '_', '-'); on PostgreSQL also their login role and Unix login.", valueName: "USERNAME")) var admin: String?
    @Option(help: "The admin's full name.") var name: String?
    @Option(help: ArgumentHelp("Where to write the admin's identity file.", valueName: "IDENTITY_FILE")) var out: String?
    @Option(help: ArgumentHelp("Share the register with this Unix group: folder 2770, files 0660 (default: private, 0600).", valueName: "TEAM"))
    var group: String?
    @Option(help: ArgumentHelp("The firm's retention profile (see data/policies/); default: Rekry's built-in one.", valueName: "FILE"))
    var policy: String?
    @Flag(help: "PostgreSQL: apply the migrations a deployed register lacks, as its database administrator (nothing else is done).")
    var upgrade = false

    init() {}

    func validate() throws {
        if upgrade { return }
        guard admin != nil, name != nil, out != nil else {
            throw ValidationError(say("init.needsAdmin"))
        }
        if let out, FileManager.default.fileExists(atPath: out) { throw ValidationError(say("input.outExists", ["path": out])) }
    }

    func run() throws {
        let path = global.files.databasePath
        if upgrade {
            _ = try Registers.upgrade(at: path)
            print(say("init.upgraded", ["path": path]))
            return
        }
        guard let admin, let name, let out else { return }
        // A bad policy file is refused before anything is created.
        let profile = try policy.map { file -> (name: String, text: String) in
            let text = try CommandInput.text(of: file, argument: "--policy")
            _ = try RetentionPolicy.parse(text, file: file)
            return ((file as NSString).lastPathComponent, text)
        }
        let register = try Registers.create(at: path, group: group)
        do {
            let identity = try register.bootstrapAdmin(username: admin, displayName: name) { identity in
                do { try identity.write(to: out) } catch { throw CommandFailure.cannotCreate("\(error)") }
            }
            if let profile {
                try register.signIn(identity).setRetentionProfile(name: profile.name, text: profile.text)
            }
        } catch {
            // Nothing half-made: no register without an admin who holds a key.
            Registers.removeFiles(at: path)
            throw error
        }
        print(say("init.created", ["path": path, "admin": admin, "out": out, "profile": profile?.name ?? say("init.defaultProfile")]))
        print(say("init.next", ["path": path, "out": out]))
    }
}
