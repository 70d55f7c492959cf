import ArgumentParser
import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// `rekry report attach`: store a psychologist report, sealed (leads).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Psychologist reports.",
                                                    subcommands: [Attach.self])

    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach a psychologist report to a candidate's open process (leads only).",
            discussion: "The text is encrypted; only you, and whoever you grant, can open it.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Argument(help: "A UTF-8 text file with the report.") var file: String
        @Option(help: "The psychologist who wrote it.") var author: String

        func run() throws {
            // A missing file is no input (66), a binary or empty one bad data (65), as for every other file.
            let text = try CommandInput.text(of: file, argument: "FILE")
            try global.signIn().attachReport(candidateId: id.value, text: text, author: author)
            print(say("report.attached", ["id": id.value]))
        }
    }
}

/// `rekry grant`: give a staff member access to a candidate's psychologist report (leads).
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Grant access to a candidate's psychologist report (leads only).",
                                                    discussion: "The grant ends by itself when the process closes.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "The staff member to grant.") var to: String
    @Option(help: "Why they need it.") var reason: String

    func run() throws {
        try global.signIn().grantReport(candidateId: id.value, to: to, reason: reason)
        print(say("report.granted", ["user": to, "id": id.value]))
    }
}

/// `rekry revoke`: take report access away; the report is re-keyed.
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke access to a candidate's psychologist report (leads only).",
                                                    discussion: "The report is re-encrypted under a new key for the remaining grantees.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "The staff member whose grant ends.") var from: String

    func run() throws {
        try global.signIn().revokeReport(candidateId: id.value, from: from)
        print(say("report.revoked", ["user": from, "id": id.value]))
    }
}
