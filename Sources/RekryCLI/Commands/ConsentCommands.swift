import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry consent`: record, renew and withdraw consent.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "consent", abstract: "A candidate's consents (the history is kept).",
                                                    subcommands: [Record.self, Withdraw.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a consent, or renew one (a new record for the same purpose).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Option(help: "What it is for: \(ConsentPurpose.allCases.map(\.rawValue).joined(separator: ", ")).") var purpose: String
        @Option(help: "How it was given (web form, email, phone, in person).") var channel: String
        @Option(help: "The text the person agreed to, verbatim.") var text: String
        @Option(help: "When it was given (YYYY-MM-DD; default: now).") var given: String?
        @Option(help: "When it expires (YYYY-MM-DD).") var expires: String?

        func run() throws {
            let p = try CommandInput.choice(purpose, ConsentPurpose.self, argument: "--purpose")
            try global.signIn().recordConsent(candidateId: id.value, ConsentDraft(
                purpose: p, channel: channel, text: text, givenAt: try given.map { try CommandInput.day($0, argument: "--given") },
                expiresAt: try expires.map { try CommandInput.day($0, argument: "--expires") }))
            print(say("consent.recorded", ["purpose": CLILanguage.word("purpose", p.rawValue), "id": id.value]))
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw the latest consent for a purpose (Art. 7(3)).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Option(help: "Which consent.") var purpose: String

        func run() throws {
            let p = try CommandInput.choice(purpose, ConsentPurpose.self, argument: "--purpose")
            try global.signIn().withdrawConsent(candidateId: id.value, purpose: p)
            print(say("consent.withdrew", ["id": id.value, "purpose": CLILanguage.word("purpose", p.rawValue)]))
        }
    }
}

/// `rekry restrict`: restriction of processing (Art. 18), set or lifted with a reason.
struct RestrictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restrict", abstract: "Restrict processing (Art. 18: kept, not used), or lift it (DPO and leads).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "Why.") var reason: String
    @Flag(help: "Lift the restriction instead.") var lift = false

    func run() throws {
        try global.signIn().setRestriction(candidateId: id.value, restricted: !lift, reason: reason)
        print(say(lift ? "restrict.lifted" : "restrict.set", ["id": id.value]))
    }
}

/// `rekry object`: an objection to legitimate-interest processing (Art. 21), recorded or lifted with a reason.
struct ObjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "object", abstract: "Record an objection (Art. 21), or lift it (DPO and leads).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "Why.") var reason: String
    @Flag(help: "Lift the objection instead.") var lift = false

    func run() throws {
        try global.signIn().setObjection(candidateId: id.value, objected: !lift, reason: reason)
        print(say(lift ? "object.lifted" : "object.set", ["id": id.value]))
    }
}

/// `rekry notice`: the Art. 14 notice marked sent.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "Mark the Art. 14 notice sent (data not from the person).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "How it was sent (email, letter).") var channel: String
    @Option(help: "When (YYYY-MM-DD; default: now).") var sent: String?

    func run() throws {
        try global.signIn().markNoticeSent(candidateId: id.value, at: try sent.map { try CommandInput.day($0, argument: "--sent") },
                                           channel: channel)
        print(say("notice.marked", ["id": id.value]))
    }
}
