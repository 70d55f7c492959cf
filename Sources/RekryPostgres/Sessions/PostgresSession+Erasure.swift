import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Erasure on the team register. A member's policies do not show every row of a person they erase (a lapsed
/// consent withholds the items), and no member may DELETE a person's rows directly: the deletions go through
/// the SECURITY DEFINER functions of migration "v3 erasure and desks", each of which checks the caller's role
/// as WritePolicy does (leads and the DPO, a restricted record only the DPO). docs/postgres.md.
extension PostgresSession {
    /// `rekry.check_eraser` refuses the inventory of a record the caller may not erase (a restricted one, to all but
    /// the DPO), as WritePolicy does.
    var refusesInventoryToWhomPolicyRefuses: Bool { true }

    func erasureInventory(candidateId id: Int64) throws -> ErasureInventory? {
        guard let row = try rows("""
            SELECT pseudonym, basis, contact::bigint, links::bigint, documents::bigint, notes::bigint, assessments::bigint,
              "references"::bigint, statements::bigint, consents::bigint, participations::bigint, psych_reports::bigint,
              report_keys::bigint, report_grants::bigint, disclosures::bigint, record_changes::bigint,
              legal_documents::bigint, legal_assessments::bigint, legal_participations::bigint
            FROM rekry.erasure_inventory(\(id))
            """).first else { return nil }
        func count(_ column: String) throws -> Int { Int(try row.get(column, as: Int64.self)) }
        var inventory = ErasureInventory(candidateId: id, pseudonym: try row.get("pseudonym", as: String.self))
        inventory.contactDetails = try count("contact")
        inventory.links = try count("links")
        inventory.documents = try count("documents")
        inventory.notes = try count("notes")
        inventory.assessments = try count("assessments")
        inventory.references = try count("references")
        inventory.referenceStatements = try count("statements")
        inventory.consents = try count("consents")
        inventory.participations = try count("participations")
        inventory.psychReports = try count("psych_reports")
        inventory.reportKeys = try count("report_keys")
        inventory.reportGrants = try count("report_grants")
        inventory.disclosures = try count("disclosures")
        inventory.recordChanges = try count("record_changes")
        // The clients the profile went to, as far as the member may read the disclosures (the DPO all of them).
        inventory.recipients = try values("""
            SELECT DISTINCT recipient FROM rekry.disclosure WHERE candidate_id = \(id) ORDER BY recipient
            """, as: String.self)
        var legal: [String: Int] = [:]
        if try row.get("basis", as: String.self) == LegalBasis.legalObligation.rawValue { legal["profile"] = 1 }
        for (kind, column) in [("document", "legal_documents"), ("assessment", "legal_assessments"), ("participation", "legal_participations")] {
            let n = try count(column)
            if n > 0 { legal[kind] = n }
        }
        inventory.legalObligationItems = legal
        return inventory
    }

    func beginErasure(_ p: PendingErasure) throws {
        try run("""
            INSERT INTO rekry.erasure_pending (candidate_id, subject, request, actor, started_at)
            VALUES (\(p.candidateId), \(p.subject), \(p.request), \(p.actor), \(p.startedAt))
            ON CONFLICT (candidate_id) DO UPDATE SET subject = excluded.subject, request = excluded.request,
              actor = excluded.actor, started_at = excluded.started_at
            """)
    }

    func pendingErasures() throws -> [PendingErasure] {
        try rows("SELECT candidate_id, subject, request, actor, started_at FROM rekry.erasure_pending ORDER BY candidate_id").map {
            PendingErasure(candidateId: try $0.get("candidate_id", as: Int64.self), subject: try $0.get("subject", as: String.self),
                           request: try $0.get("request", as: String?.self), actor: try $0.get("actor", as: String.self),
                           startedAt: try $0.get("started_at", as: Date.self))
        }
    }

    /// Identity columns never give an id out twice, so unlike SQLite no id floor is raised.
    func deleteCandidate(id: Int64) throws {
        _ = try rows("SELECT rekry.delete_candidate(\(id))")
    }

    func endErasures(candidateIds: [Int64]) throws {
        guard !candidateIds.isEmpty else { return }
        try run("DELETE FROM rekry.erasure_pending WHERE candidate_id = ANY (\(candidateIds))")
    }

    func retentionDue(at: Date, limit: Int) throws -> [Int64] {
        try values("""
            SELECT id FROM rekry.candidate WHERE retention_due_at IS NOT NULL AND retention_due_at <= \(at)
              AND basis <> 'legal-obligation' ORDER BY retention_due_at, id LIMIT \(Int64(limit))
            """, as: Int64.self)
    }

