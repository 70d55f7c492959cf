import Foundation
import GRDB
import RekryDomain
import RekryStorage

/// The SQL for one list query: the index walked, the filters, and the key comparison for paging.
///
/// With `RowVisibility.withheldApart` a browse list has two segments: the rows whose record the actor may see,
/// in the chosen order, then the withheld rows by id, so that a withheld row's place says nothing of its
/// hidden name, stage or activity. Keys then start with the segment (0 or 1). A search, and a stage or process
/// filter, leave withheld rows out altogether.
struct PagePlan {
    let query: CandidateQuery
    let now: Date
    let words: [String]
    let visibility: RowVisibility

    init(query: CandidateQuery, now: Date, visibility: RowVisibility = .everything) {
        self.query = query
        self.now = now
        self.words = query.words
        self.visibility = visibility
    }

    var searching: Bool { !words.isEmpty }

    /// Whether the list is walked in two segments (see the type's documentation).
    var segmented: Bool { visibility == .withheldApart && !searching }

    /// The badge rule for a record whose identity, contact and profile are withheld from ordinary use
    /// (`Badge.lapse`): restricted, objected to on legitimate interest, or a consent basis not in force.
    /// Never NULL (a missing date compares as "not yet"), so that `NOT` of it selects exactly the rest.
    var lapse: (String, StatementArguments) {
        ("""
        (c.restricted = 1 OR (c.objected = 1 AND c.basis = 'legitimate-interest')
         OR (c.basis IN ('consent','explicit-consent') AND (c.consentGivenAt IS NULL
             OR ifnull(c.consentWithdrawnAt <= ?, 0) OR ifnull(c.consentExpiresAt <= ?, 0))))
        """, [now.sql, now.sql])
    }

    /// Key columns in list order, with whether each ascends; the withheld segment is walked by id.
    func keyColumns(segment: Int = 0) -> [(String, Bool)] {
        if segment == 1 { return [("c.id", true)] }
        if searching { return [("t.token", true), ("t.candidateId", true)] }
        switch query.order {
        case .name: return [("c.collationKey", true), ("c.id", true)]
        case .activity: return [("c.lastActivityAt", false), ("c.id", false)]
        case .stage: return [("c.stageRank", true), ("c.collationKey", true), ("c.id", true)]
        }
    }

    var from: String {
        var s = searching
            ? "searchToken t JOIN candidate c ON c.id = t.candidateId"
            : "candidate c"
        if query.processId != nil { s += " JOIN participation pp ON pp.candidateId = c.id AND pp.processId = ?" }
        return s
    }

    func whereClause(segment: Int = 0) -> (String, StatementArguments) {
        var conds: [String] = []
        var args: StatementArguments = []
        if let pid = query.processId { args += [pid] }  // bound in FROM
        if visibility == .withheldApart {
            let (l, a) = lapse
            if searching || segment == 0 {
                conds.append("NOT " + l)
                args += a
            } else {
                conds.append(l)
                args += a
            }
            // A stage the actor may not see (a restricted record's) does not filter.
            if query.stage != nil || query.processId != nil { conds.append("c.restricted = 0") }
        }
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
        let segment = segmented ? Self.segment(of: key) : 0
        let cols = keyColumns(segment: segment)
        let ascending = cols[0].1
        let op = (after == ascending) ? ">" : "<"
        let lhs = "(" + cols.map(\.0).joined(separator: ", ") + ")"
        let rhs = "(" + cols.map { _ in "?" }.joined(separator: ", ") + ")"
        var args: StatementArguments = []
        for part in segmented ? Array(key.parts.dropFirst()) : key.parts {
            switch part {
            case .text(let s): args += [s]
            case .real(let d): args += [d]
            case .int(let i): args += [i]
            }
        }
        return ("\(lhs) \(op) \(rhs)", args)
    }

    /// The segment a key belongs to.
    static func segment(of key: PageKey) -> Int {
        if case .int(let s)? = key.parts.first { return Int(s) }
        return 0
    }

    func sql(anchor: PageAnchor, limit: Int, segment: Int = 0) -> (String, StatementArguments, Bool) {
        var (conds, args) = whereClause(segment: segment)
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
        let order = keyColumns(segment: segment).map { col, asc in "\(col) \((asc != backward) ? "ASC" : "DESC")" }.joined(separator: ", ")
        let select = searching ? "c.*, t.token AS matchToken" : "c.*"
        return ("SELECT \(select) FROM \(from) WHERE \(conds) ORDER BY \(order) LIMIT ?", args + [limit], backward)
    }

    func countSQL(cap: Int) -> (String, StatementArguments) {
        // Browsing counts both segments: every row is listed, the withheld ones last.
        let (conds, args) = segmented ? whereClauseBothSegments() : whereClause()
        let distinct = searching ? "DISTINCT c.id" : "1"
        return ("SELECT count(*) FROM (SELECT \(distinct) FROM \(from) WHERE \(conds) LIMIT ?)", args + [cap])
    }

    /// The browse filters without the segment split (for counting every listed row).
    func whereClauseBothSegments() -> (String, StatementArguments) {
        let all = PagePlan(query: query, now: now, visibility: .everything)
        var (conds, args) = all.whereClause()
        if query.stage != nil || query.processId != nil { conds += " AND c.restricted = 0" }
        return (conds, args)
    }

    func key(_ row: Row, segment: Int = 0) -> PageKey {
        if segmented { return PageKey(parts: [.int(Int64(segment))] + unsegmentedKey(row, segment: segment).parts) }
        return unsegmentedKey(row, segment: segment)
    }

    private func unsegmentedKey(_ row: Row, segment: Int) -> PageKey {
        if segment == 1 { return PageKey(parts: [.int(row["id"])]) }
        if searching { return PageKey(parts: [.text(row["matchToken"]), .int(row["id"])]) }
        switch query.order {
        case .name: return PageKey(parts: [.text(row["collationKey"]), .int(row["id"])])
        case .activity: return PageKey(parts: [.real(row["lastActivityAt"]), .int(row["id"])])
        case .stage: return PageKey(parts: [.int(row["stageRank"]), .text(row["collationKey"]), .int(row["id"])])
        }
    }
}
