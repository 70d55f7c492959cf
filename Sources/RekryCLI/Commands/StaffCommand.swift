import ArgumentParser
import Foundation
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// `rekry staff`: staff accounts (admins).
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "Manage staff accounts.",
                                                    subcommands: [Add.self, List.self, Remove.self, Rekey.self])

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
                throw ValidationError(say("input.oneOf", ["argument": "--role", "values": Role.allCases.map(\.rawValue).joined(separator: ", "), "text": role]))
            }
            if FileManager.default.fileExists(atPath: out) { throw ValidationError(say("input.outExists", ["path": out])) }
        }

        func run() throws {
            let gate = try global.signIn()
            // The identity file is written before the account commits: a failure leaves no stranded account.
            try gate.addStaff(username: username, role: Role(rawValue: role)!, displayName: name) { identity in
                try identity.write(to: out)
            }
            print(say("staff.added", ["user": username, "role": CLILanguage.word("role", role), "path": out]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff usernames and roles.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            // Tab-separated data for scripts: the role stays its code in every language.
            for s in try global.signIn().staffList() { print("\(s.username)\t\(s.role.rawValue)\t\(s.displayName)") }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a staff member's access (admins only).",
            discussion: "They can no longer sign in; their psychologist-report grants end and the keys wrapped for them are deleted.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The username.") var username: String

        func run() throws {
            try global.signIn().removeStaff(username: username)
            print(say("staff.removed", ["user": username]))
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a new identity for a staff member (a lost or leaked key; admins only).",
            discussion: "The old key stops working at once. Report access wrapped for the old key ends; a lead grants it again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The username.") var username: String
        @Option(help: ArgumentHelp("Where to write the new identity file.", valueName: "FILE")) var out: String

        func validate() throws {
            if FileManager.default.fileExists(atPath: out) { throw ValidationError(say("input.outExists", ["path": out])) }
        }

        func run() throws {
            try global.signIn().rekeyStaff(username: username) { identity in try identity.write(to: out) }
            print(say("staff.rekeyed", ["user": username, "path": out]))
        }
    }
}
