import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// Psychologist reports: sealed storage, need-to-know grants, and reading by grantees only.
///
/// The text is sealed under a data key that exists in the register only wrapped for each current grantee.
/// Granting unwraps it with the granting lead's key and wraps it for the grantee; revoking re-keys the
/// report, so that a key unwrapped earlier opens nothing written after the revocation.
enum ReportVault {
    /// The grant state of `staffId` for a report: grants end by themselves when the process closes.
    /// Only a grant whose signature verifies counts: a row written by hand grants nothing.
    static func grantState(_ s: any StorageSession, report: ReportInContext, staffId: Int64, trust: StaffTrust? = nil) throws -> ReportGrantState {
        let grants = try s.grants(reportId: report.report.id).filter { $0.staffId == staffId && $0.revokedAt == nil }
        guard !grants.isEmpty else { return .none }
        let trust = try trust ?? StaffTrust(s)
        guard let active = grants.first(where: { trust.grantVerifies($0, sealed: report.report.ciphertext) }) else { return .none }
        guard let closed = report.processClosedAt else { return .active }
        // After the process closes only a hired candidate's report stays, and only for grants given since.
        if report.hired && active.grantedAt >= closed { return .active }
        return .ended
    }

    static func meta(_ s: any StorageSession, candidateId: Int64) throws -> PsychReportMeta? {
        guard let r = try s.report(candidateId: candidateId) else { return nil }
        var grantees: [String] = []
        var grantors: [String] = []
        let trust = try StaffTrust(s)
        for g in try s.grants(reportId: r.report.id) where g.revokedAt == nil {
            guard let holder = trust.verified(g.staffId), holder.removedAt == nil,
                  try grantState(s, report: r, staffId: g.staffId, trust: trust) == .active else { continue }
            grantees.append(holder.username)
            if holder.role == .lead { grantors.append(holder.username) }
        }
        return PsychReportMeta(id: r.report.id, author: r.report.author, writtenAt: r.report.writtenAt,
                               attachedAt: r.report.attachedAt, processTitle: r.processTitle,
                               processClosedAt: r.processClosedAt, hired: r.hired,
                               grantees: grantees.sorted(), grantors: grantors.sorted())
    }

    static func dataKey(_ s: any ReportStoring, reportId: Int64, staffId: Int64,
                        privateKey: Curve25519.KeyAgreement.PrivateKey) throws -> SymmetricKey? {
        guard let w = try s.wrappedKey(reportId: reportId, staffId: staffId) else { return nil }
        return try ReportCipher.unwrap(ReportCipher.WrappedKey(ephemeralPublicKey: w.ephemeralPublicKey, sealed: w.sealedKey),
                                       with: privateKey)
    }

    static func storeKey(_ s: any StorageSession, reportId: Int64, staffId: Int64, dataKey: SymmetricKey) throws {
        guard let account = try s.staff(id: staffId) else { throw RegisterError.missingRecord(Wording("gate.what.staff", ["id": "\(staffId)"])) }
        let wrapped = try ReportCipher.wrap(dataKey, for: account.publicKey)
        try s.storeKey(WrappedReportKey(reportId: reportId, staffId: staffId, ephemeralPublicKey: wrapped.ephemeralPublicKey,
                                        sealedKey: wrapped.sealed))
    }

    static func requireReport(_ s: any StorageSession, candidateId: Int64) throws -> ReportInContext {
        guard try s.candidate(id: candidateId) != nil else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
        guard let report = try s.report(candidateId: candidateId) else {
            throw RegisterError.missingRecord(Wording("gate.what.report", ["id": "\(candidateId)"]))
        }
        return report
    }
}