    func deleteReferee(refereeId: Int64) throws -> (references: Int, statements: Int) {
        guard let row = try rows("SELECT removed::bigint, statements::bigint FROM rekry.delete_referee(\(refereeId))").first else { return (0, 0) }
        return (Int(try row.get("removed", as: Int64.self)), Int(try row.get("statements", as: Int64.self)))
    }

    func candidateId(pseudonym: String) throws -> Int64? {
        try value("SELECT id FROM rekry.candidate WHERE pseudonym = \(pseudonym)", as: Int64.self)
    }

    func recordErasure(_ e: ErasureRecord) throws {
        try run("""
            INSERT INTO rekry.erasure (subject, kind, erased_at, request, actor, categories)
            VALUES (\(e.subject), \(e.kind.rawValue), \(e.erasedAt), \(e.request), \(e.actor), \(e.categories))
            """)
    }

    func erasures(since: Date?) throws -> [ErasureRecord] {
        try rows("""
            SELECT subject, kind, erased_at, request, actor, categories FROM rekry.erasure
            WHERE \(since == nil) OR erased_at >= \(since ?? Date(timeIntervalSince1970: 0)) ORDER BY id
            """).map {
            ErasureRecord(subject: try $0.get("subject", as: String.self),
                          kind: ErasureRecord.Kind(rawValue: try $0.get("kind", as: String.self)) ?? .candidate,
                          erasedAt: try $0.get("erased_at", as: Date.self), request: try $0.get("request", as: String?.self),
                          actor: try $0.get("actor", as: String.self), categories: try $0.get("categories", as: String.self))
        }
    }

    func suppressionSecret() throws -> Data {
        guard let secret = try value("SELECT secret FROM rekry.suppression_secret", as: Data.self) else {
            throw RegisterError.damaged(path: "register", detail: "the suppression secret is missing (or this role may not read it)")
        }
        return secret
    }

    func insertSuppression(_ e: SuppressionEntry) throws {
        // Through a definer function (migration "v3 erasure by recruiters"): a recruiter erases but may not read the entries.
        _ = try rows("SELECT rekry.add_suppression(\(e.hash), \(e.createdAt), \(e.kind.rawValue), \(e.subject))")
    }

    func activeSuppression(hashes: [String]) throws -> SuppressionEntry? {
        guard !hashes.isEmpty else { return nil }
        return try rows("SELECT hash, kind, subject, created_at FROM rekry.active_suppression(\(hashes))").first.map {
            SuppressionEntry(hash: try $0.get("hash", as: String.self),
                             kind: SuppressionEntry.Kind(rawValue: try $0.get("kind", as: String.self)) ?? .email,
                             subject: try $0.get("subject", as: String.self), createdAt: try $0.get("created_at", as: Date.self))
        }
    }

    func liftSuppression(subject: String, at: Date, by: String, reason: String) throws -> Int {
        try run("""
            UPDATE rekry.suppression SET lifted_at = \(at), lifted_by = \(by), lift_reason = \(reason)
            WHERE subject = \(subject) AND lifted_at IS NULL
            """)
    }

    /// The candidates holding data in `category`, as far as the member's policies show them: a lead's run
    /// leaves withheld people (their contact details are not visible to the lead) for the DPO's run.
    func retentionFacts(holding category: String) throws -> [RetentionFacts] {
        let holds: String
        switch category {
        case "contact-details":
            holds = "(p.email IS NOT NULL OR p.phone IS NOT NULL OR p.postal_address IS NOT NULL OR EXISTS (SELECT 1 FROM rekry.candidate_link l WHERE l.candidate_id = c.id))"
        case "psych-report":
            holds = "EXISTS (SELECT 1 FROM rekry.psych_report r WHERE r.candidate_id = c.id)"
        case "reference-report":
            holds = "EXISTS (SELECT 1 FROM rekry.reference r WHERE r.candidate_id = c.id)"
        case "test-results":
            holds = "EXISTS (SELECT 1 FROM rekry.assessment a WHERE a.candidate_id = c.id AND a.kind = 'test')"
        default:
            throw RegisterError.invalid(field: "--category", message: "'\(category)' is not a category retention takes on its own")
        }
        return try rows("""
            SELECT c.id, c.pseudonym, coalesce(p.country, 'SE') AS country, c.last_activity_at,
              (SELECT CASE WHEN count(*) = 0 OR bool_or(pr.closed_at IS NULL) THEN NULL ELSE max(pr.closed_at) END
                 FROM rekry.participation x JOIN rekry.process pr ON pr.id = x.process_id WHERE x.candidate_id = c.id) AS last_closed_at,
              EXISTS (SELECT 1 FROM rekry.participation x WHERE x.candidate_id = c.id AND x.stage = 'hired') AS hired
            FROM rekry.candidate c LEFT JOIN rekry.candidate_personal p ON p.candidate_id = c.id
            WHERE \(unescaped: holds) AND c.basis <> 'legal-obligation'
              AND NOT EXISTS (SELECT 1 FROM rekry.erasure_pending e WHERE e.candidate_id = c.id)
            ORDER BY c.id
            """).map { row in
            RetentionFacts(candidateId: try row.get("id", as: Int64.self), pseudonym: try row.get("pseudonym", as: String.self),
                           country: try row.get("country", as: String.self), lastActivityAt: try row.get("last_activity_at", as: Date.self),
                           lastProcessClosedAt: try row.get("last_closed_at", as: Date?.self), hired: try row.get("hired", as: Bool.self))
        }
    }

