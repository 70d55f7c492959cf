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
    public func restoreCarry(since info: BackupInfo) throws -> RestoreCarry {
        try require([.dpo], for: "restore")
        return try reading { s in
            var entries: [AuditEntry] = []
            try s.forEachAuditEntry { if $0.seq > info.auditSeq { entries.append($0) } }
            // What went after the backup, by the audit log's order (signed and chained) and not only by the
            // clock: an erasure stamped before the backup's time by a clock running behind is still after its
            // last entry. The erasure logs by time are added, so neither source alone decides.
            let after = entries
            let log = try s.erasures(since: info.createdAt)
            var candidates = log.filter { $0.kind == .candidate }.map(\.subject)
            candidates += after.filter { $0.action == AuditAction.candidateErase.rawValue }.compactMap(\.subject)
            var referees = log.filter { $0.kind == .reference }.compactMap { ErasureRules.refereeId(subject: $0.subject) }
            referees += after.filter { $0.action == AuditAction.refereeErase.rawValue }.compactMap { $0.subject.flatMap(ErasureRules.refereeId) }
            var categories = try s.categoryErasures(since: info.createdAt)
            for entry in after {
                guard let subject = entry.subject else { continue }
                if entry.action == AuditAction.categoryErase.rawValue, let category = ErasureRules.value("category", in: entry.detail) {
                    categories.append(CategoryErasureRecord(subject: subject, category: category, erasedAt: entry.at, request: nil,
                                                            actor: entry.actor, rule: "restore", counts: ""))
                } else if entry.action == AuditAction.reportDestroy.rawValue {
                    categories.append(CategoryErasureRecord(subject: subject, category: ErasableCategory.psychReport.rawValue, erasedAt: entry.at,
                                                            request: nil, actor: entry.actor, rule: "restore",
                                                            counts: ErasureRules.value("report", in: entry.detail).map { "report=\($0)" } ?? ""))
                }
            }
            return RestoreCarry(entries: entries, erasedCandidates: Array(Set(candidates)).sorted(), erasedReferees: Array(Set(referees)).sorted(),
                                erasedCategories: categories)
        }
    }

    /// In a register restored from a backup: re-applies the erasures made after the backup (whole people,
    /// referees, and categories retention took), then records the restore. Returns how many erasures were
    /// applied again. The DPO.
    public func reapplyErasures(_ carry: RestoreCarry, backupTakenAt: Date) throws -> Int {
        try require([.dpo], for: "restore")
        let ids = try reading { s in try carry.erasedCandidates.compactMap { try s.candidateId(pseudonym: $0) } }
        if !ids.isEmpty { _ = try erase(candidateIds: ids, request: "restore") }
        var referees = 0
        for refereeId in carry.erasedReferees {
            guard let row = try reading({ try $0.referenceRow(refereeId: refereeId) }) else { continue }
            _ = try eraseReferee(referenceId: row, request: "restore")
            referees += 1
        }
        // Categories of people who stay: the same rule, applied again to the copy's rows. A report destroyed
        // at a process close goes by its id (the person may hold another report that was kept).
        let now = clock.now()
        var reports = 0
        for record in carry.erasedCategories where record.category == ErasableCategory.psychReport.rawValue {
            guard let id = ErasureRules.value("report", in: record.counts).flatMap(Int64.init) else { continue }
            reports += try audited { tx in
                guard try tx.session.reportById(id) != nil else { return 0 }
                try tx.session.deleteReport(id: id)
                try tx.audit(.reportDestroy, subject: record.subject, purpose: .recruitment, detail: "report=\(id) restore")
                return 1
            }
        }
        let parts = try reading { s in
            try carry.erasedCategories.compactMap { record -> CategoryDue? in
                guard ErasureRules.value("report", in: record.counts) == nil,
                      let id = try s.candidateId(pseudonym: record.subject), let category = ErasableCategory(rawValue: record.category) else { return nil }
                return CategoryDue(candidateId: id, subject: record.subject, category: category, rule: record.rule, dueAt: now, refusal: nil)
            }
        }
        let categories = try eraseCategories(parts, request: "restore").count + reports
        let total = ids.count + referees + categories
        try audited { try $0.audit(.registerRestore, subject: nil, purpose: .recruitment,
                                   detail: "backup-taken=\(Int64(backupTakenAt.timeIntervalSince1970)) erasures-reapplied=\(total)") }
        return total
    }
}

/// What a restore carries from the register it replaces: audit entries, and the erasures to apply again.
public struct RestoreCarry: Sendable {
    public var entries: [AuditEntry]
    /// Pseudonyms of candidates erased after the backup.
    public var erasedCandidates: [String]
    /// Referees erased after the backup, by referee id.
    public var erasedReferees: [Int64]
    public var erasedCategories: [CategoryErasureRecord]

    /// The changes to people made after the backup that a restore does not bring back: corrections
    /// (Art. 16), restrictions and objections (Art. 18, 21), consents recorded or withdrawn, items added. Each
    /// person (by pseudonym, erased people left out) with the kinds of change, in the audit log's order.
    /// Only erasures are applied again, from the pseudonymous logs; these are named so that someone does
    /// them again by hand (the audit log holds no personal data, so it cannot replay them).
    public var changesNotCarried: [(subject: String, actions: [String])] {
        let kinds: Set<String> = [
            AuditAction.candidateEdit, .consentRecord, .consentWithdraw, .restrictionSet, .restrictionLift, .objectionSet,
            .objectionLift, .noticeSent, .documentAdd, .noteAdd, .assessmentAdd, .referenceAdd, .reportAttach, .reportGrant,
            .reportRevoke, .processJoin, .stageMove, .processEmployment, .candidateAdd, .candidateImport,
        ].reduce(into: []) { $0.insert($1.rawValue) }
        let erased = Set(erasedCandidates)
        var order: [String] = [], actions: [String: [String]] = [:]
        for entry in entries where kinds.contains(entry.action) {
            guard let subject = entry.subject, !erased.contains(subject) else { continue }
            if actions[subject] == nil { order.append(subject) }
            if !(actions[subject]?.contains(entry.action) ?? false) { actions[subject, default: []].append(entry.action) }
        }
        return order.map { ($0, actions[$0]!) }
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
                throw RegisterError.refusedBecause(Wording("gate.backup.otherRegister"))
            }
            for e in entries { try s.appendAudit(e) }
            head = AuditHead(seq: entries.last!.seq, hash: entries.last!.hash)
        }
        if let head { try backend.auditHead?.writeHead(head) }
    }
}
