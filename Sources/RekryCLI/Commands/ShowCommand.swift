import ArgumentParser
import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// `rekry show ID`: one candidate, every item with its badge; the read is audited.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one candidate, with badges on every item.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The candidate id.")
    var id: CandidateID

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let gate = try global.signIn()
        var detail = try gate.candidate(id.value)
        // The report's text is asked for only where its existence is visible; the gate decides the rest.
        if detail.report?.value != nil { detail.reportText = try gate.readReport(candidateId: id.value) }
        print(json ? try JSONOutput.string(detail) : TextOutput.detail(detail))
    }
}
