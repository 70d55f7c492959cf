import Crypto
import Foundation
import GRDB
import RekryCrypto
import RekryDomain

/// Psychologist reports: sealed storage, need-to-know grants, and reading by grantees only.
///
/// The text is sealed under a data key that exists in the file only wrapped for each current grantee.
/// Granting unwraps it with the granting lead's key and wraps it for the grantee; revoking re-keys the
/// report, so that a key unwrapped earlier opens nothing written after the revocation.
enum ReportVault {
    struct ReportRow {
        var id: Int64
        var candidateId: Int64
        var pseudonym: String
        var author: String
        var writtenAt: Date
        var attachedAt: Date
        var ciphertext: Data
        var processTitle: String
        var processClosedAt: Date?
        var stage: Stage

        var hired: Bool { stage == .hired }
        /// Kept while the process runs, and for the employment if the candidate was hired.
        var retained: Bool { processClosedAt == nil || hired }
    }

    static func report(_ db: Database, candidateId: Int64) throws -> ReportRow? {
        try Row.fetchOne(db, sql: """
            SELECT r.*, c.pseudonym, pr.title AS processTitle, pr.closedAt, p.stage
            FROM psychReport r JOIN candidate c ON c.id = r.candidateId
            JOIN participation p ON p.id = r.participationId JOIN process pr ON pr.id = p.processId
            WHERE r.candidateId = ? ORDER BY r.attachedAt DESC LIMIT 1
            """, arguments: [candidateId]).map {
            ReportRow(id: $0["id"], candidateId: $0["candidateId"], pseudonym: $0["pseudonym"], author: $0["author"],
                      writtenAt: Date(sql: $0["writtenAt"]), attachedAt: Date(sql: $0["attachedAt"]),
                      ciphertext: $0["ciphertext"], processTitle: $0["processTitle"],
                      processClosedAt: ($0["closedAt"] as Double?).date, stage: Stage(rawValue: $0["stage"]) ?? .sourced)
        }
    }

    /// The grant state of `staffId` for a report at `now`: grants end by themselves when the process closes.
    static func grantState(_ db: Database, report: ReportRow, staffId: Int64) throws -> ReportGrantState {
        let grants = try Row.fetchAll(db, sql: "SELECT grantedAt, revokedAt FROM reportGrant WHERE reportId = ? AND staffId = ?",
                                      arguments: [report.id, staffId])
        guard let active = grants.first(where: { ($0["revokedAt"] as Double?) == nil }) else {
            return .none
        }
        guard let closed = report.processClosedAt else { return .active }
        // After the process closes only a hired candidate's report stays, and only for grants given since.
        if report.hired && Date(sql: active["grantedAt"]) >= closed { return .active }
        return .ended
    }

    static func meta(_ db: Database, candidateId: Int64, now: Date) throws -> PsychReportMeta? {
        guard let r = try report(db, candidateId: candidateId) else { return nil }
        let holders = try Row.fetchAll(db, sql: """
            SELECT s.id, s.username, s.role FROM reportGrant g JOIN staff s ON s.id = g.staffId
            WHERE g.reportId = ? AND g.revokedAt IS NULL ORDER BY s.username
            """, arguments: [r.id])
        var grantees: [String] = []
        var grantors: [String] = []
        for h in holders where try grantState(db, report: r, staffId: h["id"]) == .active {
            grantees.append(h["username"])
            if h["role"] == Role.lead.rawValue { grantors.append(h["username"]) }
        }
        return PsychReportMeta(id: r.id, author: r.author, writtenAt: r.writtenAt, attachedAt: r.attachedAt,
                               processTitle: r.processTitle, processClosedAt: r.processClosedAt, hired: r.hired,
                               grantees: grantees, grantors: grantors)
    }

    static func dataKey(_ db: Database, reportId: Int64, staffId: Int64, privateKey: Curve25519.KeyAgreement.PrivateKey) throws -> SymmetricKey? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM reportKey WHERE reportId = ? AND staffId = ?",
                                         arguments: [reportId, staffId]) else { return nil }
        return try ReportCipher.unwrap(ReportCipher.WrappedKey(ephemeralPublicKey: row["ephemeralPublicKey"],
                                                               sealed: row["sealedKey"]), with: privateKey)
    }

    static func storeKey(_ db: Database, reportId: Int64, staffId: Int64, dataKey: SymmetricKey) throws {
        let publicKey = try Data.fetchOne(db, sql: "SELECT publicKey FROM staff WHERE id = ?", arguments: [staffId])!
        let wrapped = try ReportCipher.wrap(dataKey, for: publicKey)
        try db.execute(sql: "INSERT OR REPLACE INTO reportKey(reportId, staffId, ephemeralPublicKey, sealedKey) VALUES (?, ?, ?, ?)",
                       arguments: [reportId, staffId, wrapped.ephemeralPublicKey, wrapped.sealed])
    }
}

