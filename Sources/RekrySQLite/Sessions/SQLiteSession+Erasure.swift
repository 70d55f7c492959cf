import Foundation
import GRDB
import RekryFullText
import RekryDomain
import RekryStorage

extension SQLiteSession {
    func erasureInventory(candidateId id: Int64) throws -> ErasureInventory? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT pseudonym, basis, (email IS NOT NULL) + (phone IS NOT NULL) + (postalAddress IS NOT NULL) + (homeTown IS NOT NULL) AS contact
            FROM candidate WHERE id = ?
            """, arguments: [id]) else { return nil }
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [id]) ?? 0 }
        var inventory = ErasureInventory(candidateId: id, pseudonym: row["pseudonym"])
        inventory.contactDetails = row["contact"]
        inventory.links = try count("SELECT count(*) FROM candidateLink WHERE candidateId = ?")
        inventory.documents = try count("SELECT count(*) FROM document WHERE candidateId = ?")
        inventory.notes = try count("SELECT count(*) FROM assessment WHERE candidateId = ? AND kind = 'interview-note'")
        inventory.assessments = try count("SELECT count(*) FROM assessment WHERE candidateId = ? AND kind <> 'interview-note'")
        inventory.references = try count("SELECT count(*) FROM reference WHERE candidateId = ?")
        inventory.referenceStatements = try count("SELECT count(*) FROM referenceStatement s JOIN reference r ON r.id = s.referenceId WHERE r.candidateId = ?")
        inventory.consents = try count("SELECT count(*) FROM consent WHERE candidateId = ?")
        inventory.participations = try count("SELECT count(*) FROM participation WHERE candidateId = ?")
        inventory.psychReports = try count("SELECT count(*) FROM psychReport WHERE candidateId = ?")
        inventory.reportKeys = try count("SELECT count(*) FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ?")
        inventory.reportGrants = try count("SELECT count(*) FROM reportGrant g JOIN psychReport r ON r.id = g.reportId WHERE r.candidateId = ?")
        inventory.disclosures = try count("SELECT count(*) FROM disclosure WHERE candidateId = ?")
        inventory.recordChanges = try count("SELECT count(*) FROM recordChange WHERE candidateId = ?")
        inventory.recipients = try String.fetchAll(db, sql: "SELECT DISTINCT recipient FROM disclosure WHERE candidateId = ? ORDER BY recipient", arguments: [id])
        var legal: [String: Int] = [:]
        if (row["basis"] as String) == "legal-obligation" { legal["profile"] = 1 }
        for table in ["document", "assessment", "participation"] {
            let n = try count("SELECT count(*) FROM \(table) WHERE candidateId = ? AND basis = 'legal-obligation'")
            if n > 0 { legal[table] = n }
        }
        inventory.legalObligationItems = legal
        return inventory
    }

    func beginErasure(_ p: PendingErasure) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO erasurePending(candidateId, subject, request, actor, startedAt) VALUES (?, ?, ?, ?, ?)",
                       arguments: [p.candidateId, p.subject, p.request, p.actor, p.startedAt.sql])
    }

    func pendingErasures() throws -> [PendingErasure] {
        try Row.fetchAll(db, sql: "SELECT * FROM erasurePending ORDER BY candidateId").map {
            PendingErasure(candidateId: $0["candidateId"], subject: $0["subject"], request: $0["request"], actor: $0["actor"],
                           startedAt: Date(sql: $0["startedAt"]))
        }
    }

    func deleteCandidate(id: Int64) throws {
        // Raise each floor to the highest id given out so far: the next row is numbered above it even when
        // the erased row was the last one (SQLite would otherwise hand its id to the next insert).
        for table in Self.flooredTables {
            try db.execute(sql: """
                INSERT INTO idFloor(tableName, floor) VALUES (?, ifnull((SELECT max(id) FROM \(table)), 0))
                ON CONFLICT(tableName) DO UPDATE SET floor = max(floor, excluded.floor)
                """, arguments: [table])
        }
        try forgetDeskLinks(candidateId: id)
        try db.execute(sql: "DELETE FROM reportGrant WHERE reportId IN (SELECT id FROM psychReport WHERE candidateId = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM psychReport WHERE candidateId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [id])
    }

    func endErasures(candidateIds: [Int64]) throws {
        for id in candidateIds { try db.execute(sql: "DELETE FROM erasurePending WHERE candidateId = ?", arguments: [id]) }
    }

    /// Tables whose ids are never given out twice: candidates, and the texts that are full-text row ids.
    static let flooredTables = ["candidate", "document", "assessment"]

    /// The id the next row of `table` gets: above every id it ever held (see `deleteCandidate`).
    static func nextIdSQL(_ table: String) -> String {
        "(SELECT max(ifnull((SELECT max(id) FROM \(table)), 0), ifnull((SELECT floor FROM idFloor WHERE tableName = '\(table)'), 0)) + 1)"
    }

    func retentionDue(at: Date, limit: Int) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM candidate WHERE retentionDueAt IS NOT NULL AND retentionDueAt <= ?
              AND basis <> 'legal-obligation' ORDER BY retentionDueAt, id LIMIT ?
            """, arguments: [at.sql, limit])
    }

    func deleteReferee(refereeId: Int64) throws -> (references: Int, statements: Int) {
        let statements = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM referenceStatement WHERE referenceId IN (SELECT id FROM reference WHERE refereeId = ?)
            """, arguments: [refereeId]) ?? 0
        try forgetDeskLinks(refereeId: refereeId)
        try db.execute(sql: "DELETE FROM reference WHERE refereeId = ?", arguments: [refereeId])
        return (db.changesCount, statements)
    }

    func candidateId(pseudonym: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM candidate WHERE pseudonym = ?", arguments: [pseudonym])
    }

    func recordErasure(_ e: ErasureRecord) throws {
        try db.execute(sql: "INSERT INTO erasure(subject, kind, erasedAt, request, actor, categories) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [e.subject, e.kind.rawValue, e.erasedAt.sql, e.request, e.actor, e.categories])
    }

    func erasures(since: Date?) throws -> [ErasureRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM erasure WHERE erasedAt >= ? ORDER BY id", arguments: [since?.sql ?? 0]).map {
            ErasureRecord(subject: $0["subject"], kind: ErasureRecord.Kind(rawValue: $0["kind"]) ?? .candidate, erasedAt: Date(sql: $0["erasedAt"]),
                          request: $0["request"], actor: $0["actor"], categories: $0["categories"])
        }
    }

    func suppressionSecret() throws -> Data {
        guard let hex = try String.fetchOne(db, sql: "SELECT value FROM registerInfo WHERE key = 'suppressionSecret'") else {
            throw RegisterError.damaged(path: "register", detail: "the suppression secret is missing")
        }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return Data(bytes)
    }

    func insertSuppression(_ e: SuppressionEntry) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO suppression(hash, createdAt, kind, subject) VALUES (?, ?, ?, ?)",
                       arguments: [e.hash, e.createdAt.sql, e.kind.rawValue, e.subject])
    }

    func activeSuppression(hashes: [String]) throws -> SuppressionEntry? {
        guard !hashes.isEmpty else { return nil }
        let marks = Array(repeating: "?", count: hashes.count).joined(separator: ",")
        return try Row.fetchOne(db, sql: "SELECT * FROM suppression WHERE hash IN (\(marks)) AND liftedAt IS NULL LIMIT 1",
                                arguments: StatementArguments(hashes)).map {
            SuppressionEntry(hash: $0["hash"], kind: SuppressionEntry.Kind(rawValue: $0["kind"]) ?? .email, subject: $0["subject"],
                             createdAt: Date(sql: $0["createdAt"]))
        }
    }

    func liftSuppression(subject: String, at: Date, by: String, reason: String) throws -> Int {
        try db.execute(sql: "UPDATE suppression SET liftedAt = ?, liftedBy = ?, liftReason = ? WHERE subject = ? AND liftedAt IS NULL",
                       arguments: [at.sql, by, reason, subject])
        return db.changesCount
    }

    func retentionFacts(holding category: String) throws -> [RetentionFacts] {
        let holds: String
        switch category {
        case "contact-details":
            holds = "(c.email IS NOT NULL OR c.phone IS NOT NULL OR c.postalAddress IS NOT NULL OR EXISTS (SELECT 1 FROM candidateLink l WHERE l.candidateId = c.id))"
        case "psych-report":
            holds = "EXISTS (SELECT 1 FROM psychReport r WHERE r.candidateId = c.id)"
        case "reference-report":
            holds = "EXISTS (SELECT 1 FROM reference r WHERE r.candidateId = c.id)"
        case "test-results":
            holds = "EXISTS (SELECT 1 FROM assessment a WHERE a.candidateId = c.id AND a.kind = 'test')"
        default:
            throw RegisterError.invalid(field: "--category", message: "'\(category)' is not a category retention takes on its own")
        }
        return try Row.fetchAll(db, sql: """
            SELECT c.id, c.pseudonym, c.country, c.lastActivityAt,
              (SELECT CASE WHEN count(*) = 0 OR sum(pr.closedAt IS NULL) > 0 THEN NULL ELSE max(pr.closedAt) END
                 FROM participation p JOIN process pr ON pr.id = p.processId WHERE p.candidateId = c.id) AS lastClosedAt,
              EXISTS (SELECT 1 FROM participation p WHERE p.candidateId = c.id AND p.stage = 'hired') AS hired
            FROM candidate c
            WHERE \(holds) AND c.basis <> 'legal-obligation'
              AND NOT EXISTS (SELECT 1 FROM erasurePending e WHERE e.candidateId = c.id)
            ORDER BY c.id
            """).map { row in
            RetentionFacts(candidateId: row["id"], pseudonym: row["pseudonym"], country: row["country"],
                           lastActivityAt: Date(sql: row["lastActivityAt"]),
                           lastProcessClosedAt: (row["lastClosedAt"] as Double?).map(Date.init(sql:)), hired: row["hired"])
        }
    }

    func deleteLinks(candidateId: Int64) throws -> Int {
        try db.execute(sql: "DELETE FROM candidateLink WHERE candidateId = ?", arguments: [candidateId])
        return db.changesCount
    }

    func deletePsychReports(candidateId: Int64) throws -> Int {
        try db.execute(sql: "DELETE FROM psychReport WHERE candidateId = ?", arguments: [candidateId])
        return db.changesCount
    }

    func referenceRow(refereeId: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM reference WHERE refereeId = ? LIMIT 1", arguments: [refereeId])
    }

    func recordCategoryErasure(_ e: CategoryErasureRecord) throws {
        try db.execute(sql: """
            INSERT INTO categoryErasure(subject, category, erasedAt, request, actor, rule, counts) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.subject, e.category, e.erasedAt.sql, e.request, e.actor, e.rule, e.counts])
    }

    func categoryErasures(since: Date?) throws -> [CategoryErasureRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM categoryErasure WHERE erasedAt >= ? ORDER BY id", arguments: [since?.sql ?? 0]).map {
            CategoryErasureRecord(subject: $0["subject"], category: $0["category"], erasedAt: Date(sql: $0["erasedAt"]),
                                  request: $0["request"], actor: $0["actor"], rule: $0["rule"], counts: $0["counts"])
        }
    }

    func replaceText(candidateId: Int64, rowid: Int64, body: String, entry: TextIndexEntry) throws {
        guard let text else {
            throw RegisterError.refused("internal: text was replaced in a transaction not opened for indexing text")
        }
        let table = rowid > 0 ? "document" : "assessment", column = rowid > 0 ? "body" : "text", id = abs(rowid)
        guard let old = try String.fetchOne(db, sql: "SELECT \(column) FROM main.\(table) WHERE id = ? AND candidateId = ?", arguments: [id, candidateId]) else {
            return
        }
        // The old words go from the index before the row changes (see `TextIndex`).
        try text.remove([FullTextEntry(rowid: rowid, folded: SearchFolding.fold(old))])
        try db.execute(sql: "UPDATE main.\(table) SET \(column) = ? WHERE id = ?", arguments: [body, id])
        text.add(FullTextEntry(rowid: entry.rowid, folded: entry.folded))
    }

    func redactShortTexts(candidateId: Int64, _ redact: (String) -> String?) throws -> Int {
        // (table, its free-text columns, how its rows belong to the candidate)
        let places: [(table: String, columns: [String], owner: String)] = [
            ("document", ["title"], "candidateId = ?"),
            ("assessment", ["title", "provider", "score"], "candidateId = ?"),
            ("disclosure", ["recipient", "what"], "candidateId = ?"),
            ("referenceStatement", ["text"], "referenceId IN (SELECT id FROM reference WHERE candidateId = ?)"),
            // The rectification log's notes (a notice's channel, a restriction's reason) and the DPO's notes on
            // the person's requests.
            ("recordChange", ["note"], "candidateId = ?"),
            ("dataRequest", ["verificationNote", "extensionReason"], "candidateId = ?"),
            // v12 lets a consent's channel and wording change only to a redaction.
            ("consent", ["channel", "text"], "candidateId = ?"),
        ]
        var changed = 0
        for place in places {
            let columns = place.columns.joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT id, \(columns) FROM main.\(place.table) WHERE \(place.owner)", arguments: [candidateId]) {
                var values: [String: String] = [:]
                for column in place.columns {
                    if let text = row[column] as String?, let redacted = redact(text) { values[column] = redacted }
                }
                guard !values.isEmpty else { continue }
                let sets = values.keys.sorted().map { "\($0) = ?" }.joined(separator: ", ")
                try db.execute(sql: "UPDATE main.\(place.table) SET \(sets) WHERE id = ?",
                               arguments: StatementArguments(values.keys.sorted().map { values[$0]! }) + [row["id"] as Int64])
                changed += 1
            }
        }
        return changed
    }

    func deleteReferences(candidateId: Int64) throws -> (references: Int, statements: Int) {
        let statements = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM referenceStatement WHERE referenceId IN (SELECT id FROM reference WHERE candidateId = ?)
            """, arguments: [candidateId]) ?? 0
        try db.execute(sql: "DELETE FROM referenceStatement WHERE referenceId IN (SELECT id FROM reference WHERE candidateId = ?)", arguments: [candidateId])
        try db.execute(sql: "DELETE FROM reference WHERE candidateId = ?", arguments: [candidateId])
        return (db.changesCount, statements)
    }

    func deleteAssessments(candidateId: Int64, kind: Assessment.Kind) throws -> Int {
        guard let text else {
            throw RegisterError.refused("internal: assessments were deleted in a transaction not opened for indexing text")
        }
        let rows = try Row.fetchAll(db, sql: "SELECT id, text FROM main.assessment WHERE candidateId = ? AND kind = ?",
                                    arguments: [candidateId, kind.rawValue])
        guard !rows.isEmpty else { return 0 }
        // A contentless index forgets a text only when told its words, so this runs before the rows go.
        try text.remove(rows.map { FullTextEntry(rowid: -($0["id"] as Int64), folded: SearchFolding.fold($0["text"])) })
        for row in rows { try db.execute(sql: "DELETE FROM main.assessment WHERE id = ?", arguments: [row["id"] as Int64]) }
        return rows.count
    }
}
