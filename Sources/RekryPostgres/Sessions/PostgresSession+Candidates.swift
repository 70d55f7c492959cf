import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// A candidate and everything held about them, as the signed-in login's row-level security lets it read
/// them: withheld items are simply absent, a withheld profile decodes as described in `candidateRecord(from:)`.
extension PostgresSession {
    /// Among the staff group roles only admins hold no SELECT on the badge row: the server's refusal is the
    /// role's, as the gate words it (`WritePolicy`: admins touch no candidate data).
    func candidate(id: Int64) throws -> CandidateRecord? {
        // An admin: the badge facts only (`rekry.admin_candidate`), no personal column, so that the gate
        // withholds every item from the role as it does on SQLite. Asked first: a refused statement would
        // abort the transaction.
        if try isAdmin() {
            return try rows("""
                SELECT id, pseudonym, basis, consent_purpose, restricted, objected, source, collected_at, notified_at,
                       last_activity_at, retention_due_at, consent_given_at, consent_expires_at, consent_withdrawn_at,
                       NULL::bigint AS personal_id, NULL::text AS full_name, NULL::text AS email, NULL::text AS phone,
                       NULL::text AS home_town, NULL::text AS postal_address, NULL::integer AS birth_year,
                       NULL::text AS current_title, NULL::text AS current_employer, NULL::text AS country,
                       NULL::text AS source_detail, NULL::text AS stage, NULL::integer AS stage_rank, NULL::text AS name_key,
                       NULL::text AS collation_key, NULL::text[] AS search_tokens
                FROM rekry.admin_candidate(\(id))
                """).first.map { try Self.candidateRecord(from: $0) }
        }
        do {
            let record = try rows("SELECT \(unescaped: Self.candidateColumns) FROM \(unescaped: Self.candidateFrom) WHERE c.id = \(id)")
                .first.map { try Self.candidateRecord(from: $0) }
            if let record, !record.fullName.isEmpty { link.noteProfileRead(record) }
            return record
        } catch let failure as PostgresFailure where failure.sqlState == "42501" {
            throw RegisterError.notPermitted(action: "read candidate data", role: Role.admin.rawValue)
        }
    }

    /// Whether the login is an admin's (who holds no SELECT on candidate data).
    func isAdmin() throws -> Bool {
        try link.sessionRole { try value("SELECT rekry.session_role()", as: String.self) } == Role.admin.rawValue
    }

    /// `body`'s rows, or for an admin (no SELECT on candidate data: a refused statement would abort the
    /// transaction) `admin`'s answer.
    func orForAdmin<T>(_ body: () throws -> T, admin: () throws -> T) throws -> T {
        try isAdmin() ? admin() : body()
    }

    /// An admin's placeholders of one kind of item (`rekry.admin_candidate_items`): ids, bases and a reference's
    /// own flags, nothing of the content. The gate withholds each from the role.
    func adminItems(_ kind: String, candidateId: Int64) throws -> [(id: Int64, basis: LegalBasis, restricted: Bool, objected: Bool)] {
        try rows("""
            SELECT id, basis, restricted, objected FROM rekry.admin_candidate_items(\(candidateId)) WHERE kind = \(kind) ORDER BY id DESC
            """).map {
            (id: try $0.get("id"), basis: LegalBasis(rawValue: try $0.get("basis")) ?? .contract,
             restricted: try $0.get("restricted"), objected: try $0.get("objected"))
        }
    }

    func links(candidateId: Int64) throws -> [ProfileLink] {
        try rows("SELECT kind, url, source FROM rekry.candidate_link WHERE candidate_id = \(candidateId) ORDER BY id").map {
            ProfileLink(kind: try $0.get("kind"), url: try $0.get("url"),
                        source: DataSource(rawValue: try $0.get("source")) ?? .applied)
        }
    }

    /// The consent history the login may read. Where it withholds the explicit consent a psychologist report
    /// rests on (an objected record's history is withheld whole), that consent's terms come from
    /// `rekry.explicit_consent_terms` when the report's meta is the member's to see: its id and expiry, decoded
    /// with no channel, text or date given, for the report's badge and the attach rule alone (the gate withholds
    /// the consent tab of such a record from its own badge, so the row is never shown).
    func consents(candidateId: Int64) throws -> [ConsentRecord] {
        try orForAdmin({
            try rows("""
                SELECT id, purpose, given_at, expires_at, withdrawn_at, channel, text FROM rekry.consent
                WHERE candidate_id = \(candidateId)
                UNION ALL
                SELECT t.id, 'psych-assessment', 'epoch'::timestamptz, t.expires_at, NULL, '', ''
                FROM rekry.explicit_consent_terms(\(candidateId)) t
                WHERE NOT EXISTS (SELECT 1 FROM rekry.consent k WHERE k.candidate_id = \(candidateId) AND k.purpose = 'psych-assessment')
                ORDER BY given_at, id
                """).map(Self.consentRecord(from:))
        }, admin: { [] })
    }

