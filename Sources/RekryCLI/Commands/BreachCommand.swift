import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry breach`: the DPO's breach log (Art. 33) and the people to inform (Art. 34).
struct BreachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach", abstract: "Personal data breaches: the log, the 72-hour notification, the people to inform (the DPO).",
        subcommands: [Record.self, List.self, Notify.self, Recipients.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a breach: when it was discovered, what happened, whom and what it concerns, the measures.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "When it was discovered (YYYY-MM-DDTHH:MM, UTC): the 72 hours run from here.") var discovered: String
        @Option(help: "What happened (no names: link the people with --affected).") var what: String
        @Option(help: "The data categories concerned, comma-separated: \(DataCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
        var categories: String
        @Option(name: .customLong("approx-affected"), help: "About how many people are affected.") var approxAffected: Int
        @Option(help: "The measures taken or proposed.") var measures: String
        @Option(help: "Candidates known to be affected, comma-separated ids (the people to inform).") var affected: String?
        @Flag(help: "Print the breach as JSON.") var json = false

        func run() throws {
            let cats: [DataCategory]
            switch BreachCategories.parse(categories) {
            case .success(let c): cats = c
            case .failure(let e): throw CommandFailure.badData(say("breach.badCategories", ["error": e]))
            }
            guard approxAffected >= 0 else { throw CommandFailure.badData(say("breach.badCount", ["n": approxAffected])) }
            let draft = BreachDraft(discoveredAt: try DeskInput.minute(discovered, argument: "--discovered"), what: what, categories: cats,
                                    approxAffected: approxAffected, measures: measures,
                                    affected: try affected.map { try DeskInput.ids($0, argument: "--affected") } ?? [])
            let b = try global.signIn().recordBreach(draft)
            if json { return print(try JSONOutput.string(b)) }
            print(say("breach.recorded", ["id": b.id, "time": DayFormat.minute(b.notifyBy), "badge": BreachText.badge(b), "n": b.affected.count]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The breach log with the 72-hour badges (audited).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "JSON (schema rekry.breach-list/1, docs/json.md).") var json = false

        func run() throws {
            let list = try global.signIn().breaches()
            if json { return print(try JSONOutput.string(list)) }
            guard !list.breaches.isEmpty else { return print(say("breach.none")) }
            for b in list.breaches {
                print(say("breach.line", ["id": b.id, "badge": BreachText.badge(b), "time": DayFormat.minute(b.discoveredAt),
                                          "n": b.approxAffected, "categories": b.categories.map(\.rawValue).joined(separator: ",")])
                      + (b.notifiedAt.map { say("breach.notified", ["time": DayFormat.minute($0)]) }
                         ?? say("breach.notifyBy", ["time": DayFormat.minute(b.notifyBy)])))
                print("    " + say("breach.what", ["what": b.what]))
                print("    " + say("breach.measures", ["measures": b.measures]))
                if !b.affected.isEmpty { print("    " + say("breach.toInform", ["people": b.affected.joined(separator: " ")])) }
            }
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark the supervisory authority notified (Art. 33).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The breach id.") var id: CandidateID
        @Option(help: "When it was notified (YYYY-MM-DDTHH:MM, UTC; default: now).") var at: String?

        func run() throws {
            let b = try global.signIn().markBreachNotified(id: id.value, at: try at.map { try DeskInput.minute($0, argument: "--at") })
            print(say("breach.marked", ["id": b.id, "badge": BreachText.badge(b)]))
        }
    }

    struct Recipients: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The people to write to (Art. 34): name and contact details through the gate (audited per person).",
            discussion: "Without --out, a table on standard output; with it, JSON (schema rekry.breach-recipients/1) in a 0600 file.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The breach id.") var id: CandidateID
        @Option(help: "Write JSON to this file (0600, never over an existing file without --force).") var out: String?
        @Flag(help: "Replace an existing file.") var force = false

        func run() throws {
            if let out {
                guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
                try ExportTarget.check(out, force: force)
            }
            let list = try global.signIn().breachRecipients(id: id.value)
            guard let out else { return print(list.text) }
            for warning in try ExportWriter.write(try ExportJSON.data(list), to: out, force: force) {
                FileHandle.standardError.write(Data("rekry: warning: \(warning)\n".utf8))
            }
            print(sayCount("breach.wrote", list.recipients.count, ["path": out]))
        }
    }
}

/// A breach's 72-hour badge in words (`BreachStatus.label` in English), from its status code and deadline.
enum BreachText {
    static func badge(_ b: BreachSummary) -> String {
        guard CLILanguage.current != .en else { return b.badge }
        // The hours left are the gate's figure: recomputed from the deadline only for the words, as it does.
        let hours = Int((b.notifyBy.timeIntervalSinceNow / 3600).rounded(.down))
        return say("breach.badge.\(b.status)", ["hours": max(hours, 0)])
    }
}
