import Foundation
import RekryDomain
import RekryStorage

/// What a backup folder says of itself (`backup.info`): when it was taken and how far its audit log goes.
public struct BackupInfo: Sendable, Codable, Equatable {
    public var schema = "rekry.backup/1"
    public var createdAt: Date
    /// The last audit entry the copy holds.
    public var auditSeq: Int64
    public var files: [String]
}

extension Gate {
    /// Writes a trace-free copy of the register into `directory` (the DPO and admins): nothing erased travels
    /// with it, and `restore` re-applies every erasure made after it.
    public func backup(to directory: String) throws -> BackupInfo {
        try require([.dpo, .admin], for: "backup")
        let now = clock.now()
        try audited { try $0.audit(.registerBackup, subject: nil, purpose: .recruitment) }
        let seq = try backend.read { try $0.lastAuditEntry()?.seq ?? 0 }
        let files = try backend.backup(into: directory)
        let info = BackupInfo(createdAt: now, auditSeq: seq, files: files.map { ($0 as NSString).lastPathComponent })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let path = directory + "/backup.info"
        guard FileManager.default.createFile(atPath: path, contents: try encoder.encode(info), attributes: [.posixPermissions: 0o600]) else {
            throw RegisterError.unreadable(path: path, reason: "cannot write the backup's description")
        }
        return info
    }

    /// What a restore carries over from this register into the copy: the audit entries after the backup's
    /// last one (pseudonymous, signed), and the erasures made since the backup was taken. The DPO.
    public func restoreCarry(since info: BackupInfo) throws -> (entries: [AuditEntry], erased: [String]) {
        try require([.dpo], for: "restore")
        return try reading { s in
            var entries: [AuditEntry] = []
            try s.forEachAuditEntry { if $0.seq > info.auditSeq { entries.append($0) } }
            let erased = try s.erasures(since: info.createdAt).filter { $0.kind == .candidate }.map(\.subject)
            return (entries, erased)
        }
    }

    /// In a register restored from a backup: re-applies the erasures made after the backup, then records the
    /// restore. Returns how many people were erased again. The DPO.
    public func reapplyErasures(_ subjects: [String], backupTakenAt: Date) throws -> Int {
        try require([.dpo], for: "restore")
        let ids = try reading { s in try subjects.compactMap { try s.candidateId(pseudonym: $0) } }
        if !ids.isEmpty { _ = try erase(candidateIds: ids, request: "restore") }
        try audited { try $0.audit(.registerRestore, subject: nil, purpose: .recruitment,
                                   detail: "backup-taken=\(Int64(backupTakenAt.timeIntervalSince1970)) erasures-reapplied=\(ids.count)") }
        return ids.count
    }
}

extension Register {
    /// Appends audit entries carried from the register a backup replaces (they continue the copy's chain),
    /// and records the new head. Refused unless the first one follows the copy's last entry.
    public func carryAuditEntries(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        var head: AuditHead?
        try backend.write { s in
            let last = try s.lastAuditEntry()
            guard entries[0].seq == (last?.seq ?? 0) + 1, entries[0].prevHash == (last?.hash ?? AuditEntry.genesisHash) else {
                throw RegisterError.refused("the register's audit log does not continue the backup's: it is not the register this backup was taken of")
            }
            for e in entries { try s.appendAudit(e) }
            head = AuditHead(seq: entries.last!.seq, hash: entries.last!.hash)
        }
        if let head { try backend.auditHead?.writeHead(head) }
    }
}
