import ArgumentParser
import Foundation
import RekryGate

/// `rekry check`: is the register sound? SQLite's integrity check on both files, the signatures on staff
/// records and grants, and the audit chain with its entries' signatures.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the register's files and its audit log (leads, the DPO and admins).",
        discussion: "Exit 0 when sound, 65 when a file is damaged, 2 when the audit log is broken or a staff record or grant carries no valid signature. Reads every page: minutes at a million candidates.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let result = try global.signIn().checkRegister()
        for (part, problems) in result.parts {
            if problems.isEmpty {
                print(say("check.ok", ["part": part]))
            } else {
                print(say("check.damaged", ["part": part]))
                for p in problems.prefix(20) { print("  \(p)") }
            }
        }
        if result.signatureProblems.isEmpty {
            print(say("check.signaturesOk"))
        } else {
            print(say("check.signaturesNotTrusted"))
            for p in result.signatureProblems.prefix(20) { print("  \(p)") }
        }
        switch result.audit {
        case .intact(let count, let head): print(say("check.auditIntact", ["n": count, "head": head]))
        case .broken(let seq, let problem): print(say("check.auditBroken", ["seq": seq, "problem": problem]))
        }
        if result.parts.contains(where: { !$0.problems.isEmpty }) { throw ExitCode(65) }
        if case .broken = result.audit { throw ExitCode(2) }
        if !result.signatureProblems.isEmpty { throw ExitCode(2) }
    }
}
