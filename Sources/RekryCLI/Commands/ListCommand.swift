import ArgumentParser
import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// `rekry list`: candidates as the acting identity may see them, with badges.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List or search candidates, with badges.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Search text: every word must start a word of name, email, phone, title or employer.")
    var search: String?

    @Option(name: .customLong("full-text"),
            help: "Full-text search of CVs and notes: candidates whose texts hold every word, best match first.")
    var fullText: String?

    @Option(help: "At most this many rows.")
    var limit: Int = 50

    // The value lists feed the shell completions (`rekry --generate-completion-script bash`).
    @Option(help: "Order: name, activity or stage.", completion: .list(CandidateQuery.Order.allCases.map(\.rawValue)))
    var sort: String = "name"

    @Option(help: "Only candidates whose badge shows this state (e.g. expiring, withdrawn, restricted, art14-notice-due).",
            completion: .list(BadgeState.allCases.map(\.rawValue)))
    var badge: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000, not \(limit)") }
        guard CandidateQuery.Order(rawValue: sort) != nil else {
            throw ValidationError("--sort must be one of name, activity, stage, not '\(sort)'")
        }
        if fullText != nil && (search != nil || badge != nil || sort != "name") {
            throw ValidationError("--full-text ranks by relevance and cannot be combined with --search, --badge or --sort")
        }
        if let fullText, SearchFolding.words(fullText).isEmpty {
            throw ValidationError("--full-text needs at least one word")
        }
        if let badge, BadgeState(word: badge) == nil {
            throw ValidationError("--badge: unknown state '\(badge)' (known: \(BadgeState.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let gate = try global.signIn()
        // Every read of the list is accounted for (without the query text); full text records itself.
        if fullText == nil { try gate.recordListReading(search == nil ? .browse : .search) }
        let rows = try fullText.map { try gate.fullTextSearch($0, limit: limit) } ?? page(gate)
        if json {
            print(try JSONOutput.string(CandidateList(rows: rows)))
        } else {
            for r in rows { print(TextOutput.row(r)) }
        }
    }

    /// Up to `limit` rows of the keyset-paged list.
    func page(_ gate: Gate) throws -> [CandidateRow] {
        let query = CandidateQuery(text: search ?? "", order: CandidateQuery.Order(rawValue: sort)!,
                                   badge: badge.flatMap(BadgeState.init(word:)))
        var rows: [CandidateRow] = []
        var seen = Set<Int64>()
        var anchor = PageAnchor.start
        while rows.count < limit {
            let page = try gate.page(query, from: anchor, limit: limit)
            for r in page where seen.insert(r.id).inserted && rows.count < limit { rows.append(r) }
            guard page.count == limit, let last = page.last else { break }
            anchor = .after(last.key)
        }
        return rows
    }
}
