import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Stores what the write model hands down, as the signed-in login: the server's INSERT and UPDATE policies
/// refuse a write the gate would refuse (migration "v3 candidates").
extension PostgresSession {
    /// The next id of a table's identity, taken before the insert: an INSERT … RETURNING would need the new row
    /// to be readable, and a referee's row may be one its writer cannot read.
    func nextId(_ table: String) throws -> Int64 {
        guard let id = try value("SELECT nextval(pg_get_serial_sequence(\(table), 'id'))", as: Int64.self) else {
            throw RegisterError.refused("internal: \(table) has no identity")
        }
        return id
    }

    func insertCandidate(_ record: CandidateRecord) throws -> Int64 {
        let id = try nextId("rekry.candidate")
        let d = record.derived
        try run("""
            INSERT INTO rekry.candidate (id, pseudonym, basis, consent_purpose, restricted, objected, source, collected_at,
              notified_at, last_activity_at, retention_due_at, consent_given_at, consent_expires_at, consent_withdrawn_at)
            VALUES (\(id), \(record.pseudonym), \(record.basis.rawValue), \(record.consentPurpose?.rawValue), \(record.restricted),
              \(record.objected), \(record.source.rawValue), \(record.collectedAt), \(record.notifiedAt), \(d.lastActivityAt),
              \(d.retentionDueAt), \(d.consent?.givenAt), \(d.consent?.expiresAt), \(d.consent?.withdrawnAt))
            """)
        try run("""
            INSERT INTO rekry.candidate_personal (candidate_id, full_name, email, phone, home_town, postal_address, birth_year,
              current_title, current_employer, country, source_detail, stage, stage_rank, name_key, collation_key, search_tokens)
            VALUES (\(id), \(record.fullName), \(record.email), \(record.phone), \(record.homeTown), \(record.postalAddress),
              \(record.birthYear.map(Int32.init)), \(record.currentTitle), \(record.currentEmployer), \(record.country),
              \(record.sourceDetail), \(d.stage?.rawValue), \(Int32(d.stageRank)), \(d.nameKey), \(d.collationKey), \(d.searchTokens))
            """)
        return id
    }

    /// Row-level security withholds a lapsed profile from a recruiter's or lead's login, and the write model
    /// cannot re-derive what it cannot read: the gate leaves those corrections and erasures to the DPO.
    var writesOnlyReadableProfiles: Bool { true }

    /// Replaces both rows of a candidate. The profile row is written only where the login reads it (a record
    /// read withheld carries no profile to write back, and an edit of one is refused, not dropped); the consent
    /// copy and the retention date only where the login could read what they are derived from (consents,
    /// processes): a lead lifting a restriction does not overwrite them with what their own view lacked.
    func updateCandidate(_ record: CandidateRecord) throws {
        let d = record.derived
        let withheld = record.fullName.isEmpty
        if withheld {
            // Decoded from a withheld profile: any profile field set here was set by the caller, and cannot be stored
            // through this login.
            if record.email != nil || record.phone != nil || record.homeTown != nil || record.postalAddress != nil
                || record.birthYear != nil || record.currentTitle != nil || record.currentEmployer != nil
                || record.sourceDetail != nil || !record.country.isEmpty {
                throw RegisterError.refused("edit candidate \(record.id): refused, the record's profile is withheld from this login on the server (the DPO corrects it, answering the person's request)")
            }
        } else {
            let changed = try run("""
                UPDATE rekry.candidate_personal SET full_name = \(record.fullName), email = \(record.email), phone = \(record.phone),
                  home_town = \(record.homeTown), postal_address = \(record.postalAddress), birth_year = \(record.birthYear.map(Int32.init)),
                  current_title = \(record.currentTitle), current_employer = \(record.currentEmployer), country = \(record.country),
                  source_detail = \(record.sourceDetail), stage = \(d.stage?.rawValue), stage_rank = \(Int32(d.stageRank)),
                  name_key = \(d.nameKey), collation_key = \(d.collationKey), search_tokens = \(d.searchTokens)
                WHERE candidate_id = \(record.id)
                """)
            if changed == 0 {
                guard try value("SELECT EXISTS (SELECT 1 FROM rekry.candidate WHERE id = \(record.id))", as: Bool.self) == true else {
                    throw RegisterError.notFound(what: "candidate \(record.id)")
                }
                // This transaction read the profile visible and made the record lapse since (a consent withdrawn,
                // a restriction set): the row is now withheld from the login's own next statement. Nothing the
                // caller set in it changed, so it stays as it is; a real edit of it is refused, never dropped.
                guard let read = link.profileRead(record.id), Self.sameProfile(read, record) else {
                    throw RegisterError.refused("edit candidate \(record.id): refused, the record's profile is withheld from this login on the server")
                }
            }
        }
        // may_read is evaluated on the rows as they were before this statement: what the writer's view held.
        let changed = try run("""
            UPDATE rekry.candidate SET pseudonym = \(record.pseudonym), basis = \(record.basis.rawValue),
              consent_purpose = \(record.consentPurpose?.rawValue), restricted = \(record.restricted), objected = \(record.objected),
              source = \(record.source.rawValue), collected_at = \(record.collectedAt), notified_at = \(record.notifiedAt),
              last_activity_at = \(d.lastActivityAt),
              retention_due_at = CASE WHEN rekry.session_role() IS NULL
                                        OR (rekry.may_read(id, 'consent') AND rekry.may_read(id, 'processes'))
                                      THEN \(d.retentionDueAt) ELSE retention_due_at END,
              consent_given_at = CASE WHEN rekry.session_role() IS NULL OR rekry.may_read(id, 'consent')
                                      THEN \(d.consent?.givenAt) ELSE consent_given_at END,
              consent_expires_at = CASE WHEN rekry.session_role() IS NULL OR rekry.may_read(id, 'consent')
                                        THEN \(d.consent?.expiresAt) ELSE consent_expires_at END,
              consent_withdrawn_at = CASE WHEN rekry.session_role() IS NULL OR rekry.may_read(id, 'consent')
                                          THEN \(d.consent?.withdrawnAt) ELSE consent_withdrawn_at END
            WHERE id = \(record.id)
            """)
        if changed == 0 { throw RegisterError.notFound(what: "candidate \(record.id)") }
    }