extension Gate {
    /// Attaches a psychologist report to the candidate's current process. Leads only; needs the candidate's
    /// explicit consent (Art. 9). The attaching lead is granted access so that they can grant others.
    @discardableResult
    public func attachReport(candidateId: Int64, text: String, author: String, writtenAt: Date? = nil) throws -> Int64 {
        try require([.lead], for: "report attach")
        guard !text.isEmpty else { throw RegisterError.invalid(field: "report", message: "the report file is empty") }
        guard !author.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalid(field: "--author", message: "the author is required")
        }
        let now = clock.now()
        return try db.write { db in
            guard let pseudonym = try String.fetchOne(db, sql: "SELECT pseudonym FROM candidate WHERE id = ?", arguments: [candidateId]) else {
                throw RegisterError.notFound(what: "candidate \(candidateId)")
            }
            let consent = Self.latestConsent(try Self.consentRecords(db, candidateId: candidateId), purpose: .psychAssessment)
            let state = consent.map { ConsentState.of(expiresAt: $0.expiresAt, withdrawnAt: $0.withdrawnAt, at: now) } ?? .neverGiven
            guard state.isUsable else {
                throw RegisterError.refused("candidate \(candidateId): no valid explicit consent for a psychological assessment (consent \(state.rawValue)); record it before attaching a report")
            }
            guard let participation = try Int64.fetchOne(db, sql: """
                SELECT p.id FROM participation p JOIN process pr ON pr.id = p.processId
                WHERE p.candidateId = ? AND pr.closedAt IS NULL ORDER BY p.startedAt DESC LIMIT 1
                """, arguments: [candidateId]) else {
                throw RegisterError.refused("candidate \(candidateId): not in an open process; a report belongs to a process")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM psychReport WHERE participationId = ?", arguments: [participation]) == true {
                throw RegisterError.refused("candidate \(candidateId): a report is already attached for this process")
            }
            let key = ReportCipher.newDataKey()
            try db.execute(sql: """
                INSERT INTO psychReport(candidateId, participationId, author, writtenAt, attachedAt, attachedBy, ciphertext)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [candidateId, participation, author, (writtenAt ?? now).sql, now.sql, actor.id,
                                 try ReportCipher.seal(text, with: key)])
            let reportId = db.lastInsertedRowID
            try ReportVault.storeKey(db, reportId: reportId, staffId: actor.id, dataKey: key)
            try db.execute(sql: "INSERT INTO reportGrant(reportId, staffId, grantedBy, reason, grantedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [reportId, actor.id, actor.id, "attached the report", now.sql])
            try audit(db, .reportAttach, subject: pseudonym, purpose: .recruitment)
            return reportId
        }
    }

    /// Grants `username` access to the candidate's report, with a reason. Leads holding access only.
    public func grantReport(candidateId: Int64, to username: String, reason: String) throws {
        try require([.lead], for: "grant")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalid(field: "--reason", message: "a grant needs a reason")
        }
        let now = clock.now()
        try db.write { db in
            let report = try requireReport(db, candidateId: candidateId)
            guard let grantee = try StaffRecord.fetch(db, username: username) else {
                throw RegisterError.unknownStaff(username: username)
            }
            guard grantee.role == Role.recruiter.rawValue || grantee.role == Role.lead.rawValue else {
                throw RegisterError.refused("\(username) is \(grantee.role): only recruiters and leads can be granted a psychologist report")
            }
            if report.processClosedAt != nil && !report.hired {
                throw RegisterError.refused("candidate \(candidateId): the process is closed and the candidate was not hired; the report is past retention")
            }
            guard try ReportVault.grantState(db, report: report, staffId: actor.id) == .active,
                  let key = try ReportVault.dataKey(db, reportId: report.id, staffId: actor.id, privateKey: identity.privateKey) else {
                throw RegisterError.refused("you hold no access to this report, so you cannot pass it on; ask a lead who does")
            }
            let granteeId = grantee.id!
            if try ReportVault.grantState(db, report: report, staffId: granteeId) == .active {
                throw RegisterError.refused("\(username) already holds a grant for this report")
            }
            // An ended grant (process closed) is closed off before a new one is given.
            try db.execute(sql: "UPDATE reportGrant SET revokedAt = ?, revokedBy = ? WHERE reportId = ? AND staffId = ? AND revokedAt IS NULL",
                           arguments: [now.sql, actor.id, report.id, granteeId])
            try ReportVault.storeKey(db, reportId: report.id, staffId: granteeId, dataKey: key)
            try db.execute(sql: "INSERT INTO reportGrant(reportId, staffId, grantedBy, reason, grantedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [report.id, granteeId, actor.id, reason, now.sql])
            try audit(db, .reportGrant, subject: report.pseudonym, purpose: .recruitment, detail: "grantee=\(grantee.pseudonym)")
        }
    }

    /// Revokes `username`'s grant and re-keys the report for the remaining grantees. Leads holding access only.
    public func revokeReport(candidateId: Int64, from username: String) throws {
        try require([.lead], for: "revoke")
        let now = clock.now()
        try db.write { db in
            let report = try requireReport(db, candidateId: candidateId)
            guard let grantee = try StaffRecord.fetch(db, username: username), let granteeId = grantee.id else {
                throw RegisterError.unknownStaff(username: username)
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM reportGrant WHERE reportId = ? AND staffId = ? AND revokedAt IS NULL",
                                    arguments: [report.id, granteeId]) == true else {
                throw RegisterError.refused("\(username) holds no grant for this report")
            }
            guard let oldKey = try ReportVault.dataKey(db, reportId: report.id, staffId: actor.id, privateKey: identity.privateKey) else {
                throw RegisterError.refused("you hold no access to this report, so you cannot re-key it; ask a lead who does")
            }
            let remaining = try Int64.fetchAll(db, sql: "SELECT staffId FROM reportGrant WHERE reportId = ? AND revokedAt IS NULL AND staffId <> ?",
                                               arguments: [report.id, granteeId])
            guard !remaining.isEmpty else {
                throw RegisterError.refused("\(username) holds the last grant: revoking it would leave nobody able to open the report")
            }
            try db.execute(sql: "UPDATE reportGrant SET revokedAt = ?, revokedBy = ? WHERE reportId = ? AND staffId = ? AND revokedAt IS NULL",
                           arguments: [now.sql, actor.id, report.id, granteeId])
            let text = try ReportCipher.open(report.ciphertext, with: oldKey)
            let newKey = ReportCipher.newDataKey()
            try db.execute(sql: "UPDATE psychReport SET ciphertext = ? WHERE id = ?",
                           arguments: [try ReportCipher.seal(text, with: newKey), report.id])
            try db.execute(sql: "DELETE FROM reportKey WHERE reportId = ?", arguments: [report.id])
            for staffId in remaining {
                try ReportVault.storeKey(db, reportId: report.id, staffId: staffId, dataKey: newKey)
            }
            try audit(db, .reportRevoke, subject: report.pseudonym, purpose: .recruitment, detail: "grantee=\(grantee.pseudonym)")
        }
    }

    /// Reads the candidate's psychologist report: the text for a current grantee, otherwise withheld with
    /// the reason. Both outcomes are audited. Nil when the candidate has no report.
    public func readReport(candidateId: Int64, purpose: Purpose = .recruitment) throws -> Gated<ReportText>? {
        let now = clock.now()
        return try db.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM candidate WHERE id = ?", arguments: [candidateId]) == true else {
                throw RegisterError.notFound(what: "candidate \(candidateId)")
            }
            guard let report = try ReportVault.report(db, candidateId: candidateId) else { return nil }
            let consent = Self.latestConsent(try Self.consentRecords(db, candidateId: candidateId), purpose: .psychAssessment)
            let restricted = try Bool.fetchOne(db, sql: "SELECT restricted FROM candidate WHERE id = ?", arguments: [candidateId]) ?? false
            let badge = BadgePolicy.badge(for: BadgeFacts(basis: .explicitConsent, consent: consent, restricted: restricted), at: now)
            let grant = try ReportVault.grantState(db, report: report, staffId: actor.id)
            var decision = decide(.psychReport, purpose: purpose, badge: badge, grant: grant, reportRetained: report.retained)
            var key: SymmetricKey?
            if decision == .allow {
                key = try ReportVault.dataKey(db, reportId: report.id, staffId: actor.id, privateKey: identity.privateKey)
                if key == nil { decision = .withhold(.notGranted) }
            }
            switch decision {
            case .allow:
                try audit(db, .reportRead, subject: report.pseudonym, purpose: purpose)
                let text = try ReportCipher.open(report.ciphertext, with: key!)
                return .shown(ReportText(author: report.author, writtenAt: report.writtenAt, text: text), badge)
            case .withhold(let reason):
                try audit(db, .reportReadDenied, subject: report.pseudonym, purpose: purpose, detail: "reason=\(reason.rawValue)")
                return .withheld(badge, reason)
            }
        }
    }

    private func requireReport(_ db: Database, candidateId: Int64) throws -> ReportVault.ReportRow {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM candidate WHERE id = ?", arguments: [candidateId]) == true else {
            throw RegisterError.notFound(what: "candidate \(candidateId)")
        }
        guard let report = try ReportVault.report(db, candidateId: candidateId) else {
            throw RegisterError.notFound(what: "psychologist report for candidate \(candidateId)")
        }
        return report
    }
}
