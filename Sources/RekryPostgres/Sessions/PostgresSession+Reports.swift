import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Psychologist reports, their wrapped keys and grants. The tables name a grantee by login (`staff_login`), the
/// storage API by staff id: the queries map one to the other through `rekry.staff`.
///
/// What the server lets through: the report's existence under its explicit consent (`report_meta_read`), the
/// sealed text to current grantees only (`report_text_read`: any other member reads an empty ciphertext here,
/// which opens nothing), a wrapped key to its grantee only (`rekry.report_key_of`). Keys, grant revocations and
/// signatures are written through definer functions (leads; admins ending a removed member's access), reports
/// and grants by leads under INSERT policies. An admin, who sees no candidate data, reaches grants and the sealed
/// bytes their signatures cover only through the staff desk's functions.
extension PostgresSession {
    /// The report with its context; `text` says whether to join the sealed text (only recruiters and leads,
    /// its possible grantees, have SELECT on it; for them its policy decides).
    static func reportSelect(text: Bool) -> String {
        """
        SELECT r.id, r.candidate_id, r.participation_id, r.author, r.written_at, r.attached_at, r.attached_by,
               \(text ? "t.ciphertext" : "NULL::bytea AS ciphertext"), c.pseudonym, pr.title AS process_title, pr.closed_at,
               p.stage AS participation_stage
        FROM rekry.psych_report r JOIN rekry.candidate c ON c.id = r.candidate_id
        JOIN rekry.participation p ON p.id = r.participation_id JOIN rekry.process pr ON pr.id = p.process_id
        \(text ? "LEFT JOIN rekry.psych_report_text t ON t.report_id = r.id" : "")
        """
    }
    static let grantSelect = """
        SELECT g.id, g.report_id, gs.id AS staff_id, gb.id AS granted_by_id, g.reason, g.granted_at, g.revoked_at,
               rb.id AS revoked_by_id, g.signed_by, g.signature, g.key_proof
        """
    static let grantJoins = """
        JOIN rekry.staff gs ON gs.login = g.staff_login JOIN rekry.staff gb ON gb.login = g.granted_by
        LEFT JOIN rekry.staff rb ON rb.login = g.revoked_by
        """

    static func reportRecord(from row: PostgresRandomAccessRow) throws -> ReportRecord {
        ReportRecord(id: try row.get("id"), candidateId: try row.get("candidate_id"), participationId: try row.get("participation_id"),
                     author: try row.get("author"), writtenAt: try row.get("written_at"), attachedAt: try row.get("attached_at"),
                     attachedBy: try row.get("attached_by"), ciphertext: try row.get("ciphertext", as: Data?.self) ?? Data())
    }

    static func reportInContext(from row: PostgresRandomAccessRow) throws -> ReportInContext {
        ReportInContext(report: try reportRecord(from: row), candidatePseudonym: try row.get("pseudonym"),
                        processTitle: try row.get("process_title"), processClosedAt: try row.get("closed_at", as: Date?.self),
                        stage: Stage(rawValue: try row.get("participation_stage", as: String.self)) ?? .sourced)
    }

    static func grantRecord(from row: PostgresRandomAccessRow) throws -> GrantRecord {
        GrantRecord(id: try row.get("id"), reportId: try row.get("report_id"), staffId: try row.get("staff_id"),
                    grantedBy: try row.get("granted_by_id"), reason: try row.get("reason"), grantedAt: try row.get("granted_at"),
                    revokedAt: try row.get("revoked_at", as: Date?.self), revokedBy: try row.get("revoked_by_id", as: Int64?.self),
                    signedBy: try row.get("signed_by", as: Int64?.self), signature: try row.get("signature", as: Data?.self),
                    keyProof: try row.get("key_proof", as: Data?.self))
    }

    /// Whether the signed-in login is an admin's: the staff desk reads grants through its own functions.
    func actsAsAdmin() throws -> Bool {
        try value("SELECT coalesce(rekry.session_role() = 'admin', false)", as: Bool.self) ?? false
    }

