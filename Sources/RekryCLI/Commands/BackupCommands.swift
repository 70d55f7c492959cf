import ArgumentParser
import Foundation
import RekryBackends
import RekryCrypto
import RekryGate
import RekryStorage

/// `rekry backup`: a trace-free copy of the register (the DPO and admins).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a trace-free copy of the register into a folder (the DPO and admins).",
        discussion: "The copy holds no free pages or journals, so nothing erased travels with it; rekry restore re-applies every erasure made after it.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The folder to write the copy into (created; must not hold a register already).") var out: String

    func run() throws {
        let info = try global.signIn().backup(to: out)
        print(say("backup.done", ["path": out, "files": info.files.joined(separator: ", "), "seq": info.auditSeq]))
    }
}

/// `rekry restore`: puts a backup in place of the register, re-applying the erasures made since (the DPO).
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup in place of the register, erasing again everyone erased since it was taken (the DPO).",
        discussion: """
            The register at --db must be readable: its pseudonymous erasure log says who was erased after the backup, and its audit \
            log continues the copy's. The copy is prepared beside it and only then put in place; close every other Rekry session first.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup folder (from rekry backup).") var directory: String

    func run() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let infoPath = directory + "/backup.info"
        guard let data = FileManager.default.contents(atPath: infoPath) else {
            throw RegisterError.missing(path: infoPath)
        }
        let info: BackupInfo
        do { info = try decoder.decode(BackupInfo.self, from: data) } catch {
            throw RegisterError.invalid(field: infoPath, message: say("restore.notBackup", ["error": error]))
        }
        let target = global.files.databasePath
        let identity = try Identity.load(from: global.files.identityPath)
        let carry = try Registers.open(at: target).signIn(identity).restoreCarry(since: info)

        let staging = target + ".restoring"
        Registers.removeFiles(at: staging)
        guard let name = info.files.first else { throw RegisterError.invalid(field: infoPath, message: say("restore.noFiles")) }
        let source = directory + "/" + name
        for (from, to) in zip(Registers.files(at: source), Registers.files(at: staging)) where FileManager.default.fileExists(atPath: from) {
            try FileManager.default.copyItem(atPath: from, toPath: to)
            chmod(to, 0o600)
        }
        let reapplied: Int
        do {
            let restored = try Registers.open(at: staging)
            try restored.carryAuditEntries(carry.entries)
            reapplied = try restored.signIn(identity).reapplyErasures(carry, backupTakenAt: info.createdAt)
        } catch {
            Registers.removeFiles(at: staging)
            throw error
        }
        // The copy is whole and closed: it takes the register's place, file by file.
        for (from, to) in zip(Registers.files(at: staging), Registers.files(at: target)) {
            if FileManager.default.fileExists(atPath: from) {
                guard rename(from, to) == 0 else { throw RegisterError.unreadable(path: to, reason: String(cString: strerror(errno))) }
            } else {
                unlink(to)
            }
        }
        print(say("restore.done", ["path": target, "time": ISO8601DateFormatter().string(from: info.createdAt), "n": reapplied, "entries": carry.entries.count]))
        let notCarried = carry.changesNotCarried
        if !notCarried.isEmpty {
            // Said on standard error, since it asks for work: a correction or an objection made after the
            // backup is not in the restored register until someone makes it again.
            var lines = [sayCount("restore.notCarried", notCarried.count)]
            let restored = try? Registers.open(at: target)
            for change in notCarried {
                let id = (try? restored?.backend.read { try $0.candidateId(pseudonym: change.subject) }).flatMap { $0 }
                lines.append("  \(id.map { say("restore.candidate", ["id": $0]) } ?? say("restore.addedAfter")) \(change.subject): \(change.actions.joined(separator: ", "))")
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
