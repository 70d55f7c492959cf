import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry process`: recruitment processes.
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "process", abstract: "Recruitment processes.",
                                                    subcommands: [Open.self, List.self, Add.self, Move.self, Close.self, Employment.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a process (prints its id).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The role.") var title: String
        @Option(help: "The client (none: an internal role).") var client: String?
        @Option(help: "Country code.") var country: String = "SE"
        @Option(help: "What it is: recruitment (filling a role; closing it is the role filled) or assessment (an assessment assignment for a client; closing it is the assignment done).")
        var kind: String = "recruitment"

        func run() throws {
            let kind = try CommandInput.choice(kind, ProcessKind.self, argument: "--kind")
            print(try global.signIn().openProcess(title: title, client: client, country: country, kind: kind))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List processes, newest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only open ones.") var open = false

        func run() throws {
            for p in try global.signIn().processes(openOnly: open) {
                print("\(p.id)\t\(p.kind.rawValue)\t\(p.title)\t\(p.client ?? say("process.internal"))\t\(p.closedAt.map { say("process.closedOn", ["day": DayFormat.day($0)]) } ?? say("process.openSince", ["day": DayFormat.day(p.openedAt)]))")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a candidate to an open process.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process id.") var process: ProcessID
        @Argument(help: "The candidate id.") var candidate: CandidateID
        @Option(help: "The stage to start at.") var stage: String = "sourced"

        func run() throws {
            let s = try CommandInput.choice(stage, Stage.self, argument: "--stage")
            try global.signIn().addToProcess(candidateId: candidate.value, processId: process.value, stage: s)
            print(say("process.added", ["candidate": candidate.value, "process": process.value, "stage": CLILanguage.word("stage", s.rawValue)]))
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a candidate to another stage of an open process.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process id.") var process: ProcessID
        @Argument(help: "The candidate id.") var candidate: CandidateID
        @Option(help: "The new stage: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).") var stage: String

        func run() throws {
            let s = try CommandInput.choice(stage, Stage.self, argument: "--stage")
            try global.signIn().moveStage(candidateId: candidate.value, processId: process.value, to: s)
            print(say("process.moved", ["candidate": candidate.value, "stage": CLILanguage.word("stage", s.rawValue), "process": process.value]))
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a process with an outcome per candidate (leads only).",
            discussion: "Candidates named with --hired are hired; everyone else is not (unless they withdrew). Every grant on the process's psychologist reports ends; a report of a candidate not hired is destroyed (ciphertext and keys gone from every file), a hired candidate's is kept for the employment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process id.") var process: ProcessID
        @Option(help: "A hired candidate's id (repeat for each).") var hired: [CandidateID] = []

        func run() throws {
            let result = try global.signIn().closeProcess(process.value, hired: Set(hired.map(\.value)))
            print(say("process.closed", ["process": process.value, "hired": result.hired.count, "notHired": result.notHired.count,
                                        "destroyed": result.reportsDestroyed, "kept": result.reportsKept]))
            if result.destroyedBytesKept { FileHandle.standardError.write(Data("rekry: \(say("process.serverKept"))\n".utf8)) }
        }
    }

    struct Employment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record when a hire's employment started and ended.",
            discussion: "A firm's retention profile may keep a hired candidate's psychologist report or references until the employment ends (employment-end); this records that event.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process id.") var process: ProcessID
        @Argument(help: "The hired candidate's id.") var candidate: CandidateID
        @Option(help: "The first day of the employment (YYYY-MM-DD).") var start: String
        @Option(help: "The last day of the employment (YYYY-MM-DD), once known.") var end: String?

        func run() throws {
            let from = try CommandInput.day(start, argument: "--start")
            let to = try end.map { try CommandInput.day($0, argument: "--end") }
            try global.signIn().recordEmployment(candidateId: candidate.value, processId: process.value, start: from, end: to)
            print(end.map { say("process.employedUntil", ["candidate": candidate.value, "process": process.value, "start": start, "end": $0]) }
                  ?? say("process.employed", ["candidate": candidate.value, "process": process.value, "start": start]))
        }
    }
}