    /// Whether the login may hold the sealed text at all: recruiters and leads (and the deploying superuser).
    func mayHoldReportText() throws -> Bool {
        try value("SELECT coalesce(rekry.session_role() IN ('recruiter', 'lead'), true)", as: Bool.self) ?? false
    }

    /// The candidate's latest report. When its meta is withheld (a restricted record, a lapsed explicit consent)
    /// the row that says it exists stands in, with no author, date, process or text: the gate shows it withheld,
    /// with the reason, as SQLite's register does (`rekry.report_placeholder`).
    func report(candidateId: Int64) throws -> ReportInContext? {
        // An admin holds no SELECT on reports, and may not know of one: told none (docs/postgres.md, "An admin
        // opening a candidate"); the gate's own read of the record gives them the same placeholder either way.
        if try isAdmin() { return nil }
        if let found = try rows("\(unescaped: Self.reportSelect(text: try mayHoldReportText())) WHERE r.candidate_id = \(candidateId) ORDER BY r.attached_at DESC, r.id DESC LIMIT 1")
            .first.map(Self.reportInContext) {
            return found
        }
        return try rows("SELECT id, candidate_id, pseudonym FROM rekry.report_placeholder(\(candidateId))").first.map { row in
            ReportInContext(report: ReportRecord(id: try row.get("id"), candidateId: try row.get("candidate_id"), participationId: 0,
                                                 author: "", writtenAt: Date(timeIntervalSince1970: 0),
                                                 attachedAt: Date(timeIntervalSince1970: 0), attachedBy: 0, ciphertext: Data()),
                            candidatePseudonym: try row.get("pseudonym"), processTitle: "", processClosedAt: nil, stage: .sourced)
        }
    }

    func reports(processId: Int64) throws -> [ReportInContext] {
        try rows("\(unescaped: Self.reportSelect(text: try mayHoldReportText())) WHERE p.process_id = \(processId) ORDER BY r.id").map(Self.reportInContext)
    }

    func hasReport(participationId: Int64) throws -> Bool {
        try value("SELECT EXISTS (SELECT 1 FROM rekry.psych_report WHERE participation_id = \(participationId))", as: Bool.self) ?? false
    }

    func reportById(_ id: Int64) throws -> ReportRecord? {
        if try actsAsAdmin() {
            return try rows("SELECT * FROM rekry.staff_desk_report(\(id))").first.map(Self.reportRecord)
        }
        // Only with the sealed bytes: a grant's signature covers them, and this read is how signatures are checked
        // (`rekry check`). A lead or the DPO who may not read the text skips those grants; an admin's check reads
        // every one through the staff desk (above).
        guard try mayHoldReportText() else { return nil }
        return try rows("""
            SELECT r.id, r.candidate_id, r.participation_id, r.author, r.written_at, r.attached_at, r.attached_by, t.ciphertext
            FROM rekry.psych_report r JOIN rekry.psych_report_text t ON t.report_id = r.id WHERE r.id = \(id)
            """).first.map(Self.reportRecord)
    }

    func insertReport(_ r: ReportRecord) throws -> Int64 {
        guard let id = try value("""
            INSERT INTO rekry.psych_report (candidate_id, participation_id, author, written_at, attached_at, attached_by)
            VALUES (\(r.candidateId), \(r.participationId), \(r.author), \(r.writtenAt), \(r.attachedAt), \(r.attachedBy)) RETURNING id
            """, as: Int64.self) else { throw RegisterError.refused("the report was not stored") }
        try updateCiphertext(reportId: id, r.ciphertext)
        return id
    }

    func updateCiphertext(reportId: Int64, _ ciphertext: Data) throws {
        try run("SELECT rekry.seal_report_text(\(reportId), \(ciphertext))")
    }

