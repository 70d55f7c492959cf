import ArgumentParser
import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// `rekry audit`: verify and read the hash-chained audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The tamper-evident audit log.",
                                                    subcommands: [Verify.self, Show.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the hash chain; name the first entry that was changed, removed or reordered.",
            discussion: "Prints the chain head: record it somewhere the database's editors cannot reach, and compare later.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            switch try global.signIn().verifyAudit() {
            case .intact(let count, let head):
                print(say("audit.intact", ["n": count, "head": head]))
            case .broken(let seq, let problem):
                FileHandle.standardError.write(Data((say("audit.broken", ["seq": seq, "problem": problem]) + "\n").utf8))
                throw ExitCode(2)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print audit entries (leads, the DPO and admins).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only entries about this candidate id.") var subject: CandidateID?
        @Option(help: "At most this many, newest last.") var limit: Int = 200

        func run() throws {
            let entries = try global.signIn().auditEntries(subjectCandidate: subject?.value, limit: limit)
            for e in entries {
                let actor = e.actorUsername.map { "\($0)(\(e.actor))" } ?? e.actor
                print("\(e.seq)\t\(DayFormat.minute(e.at))\t\(actor)\t\(e.action)\t\(e.subject ?? "-")\t\(e.purpose)\t\(e.detail)\t\(e.hash.prefix(12))")
            }
        }
    }
}
