import Foundation
import GRDB
import RekryFullText
import RekryDomain
import RekryStorage

extension SQLiteSession {
    func candidate(id: Int64) throws -> CandidateRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM candidate WHERE id = ?", arguments: [id]).map { RowDecoding.candidate($0) }
    }

    func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int, now: Date,
              visibility: RowVisibility) throws -> [ListedCandidate] {
        let plan = PagePlan(query: query, now: now, visibility: visibility)
        /// Up to `n` rows of one segment from `anchor`, in list order.
        func rows(_ anchor: PageAnchor, _ n: Int, segment: Int) throws -> [ListedCandidate] {
            guard n > 0 else { return [] }
            let (sql, args, backward) = plan.sql(anchor: anchor, limit: n, segment: segment)
            let rows = try Row.fetchAll(db, sql: sql, arguments: args).map {
                ListedCandidate(record: RowDecoding.candidate($0, tokens: false), key: plan.key($0, segment: segment))
            }
            return backward ? rows.reversed() : rows
        }
        guard plan.segmented else { return try rows(anchor, limit, segment: 0) }
        // The visible rows in order, then the withheld ones by id: a page may span the boundary.
        switch anchor {
        case .start:
            let first = try rows(.start, limit, segment: 0)
            return first + (try rows(.start, limit - first.count, segment: 1))
        case .end:
            let last = try rows(.end, limit, segment: 1)
            return (try rows(.end, limit - last.count, segment: 0)) + last
        case .after(let key):
            if PagePlan.segment(of: key) == 1 { return try rows(anchor, limit, segment: 1) }
            let first = try rows(anchor, limit, segment: 0)
            return first + (try rows(.start, limit - first.count, segment: 1))
        case .before(let key):
            if PagePlan.segment(of: key) == 0 { return try rows(anchor, limit, segment: 0) }
            let last = try rows(anchor, limit, segment: 1)
            return (try rows(.end, limit - last.count, segment: 0)) + last
        }
    }

    func links(candidateId: Int64) throws -> [ProfileLink] {
        try Row.fetchAll(db, sql: "SELECT * FROM candidateLink WHERE candidateId = ? ORDER BY id", arguments: [candidateId]).map {
            ProfileLink(kind: $0["kind"], url: $0["url"], source: DataSource(rawValue: $0["source"]) ?? .applied)
        }
    }

    func consents(candidateId: Int64) throws -> [ConsentRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM consent WHERE candidateId = ? ORDER BY givenAt, id", arguments: [candidateId])
            .map(RowDecoding.consent)
    }

    func documents(candidateId: Int64) throws -> [Document] {
        try Row.fetchAll(db, sql: "SELECT * FROM document WHERE candidateId = ? ORDER BY receivedAt DESC, id DESC",
                         arguments: [candidateId]).map(RowDecoding.document)
    }

    func participations(candidateId: Int64) throws -> [Participation] {
        try Row.fetchAll(db, sql: """
            SELECT p.*, pr.title AS processTitle, pr.client, pr.openedAt, pr.closedAt, pr.kind AS processKind
            FROM participation p JOIN process pr ON pr.id = p.processId
            WHERE p.candidateId = ? ORDER BY p.startedAt DESC, p.id DESC
            """, arguments: [candidateId]).map { p in
            Participation(id: p["id"],
                          process: RecruitmentProcess(id: p["processId"], title: p["processTitle"], client: p["client"],
                                                      openedAt: Date(sql: p["openedAt"]), closedAt: (p["closedAt"] as Double?).date,
                                                      kind: ProcessKind(rawValue: p["processKind"] ?? "") ?? .recruitment),
                          stage: Stage(rawValue: p["stage"]) ?? .sourced, startedAt: Date(sql: p["startedAt"]),
                          stageChangedAt: Date(sql: p["stageChangedAt"]), basis: LegalBasis(rawValue: p["basis"]) ?? .contract,
                          employmentStartAt: (p["employmentStartAt"] as Double?).date, employmentEndAt: (p["employmentEndAt"] as Double?).date)
        }
    }

    func references(candidateId: Int64) throws -> [Reference] {
        try Row.fetchAll(db, sql: "SELECT * FROM reference WHERE candidateId = ? ORDER BY id", arguments: [candidateId]).map { r in
            let record = RowDecoding.reference(r)
            let statements = try Row.fetchAll(db, sql: "SELECT * FROM referenceStatement WHERE referenceId = ? ORDER BY givenAt, id",
                                              arguments: [record.id]).map {
                ReferenceStatement(givenAt: Date(sql: $0["givenAt"]), text: $0["text"])
            }
            return Reference(id: record.id, name: record.name, title: record.title, workplace: record.workplace,
                             relationship: record.relationship, email: record.email, phone: record.phone, basis: record.basis,
                             restricted: record.restricted, objected: record.objected, collectedAt: record.collectedAt,
                             statements: statements)
        }
    }

    func assessments(candidateId: Int64) throws -> [Assessment] {
        try Row.fetchAll(db, sql: "SELECT * FROM assessment WHERE candidateId = ? ORDER BY recordedAt DESC, id DESC",
                         arguments: [candidateId]).map(RowDecoding.assessment)
    }

    func candidatesMatching(email: String?, phone: String?) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM candidate WHERE email = ?1 UNION SELECT id FROM candidate WHERE phone = ?2 ORDER BY id
            """, arguments: [email, phone])
    }

    func lastCandidateId() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(COALESCE((SELECT max(id) FROM candidate), 0), COALESCE((SELECT floor FROM idFloor WHERE tableName = 'candidate'), 0))") ?? 0
    }

    func disclosures(candidateId: Int64) throws -> [Disclosure] {
        try Row.fetchAll(db, sql: "SELECT * FROM disclosure WHERE candidateId = ? ORDER BY disclosedAt DESC",
                         arguments: [candidateId]).map {
            Disclosure(recipient: $0["recipient"], disclosedAt: Date(sql: $0["disclosedAt"]), what: $0["what"])
        }
    }

    func recordChanges(candidateId: Int64) throws -> [RecordChange] {
        try Row.fetchAll(db, sql: "SELECT * FROM recordChange WHERE candidateId = ? ORDER BY changedAt, id",
                         arguments: [candidateId]).map {
            RecordChange(field: $0["field"], changedAt: Date(sql: $0["changedAt"]), changedBy: $0["changedBy"], note: $0["note"])
        }
    }
}

extension SQLiteSession {
    static let candidateColumns = """
        pseudonym, fullName, nameKey, collationKey, email, phone, homeTown, postalAddress, birthYear, currentTitle, currentEmployer,
        country, source, sourceDetail, collectedAt, notifiedAt, basis, consentPurpose, restricted, objected, stage,
        stageRank, lastActivityAt, retentionDueAt, consentGivenAt, consentExpiresAt, consentWithdrawnAt, searchKeys
        """

    static func arguments(_ r: CandidateRecord) -> StatementArguments {
        let d = r.derived
        let values: [(any DatabaseValueConvertible)?] = [
            r.pseudonym, r.fullName, d.nameKey, d.collationKey, r.email, r.phone, r.homeTown, r.postalAddress, r.birthYear, r.currentTitle,
            r.currentEmployer, r.country, r.source.rawValue, r.sourceDetail, r.collectedAt.sql, r.notifiedAt?.sql,
            r.basis.rawValue, r.consentPurpose?.rawValue, r.restricted, r.objected, d.stage?.rawValue, d.stageRank,
            d.lastActivityAt.sql, d.retentionDueAt?.sql, d.consent?.givenAt.sql, d.consent?.expiresAt?.sql,
            d.consent?.withdrawnAt?.sql, RowDecoding.tokensJSON(d.searchTokens),
        ]
        return StatementArguments(values)
    }

    func insertCandidate(_ record: CandidateRecord) throws -> Int64 {
        let marks = Array(repeating: "?", count: 28).joined(separator: ",")
        try db.cachedStatement(sql: "INSERT INTO candidate(id, \(Self.candidateColumns)) VALUES (\(Self.nextIdSQL("candidate")), \(marks))").execute(arguments: Self.arguments(record))
        let id = db.lastInsertedRowID
        for token in record.derived.searchTokens {
            try db.cachedStatement(sql: "INSERT INTO searchToken(token, candidateId) VALUES (?, ?)").execute(arguments: [token, id])
        }
        return id
    }

    func candidateNames(after: Int64, limit: Int) throws -> [(id: Int64, fullName: String)] {
        try Row.fetchAll(db, sql: "SELECT id, fullName FROM candidate WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, limit])
            .map { (id: $0["id"], fullName: $0["fullName"]) }
    }

    func setCollationKey(_ key: String, candidateId: Int64) throws {
        try db.cachedStatement(sql: "UPDATE candidate SET collationKey = ? WHERE id = ? AND collationKey IS NOT ?")
            .execute(arguments: [key, candidateId, key])
    }

    func updateCandidate(_ record: CandidateRecord) throws {
        guard let old = try candidate(id: record.id) else { throw RegisterError.notFound(what: "candidate \(record.id)") }
        let sets = Self.candidateColumns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespacesAndNewlines)) = ?" }
            .joined(separator: ", ")
        var args = Self.arguments(record)
        args += [record.id]
        try db.cachedStatement(sql: "UPDATE candidate SET \(sets) WHERE id = ?").execute(arguments: args)
        // The token index follows the row: words that went are deleted (zeroed by secure_delete), new ones added.
        let before = Set(old.derived.searchTokens), after = Set(record.derived.searchTokens)
        for token in before.subtracting(after) {
            try db.cachedStatement(sql: "DELETE FROM searchToken WHERE token = ? AND candidateId = ?").execute(arguments: [token, record.id])
        }
        for token in after.subtracting(before) {
            try db.cachedStatement(sql: "INSERT INTO searchToken(token, candidateId) VALUES (?, ?)").execute(arguments: [token, record.id])
        }
    }

    func insertLink(candidateId: Int64, _ link: ProfileLink) throws {
        try db.execute(sql: "INSERT INTO candidateLink(candidateId, kind, url, source) VALUES (?, ?, ?, ?)",
                       arguments: [candidateId, link.kind, link.url, link.source.rawValue])
    }

    func insertDisclosure(candidateId: Int64, _ d: Disclosure) throws {
        try db.execute(sql: "INSERT INTO disclosure(candidateId, recipient, disclosedAt, what) VALUES (?, ?, ?, ?)",
                       arguments: [candidateId, d.recipient, d.disclosedAt.sql, d.what])
    }

    func insertConsent(candidateId: Int64, _ c: ConsentRecord) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO consent(candidateId, purpose, givenAt, expiresAt, withdrawnAt, channel, text) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [candidateId, c.purpose.rawValue, c.givenAt.sql, c.expiresAt?.sql, c.withdrawnAt?.sql, c.channel, c.text])
        return db.lastInsertedRowID
    }

    func withdrawConsent(id: Int64, at: Date) throws {
        try db.execute(sql: "UPDATE consent SET withdrawnAt = ? WHERE id = ?", arguments: [at.sql, id])
    }

    func insertDocument(candidateId: Int64, _ d: Document) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO document(id, candidateId, kind, title, body, receivedAt, basis) VALUES (\(Self.nextIdSQL("document")), ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [candidateId, d.kind.rawValue, d.title, d.body, d.receivedAt.sql, d.basis.rawValue])
        return db.lastInsertedRowID
    }

    func insertAssessment(candidateId: Int64, _ a: Assessment) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO assessment(id, candidateId, kind, provider, title, score, text, recordedAt, basis)
            VALUES (\(Self.nextIdSQL("assessment")), ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [candidateId, a.kind.rawValue, a.provider, a.title, a.score, a.text, a.recordedAt.sql, a.basis.rawValue])
        return db.lastInsertedRowID
    }

    func insertReference(_ r: ReferenceRecord, refereeId: Int64?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO reference(candidateId, name, title, workplace, relationship, email, phone, basis, restricted, objected,
              collectedAt, refereeId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.candidateId, r.name, r.title, r.workplace, r.relationship, r.email, r.phone, r.basis.rawValue,
                             r.restricted, r.objected, r.collectedAt.sql, refereeId])
        let id = db.lastInsertedRowID
        if refereeId == nil { try db.execute(sql: "UPDATE reference SET refereeId = id WHERE id = ?", arguments: [id]) }
        return id
    }

    func insertStatement(referenceId: Int64, _ s: ReferenceStatement) throws {
        try db.execute(sql: "INSERT INTO referenceStatement(referenceId, givenAt, text) VALUES (?, ?, ?)",
                       arguments: [referenceId, s.givenAt.sql, s.text])
    }

    func referees(email: String?, phone: String?) throws -> [RefereeMatch] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM reference WHERE (email IS NOT NULL AND email = ?) OR (phone IS NOT NULL AND phone = ?) ORDER BY id
            """, arguments: [email, phone]).map { RefereeMatch(refereeId: $0["refereeId"] ?? $0["id"], record: RowDecoding.reference($0)) }
    }

    func reference(id: Int64) throws -> RefereeMatch? {
        try Row.fetchOne(db, sql: "SELECT * FROM reference WHERE id = ?", arguments: [id]).map {
            RefereeMatch(refereeId: $0["refereeId"] ?? $0["id"], record: RowDecoding.reference($0))
        }
    }

    func references(refereeId: Int64) throws -> [ReferenceRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM reference WHERE refereeId = ? ORDER BY id", arguments: [refereeId])
            .map(RowDecoding.reference)
    }

    func logChange(candidateId: Int64, _ change: RecordChange) throws {
        try db.execute(sql: "INSERT INTO recordChange(candidateId, field, changedAt, changedBy, note) VALUES (?, ?, ?, ?, ?)",
                       arguments: [candidateId, change.field, change.changedAt.sql, change.changedBy, change.note])
    }

    func indexText(_ entry: TextIndexEntry) throws {
        guard let text else {
            throw RegisterError.refused("internal: text was indexed in a transaction not opened for indexing text")
        }
        text.add(FullTextEntry(rowid: entry.rowid, folded: entry.folded))
    }

    /// 64 MB of page cache instead of SQLite's 2 MB: an import's random-order index inserts and its one large
    /// transaction otherwise spill dirty pages to the WAL and read them back. The connection keeps it until it
    /// closes (a command's process ends with its import).
    func expectManyRows() throws {
        try db.execute(sql: "PRAGMA cache_size = -65536")
    }
}
