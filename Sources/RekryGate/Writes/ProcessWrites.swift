import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// What closing a process did, for the confirmation message.
public struct ProcessClosing: Sendable, Equatable {
    public var hired: [Int64]
    public var notHired: [Int64]
    /// Reports destroyed (candidates not hired): ciphertext, keys and grants gone from every file.
    public var reportsDestroyed: Int
    /// Reports kept for the employment (candidates hired), re-keyed for the leads who hold them.
    public var reportsKept: Int
    /// The destroyed reports' bytes stay in the storage's files until its administrator's job (PostgreSQL: VACUUM
    /// FULL and CHECKPOINT); false when the close's checkpoint left nothing of them (SQLite).
    public var destroyedBytesKept = false
}

extension Gate {
    /// Opens a recruitment process (an assignment for a client, or an internal role); returns its id.
    @discardableResult
    public func openProcess(title: String, client: String? = nil, country: String = "SE", kind: ProcessKind = .recruitment) throws -> Int64 {
        try requireWrite(.openProcess)
        guard let heading = try FieldRules.text(title, field: "--title", max: 200) else {
            throw RegisterError.invalidBecause(field: "--title", Wording("gate.rule.processTitle"))
        }
        let record = ProcessRecord(id: 0, title: heading, client: try FieldRules.text(client, field: "--client", max: 200),
                                   country: try FieldRules.country(country), openedAt: clock.now(), closedAt: nil, kind: kind)
        return try audited { tx in
            let id = try tx.session.insertProcess(record)
            try tx.audit(.processOpen, subject: nil, purpose: .recruitment, detail: "process=\(id) kind=\(kind.rawValue)")
            return id
        }
    }

    /// Processes, newest first (titles and clients: no candidate's personal data).
    public func processes(openOnly: Bool = false, limit: Int = 500) throws -> [RecruitmentProcess] {
        try require([.recruiter, .lead, .dpo], for: "list processes")
        return try reading { try $0.processes(openOnly: openOnly, limit: limit).map(\.process) }
    }