    func deleteLinks(candidateId: Int64) throws -> Int {
        Int(try value("SELECT rekry.delete_links(\(candidateId))::bigint", as: Int64.self) ?? 0)
    }

    func deletePsychReports(candidateId: Int64) throws -> Int {
        Int(try value("SELECT rekry.delete_psych_reports(\(candidateId))::bigint", as: Int64.self) ?? 0)
    }

    func deleteReferences(candidateId: Int64) throws -> (references: Int, statements: Int) {
        guard let row = try rows("SELECT removed::bigint, statements::bigint FROM rekry.delete_references(\(candidateId))").first else { return (0, 0) }
        return (Int(try row.get("removed", as: Int64.self)), Int(try row.get("statements", as: Int64.self)))
    }

    /// The text-search column goes with the row: nothing to take out of an index beforehand.
    func deleteAssessments(candidateId: Int64, kind: Assessment.Kind) throws -> Int {
        Int(try value("SELECT rekry.delete_assessments(\(candidateId), \(kind.rawValue))::bigint", as: Int64.self) ?? 0)
    }

    func replaceText(candidateId: Int64, rowid: Int64, body: String, entry: TextIndexEntry) throws {
        let (table, column) = rowid > 0 ? ("document", "body") : ("assessment", "text")
        _ = try rows("SELECT rekry.redact_text(\(candidateId), \(table), \(abs(rowid)), \(column), \(body), \(entry.folded))")
    }

    /// Reads the short texts the member's policies show (the DPO, whose purpose is `dsr`, reads them all) and
    /// writes each redaction through `rekry.redact_text`.
    func redactShortTexts(candidateId: Int64, _ redact: (String) -> String?) throws -> Int {
        // (table, its free-text columns, how its rows belong to the candidate: the SQL around the candidate's id)
        var places: [(table: String, columns: [String], owner: (String, String))] = [
            ("document", ["title"], ("candidate_id =", "")),
            ("assessment", ["title", "provider", "score"], ("candidate_id =", "")),
            ("disclosure", ["recipient", "what"], ("candidate_id =", "")),
            ("reference_statement", ["text"], ("reference_id IN (SELECT id FROM rekry.reference WHERE candidate_id =", ")")),
            ("consent", ["channel", "text"], ("candidate_id =", "")),
        ]
        if try value("SELECT to_regclass('rekry.record_change') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('rekry.record_change') AND attname = 'note' AND NOT attisdropped)", as: Bool.self) == true {
            places.append(("record_change", ["note"], ("candidate_id =", "")))
        }
        var changed = 0
        for place in places {
            let columns = place.columns.joined(separator: ", ")
            let query: PostgresQuery = """
                SELECT id, \(unescaped: columns) FROM rekry.\(unescaped: place.table)
                WHERE \(unescaped: place.owner.0) \(candidateId) \(unescaped: place.owner.1) ORDER BY id
                """
            for row in try rows(query) {
                let id = try row.get("id", as: Int64.self)
                var touched = false
                for column in place.columns {
                    guard let text = try row.get(column, as: String?.self), let redacted = redact(text) else { continue }
                    _ = try rows("SELECT rekry.redact_text(\(candidateId), \(place.table), \(id), \(column), \(redacted))")
                    touched = true
                }
                if touched { changed += 1 }
            }
        }
        // The DPO's notes on the person's requests: the DPO's table, which only the DPO reads and writes.
        if try value("SELECT rekry.session_role()", as: String.self) == "dpo" {
            for row in try rows("SELECT id, verification_note, extension_reason FROM rekry.data_request WHERE candidate_id = \(candidateId) ORDER BY id") {
                let id = try row.get("id", as: Int64.self)
                let note = try row.get("verification_note", as: String?.self).flatMap(redact)
                let reason = try row.get("extension_reason", as: String?.self).flatMap(redact)
                guard note != nil || reason != nil else { continue }
                try run("""
                    UPDATE rekry.data_request SET verification_note = coalesce(\(note), verification_note),
                      extension_reason = coalesce(\(reason), extension_reason) WHERE id = \(id)
                    """)
                changed += 1
            }
        }
        return changed
    }

