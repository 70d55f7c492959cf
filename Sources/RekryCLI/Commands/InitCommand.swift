import ArgumentParser
import Foundation
import RekryBackends
import RekryCrypto
import RekryGate

/// `rekry init`: a new, empty register with its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty register and its first admin.",
        discussion: "Writes the admin's identity file (mode 0600) before the account commits. The admin then adds staff with: rekry staff add.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The first admin's username (a-z, 0-9, '.', '_', '-').", valueName: "USERNAME")) var admin: String
    @Option(help: "The admin's full name.") var name: String
    @Option(help: ArgumentHelp("Where to write the admin's identity file.", valueName: "IDENTITY_FILE")) var out: String
    @Option(help: ArgumentHelp("Share the register with this Unix group: folder 2770, files 0660 (default: private, 0600).", valueName: "TEAM"))
    var group: String?

    func validate() throws {
        if FileManager.default.fileExists(atPath: out) { throw ValidationError("--out: \(out) already exists; refusing to overwrite it") }
    }

    func run() throws {
        let path = global.files.databasePath
        let register = try Registers.create(at: path, group: group)
        do {
            _ = try register.bootstrapAdmin(username: admin, displayName: name) { identity in
                do { try identity.write(to: out) } catch { throw CommandFailure.cannotCreate("\(error)") }
            }
        } catch {
            // Nothing half-made: no register without an admin who holds a key.
            Registers.removeFiles(at: path)
            throw error
        }
        print("Created the register \(path) with admin \(admin); identity written to \(out).")
        print("Next: rekry --db \(path) --identity \(out) staff add USERNAME --role recruiter --name \"FULL NAME\" --out FILE")
    }
}