    /// The visible documents, newest first, then a placeholder for each withheld one (its id and basis only).
    func documents(candidateId: Int64) throws -> [Document] {
        try orForAdmin({ try visibleDocuments(candidateId: candidateId) }, admin: {
            try adminItems("document", candidateId: candidateId).map {
                Document(id: $0.id, kind: .other, title: "", body: "", receivedAt: Date(timeIntervalSince1970: 0), basis: $0.basis)
            }
        })
    }

    private func visibleDocuments(candidateId: Int64) throws -> [Document] {
        try rows("SELECT * FROM rekry.document WHERE candidate_id = \(candidateId) ORDER BY received_at DESC, id DESC")
            .map(Self.documentRecord(from:))
            + withheldItems("document", candidateId: candidateId).map {
                Document(id: $0.id, kind: .other, title: "", body: "", receivedAt: Date(timeIntervalSince1970: 0), basis: $0.basis)
            }
    }

    /// The withheld items of one kind of a candidate (`rekry.item_badge`: what the server says is there and why it
    /// is withheld, nothing of its content), by id. The gate withholds each from the item's own badge, as it
    /// does on SQLite, so a withheld item keeps its placeholder on the screen instead of vanishing.
    func withheldItems(_ kind: String, candidateId: Int64) throws -> [(id: Int64, basis: LegalBasis, reason: String)] {
        try rows("""
            SELECT id, basis, withheld_because FROM rekry.item_badge
            WHERE kind = \(kind) AND candidate_id = \(candidateId) AND withheld_because IS NOT NULL ORDER BY id DESC
            """).map {
            (id: try $0.get("id"), basis: LegalBasis(rawValue: try $0.get("basis")) ?? .contract, reason: try $0.get("withheld_because"))
        }
    }

    /// The visible participations, newest first, then a placeholder for each withheld one.
    func participations(candidateId: Int64) throws -> [Participation] {
        try orForAdmin({ try visibleParticipations(candidateId: candidateId) }, admin: {
            try adminItems("participation", candidateId: candidateId).map { Self.participationPlaceholder(id: $0.id, basis: $0.basis) }
        })
    }

    static func participationPlaceholder(id: Int64, basis: LegalBasis) -> Participation {
        Participation(id: id,
                      process: RecruitmentProcess(id: 0, title: "", client: nil, openedAt: Date(timeIntervalSince1970: 0),
                                                  closedAt: nil, kind: .recruitment),
                      stage: .sourced, startedAt: Date(timeIntervalSince1970: 0), stageChangedAt: Date(timeIntervalSince1970: 0),
                      basis: basis)
    }

    private func visibleParticipations(candidateId: Int64) throws -> [Participation] {
        try rows("""
            SELECT p.id, p.process_id, p.stage, p.started_at, p.stage_changed_at, p.basis, p.employment_start_at,
                   p.employment_end_at, pr.title AS process_title, pr.client, pr.opened_at, pr.closed_at, pr.kind AS process_kind
            FROM rekry.participation p JOIN rekry.process pr ON pr.id = p.process_id
            WHERE p.candidate_id = \(candidateId) ORDER BY p.started_at DESC, p.id DESC
            """).map { p in
            Participation(id: try p.get("id"),
                          process: RecruitmentProcess(id: try p.get("process_id"), title: try p.get("process_title"),
                                                      client: try p.get("client"), openedAt: try p.get("opened_at"),
                                                      closedAt: try p.get("closed_at"),
                                                      kind: ProcessKind(rawValue: try p.get("process_kind")) ?? .recruitment),
                          stage: Stage(rawValue: try p.get("stage")) ?? .sourced, startedAt: try p.get("started_at"),
                          stageChangedAt: try p.get("stage_changed_at"),
                          basis: LegalBasis(rawValue: try p.get("basis")) ?? .contract,
                          employmentStartAt: try p.get("employment_start_at"), employmentEndAt: try p.get("employment_end_at"))
        } + withheldItems("participation", candidateId: candidateId).map {
            // A placeholder: its id and basis only. Its process is not told (id 0, no title, no dates); the gate
            // withholds it from its badge and derives nothing from it (`Participation.isPlaceholder`).
            Self.participationPlaceholder(id: $0.id, basis: $0.basis)
        }
    }

    func references(candidateId: Int64) throws -> [Reference] {
        try orForAdmin({ try visibleReferences(candidateId: candidateId) }, admin: {
            try adminItems("reference", candidateId: candidateId).reversed().map {
                Reference(id: $0.id, name: "", title: nil, workplace: nil, relationship: "", email: nil, phone: nil, basis: $0.basis,
                          restricted: $0.restricted, objected: $0.objected, collectedAt: Date(timeIntervalSince1970: 0), statements: [])
            }
        })
    }