extension Gate {
    /// Attaches a psychologist report to the candidate's current process. Leads only; needs the candidate's
    /// explicit consent (Art. 9). The attaching lead is granted access so that they can grant others.
    @discardableResult
    public func attachReport(candidateId: Int64, text: String, author: String, writtenAt: Date? = nil) throws -> Int64 {
        try require([.lead], for: "report attach")
        let signer = try signer(for: "report attach")
        guard !text.isEmpty else { throw RegisterError.invalidBecause(field: "report", Wording("gate.rule.reportEmpty")) }
        guard !author.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalidBecause(field: "--author", Wording("gate.rule.authorRequired"))
        }
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            let candidate = try requireReportWork(s, candidateId: candidateId, action: "report attach")
            return try masking(candidate, hiding: [.consent, .processes], action: "report attach") {
                let consent = Self.latestConsent(try s.consents(candidateId: candidateId), purpose: .psychAssessment)
                let state = consent.map { ConsentState.of(expiresAt: $0.expiresAt, withdrawnAt: $0.withdrawnAt, at: now) } ?? .neverGiven
                guard state.isUsable else {
                    throw RegisterError.refusedBecause(Wording("gate.report.noConsent", ["id": "\(candidateId)", "state": .code("gate.consentState", state.rawValue)]))
                }
                guard let participation = try s.participations(candidateId: candidateId).first(where: { $0.process.isOpen && !$0.isPlaceholder }) else {
                    throw RegisterError.refusedBecause(Wording("gate.report.noOpenProcess", ["id": "\(candidateId)"]))
                }
                if try s.hasReport(participationId: participation.id) {
                    throw RegisterError.refusedBecause(Wording("gate.report.alreadyAttached", ["id": "\(candidateId)"]))
                }
                let key = ReportCipher.newDataKey()
                // The id the ciphertext is bound to exists once the row does: the row is made with a blank
                // ciphertext of no meaning and sealed in the same transaction.
                let reportId = try s.insertReport(ReportRecord(id: 0, candidateId: candidateId, participationId: participation.id,
                                                               author: author, writtenAt: writtenAt ?? now, attachedAt: now,
                                                               attachedBy: actor.id, ciphertext: Data(count: 28)))
                let sealed = try ReportCipher.seal(text, with: key,
                    binding: ReportCipher.binding(reportId: reportId, candidatePseudonym: candidate.pseudonym))
                try s.updateCiphertext(reportId: reportId, sealed)
                try ReportVault.storeKey(s, reportId: reportId, staffId: actor.id, dataKey: key)
                try RosterSigning.insertGrant(s, GrantRecord(id: 0, reportId: reportId, staffId: actor.id, grantedBy: actor.id,
                                                             reason: "attached the report", grantedAt: now, revokedAt: nil, revokedBy: nil),
                                              sealed: sealed, dataKey: key, by: signer)
                try tx.audit(.reportAttach, subject: candidate.pseudonym, purpose: .recruitment)
                return reportId
            }
        }
    }

    /// Grants `username` access to the candidate's report, with a reason. Leads holding access only.
    public func grantReport(candidateId: Int64, to username: String, reason: String) throws {
        try require([.lead], for: "grant")
        let signer = try signer(for: "grant")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalidBecause(field: "--reason", Wording("gate.rule.grantReason"))
        }
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            _ = try requireReportWork(s, candidateId: candidateId, action: "grant")
            let report = try ReportVault.requireReport(s, candidateId: candidateId)
            // Whoever may not see the report on this record is not told its process's outcome by a refusal either.
            try masking(try s.candidate(id: candidateId), hiding: [.psychReportMeta, .processes], action: "grant") {
                let trust = try self.trust(s)
                guard let found = try s.staff(username: username) else { throw RegisterError.unknownStaff(username: username) }
                guard let grantee = trust.isSigned ? trust.verified(found.id) : found else {
                    throw RegisterError.refusedBecause(Wording("gate.report.granteeUnsigned", ["user": "\(username)"]))
                }
                guard grantee.role == .recruiter || grantee.role == .lead else {
                    throw RegisterError.refusedBecause(Wording("gate.report.granteeRole", ["user": "\(username)", "role": .role(grantee.role)]))
                }
                if report.processClosedAt != nil && !report.hired {
                    throw RegisterError.refusedBecause(Wording("gate.report.pastRetention", ["id": "\(candidateId)"]))
                }
                guard try ReportVault.grantState(s, report: report, staffId: actor.id) == .active,
                      let key = try ReportVault.dataKey(s, reportId: report.report.id, staffId: actor.id, privateKey: identity.privateKey) else {
                    throw RegisterError.refusedBecause(Wording("gate.report.cannotPassOn"))
                }
                // The key is passed on only for the report it opens, bound to this candidate: a report row moved
                // to another candidate by hand would otherwise be granted under the wrong person's name.
                guard (try? ReportCipher.open(report.report.ciphertext, with: key, binding: ReportCipher.binding(
                    reportId: report.report.id, candidatePseudonym: report.candidatePseudonym))) != nil else {
                    throw RegisterError.refusedBecause(Wording("gate.report.notTheirs", ["id": "\(candidateId)"]))
                }
                if try ReportVault.grantState(s, report: report, staffId: grantee.id) == .active {
                    throw RegisterError.refusedBecause(Wording("gate.report.alreadyGranted", ["user": "\(username)"]))
                }
                // An ended grant (process closed) is closed off before a new one is given.
                try s.revokeGrants(reportId: report.report.id, staffId: grantee.id, at: now, by: actor.id)
                try ReportVault.storeKey(s, reportId: report.report.id, staffId: grantee.id, dataKey: key)
                try RosterSigning.insertGrant(s, GrantRecord(id: 0, reportId: report.report.id, staffId: grantee.id, grantedBy: actor.id,
                                                             reason: reason, grantedAt: now, revokedAt: nil, revokedBy: nil),
                                              sealed: report.report.ciphertext, dataKey: key, by: signer)
                try tx.audit(.reportGrant, subject: report.candidatePseudonym, purpose: .recruitment, detail: "grantee=\(grantee.pseudonym)")
            }
        }
    }

    /// Revokes `username`'s grant and re-keys the report for the remaining grantees. Leads holding access only.
    public func revokeReport(candidateId: Int64, from username: String) throws {
        try require([.lead], for: "revoke")
        let signer = try signer(for: "revoke")
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            _ = try requireReportWork(s, candidateId: candidateId, action: "revoke")
            let report = try ReportVault.requireReport(s, candidateId: candidateId)
            guard let grantee = try s.staff(username: username) else { throw RegisterError.unknownStaff(username: username) }
            let open = try s.grants(reportId: report.report.id).filter { $0.revokedAt == nil }
            guard open.contains(where: { $0.staffId == grantee.id }) else {
                throw RegisterError.refusedBecause(Wording("gate.report.noGrant", ["user": "\(username)"]))
            }
            guard let oldKey = try ReportVault.dataKey(s, reportId: report.report.id, staffId: actor.id, privateKey: identity.privateKey) else {
                throw RegisterError.refusedBecause(Wording("gate.report.cannotRekey"))
            }
            // The new key is wrapped only for grants that verify and prove their signer held the key (a row
            // written by hand, or signed by a lead who never held this report, is not one), and each is
            // signed again over the new sealing, by this lead.
            let trust = try self.trust(s)
            let remaining = open.filter {
                $0.staffId != grantee.id && (trust.grantCarries($0, sealed: report.report.ciphertext, dataKey: oldKey)
                    || $0.staffId == actor.id && trust.grantVerifies($0, sealed: report.report.ciphertext))
            }
            guard !remaining.isEmpty else {
                throw RegisterError.refusedBecause(Wording("gate.report.lastGrant", ["user": "\(username)"]))
            }
            try s.revokeGrants(reportId: report.report.id, staffId: grantee.id, at: now, by: actor.id)
            for forged in open where forged.staffId != grantee.id && !remaining.contains(where: { $0.staffId == forged.staffId }) {
                try s.revokeGrants(reportId: report.report.id, staffId: forged.staffId, at: now, by: actor.id)
            }
            let binding = ReportCipher.binding(reportId: report.report.id, candidatePseudonym: report.candidatePseudonym)
            let text = try ReportCipher.open(report.report.ciphertext, with: oldKey, binding: binding)
            let newKey = ReportCipher.newDataKey()
            let sealed = try ReportCipher.seal(text, with: newKey, binding: binding)
            try s.updateCiphertext(reportId: report.report.id, sealed)
            try s.deleteKeys(reportId: report.report.id)
            for grant in remaining {
                guard let holder = trust.verified(grant.staffId) else { continue }
                try ReportVault.storeKey(s, reportId: report.report.id, staffId: holder.id, dataKey: newKey)
                let stamp = try RosterSigning.grantStamp(grant, granteeKey: holder.publicKey, sealed: sealed, by: signer, dataKey: newKey)
                try s.signGrant(id: grant.id, signedBy: actor.id, signature: stamp.signature, keyProof: stamp.proof)
            }
            try tx.audit(.reportRevoke, subject: report.candidatePseudonym, purpose: .recruitment, detail: "grantee=\(grantee.pseudonym)")
        }
        // Neither the old ciphertext nor the revoked member's wrapped key may linger in a journal.
        try backend.checkpoint()
    }

    /// Reads the candidate's psychologist report: the text for a current grantee, otherwise withheld with
    /// the reason. Both outcomes are audited. Nil when the candidate has no report.
    public func readReport(candidateId: Int64, purpose: Purpose = .recruitment) throws -> Gated<ReportText>? {
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            guard let candidate = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
            guard let report = try s.report(candidateId: candidateId) else { return nil }
            let consent = Self.latestConsent(try s.consents(candidateId: candidateId), purpose: .psychAssessment)
            let badge = BadgePolicy.badge(for: BadgeFacts(basis: .explicitConsent, consent: consent, restricted: candidate.restricted), at: now)
            let grant = try ReportVault.grantState(s, report: report, staffId: actor.id)
            var decision = decide(.psychReport, purpose: purpose, badge: badge, grant: grant, reportRetained: report.retained)
            // Whoever may not even see that the report exists is told only why (a restriction), never the
            // reason the text itself would be withheld (which tells how the process ended, or who holds grants).
            if decision != .allow, case .withhold(let hidden) = decide(.psychReportMeta, purpose: purpose, badge: badge) {
                decision = .withhold(hidden)
            }
            var key: SymmetricKey?
            if decision == .allow {
                key = try ReportVault.dataKey(s, reportId: report.report.id, staffId: actor.id, privateKey: identity.privateKey)
                if key == nil { decision = .withhold(.notGranted) }
            }
            switch decision {
            case .allow:
                try tx.audit(.reportRead, subject: report.candidatePseudonym, purpose: purpose)
                let text = try ReportCipher.open(report.report.ciphertext, with: key!,
                                                 binding: ReportCipher.binding(reportId: report.report.id, candidatePseudonym: report.candidatePseudonym))
                return .shown(ReportText(author: report.report.author, writtenAt: report.report.writtenAt, text: text), badge)
            case .withhold(let reason):
                try tx.audit(.reportReadDenied, subject: report.candidatePseudonym, purpose: purpose, detail: "reason=\(reason.rawValue)")
                return .withheld(badge, reason)
            }
        }
    }
}

extension Gate {
    /// The candidate, when the actor may know of their psychologist report at all; otherwise a refusal that
    /// names only the record's lapse. Checked before anything about the report is looked up, so that neither
    /// a success nor a refusal (no report, who holds a grant, how the process ended) tells a lead working a
    /// restricted record what its view withholds. A restricted record gets no new report and no new grantee.
    func requireReportWork(_ s: any StorageSession, candidateId: Int64, action: String) throws -> CandidateRecord {
        guard let candidate = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
        // Restriction (and a role that may not know of reports) hides the report's existence; the explicit
        // consent's own state is checked, and told, by the action itself.
        guard !candidate.restricted else {
            let reason = WithholdReason.restricted
            throw RegisterError.refusedBecause(Wording("gate.refusedFor", ["action": "\(action)", "id": "\(candidateId)", "reason": .reason(reason)]))
        }
        return candidate
    }
}
