import ArgumentParser
import Foundation
import RekryCrypto
import RekryDomain
import RekryStore

/// `rekry staff`: staff accounts (admins).
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "Manage staff accounts.",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a staff member and write their identity file (admins only).",
            discussion: "The register keeps only the public key. Hand the identity file to the person; it is written with mode 0600.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username: 1 to 64 of a-z, 0-9, '.', '_', '-'.") var username: String
        @Option(help: "Role: recruiter, lead, dpo or admin.") var role: String
        @Option(help: "Display name.") var name: String
        @Option(help: ArgumentHelp("Where to write the new identity file.", valueName: "FILE")) var out: String

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")), not '\(role)'")
            }
            if FileManager.default.fileExists(atPath: out) { throw ValidationError("--out: \(out) already exists; refusing to overwrite it") }
        }

        func run() throws {
            let gate = try global.signIn()
            let identity = try gate.addStaff(username: username, role: Role(rawValue: role)!, displayName: name)
            do {
                try identity.write(to: out)
            } catch {
                FileHandle.standardError.write(Data("The account was added but its identity could not be written: \(error)\n".utf8))
                throw ExitCode(1)
            }
            print("Added \(username) (\(role)); identity written to \(out)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff usernames and roles.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            for s in try global.signIn().staffList() { print("\(s.username)\t\(s.role.rawValue)\t\(s.displayName)") }
        }
    }
}
