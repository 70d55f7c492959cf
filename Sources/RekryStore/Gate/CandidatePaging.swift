import Foundation
import GRDB
import RekryDomain

extension Gate {
    /// A page of the candidate list or of search results, read by key from `anchor` (never by OFFSET).
    ///
    /// Browse mode walks the index of the chosen order. Search walks the token index in token order,
    /// so each keystroke is one index range; a candidate matching through two words appears once per
    /// page (a later page may show them again under their other word).
    public func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int,
                     purpose: Purpose = .recruitment) throws -> [CandidateRow] {
        let now = clock.now()
        let plan = PagePlan(query: query, now: now)
        var rows: [CandidateRow] = []
        var cursor = anchor
        // Badge filters are checked exactly in Swift after a superset in SQL; refill until the page is full.
        for _ in 0..<8 {
            let (sql, args, backward) = plan.sql(anchor: cursor, limit: limit)
            let fetched = try db.read { db in try Row.fetchAll(db, sql: sql, arguments: args) }
            var batch = fetched.map { plan.row($0, gate: self, now: now, purpose: purpose) }
            if backward { batch.reverse() }
            // A search reaches a candidate once per matching word: keep the first.
            var seen = Set(rows.map(\.id))
            let kept = batch.filter { plan.matchesExactly($0) && seen.insert($0.id).inserted }
            rows = backward ? kept + rows : rows + kept
            if fetched.count < limit || rows.count >= limit { break }
            guard let edge = backward ? batch.first?.key : batch.last?.key else { break }
            cursor = backward ? .before(edge) : .after(edge)
        }
        if rows.count > limit { rows = isBackward(anchor) ? Array(rows.suffix(limit)) : Array(rows.prefix(limit)) }
        return rows
    }

    private func isBackward(_ anchor: PageAnchor) -> Bool {
        switch anchor {
        case .end, .before: true
        default: false
        }
    }

    /// How many candidates match, counted up to `cap`.
    public func count(_ query: CandidateQuery, cap: Int = 10_000) throws -> CappedCount {
        if query.words.isEmpty && !query.isFiltered {
            let total = try register.candidateCount()
            return CappedCount(value: total, capped: false)
        }
        let plan = PagePlan(query: query, now: clock.now())
        let (sql, args) = plan.countSQL(cap: cap + 1)
        // Counts run off the main thread, on the background readers.
        let n = try register.backgroundReader.read { db in try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
        return CappedCount(value: min(n, cap), capped: n > cap)
    }
}

/// The SQL for one list query: the index walked, the filters, and the key comparison for paging.
struct PagePlan {
    let query: CandidateQuery
    let now: Date
    let words: [String]

    init(query: CandidateQuery, now: Date) {
        self.query = query
        self.now = now
        self.words = query.words
    }

    var searching: Bool { !words.isEmpty }

    /// Key columns in list order, with whether each ascends.
    var keyColumns: [(String, Bool)] {
        if searching { return [("t.token", true), ("t.candidateId", true)] }
        switch query.order {
        case .name: return [("c.nameKey", true), ("c.id", true)]
        case .activity: return [("c.lastActivityAt", false), ("c.id", false)]
        case .stage: return [("c.stageRank", true), ("c.nameKey", true), ("c.id", true)]
        }
    }

    var from: String {
        var s = searching
            ? "searchToken t JOIN candidate c ON c.id = t.candidateId"
            : "candidate c"
        if query.processId != nil { s += " JOIN participation pp ON pp.candidateId = c.id AND pp.processId = ?" }
        return s
    }

