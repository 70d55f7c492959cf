import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Decoding the register's rows into the storage records, as `RowDecoding` does on SQLite.
///
/// A candidate is two rows: the badge facts (`rekry.candidate`, always visible to who may list) and the
/// withholdable profile (`rekry.candidate_personal`, absent under row-level security when withheld). A
/// withheld candidate decodes with an empty name, an empty country and every personal field nil, and with
/// empty keys, no tokens and no stage: the gate withholds it anyway, from its badge.
extension PostgresSession {
    /// The SELECT list of a candidate, over `rekry.candidate c LEFT JOIN rekry.candidate_personal p
    /// ON p.candidate_id = c.id` (`candidateFrom`).
    static let candidateColumns = """
        c.id, c.pseudonym, c.basis, c.consent_purpose, c.restricted, c.objected, c.source, c.collected_at, c.notified_at, \
        c.last_activity_at, c.retention_due_at, c.consent_given_at, c.consent_expires_at, c.consent_withdrawn_at, \
        p.candidate_id AS personal_id, p.full_name, p.email, p.phone, p.home_town, p.postal_address, p.birth_year, \
        p.current_title, p.current_employer, p.country, p.source_detail, p.stage, p.stage_rank, p.name_key, \
        p.collation_key, p.search_tokens
        """

    /// The FROM clause `candidateColumns` reads.
    static let candidateFrom = "rekry.candidate c LEFT JOIN rekry.candidate_personal p ON p.candidate_id = c.id"

    /// A candidate from a row selected with `candidateColumns`. `tokens: false` leaves the token list empty
    /// (list pages never need it).
    static func candidateRecord(from row: PostgresRandomAccessRow, tokens withTokens: Bool = true) throws -> CandidateRecord {
        var consent: ConsentDates?
        if let given = try row.get("consent_given_at", as: Date?.self) {
            consent = ConsentDates(givenAt: given, expiresAt: try row.get("consent_expires_at", as: Date?.self),
                                   withdrawnAt: try row.get("consent_withdrawn_at", as: Date?.self))
        }
        let visible = try row.get("personal_id", as: Int64?.self) != nil
        let stage = try row.get("stage", as: String?.self).flatMap(Stage.init(rawValue:))
        let birthYear = try row.get("birth_year", as: Int32?.self).map(Int.init)
        return CandidateRecord(
            id: try row.get("id"), pseudonym: try row.get("pseudonym"),
            fullName: try row.get("full_name", as: String?.self) ?? "",
            email: try row.get("email"), phone: try row.get("phone"), homeTown: try row.get("home_town"),
            postalAddress: try row.get("postal_address"), birthYear: birthYear,
            currentTitle: try row.get("current_title"), currentEmployer: try row.get("current_employer"),
            country: try row.get("country", as: String?.self) ?? "",
            source: DataSource(rawValue: try row.get("source")) ?? .applied, sourceDetail: try row.get("source_detail"),
            collectedAt: try row.get("collected_at"), notifiedAt: try row.get("notified_at"),
            basis: LegalBasis(rawValue: try row.get("basis")) ?? .consent,
            consentPurpose: try row.get("consent_purpose", as: String?.self).flatMap(ConsentPurpose.init(rawValue:)),
            restricted: try row.get("restricted"), objected: try row.get("objected"),
            derived: DerivedColumns(
                nameKey: try row.get("name_key", as: String?.self) ?? "",
                collationKey: try row.get("collation_key", as: String?.self) ?? "",
                searchTokens: withTokens && visible ? try row.get("search_tokens", as: [String].self) : [],
                stage: stage, stageRank: try row.get("stage_rank", as: Int32?.self).map(Int.init) ?? -1,
                lastActivityAt: try row.get("last_activity_at"), retentionDueAt: try row.get("retention_due_at"),
                consent: consent))
    }

    static func consentRecord(from row: PostgresRandomAccessRow) throws -> ConsentRecord {
        ConsentRecord(id: try row.get("id"), purpose: ConsentPurpose(rawValue: try row.get("purpose")) ?? .talentPool,
                      givenAt: try row.get("given_at"), expiresAt: try row.get("expires_at"),
                      withdrawnAt: try row.get("withdrawn_at"), channel: try row.get("channel"), text: try row.get("text"))
    }

    static func documentRecord(from row: PostgresRandomAccessRow) throws -> Document {
        Document(id: try row.get("id"), kind: Document.Kind(rawValue: try row.get("kind")) ?? .other, title: try row.get("title"),
                 body: try row.get("body"), receivedAt: try row.get("received_at"),
                 basis: LegalBasis(rawValue: try row.get("basis")) ?? .consent)
    }

    static func assessmentRecord(from row: PostgresRandomAccessRow) throws -> Assessment {
        Assessment(id: try row.get("id"), kind: Assessment.Kind(rawValue: try row.get("kind")) ?? .interviewNote,
                   provider: try row.get("provider"), title: try row.get("title"), score: try row.get("score"),
                   text: try row.get("text"), recordedAt: try row.get("recorded_at"),
                   basis: LegalBasis(rawValue: try row.get("basis")) ?? .contract)
    }

    static func referenceRecord(from row: PostgresRandomAccessRow) throws -> ReferenceRecord {
        ReferenceRecord(id: try row.get("id"), candidateId: try row.get("candidate_id"), name: try row.get("name"),
                        title: try row.get("title"), workplace: try row.get("workplace"),
                        relationship: try row.get("relationship"), email: try row.get("email"), phone: try row.get("phone"),
                        basis: LegalBasis(rawValue: try row.get("basis")) ?? .legitimateInterest,
                        restricted: try row.get("restricted"), objected: try row.get("objected"),
                        collectedAt: try row.get("collected_at"))
    }

    /// A referee row with the person it belongs to (`referee_id`, or the row's own id).
    static func refereeMatch(from row: PostgresRandomAccessRow) throws -> RefereeMatch {
        let record = try referenceRecord(from: row)
        return RefereeMatch(refereeId: try row.get("referee_id", as: Int64?.self) ?? record.id, record: record)
    }
}