    /// The keys, grants and sealed text go with the report (ON DELETE CASCADE).
    func deleteReport(id: Int64) throws {
        try run("DELETE FROM rekry.psych_report WHERE id = \(id)")
    }

    func grants(reportId: Int64) throws -> [GrantRecord] {
        if try actsAsAdmin() {
            return try rows("\(unescaped: Self.grantSelect) FROM rekry.staff_desk_grants(\(reportId)) g \(unescaped: Self.grantJoins) ORDER BY g.id")
                .map(Self.grantRecord)
        }
        return try rows("\(unescaped: Self.grantSelect) FROM rekry.report_grant g \(unescaped: Self.grantJoins) WHERE g.report_id = \(reportId) ORDER BY g.id")
            .map(Self.grantRecord)
    }

    func insertGrant(_ g: GrantRecord) throws -> Int64 {
        guard let id = try value("""
            INSERT INTO rekry.report_grant (report_id, staff_login, granted_by, reason, granted_at, signed_by, signature)
            SELECT \(g.reportId), gs.login, gb.login, \(g.reason), \(g.grantedAt), \(g.signedBy), \(g.signature)
            FROM rekry.staff gs, rekry.staff gb WHERE gs.id = \(g.staffId) AND gb.id = \(g.grantedBy)
            RETURNING id
            """, as: Int64.self) else { throw RegisterError.notFound(what: "staff member \(g.staffId) or \(g.grantedBy)") }
        return id
    }

    func signGrant(id: Int64, signedBy: Int64, signature: Data, keyProof: Data?) throws {
        try run("SELECT rekry.sign_report_grant(\(id), \(signedBy), \(signature), \(keyProof))")
    }

    func revokeGrants(reportId: Int64, staffId: Int64, at: Date, by: Int64) throws {
        try run("SELECT rekry.revoke_report_grants(\(reportId), \(staffId), \(at), \(by))")
    }

    /// The key's bytes reach its own grantee only; for another holder (a lead closing a process asks whether a
    /// colleague still holds one) the server says that it exists and nothing more.
    func wrappedKey(reportId: Int64, staffId: Int64) throws -> WrappedReportKey? {
        try rows("SELECT ephemeral_public_key, sealed_key FROM rekry.report_key_of(\(reportId), \(staffId))").first.map {
            WrappedReportKey(reportId: reportId, staffId: staffId,
                             ephemeralPublicKey: try $0.get("ephemeral_public_key", as: Data?.self) ?? Data(),
                             sealedKey: try $0.get("sealed_key", as: Data?.self) ?? Data())
        }
    }

    func storeKey(_ k: WrappedReportKey) throws {
        try run("SELECT rekry.store_report_key(\(k.reportId), \(k.staffId), \(k.ephemeralPublicKey), \(k.sealedKey))")
    }

    func deleteKeys(reportId: Int64) throws {
        try run("SELECT rekry.delete_report_keys(\(reportId), NULL)")
    }

    func deleteKey(reportId: Int64, staffId: Int64) throws {
        try run("SELECT rekry.delete_report_keys(\(reportId), \(staffId))")
    }

    func openGrants() throws -> [GrantRecord] {
        if try actsAsAdmin() {
            return try rows("\(unescaped: Self.grantSelect) FROM rekry.staff_desk_grants(NULL) g \(unescaped: Self.grantJoins) ORDER BY g.id")
                .map(Self.grantRecord)
        }
        return try rows("\(unescaped: Self.grantSelect) FROM rekry.report_grant g \(unescaped: Self.grantJoins) WHERE g.revoked_at IS NULL ORDER BY g.id")
            .map(Self.grantRecord)
    }

    func reportsSigned(staffId: Int64) throws -> [Int64] {
        try values("SELECT * FROM rekry.staff_desk_reports(\(staffId), true)", as: Int64.self)
    }

    func reportsHeld(staffId: Int64) throws -> [Int64] {
        try values("SELECT * FROM rekry.staff_desk_reports(\(staffId), false)", as: Int64.self)
    }
}
