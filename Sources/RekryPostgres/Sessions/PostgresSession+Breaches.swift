import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// The breach log: `rekry.breach` and `rekry.breach_affected`, the DPO's alone (their policies show no row to
/// anyone else).
extension PostgresSession {
    func insertBreach(_ b: BreachRecord) throws -> Int64 {
        guard let id = try value("""
            INSERT INTO rekry.breach (discovered_at, what, categories, approx_affected, measures, recorded_at, recorded_by, notified_at)
            VALUES (\(b.discoveredAt), \(b.what), \(b.categories.map(\.rawValue).joined(separator: ",")), \(Int64(b.approxAffected))::integer,
              \(b.measures), \(b.recordedAt), \(b.recordedBy), \(b.notifiedAt))
            RETURNING id
            """, as: Int64.self) else {
            throw RegisterError.refused("the breach was not recorded")
        }
        return id
    }

    func breach(id: Int64) throws -> BreachRecord? {
        try rows("SELECT \(unescaped: Self.breachColumns) FROM rekry.breach WHERE id = \(id)").first.map(Self.breachRecord)
    }

    /// The DPO: every breach. A lead or a recruiter reads none: their erasures leave the log's redaction to the DPO
    /// (`oweBreachRedaction`, migration "v4 breach redaction by the DPO").
    func breaches() throws -> [BreachRecord] {
        if try sessionErasesThroughFunctions() { return [] }
        return try rows("SELECT \(unescaped: Self.breachColumns) FROM rekry.breach ORDER BY discovered_at DESC, id DESC").map(Self.breachRecord)
    }

    var breachRedactionWaitsForTheDPO: Bool { true }

    func oweBreachRedaction(candidateId: Int64, contactOnly: Bool) throws {
        _ = try rows("SELECT rekry.owe_breach_redaction(\(candidateId), \(contactOnly))")
    }

    func owedBreachRedactions() throws -> [OwedBreachRedaction] {
        try rows("""
            SELECT id, candidate_id, subject, contact_only, full_name, email, phone, postal_address, country, links
            FROM rekry.breach_redaction_owed ORDER BY id
            """).map {
            OwedBreachRedaction(id: try $0.get("id"), candidateId: try $0.get("candidate_id"), subject: try $0.get("subject"),
                                contactOnly: try $0.get("contact_only"), fullName: try $0.get("full_name"),
                                email: try $0.get("email", as: String?.self), phone: try $0.get("phone", as: String?.self),
                                postalAddress: try $0.get("postal_address", as: String?.self), country: try $0.get("country"),
                                links: try $0.get("links", as: [String].self))
        }
    }

    func settleBreachRedaction(id: Int64) throws {
        try run("DELETE FROM rekry.breach_redaction_owed WHERE id = \(id)")
    }

    private func sessionErasesThroughFunctions() throws -> Bool {
        let role = try value("SELECT rekry.session_role()", as: String.self)
        return role == "lead" || role == "recruiter"
    }

    func insertBreachAffected(_ a: BreachAffectedRecord) throws {
        try run("""
            INSERT INTO rekry.breach_affected (breach_id, subject, candidate_id) VALUES (\(a.breachId), \(a.subject), \(a.candidateId))
            ON CONFLICT (breach_id, subject) DO NOTHING
            """)
    }

    func breachAffected(breachId: Int64) throws -> [BreachAffectedRecord] {
        try rows("SELECT breach_id, subject, candidate_id FROM rekry.breach_affected WHERE breach_id = \(breachId) ORDER BY subject COLLATE \"C\"").map {
            BreachAffectedRecord(breachId: try $0.get("breach_id", as: Int64.self), subject: try $0.get("subject", as: String.self),
                                 candidateId: try $0.get("candidate_id", as: Int64?.self))
        }
    }

    func markBreachNotified(id: Int64, at: Date) throws {
        try run("UPDATE rekry.breach SET notified_at = \(at) WHERE id = \(id)")
    }

    func updateBreachTexts(id: Int64, what: String, measures: String) throws {
        if try sessionErasesThroughFunctions() {
            throw RegisterError.refused("the breach log is the DPO's: a lead's or recruiter's erasure leaves its redaction to the DPO")
        }
        try run("UPDATE rekry.breach SET what = \(what), measures = \(measures) WHERE id = \(id)")
    }

    static let breachColumns = """
        id, discovered_at, what, categories, approx_affected::bigint AS approx_affected, measures, recorded_at, recorded_by, notified_at
        """

    static func breachRecord(_ row: PostgresRandomAccessRow) throws -> BreachRecord {
        BreachRecord(id: try row.get("id", as: Int64.self), discoveredAt: try row.get("discovered_at", as: Date.self),
                     what: try row.get("what", as: String.self),
                     categories: try row.get("categories", as: String.self).split(separator: ",").compactMap { DataCategory(rawValue: String($0)) },
                     approxAffected: Int(try row.get("approx_affected", as: Int64.self)), measures: try row.get("measures", as: String.self),
                     recordedAt: try row.get("recorded_at", as: Date.self), recordedBy: try row.get("recorded_by", as: String.self),
                     notifiedAt: try row.get("notified_at", as: Date?.self))
    }
}