    func referenceRow(refereeId: Int64) throws -> Int64? {
        try value("SELECT id FROM rekry.reference WHERE referee_id = \(refereeId) ORDER BY id LIMIT 1", as: Int64.self)
    }

    func recordCategoryErasure(_ e: CategoryErasureRecord) throws {
        try run("""
            INSERT INTO rekry.category_erasure (subject, category, erased_at, request, actor, rule, counts)
            VALUES (\(e.subject), \(e.category), \(e.erasedAt), \(e.request), \(e.actor), \(e.rule), \(e.counts))
            """)
    }

    func categoryErasures(since: Date?) throws -> [CategoryErasureRecord] {
        try rows("""
            SELECT subject, category, erased_at, request, actor, rule, counts FROM rekry.category_erasure
            WHERE \(since == nil) OR erased_at >= \(since ?? Date(timeIntervalSince1970: 0)) ORDER BY id
            """).map {
            CategoryErasureRecord(subject: try $0.get("subject", as: String.self), category: try $0.get("category", as: String.self),
                                  erasedAt: try $0.get("erased_at", as: Date.self), request: try $0.get("request", as: String?.self),
                                  actor: try $0.get("actor", as: String.self), rule: try $0.get("rule", as: String.self),
                                  counts: try $0.get("counts", as: String.self))
        }
    }
}

extension PostgresSession {
    /// Makes finished erasures final as far as a member's login can (see docs/postgres.md); returns how many of
    /// the member's erasures it has just found waiting for the database administrator (0: nothing new to say).
    ///
    /// The rows are gone when the erasing transaction commits; their bytes are not. A member cannot VACUUM the
    /// owner's tables, and nothing vacuums inside a transaction: the dead rows stay in their pages (and the WAL)
    /// until the administrator's job (`PostgresMaintenance.vacuumErasedScript`) has run VACUUM FULL and
    /// checkpointed; the job records each run in `rekry.vacuum_run`, and every erasure and category erasure is
    /// logged with the server's time. Each of the member's erasures logged since the last run began is reported
    /// once (`rekry.erasure_notice` keeps how far) through `PostgresRegister.erasedBytesAwaitingAdministrator`, so
    /// that the gate's receipt says the bytes are not gone; the job makes it final for every row version at once.
    func finishErasures() throws -> Int {
        // Recruiters, leads and the DPO erase (WritePolicy.eraseCandidate); an admin has nothing of theirs to finish.
        guard let role = try value("SELECT rekry.session_role()", as: String.self), ["recruiter", "lead", "dpo"].contains(role) else { return 0 }
        // One statement, so that the newest time reported is the server's own value (no round trip through a Date).
        return Int(try value("""
            WITH last AS (SELECT coalesce(max(started_at), '-infinity') AS at FROM rekry.vacuum_run),
            seen AS (SELECT coalesce(max(reported_through), '-infinity') AS at FROM rekry.erasure_notice WHERE actor = rekry.erasure_actor()),
            fresh AS (
              SELECT e.logged_at FROM rekry.erasure e, last, seen
              WHERE e.actor = rekry.erasure_actor() AND e.logged_at >= last.at AND e.logged_at > seen.at
              UNION ALL
              SELECT e.logged_at FROM rekry.category_erasure e, last, seen
              WHERE e.actor = rekry.erasure_actor() AND e.logged_at >= last.at AND e.logged_at > seen.at),
            noted AS (
              INSERT INTO rekry.erasure_notice (actor, reported_through)
              SELECT rekry.erasure_actor(), max(logged_at) FROM fresh HAVING count(*) > 0
              ON CONFLICT (actor) DO UPDATE SET reported_through = greatest(rekry.erasure_notice.reported_through, excluded.reported_through)
              RETURNING 1)
            SELECT count(*)::bigint FROM fresh
            """, as: Int64.self) ?? 0)
    }

}