    /// Whether two decodings of a candidate hold the same profile (the fields of `rekry.candidate_personal` a
    /// caller sets; the derived ones follow from them and from facts the login may no longer read).
    static func sameProfile(_ a: CandidateRecord, _ b: CandidateRecord) -> Bool {
        a.fullName == b.fullName && a.email == b.email && a.phone == b.phone && a.homeTown == b.homeTown
            && a.postalAddress == b.postalAddress && a.birthYear == b.birthYear && a.currentTitle == b.currentTitle
            && a.currentEmployer == b.currentEmployer && a.country == b.country && a.sourceDetail == b.sourceDetail
    }

    func insertLink(candidateId: Int64, _ link: ProfileLink) throws {
        try run("""
            INSERT INTO rekry.candidate_link (candidate_id, kind, url, source)
            VALUES (\(candidateId), \(link.kind), \(link.url), \(link.source.rawValue))
            """)
    }

    func insertConsent(candidateId: Int64, _ c: ConsentRecord) throws -> Int64 {
        let id = try nextId("rekry.consent")
        try run("""
            INSERT INTO rekry.consent (id, candidate_id, purpose, given_at, expires_at, withdrawn_at, channel, text)
            VALUES (\(id), \(candidateId), \(c.purpose.rawValue), \(c.givenAt), \(c.expiresAt), \(c.withdrawnAt), \(c.channel), \(c.text))
            """)
        return id
    }

    func insertDisclosure(candidateId: Int64, _ d: Disclosure) throws {
        try run("""
            INSERT INTO rekry.disclosure (candidate_id, recipient, disclosed_at, what)
            VALUES (\(candidateId), \(d.recipient), \(d.disclosedAt), \(d.what))
            """)
    }

    func withdrawConsent(id: Int64, at: Date) throws {
        try run("UPDATE rekry.consent SET withdrawn_at = \(at) WHERE id = \(id)")
    }

    func insertDocument(candidateId: Int64, _ d: Document) throws -> Int64 {
        let id = try nextId("rekry.document")
        try run("""
            INSERT INTO rekry.document (id, candidate_id, kind, title, body, received_at, basis)
            VALUES (\(id), \(candidateId), \(d.kind.rawValue), \(d.title), \(d.body), \(d.receivedAt), \(d.basis.rawValue))
            """)
        return id
    }

    func insertAssessment(candidateId: Int64, _ a: Assessment) throws -> Int64 {
        let id = try nextId("rekry.assessment")
        try run("""
            INSERT INTO rekry.assessment (id, candidate_id, kind, provider, title, score, text, recorded_at, basis)
            VALUES (\(id), \(candidateId), \(a.kind.rawValue), \(a.provider), \(a.title), \(a.score), \(a.text), \(a.recordedAt),
              \(a.basis.rawValue))
            """)
        return id
    }

