import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Data subjects' requests: `rekry.data_request`, the DPO's alone (its policy shows no row to anyone else).
extension PostgresSession {
    func insertRequest(_ r: RequestRecord) throws -> Int64 {
        guard let id = try value("""
            INSERT INTO rekry.data_request (kind, subject, subject_kind, candidate_id, referee_id, received_on, verified_by,
              verification_note, reference, country, recorded_at, recorded_by)
            VALUES (\(r.kind.rawValue), \(r.subject), \(r.subjectKind.rawValue), \(r.candidateId), \(r.refereeId),
              \(r.received.isoDay)::date, \(r.verifiedBy.rawValue), \(r.verificationNote), \(r.reference), \(r.country.rawValue),
              \(r.recordedAt), \(r.recordedBy))
            RETURNING id
            """, as: Int64.self) else {
            throw RegisterError.refused("the request was not recorded")
        }
        return id
    }

    func request(id: Int64) throws -> RequestRecord? {
        try rows("SELECT \(unescaped: Self.requestColumns) FROM rekry.data_request WHERE id = \(id)").first.map(Self.requestRecord)
    }

    func requests(openOnly: Bool) throws -> [RequestRecord] {
        try rows("""
            SELECT \(unescaped: Self.requestColumns) FROM rekry.data_request
            WHERE NOT \(openOnly) OR closed_at IS NULL ORDER BY received_on DESC, id DESC
            """).map(Self.requestRecord)
    }

    func requests(subject: String) throws -> [RequestRecord] {
        try rows("""
            SELECT \(unescaped: Self.requestColumns) FROM rekry.data_request WHERE subject = \(subject) ORDER BY received_on, id
            """).map(Self.requestRecord)
    }

    func extendRequest(id: Int64, totalMonths: Int, reason: String, noticeGiven: CivilDate) throws {
        try run("""
            UPDATE rekry.data_request SET extension_months = \(Int64(totalMonths))::integer, extension_reason = \(reason),
              notice_given_on = \(noticeGiven.isoDay)::date WHERE id = \(id)
            """)
    }

    func closeRequest(id: Int64, at: Date, by: String, outcome: RequestOutcome, auditSeq: Int64?) throws {
        try run("""
            UPDATE rekry.data_request SET closed_at = \(at), closed_by = \(by), outcome = \(outcome.rawValue), audit_seq = \(auditSeq)
            WHERE id = \(id)
            """)
    }

    /// The columns `requestRecord` reads (the dates as ISO days).
    static let requestColumns = """
        id, kind, subject, subject_kind, candidate_id, referee_id, received_on::text AS received_on, verified_by, verification_note,
        reference, country, extension_months::bigint AS extension_months, extension_reason,
        notice_given_on::text AS notice_given_on, recorded_at, recorded_by, closed_at, closed_by, outcome, audit_seq
        """

    static func requestRecord(_ row: PostgresRandomAccessRow) throws -> RequestRecord {
        RequestRecord(
            id: try row.get("id", as: Int64.self), kind: RequestKind(rawValue: try row.get("kind", as: String.self)) ?? .access,
            subject: try row.get("subject", as: String.self),
            subjectKind: RequestRecord.SubjectKind(rawValue: try row.get("subject_kind", as: String.self)) ?? .candidate,
            candidateId: try row.get("candidate_id", as: Int64?.self), refereeId: try row.get("referee_id", as: Int64?.self),
            received: CivilDate(isoDay: try row.get("received_on", as: String.self)) ?? CivilDate(year: 1970, month: 1, day: 1),
            verifiedBy: VerificationMethod(rawValue: try row.get("verified_by", as: String.self)) ?? .other,
            verificationNote: try row.get("verification_note", as: String?.self), reference: try row.get("reference", as: String?.self),
            country: CalendarCountry(rawValue: try row.get("country", as: String.self)) ?? .fallback,
            extensionMonths: Int(try row.get("extension_months", as: Int64.self)),
            extensionReason: try row.get("extension_reason", as: String?.self),
            noticeGiven: try row.get("notice_given_on", as: String?.self).flatMap { CivilDate(isoDay: $0) },
            recordedAt: try row.get("recorded_at", as: Date.self), recordedBy: try row.get("recorded_by", as: String.self),
            closedAt: try row.get("closed_at", as: Date?.self), closedBy: try row.get("closed_by", as: String?.self),
            outcome: try row.get("outcome", as: String?.self).flatMap(RequestOutcome.init(rawValue:)),
            auditSeq: try row.get("audit_seq", as: Int64?.self))
    }
}
