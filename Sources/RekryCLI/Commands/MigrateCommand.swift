import ArgumentParser
import Foundation
import RekryBackends
import RekryGate
import RekryTUI

/// `rekry migrate`: moves a register from its SQLite file to a PostgreSQL server, ids, signatures and the
/// audit chain unchanged, and verifies the chain at the end.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Move a register from a SQLite file to a PostgreSQL server (the database administrator).",
        discussion: "Run as a role that may create databases and roles (e.g. sudo -u postgres). The target database must not hold a register yet. Everything is copied in one transaction: ids, staff records and their signatures, sealed reports and wrapped keys, and the audit log entry for entry, so that its chain continues; the chain is then walked on the server and must end where the file's ended. Staff sign in to the server with their own Unix logins and the same identity files.")

    @Option(help: ArgumentHelp("The register file to move.", valueName: "PATH")) var from: String
    @Option(help: ArgumentHelp("The server: a postgresql:// URL.", valueName: "URL")) var to: String
    @Option(name: .customLong("lang"), help: LanguageOption.help, completion: .list(LanguageOption.values))
    var lang: String?

    func validate() throws {
        try LanguageOption.validate(lang)
        if let lang, let chosen = UILanguage.parse(lang) { CLILanguage.current = chosen }
        guard Registers.isServer(to) else { throw ValidationError(say("migrate.toNotServer", ["to": to])) }
        guard !Registers.isServer(from) else { throw ValidationError(say("migrate.fromServer", ["from": from])) }
    }

    func run() throws {
        let began = Date()
        let report = try RegisterMove.move(from: from, to: to) { table, rows in
            FileHandle.standardError.write(Data(say("migrate.progress", ["table": table, "n": rows]).utf8 + [10]))
        }
        print(say("migrate.done", ["from": from, "to": report.target, "candidates": report.candidates, "entries": report.auditEntries,
                                   "head": String(report.head.prefix(16)), "seconds": String(format: "%.1f", Date().timeIntervalSince(began))]))
    }
}