    private func visibleReferences(candidateId: Int64) throws -> [Reference] {
        let records = try rows("SELECT * FROM rekry.reference WHERE candidate_id = \(candidateId) ORDER BY id")
            .map(Self.referenceRecord(from:))
        // A withheld referee's placeholder carries the flag that withholds it, so that the gate's own badge of the
        // row (the referee's flags and the candidate's) withholds it for the same reason.
        let withheld = try withheldItems("reference", candidateId: candidateId).reversed().map {
            Reference(id: $0.id, name: "", title: nil, workplace: nil, relationship: "", email: nil, phone: nil, basis: $0.basis,
                      restricted: $0.reason == WithholdReason.restricted.rawValue, objected: $0.reason == WithholdReason.objected.rawValue,
                      collectedAt: Date(timeIntervalSince1970: 0), statements: [])
        }
        guard !records.isEmpty else { return withheld }
        // Every statement of these references in one query (the policy reads each with its reference).
        var said: [Int64: [ReferenceStatement]] = [:]
        for row in try rows("""
            SELECT s.reference_id, s.given_at, s.text FROM rekry.reference_statement s
            JOIN rekry.reference r ON r.id = s.reference_id
            WHERE r.candidate_id = \(candidateId) ORDER BY s.given_at, s.id
            """) {
            said[try row.get("reference_id", as: Int64.self), default: []]
                .append(ReferenceStatement(givenAt: try row.get("given_at"), text: try row.get("text")))
        }
        return records.map { r in
            Reference(id: r.id, name: r.name, title: r.title, workplace: r.workplace, relationship: r.relationship,
                      email: r.email, phone: r.phone, basis: r.basis, restricted: r.restricted, objected: r.objected,
                      collectedAt: r.collectedAt, statements: said[r.id] ?? [])
        } + withheld
    }

    /// The visible assessments, newest first, then a placeholder for each withheld one.
    func assessments(candidateId: Int64) throws -> [Assessment] {
        try orForAdmin({ try visibleAssessments(candidateId: candidateId) }, admin: {
            try adminItems("assessment", candidateId: candidateId).map {
                Assessment(id: $0.id, kind: .interviewNote, provider: nil, title: "", score: nil, text: "",
                           recordedAt: Date(timeIntervalSince1970: 0), basis: $0.basis)
            }
        })
    }

    private func visibleAssessments(candidateId: Int64) throws -> [Assessment] {
        try rows("SELECT * FROM rekry.assessment WHERE candidate_id = \(candidateId) ORDER BY recorded_at DESC, id DESC")
            .map(Self.assessmentRecord(from:))
            + withheldItems("assessment", candidateId: candidateId).map {
                Assessment(id: $0.id, kind: .interviewNote, provider: nil, title: "", score: nil, text: "",
                           recordedAt: Date(timeIntervalSince1970: 0), basis: $0.basis)
            }
    }

    func disclosures(candidateId: Int64) throws -> [Disclosure] {
        try rows("SELECT recipient, disclosed_at, what FROM rekry.disclosure WHERE candidate_id = \(candidateId) ORDER BY disclosed_at DESC, id DESC").map {
            Disclosure(recipient: try $0.get("recipient"), disclosedAt: try $0.get("disclosed_at"), what: try $0.get("what"))
        }
    }

    /// Only among profiles the login may read: a withheld person's email is not matched (no covert channel).
    func candidatesMatching(email: String?, phone: String?) throws -> [Int64] {
        try values("""
            SELECT candidate_id FROM rekry.candidate_personal
            WHERE (email IS NOT NULL AND email = \(email)) OR (phone IS NOT NULL AND phone = \(phone))
            ORDER BY candidate_id
            """)
    }

    /// The highest id the identity has given out, or a higher one stored explicitly (a moved register's).
    func lastCandidateId() throws -> Int64 {
        try value("""
            SELECT greatest(coalesce((SELECT max(id) FROM rekry.candidate), 0),
                            coalesce(pg_sequence_last_value('rekry.candidate_id_seq'::regclass), 0))
            """) ?? 0
    }

    func recordChanges(candidateId: Int64) throws -> [RecordChange] {
        try rows("SELECT field, changed_at, changed_by, note FROM rekry.record_change WHERE candidate_id = \(candidateId) ORDER BY changed_at, id").map {
            RecordChange(field: try $0.get("field"), changedAt: try $0.get("changed_at"), changedBy: try $0.get("changed_by"),
                         note: try $0.get("note"))
        }
    }
}
