import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry request`: the DPO's tracker of data subjects' requests (Art. 12(3)).
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Data subjects' requests and their deadlines (the DPO).",
        discussion: """
        The answer is due one calendar month after receipt (the month's last day when it has no such day), moved \
        off weekends and the public holidays of the firm's country (the country of the register's retention profile, SE or NO; --country overrides). \
        It may be extended by up to two further months, with a reason, when the person is told within the first month.
        """,
        subcommands: [Add.self, List.self, Extend.self, Close.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a request: whose, what, received when, identity verified how.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The candidate the request is from.") var candidate: CandidateID?
        @Option(help: "A referee the request is from (any of their reference ids).") var reference: CandidateID?
        @Option(help: "What is asked: \(RequestKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
        @Option(help: "The day it was received (YYYY-MM-DD).") var received: String
        @Option(name: .customLong("verified-by"), help: "How identity was verified: \(VerificationMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
        var verifiedBy: String
        @Option(help: "A short note on the verification (erased with the person).") var note: String?
        @Option(help: "The firm's ticket id (letters, digits, - _ . / #; never a name).") var ref: String?
        @Option(help: "Whose public holidays count: SE or NO (default: the firm's country).") var country: String?
        @Flag(help: "Print the request as JSON.") var json = false

        func run() throws {
            let subject: RequestDraft.Subject
            switch (candidate, reference) {
            case (let c?, nil): subject = .candidate(c.value)
            case (nil, let r?): subject = .reference(r.value)
            default: throw CommandFailure.badData(say("request.whose"))
            }
            let draft = RequestDraft(
                subject: subject, kind: try DeskInput.choice(kind, RequestKind.self, argument: "--kind"),
                received: try DeskInput.day(received, argument: "--received"),
                verifiedBy: try DeskInput.choice(verifiedBy, VerificationMethod.self, argument: "--verified-by"),
                note: note, reference: ref, country: try country.map { try DeskInput.choice($0, CalendarCountry.self, argument: "--country") })
            let r = try global.signIn().addRequest(draft)
            if json { return print(try JSONOutput.string(r)) }
            print(say("request.recorded", ["id": r.id, "kind": CLILanguage.word("request", r.kind.rawValue), "subject": r.subject,
                                           "due": r.due, "country": r.country.rawValue]))
            if r.secondExtractWithinYear { print(say("request.secondExtract", ["subject": r.subject])) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The requests with their deadlines and badges (audited).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only requests not yet closed (the default).") var open = false
        @Flag(help: "Closed requests too.") var all = false
        @Flag(help: "JSON (schema rekry.request-list/1, docs/json.md).") var json = false

        func validate() throws {
            if open && all { throw ValidationError("--open and --all: choose one") }
        }

        func run() throws {
            let list = try global.signIn().requests(openOnly: !all)
            if json { return print(try JSONOutput.string(list)) }
            guard !list.requests.isEmpty else { return print(say(all ? "request.none" : "request.noneOpen")) }
            print(RequestText.table(list))
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Extend the time to answer by 1 or 2 months (Art. 12(3)).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request id.") var id: CandidateID
        @Option(help: "Why (the complexity or number of requests), as told to the person.") var reason: String
        @Option(help: "Further months: 1 or 2 (two in all at most).") var months: Int
        @Option(name: .customLong("notice-given"), help: "The day the person was told (YYYY-MM-DD; default: today); within the first month.")
        var noticeGiven: String?

        func run() throws {
            let notice = try noticeGiven.map { try DeskInput.day($0, argument: "--notice-given") }
            let r = try global.signIn().extendRequest(id: id.value, months: months, reason: reason, noticeGiven: notice)
            print(sayCount("request.extended", months, ["id": r.id, "due": r.due]))
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a request, linking it to the audit entry of what was done.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request id.") var id: CandidateID
        @Option(name: .customLong("audit-entry"), help: "The sequence number of the audit entry of what was done (rekry audit show).")
        var auditEntry: Int64?
        @Option(help: "done (default) or refused (Art. 12(5); no entry needed).") var outcome: String = RequestOutcome.done.rawValue

        func run() throws {
            let outcome = try DeskInput.choice(outcome, RequestOutcome.self, argument: "--outcome")
            let r = try global.signIn().closeRequest(id: id.value, auditEntry: auditEntry, outcome: outcome)
            print(r.auditEntry.map { say("request.closedEntry", ["id": r.id, "outcome": outcome.rawValue, "entry": $0]) }
                  ?? say("request.closed", ["id": r.id, "outcome": outcome.rawValue]))
        }
    }
}

/// The request list as text: one line per request, pseudonyms only.
enum RequestText {
    static func table(_ list: RequestList) -> String {
        let headers = ["id", "badge", "kind", "subject", "received", "due"].map { say("request.column.\($0)") }
        var lines = [say("request.asOf", ["day": list.asOf]), pad(headers + [""])]
        for r in list.requests {
            var notes: [String] = []
            if r.secondExtractWithinYear { notes.append(say("request.secondExtractNote")) }
            if !r.onRegister { notes.append(say("request.personErased")) }
            if let entry = r.auditEntry { notes.append(say("request.entry", ["entry": entry])) }
            lines.append(pad([String(r.id), badge(r.status), CLILanguage.word("request", r.kind.rawValue), r.subject, r.received, r.due,
                              notes.joined(separator: "; ")]))
        }
        return lines.joined(separator: "\n")
    }

    /// A request's badge in words: `overdue`, `due soon, extended` (`RequestStatus.label` in English).
    static func badge(_ status: RequestStatus) -> String {
        let urgency = say("request.urgency.\(status.urgency.rawValue)")
        return status.extended && status.urgency != .closed ? urgency + ", " + say("request.extendedBadge") : urgency
    }

    static func pad(_ cells: [String]) -> String {
        let widths = [5, 20, 14, 20, 11, 11, 0]
        return zip(cells, widths).map { $1 == 0 ? $0 : $0.padding(toLength: max($1, $0.count + 1), withPad: " ", startingAt: 0) }
            .joined().trimmingCharacters(in: .whitespaces)
    }
}