    func insertReference(_ r: ReferenceRecord, refereeId: Int64?) throws -> Int64 {
        let id = try nextId("rekry.reference")
        try run("""
            INSERT INTO rekry.reference (id, candidate_id, referee_id, name, title, workplace, relationship, email, phone, basis,
              restricted, objected, collected_at)
            VALUES (\(id), \(r.candidateId), \(refereeId ?? id), \(r.name), \(r.title), \(r.workplace), \(r.relationship), \(r.email),
              \(r.phone), \(r.basis.rawValue), \(r.restricted), \(r.objected), \(r.collectedAt))
            """)
        return id
    }

    func insertStatement(referenceId: Int64, _ s: ReferenceStatement) throws {
        try run("""
            INSERT INTO rekry.reference_statement (reference_id, given_at, text) VALUES (\(referenceId), \(s.givenAt), \(s.text))
            """)
    }

    func referees(email: String?, phone: String?) throws -> [RefereeMatch] {
        try rows("""
            SELECT * FROM rekry.reference
            WHERE (email IS NOT NULL AND email = \(email)) OR (phone IS NOT NULL AND phone = \(phone)) ORDER BY id
            """).map(Self.refereeMatch(from:))
    }

    /// A referee row the login may not read decodes like a withheld profile: its placeholder (`rekry.item_badge`:
    /// the id, the candidate, the basis and why it is withheld), with no name or contact details, and as its own
    /// person (the referee it shares with visible rows is not told). The gate withholds it from its badge.
    func reference(id: Int64) throws -> RefereeMatch? {
        if try isAdmin() { return try adminReference(id: id) }
        if let row = try rows("SELECT * FROM rekry.reference WHERE id = \(id)").first { return try Self.refereeMatch(from: row) }
        guard let badge = try rows("""
            SELECT candidate_id, basis, withheld_because,
                   rekry.withhold_reason(candidate_id, 'references', basis) AS candidates_reason
            FROM rekry.item_badge WHERE kind = 'reference' AND id = \(id)
            """).first else { return nil }
        let reason = try badge.get("withheld_because", as: String?.self)
        // Only where the candidate's own badge withholds the row: the gate then withholds the placeholder from
        // facts it reads itself. A row withheld for the referee's own restriction or objection would look usable
        // to it (and show an empty name), so it is not found instead.
        guard let reason, reason == (try badge.get("candidates_reason", as: String?.self)),
              reason != WithholdReason.objected.rawValue else { return nil }
        let record = ReferenceRecord(id: id, candidateId: try badge.get("candidate_id"), name: "", title: nil, workplace: nil,
                                     relationship: "", email: nil, phone: nil,
                                     basis: LegalBasis(rawValue: try badge.get("basis")) ?? .legitimateInterest,
                                     restricted: reason == WithholdReason.restricted.rawValue,
                                     objected: reason == WithholdReason.objected.rawValue,
                                     collectedAt: Date(timeIntervalSince1970: 0))
        return RefereeMatch(refereeId: id, record: record)
    }

    /// An admin's placeholder of one reference (`rekry.admin_reference`): its candidate, basis and flags, as its
    /// own person; the gate withholds its name from the role and lists none of whom they refer.
    func adminReference(id: Int64) throws -> RefereeMatch? {
        try rows("SELECT id, candidate_id, basis, restricted, objected FROM rekry.admin_reference(\(id))").first.map {
            RefereeMatch(refereeId: id, record: ReferenceRecord(
                id: id, candidateId: try $0.get("candidate_id"), name: "", title: nil, workplace: nil, relationship: "",
                email: nil, phone: nil, basis: LegalBasis(rawValue: try $0.get("basis")) ?? .legitimateInterest,
                restricted: try $0.get("restricted"), objected: try $0.get("objected"), collectedAt: Date(timeIntervalSince1970: 0)))
        }
    }

    func references(refereeId: Int64) throws -> [ReferenceRecord] {
        if try isAdmin() { return try adminReference(id: refereeId).map { [$0.record] } ?? [] }
        return try rows("SELECT * FROM rekry.reference WHERE referee_id = \(refereeId) ORDER BY id").map(Self.referenceRecord(from:))
    }

    func logChange(candidateId: Int64, _ change: RecordChange) throws {
        try run("""
            INSERT INTO rekry.record_change (candidate_id, field, changed_at, changed_by, note)
            VALUES (\(candidateId), \(change.field), \(change.changedAt), \(change.changedBy), \(change.note))
            """)
    }
}