    /// Adds a candidate to an open process at `stage` (default: sourced), on the basis of the steps before
    /// a contract.
    public func addToProcess(candidateId: Int64, processId: Int64, stage: Stage = .sourced) throws {
        try requireWrite(.joinProcess)  // the role's part, before the process is read
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            let process = try openProcessRecord(s, processId)
            let record = try changeCandidate(tx, id: candidateId, action: .joinProcess) { _ in
                if try s.participation(candidateId: candidateId, processId: processId) != nil {
                    throw RegisterError.refusedBecause(Wording("gate.process.alreadyIn", ["id": "\(candidateId)", "process": "\(processId)", "title": "\(process.title)"]))
                }
                _ = try s.insertParticipation(ParticipationRecord(id: 0, candidateId: candidateId, processId: processId, stage: stage,
                                                                  startedAt: now, stageChangedAt: now, basis: .contract))
            }
            try tx.audit(.processJoin, subject: record.pseudonym, purpose: .recruitment, detail: "process=\(processId)")
        }
    }

    /// Moves a candidate to another stage of an open process. Outcomes (hired, rejected) are set by closing.
    public func moveStage(candidateId: Int64, processId: Int64, to stage: Stage) throws {
        guard stage != .hired else {
            throw RegisterError.invalidBecause(field: "--stage", Wording("gate.rule.hireByClosing", ["process": "\(processId)", "id": "\(candidateId)"]))
        }
        try requireWrite(.moveStage)  // the role's part, before the process is read
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            _ = try openProcessRecord(s, processId)
            let record = try changeCandidate(tx, id: candidateId, action: .moveStage) { _ in
                guard let p = try s.participation(candidateId: candidateId, processId: processId) else {
                    throw RegisterError.refusedBecause(Wording("gate.process.notIn", ["id": "\(candidateId)", "process": "\(processId)"]))
                }
                guard p.stage != stage else { throw RegisterError.refusedBecause(Wording("gate.process.alreadyAt", ["id": "\(candidateId)", "stage": .code("stage", stage.rawValue)])) }
                try s.updateStage(participationId: p.id, stage: stage, at: now)
            }
            try tx.audit(.stageMove, subject: record.pseudonym, purpose: .recruitment, detail: "process=\(processId) stage=\(stage.rawValue)")
        }
    }

    /// Closes a process: every participant gets an outcome (those in `hired` are hired, the rest not,
    /// unless they withdrew), every grant on its reports ends, a not-hired candidate's psychologist report
    /// is destroyed, and a hired candidate's is kept for the employment, re-keyed for the leads who hold it.
    /// Leads only. Both database files are checkpointed before this returns, so nothing destroyed lingers
    /// in a journal.
    @discardableResult
    public func closeProcess(_ processId: Int64, hired: Set<Int64>) throws -> ProcessClosing {
        try requireWrite(.closeProcess)
        let now = clock.now()
        let result = try audited { tx -> ProcessClosing in
            let s = tx.session
            _ = try openProcessRecord(s, processId)
            let participants = try s.participants(processId: processId)
            let ids = Set(participants.map(\.candidateId))
            if let stranger = hired.subtracting(ids).sorted().first {
                throw RegisterError.invalidBecause(field: "--hired", Wording("gate.process.notIn", ["id": "\(stranger)", "process": "\(processId)"]))
            }
            var closing = ProcessClosing(hired: [], notHired: [], reportsDestroyed: 0, reportsKept: 0)
            for p in participants {
                let outcome: Stage = hired.contains(p.candidateId) ? .hired : (p.stage == .withdrew ? .withdrew : .rejected)
                if outcome != p.stage { try s.updateStage(participationId: p.id, stage: outcome, at: now) }
                if outcome == .hired { closing.hired.append(p.candidateId) } else { closing.notHired.append(p.candidateId) }
            }
            try s.closeProcess(id: processId, at: now)
            for report in try s.reports(processId: processId) {
                if hired.contains(report.report.candidateId) {
                    try keepForEmployment(s, report, at: now)
                    closing.reportsKept += 1
                } else {
                    try s.deleteReport(id: report.report.id)
                    // Logged as an erasure of its own, with the report's id, so that a restore from an older
                    // backup destroys it again.
                    try s.recordCategoryErasure(CategoryErasureRecord(
                        subject: report.candidatePseudonym, category: ErasableCategory.psychReport.rawValue, erasedAt: now, request: nil,
                        actor: actor.pseudonym, rule: "psych-report process-closed 0d (not hired)", counts: "report=\(report.report.id)"))
                    try tx.audit(.reportDestroy, subject: report.candidatePseudonym, purpose: .recruitment, detail: "report=\(report.report.id)")
                    closing.reportsDestroyed += 1
                }
            }
            // Retention now counts from the close: every participant's derived columns change.
            let model = try writeModel(s)
            for p in participants {
                guard let record = try s.candidate(id: p.candidateId) else { continue }
                try s.updateCandidate(model.rederive(record, facts: try writeFacts(s, record, activity: now)))
            }
            try tx.audit(.processClose, subject: nil, purpose: .recruitment,
                         detail: "process=\(processId) hired=\(closing.hired.count) not-hired=\(closing.notHired.count)")
            return closing
        }
        try backend.checkpoint()
        var closed = result
        if closed.reportsDestroyed > 0 { closed.destroyedBytesKept = try backend.erasedBytesAwaitingAdministrator() > 0 }
        return closed
    }

    /// Records when a hire's employment started and (once known) ended: the events a firm's profile keeps
    /// a hired candidate's report and references by. Re-derives the candidate's retention date.
    ///
    /// Leads only, like the close that records the hire: the end starts the clocks that destroy a report or
    /// take references, so it is not a recruiter's to move. The role and the record's badge are checked before
    /// anything about the person's processes is looked up, so a refusal tells nothing of them; the employment
    /// cannot start before the hire, and an end once recorded is neither moved nor cleared.
    public func recordEmployment(candidateId: Int64, processId: Int64, start: Date, end: Date?) throws {
        try require([.lead], for: "process employment")
        if let end, end < start {
            throw RegisterError.invalidBecause(field: "--end", Wording("gate.rule.endBeforeStart", ["end": "\(DayFormat.day(end))", "start": "\(DayFormat.day(start))"]))
        }
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            guard let record = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
            try requireWrite(.closeProcess, badge: BadgePolicy.badge(for: record.badgeFacts, at: now), candidateId: candidateId)
            guard let p = try s.participation(candidateId: candidateId, processId: processId), p.stage == .hired else {
                throw RegisterError.refusedBecause(Wording("gate.process.notHired", ["id": "\(candidateId)", "process": "\(processId)"]))
            }
            let hired = CivilDate.day(of: p.stageChangedAt).date
            guard start >= hired else {
                throw RegisterError.invalidBecause(field: "--start", Wording("gate.rule.startBeforeHire", ["start": "\(DayFormat.day(start))", "hired": "\(DayFormat.day(hired))"]))
            }
            let current = try s.participations(candidateId: candidateId).first { $0.id == p.id }
            if let recordedEnd = current?.employmentEndAt, end != recordedEnd || current?.employmentStartAt != start {
                throw RegisterError.refusedBecause(Wording("gate.process.employmentEnded", ["id": "\(candidateId)", "process": "\(processId)", "day": "\(DayFormat.day(recordedEnd))"]))
            }
            try s.setEmployment(participationId: p.id, start: start, end: end)
            _ = try changeCandidate(tx, id: candidateId, action: .moveStage, countsAsActivity: false)
            try tx.audit(.processEmployment, subject: record.pseudonym, purpose: .recruitment,
                         detail: "process=\(processId) " + (end == nil ? "started" : "ended"))
        }
    }

    private func openProcessRecord(_ s: any StorageSession, _ processId: Int64) throws -> ProcessRecord {
        guard let process = try s.process(id: processId) else { throw RegisterError.missingRecord(Wording("gate.what.process", ["id": "\(processId)"])) }
        guard process.closedAt == nil else {
            throw RegisterError.refusedBecause(Wording("gate.process.closed", ["process": "\(processId)", "title": "\(process.title)", "day": "\(DayFormat.day(process.closedAt!))"]))
        }
        return process
    }

    /// Ends every grant on a hired candidate's report and keeps it readable for the employment: leads who
    /// held a key get a new grant from the close on; recruiters' keys are purged. When the closing lead can
    /// open the report it is re-keyed, so that a key unwrapped during the process opens nothing afterwards.
    private func keepForEmployment(_ s: any StorageSession, _ report: ReportInContext, at now: Date) throws {
        let id = report.report.id
        let signer = try signer(for: "close (keeping a hired candidate's report)")
        let trust = try self.trust(s)
        let oldKey = try ReportVault.dataKey(s, reportId: id, staffId: actor.id, privateKey: identity.privateKey)
        var keepers: [StaffAccount] = []
        // Only grants that verify (and, when this lead can open the report, prove their signer could too)
        // carry a lead on: a grant row written by hand keeps nobody.
        for grant in try s.grants(reportId: id) where grant.revokedAt == nil {
            try s.revokeGrants(reportId: id, staffId: grant.staffId, at: now, by: actor.id)
            let carried = oldKey.map { trust.grantCarries(grant, sealed: report.report.ciphertext, dataKey: $0) }
                ?? trust.grantVerifies(grant, sealed: report.report.ciphertext)
            if carried, let holder = trust.verified(grant.staffId),
               holder.role == .lead, holder.removedAt == nil, try s.wrappedKey(reportId: id, staffId: holder.id) != nil,
               !keepers.contains(where: { $0.id == holder.id }) {
                keepers.append(holder)
            } else if !keepers.contains(where: { $0.id == grant.staffId }) {
                try s.deleteKey(reportId: id, staffId: grant.staffId)
            }
        }
        var sealed = report.report.ciphertext
        var dataKey = oldKey
        if let oldKey {
            if !keepers.contains(where: { $0.id == actor.id }), let me = try s.staff(id: actor.id) { keepers.append(me) }
            let binding = ReportCipher.binding(reportId: id, candidatePseudonym: report.candidatePseudonym)
            let text = try ReportCipher.open(report.report.ciphertext, with: oldKey, binding: binding)
            let newKey = ReportCipher.newDataKey()
            sealed = try ReportCipher.seal(text, with: newKey, binding: binding)
            dataKey = newKey
            try s.updateCiphertext(reportId: id, sealed)
            try s.deleteKeys(reportId: id)
            for keeper in keepers { try ReportVault.storeKey(s, reportId: id, staffId: keeper.id, dataKey: newKey) }
        }
        for keeper in keepers {
            try RosterSigning.insertGrant(s, GrantRecord(id: 0, reportId: id, staffId: keeper.id, grantedBy: actor.id,
                                                         reason: "kept for the employment (hired)", grantedAt: now, revokedAt: nil, revokedBy: nil),
                                          sealed: sealed, dataKey: dataKey, by: signer)
        }
    }
}
