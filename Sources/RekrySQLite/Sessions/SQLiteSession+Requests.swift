import Foundation
import GRDB
import RekryDomain
import RekryStorage

extension SQLiteSession {
    func insertRequest(_ r: RequestRecord) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO dataRequest(kind, subject, subjectKind, candidateId, refereeId, receivedOn, verifiedBy, verificationNote,
              reference, country, recordedAt, recordedBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.kind.rawValue, r.subject, r.subjectKind.rawValue, r.candidateId, r.refereeId, r.received.isoDay,
                             r.verifiedBy.rawValue, r.verificationNote, r.reference, r.country.rawValue, r.recordedAt.sql, r.recordedBy])
        return db.lastInsertedRowID
    }

    func request(id: Int64) throws -> RequestRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM dataRequest WHERE id = ?", arguments: [id]).map(Self.requestRecord)
    }

    func requests(openOnly: Bool) throws -> [RequestRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM dataRequest \(openOnly ? "WHERE closedAt IS NULL" : "") ORDER BY receivedOn DESC, id DESC")
            .map(Self.requestRecord)
    }

    func requests(subject: String) throws -> [RequestRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM dataRequest WHERE subject = ? ORDER BY receivedOn, id", arguments: [subject])
            .map(Self.requestRecord)
    }

    func extendRequest(id: Int64, totalMonths: Int, reason: String, noticeGiven: CivilDate) throws {
        try db.execute(sql: "UPDATE dataRequest SET extensionMonths = ?, extensionReason = ?, noticeGivenOn = ? WHERE id = ?",
                       arguments: [totalMonths, reason, noticeGiven.isoDay, id])
    }

    func closeRequest(id: Int64, at: Date, by: String, outcome: RequestOutcome, auditSeq: Int64?) throws {
        try db.execute(sql: "UPDATE dataRequest SET closedAt = ?, closedBy = ?, outcome = ?, auditSeq = ? WHERE id = ?",
                       arguments: [at.sql, by, outcome.rawValue, auditSeq, id])
    }

    /// Before a candidate's rows go: their requests keep the pseudonym and lose the link and every free text;
    /// their breach links lose the candidate; so do the requests of referees whose every row is on this
    /// candidate (those rows go with the candidate).
    func forgetDeskLinks(candidateId id: Int64) throws {
        try db.execute(sql: "UPDATE dataRequest SET candidateId = NULL, verificationNote = NULL, extensionReason = NULL WHERE candidateId = ?",
                       arguments: [id])
        try db.execute(sql: "UPDATE breachAffected SET candidateId = NULL WHERE candidateId = ?", arguments: [id])
        try db.execute(sql: """
            UPDATE dataRequest SET refereeId = NULL, verificationNote = NULL, extensionReason = NULL
            WHERE refereeId IN (SELECT refereeId FROM reference WHERE candidateId = ?)
              AND NOT EXISTS (SELECT 1 FROM reference r WHERE r.refereeId = dataRequest.refereeId AND r.candidateId <> ?)
            """, arguments: [id, id])
    }

    /// Before a referee's rows go: their requests keep the pseudonym and lose the link and every free text.
    func forgetDeskLinks(refereeId: Int64) throws {
        try db.execute(sql: "UPDATE dataRequest SET refereeId = NULL, verificationNote = NULL, extensionReason = NULL WHERE refereeId = ?",
                       arguments: [refereeId])
    }

    static func requestRecord(_ row: Row) -> RequestRecord {
        RequestRecord(
            id: row["id"], kind: RequestKind(rawValue: row["kind"]) ?? .access, subject: row["subject"],
            subjectKind: RequestRecord.SubjectKind(rawValue: row["subjectKind"]) ?? .candidate, candidateId: row["candidateId"],
            refereeId: row["refereeId"], received: CivilDate(isoDay: row["receivedOn"]) ?? CivilDate(year: 1970, month: 1, day: 1),
            verifiedBy: VerificationMethod(rawValue: row["verifiedBy"]) ?? .other, verificationNote: row["verificationNote"],
            reference: row["reference"], country: CalendarCountry(rawValue: row["country"]) ?? .fallback,
            extensionMonths: row["extensionMonths"], extensionReason: row["extensionReason"],
            noticeGiven: (row["noticeGivenOn"] as String?).flatMap { CivilDate(isoDay: $0) }, recordedAt: Date(sql: row["recordedAt"]),
            recordedBy: row["recordedBy"], closedAt: (row["closedAt"] as Double?).date, closedBy: row["closedBy"],
            outcome: (row["outcome"] as String?).flatMap(RequestOutcome.init(rawValue:)), auditSeq: row["auditSeq"])
    }
}