    func whereClause() -> (String, StatementArguments) {
        var conds: [String] = []
        var args: StatementArguments = []
        if let pid = query.processId { args += [pid] }  // bound in FROM
        if let first = words.first {
            conds.append("t.token >= ? AND t.token < ?")
            args += [first, SearchFolding.upperBound(ofPrefix: first)]
            for w in words.dropFirst() {
                conds.append("EXISTS (SELECT 1 FROM json_each(c.searchKeys) k WHERE k.value >= ? AND k.value < ?)")
                args += [w, SearchFolding.upperBound(ofPrefix: w)]
            }
        }
        if let stage = query.stage {
            conds.append(query.processId == nil ? "c.stage = ?" : "pp.stage = ?")
            args += [stage.rawValue]
        }
        if query.retentionDueOnly {
            conds.append("c.retentionDueAt <= ?")
            args += [now.sql]
        }
        if let badge = query.badge {
            let (c, a) = badgeCondition(badge)
            conds.append(c)
            args += a
        }
        return (conds.isEmpty ? "1" : conds.joined(separator: " AND "), args)
    }

    /// A SQL condition selecting a superset of the rows whose badge contains `state`.
    func badgeCondition(_ state: BadgeState) -> (String, StatementArguments) {
        let n = now.sql
        let soon = now.addingTimeInterval(ConsentState.expiringWindow).sql
        let consent = "c.basis IN ('consent','explicit-consent')"
        let notWithdrawn = "(c.consentWithdrawnAt IS NULL OR c.consentWithdrawnAt > ?)"
        switch state {
        case .restricted: return ("c.restricted = 1", [])
        case .objected: return ("c.objected = 1 AND c.basis = 'legitimate-interest'", [])
        case .consentWithdrawn: return ("\(consent) AND c.consentWithdrawnAt <= ?", [n])
        case .consentExpired: return ("\(consent) AND \(notWithdrawn) AND c.consentExpiresAt <= ?", [n, n])
        case .consentNeverGiven: return ("\(consent) AND c.consentGivenAt IS NULL", [])
        case .consentExpiring:
            return ("\(consent) AND \(notWithdrawn) AND c.consentExpiresAt > ? AND c.consentExpiresAt <= ?", [n, n, soon])
        case .consentValid:
            return ("\(consent) AND c.consentGivenAt IS NOT NULL AND \(notWithdrawn) AND (c.consentExpiresAt IS NULL OR c.consentExpiresAt > ?)", [n, soon])
        case .retentionDue: return ("c.retentionDueAt <= ?", [n])
        case .art14NoticeDue:
            // A little wider than one calendar month; the exact rule is applied to each row after.
            let cutoff = now.addingTimeInterval(-27 * 86_400).sql
            return ("c.source NOT IN ('applied','network') AND c.notifiedAt IS NULL AND c.collectedAt <= ?", [cutoff])
        case .contract: return ("c.basis = 'contract'", [])
        case .legitimateInterest: return ("c.basis = 'legitimate-interest'", [])
        case .legalObligation: return ("c.basis = 'legal-obligation'", [])
        }
    }

    func keyCondition(_ key: PageKey, after: Bool) -> (String, StatementArguments) {
        // All key columns of one order share a direction except none; row-value comparison keeps the index.
        let cols = keyColumns
        let ascending = cols[0].1
        let op = (after == ascending) ? ">" : "<"
        let lhs = "(" + cols.map(\.0).joined(separator: ", ") + ")"
        let rhs = "(" + cols.map { _ in "?" }.joined(separator: ", ") + ")"
        var args: StatementArguments = []
        for part in key.parts {
            switch part {
            case .text(let s): args += [s]
            case .real(let d): args += [d]
            case .int(let i): args += [i]
            }
        }
        return ("\(lhs) \(op) \(rhs)", args)
    }

    func sql(anchor: PageAnchor, limit: Int) -> (String, StatementArguments, Bool) {
        var (conds, args) = whereClause()
        var backward = false
        switch anchor {
        case .start: break
        case .end: backward = true
        case .after(let key):
            let (c, a) = keyCondition(key, after: true)
            conds += " AND " + c
            args += a
        case .before(let key):
            backward = true
            let (c, a) = keyCondition(key, after: false)
            conds += " AND " + c
            args += a
        }
        let order = keyColumns.map { col, asc in "\(col) \((asc != backward) ? "ASC" : "DESC")" }.joined(separator: ", ")
        let select = searching ? "c.*, t.token AS matchToken" : "c.*"
        return ("SELECT \(select) FROM \(from) WHERE \(conds) ORDER BY \(order) LIMIT ?", args + [limit], backward)
    }

