import ArgumentParser
import Foundation
import RekryDomain
import RekryBackends
import RekryGate
import RekryStorage

/// `rekry erase`: erasure (Art. 17) of candidates, of everything retention says is due, or of a referee.
struct EraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase candidates and everything held about them, leaving no trace (recruiters, leads, the DPO).",
        discussion: """
            Prints what goes and what stays, then erases. Nothing of the person is left in any file of the register when it \
            reports success: the full-text index, the journals and freed pages included. --dry-run prints the preview only. \
            A person erased is suppressed (keyed hashes of email, phone and name with birth year) so that they are not added again.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate ids.") var ids: [CandidateID] = []
    @Option(help: "The request's reference in your ticket system (letters, digits, - _ . / #; never a name).") var request: String?
    @Flag(help: "Print what would go and stay; erase nothing.") var dryRun = false
    @Flag(help: "Erase everything the retention policy says is due (the DPO and leads).") var retentionDue = false
    @Option(help: "With --retention-due: at most this many candidates.") var limit = 10_000
    @Option(help: ArgumentHelp("With --retention-due: only this category (repeatable): whole people (candidate-profile, unused, applicant, assessment-candidate, talent-pool) or a part (contact-details, psych-report, reference-report, test-results).",
                               valueName: "category")) var category: [String] = []
    @Option(help: "Erase a referee (any of their reference ids) across every candidate they refer.") var reference: Int64?
    @Flag(help: "Do not ask for a typed confirmation on a terminal.") var yes = false
    @Flag(help: "Print the preview or the receipts as JSON.") var json = false

    func validate() throws {
        let modes = [!ids.isEmpty, retentionDue, reference != nil].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("name candidate ids, or --retention-due, or --reference ID (one of them)") }
    }

    func run() throws {
        let gate = try global.signIn()
        if let reference {
            if dryRun { throw ValidationError("--dry-run is for candidates; a referee's erasure removes only their own rows") }
            try confirm(say("erase.whatReferee", ["reference": reference]), typed: say("erase.typedReferee"))
            try emit([try gate.eraseReferee(referenceId: reference, request: request)])
            return
        }
        let (wholePeople, parts) = try retentionScope()
        let previews = retentionDue ? (wholePeople ? try gate.retentionDue(limit: limit) : [])
            : try gate.erasurePreview(candidateIds: ids.map(\.value))
        let due = retentionDue ? try gate.categoriesDue(parts, limit: limit) : []
        let doable = previews.filter { $0.refusal == nil }
        let doableParts = due.filter { $0.refusal == nil }
        if dryRun || !json { try show(previews, due) }
        if dryRun { return }
        if !retentionDue, let refused = previews.first(where: { $0.refusal != nil }) {
            throw refused.refusalWording.map(RegisterError.refusedBecause) ?? RegisterError.refused(refused.refusal!)
        }
        guard !doable.isEmpty || !doableParts.isEmpty else {
            if !json { print(say("erase.nothing")) } else { print(try JSONOutput.string(["receipts": [ErasureReceipt]()])) }
            return
        }
        let total = doable.count + doableParts.count
        try confirm(sayCount("erase.whatCandidates", doable.count)
                        + (doableParts.isEmpty ? "" : say("erase.whatCategories", ["n": doableParts.count])),
                    typed: total == 1 && doableParts.isEmpty ? String(doable[0].candidateId) : say("erase.typedCount", ["n": total]))
        var receipts = doable.isEmpty ? [] : try gate.erase(candidateIds: doable.map(\.candidateId), request: request) { done, total in
            if total > ErasureRulesForCLI.progressFrom, !json { FileHandle.standardError.write(Data((say("erase.progress", ["done": done, "total": total]) + "\n").utf8)) }
        }
        if !doableParts.isEmpty { receipts += try gate.eraseCategories(doableParts, request: request) }
        try emit(receipts)
        if receipts.contains(where: { !$0.bytesGone }) {
            let onServer = Registers.isServer(global.files.databasePath)
            FileHandle.standardError.write(Data("rekry: \(say(onServer ? "erase.serverKept" : "erase.journalKept"))\n".utf8))
            throw ExitCode(75)
        }
    }

    /// On a terminal, asks for `typed` to be typed back; elsewhere (scripts) `--yes` is implied.
    private func confirm(_ what: String, typed: String) throws {
        guard !yes, !json, isatty(STDIN_FILENO) != 0 else { return }
        print(say("erase.cannotUndo", ["what": what, "typed": typed]))
        print("> ", terminator: "")
        guard readLine()?.trimmingCharacters(in: .whitespaces) == typed else {
            throw RegisterError.refused(say("erase.notConfirmed"))
        }
    }

    /// Which parts of the retention run `--category` selects: whole people, and the categories on their own.
    private func retentionScope() throws -> (wholePeople: Bool, parts: [ErasableCategory]) {
        guard !category.isEmpty else { return (true, ErasableCategory.allCases) }
        guard retentionDue else { throw ValidationError("--category goes with --retention-due") }
        var whole = false, parts: [ErasableCategory] = []
        for name in category {
            if let typed = RetentionCategory(rawValue: name), typed.scope == .wholePerson { whole = true; continue }
            guard let part = ErasableCategory(rawValue: name) else {
                let known = RetentionCategory.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--category: '\(name)' is not a retention category (\(known))")
            }
            if !parts.contains(part) { parts.append(part) }
        }
        return (whole, parts)
    }

    private func show(_ previews: [ErasurePreview], _ due: [CategoryDue] = []) throws {
        if json {
            if retentionDue {
                struct Run: Encodable { var previews: [ErasurePreview]; var categories: [CategoryDue] }
                print(try JSONOutput.string(Run(previews: previews, categories: due)))
            } else {
                print(try JSONOutput.string(["previews": previews]))
            }
            return
        }
        for d in due {
            print(say("erase.categoryDue", ["id": d.candidateId, "subject": d.subject, "category": d.category.rawValue,
                                            "day": DayFormat.day(d.dueAt), "rule": d.rule])
                  + (phrased(d.refusalWording, d.refusal).map { say("erase.categoryRefused", ["refusal": $0]) } ?? ""))
        }
        for p in previews {
            print(say("erase.preview", ["id": p.candidateId, "subject": p.subject])
                  + (p.rule.map { say("erase.previewRule", ["rule": $0]) } ?? "") + (p.refusal == nil ? "" : say("erase.notErased")))
            if let refusal = phrased(p.refusalWording, p.refusal) { print("  \(refusal)") }
            print("  " + say("erase.goes"))
            for line in p.goes { print("    \(category(line.category)): \(line.count.map(String.init) ?? say("erase.notCounted"))") }
            print("  " + say("erase.stays"))
            for kept in p.stays { print("    \(phrased(kept.whatWording, kept.what)!): \(phrased(kept.whyWording, kept.why)!)") }
            if !p.recipients.isEmpty { print("  " + say("erase.tell", ["recipients": p.recipients.joined(separator: ", ")])) }
        }
    }

    /// The gate's sentence in the run's language: its wording when it carries one, else its English as given.
    private func phrased(_ wording: Wording?, _ english: String?) -> String? {
        wording.map(CLILanguage.current.phrase) ?? english
    }

    /// A category of the preview in the run's language (the terminal UI's word); in English as the gate names it.
    private func category(_ name: String) -> String {
        let key = "erasedCategory.\(name)"
        let word = CLILanguage.current.text(key)
        return CLILanguage.current == .en || word == key ? name : word
    }

    private func emit(_ receipts: [ErasureReceipt]) throws {
        if json { print(try JSONOutput.string(["receipts": receipts])); return }
        for r in receipts {
            let what = r.categories.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let scope = r.category.map { say("erase.receiptScope", ["category": $0, "rule": r.rule ?? ""]) } ?? ""
            print(say("erase.receipt", [
                "subject": r.subject, "scope": scope, "request": r.request.map { say("erase.receiptRequest", ["request": $0]) } ?? "",
                "what": what, "bytes": say(r.bytesGone ? "erase.bytesGone" : Registers.isServer(global.files.databasePath) ? "erase.bytesKeptOnServer" : "erase.bytesKept"), "resumed": r.resumed ? say("erase.resumed") : "",
            ]))
        }
    }
}

enum ErasureRulesForCLI {
    /// Batches larger than this report progress on standard error.
    static let progressFrom = 20
}

/// `rekry suppression lift`: lets an erased person be added again, when they ask to be (DPO).
struct SuppressionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suppression", abstract: "Suppression of erased people (DPO).",
                                                    subcommands: [Lift.self])

    struct Lift: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift an erased person's suppression (the pseudonym from their receipt), with a reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The erased person's pseudonym (c-…), from the erasure receipt.") var subject: String
        @Option(help: "Why (the person asked to be added again, and how).") var reason: String

        func run() throws {
            let n = try global.signIn().liftSuppression(subject: subject, reason: reason)
            print(sayCount("suppression.lifted", n, ["subject": subject]))
        }
    }
}