    func countSQL(cap: Int) -> (String, StatementArguments) {
        let (conds, args) = whereClause()
        let distinct = searching ? "DISTINCT c.id" : "1"
        return ("SELECT count(*) FROM (SELECT \(distinct) FROM \(from) WHERE \(conds) LIMIT ?)", args + [cap])
    }

    func key(_ row: Row) -> PageKey {
        if searching { return PageKey(parts: [.text(row["matchToken"]), .int(row["id"])]) }
        switch query.order {
        case .name: return PageKey(parts: [.text(row["nameKey"]), .int(row["id"])])
        case .activity: return PageKey(parts: [.real(row["lastActivityAt"]), .int(row["id"])])
        case .stage: return PageKey(parts: [.int(row["stageRank"]), .text(row["nameKey"]), .int(row["id"])])
        }
    }

    func row(_ row: Row, gate: Gate, now: Date, purpose: Purpose) -> CandidateRow {
        let badge = CandidateColumns.badge(row, now: now)
        let identity = gate.decide(.identity, purpose: purpose, badge: badge)
        let profile = gate.decide(.profile, purpose: purpose, badge: badge)
        let processes = gate.decide(.processes, purpose: purpose, badge: badge)
        let name = Gated.decide(identity, badge: badge) { row["fullName"] as String }
        let position = Gated.decide(profile, badge: badge) {
            [row["currentTitle"] as String?, row["currentEmployer"] as String?].compactMap { $0 }.joined(separator: ", ")
        }
        let stage = Gated.decide(processes, badge: badge) { (row["stage"] as String?).flatMap(Stage.init(rawValue:)) }
        return CandidateRow(id: row["id"], name: name, position: position, stage: stage, badge: badge,
                            lastActivityAt: Date(sql: row["lastActivityAt"]), key: key(row))
    }

    func matchesExactly(_ row: CandidateRow) -> Bool {
        guard let state = query.badge else { return true }
        return row.badge.states.contains(state)
    }
}

/// Reading the candidate row's own columns into badge facts.
enum CandidateColumns {
    static func facts(_ row: Row) -> BadgeFacts {
        let basis = LegalBasis(rawValue: row["basis"]) ?? .consent
        var consent: ConsentDates?
        if let given: Double = row["consentGivenAt"] {
            consent = ConsentDates(givenAt: Date(sql: given), expiresAt: (row["consentExpiresAt"] as Double?).date,
                                   withdrawnAt: (row["consentWithdrawnAt"] as Double?).date)
        }
        return BadgeFacts(basis: basis, consent: consent, restricted: row["restricted"], objected: row["objected"],
                          retentionDueAt: (row["retentionDueAt"] as Double?).date,
                          source: DataSource(rawValue: row["source"]), collectedAt: Date(sql: row["collectedAt"]),
                          notifiedAt: (row["notifiedAt"] as Double?).date)
    }

    static func badge(_ row: Row, now: Date) -> Badge { BadgePolicy.badge(for: facts(row), at: now) }
}

extension Gate {
    /// Full-text search of CVs and notes: an explicit query (never per keystroke), best matches first.
    public func fullTextSearch(_ text: String, limit: Int = 100, purpose: Purpose = .recruitment) throws -> [CandidateRow] {
        try rows(ids: register.searchText(text, limit: limit), purpose: purpose)
    }

    /// The rows of these candidates as they are now, in this order (a candidate erased meanwhile is left
    /// out): how a list of search results is brought up to date after a change, badges recomputed.
    public func rows(ids: [Int64], purpose: Purpose = .recruitment) throws -> [CandidateRow] {
        let now = clock.now()
        let plan = PagePlan(query: CandidateQuery(), now: now)
        // May run off the main thread (the terminal UI searches in the background).
        return try register.backgroundReader.read { db in
            try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT * FROM candidate c WHERE id = ?", arguments: [id])
                    .map { plan.row($0, gate: self, now: now, purpose: purpose) }
            }
        }
    }
}
