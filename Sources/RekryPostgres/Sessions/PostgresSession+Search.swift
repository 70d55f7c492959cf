import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// The list's pages, counts and full-text search, and the counters kept for them.
///
/// The list is walked by the server's `rekry.list_page`, a `SECURITY DEFINER` function that reads the owner-only
/// key indexes (`search_token`, `list_key`, the activity index) and decides each row with `rekry.may_read`, the
/// policies' own rule, before it matches or takes a place (docs/postgres.md, "Search and the list's orders"). It
/// returns ids and keys only; the rows themselves are then read as the member, under row-level security.
///
/// Keys, as `PagePlan` on SQLite: a browse list split by `RowVisibility.withheldApart` starts each key with its
/// segment (0: the rows the actor may see, in the list's order; 1: the withheld rows, by id); then
/// name `[collation key, id]`, activity `[microseconds since 1970, id]` (newest first), stage `[rank, collation
/// key, id]`, search `[token, id]`, withheld `[id]`.
extension PostgresSession {
    func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int, now: Date, visibility: RowVisibility) throws -> [ListedCandidate] {
        let words = query.words
        let segmented = visibility == .withheldApart && words.isEmpty
        /// Up to `n` rows of one segment from `anchor`, in list order.
        func rows(_ anchor: PageAnchor, _ n: Int, segment: Int) throws -> [ListedCandidate] {
            guard n > 0 else { return [] }
            let keys = try listKeys(query, words: words, anchor: anchor, limit: n, segment: segment, now: now,
                                    visibility: visibility, segmented: segmented)
            let records = try listedRecords(ids: keys.map(\.id))
            // A row the member's own policies no longer show (changed since the keys were read) is left out.
            return keys.compactMap { key in records[key.id].map { ListedCandidate(record: $0, key: key.key) } }
        }
        guard segmented else { return try rows(anchor, limit, segment: 0) }
        // The visible rows in order, then the withheld ones by id: a page may span the boundary.
        switch anchor {
        case .start:
            let first = try rows(.start, limit, segment: 0)
            return first + (try rows(.start, limit - first.count, segment: 1))
        case .end:
            let last = try rows(.end, limit, segment: 1)
            return (try rows(.end, limit - last.count, segment: 0)) + last
        case .after(let key):
            if Self.segment(of: key) == 1 { return try rows(anchor, limit, segment: 1) }
            let first = try rows(anchor, limit, segment: 0)
            return first + (try rows(.start, limit - first.count, segment: 1))
        case .before(let key):
            if Self.segment(of: key) == 0 { return try rows(anchor, limit, segment: 0) }
            let last = try rows(anchor, limit, segment: 1)
            return (try rows(.end, limit - last.count, segment: 0)) + last
        }
    }

    func countCandidates(_ query: CandidateQuery, cap: Int, now: Date, visibility: RowVisibility) throws -> Int {
        let words = query.words
        let b = Self.bounds(now)
        let n = try value("""
            SELECT rekry.list_count(\(words)::text[], \(words.map(SearchFolding.upperBound(ofPrefix:)))::text[],
              \(query.stage?.rawValue)::text, \(query.processId)::bigint, \(query.retentionDueOnly)::boolean,
              \(query.badge?.rawValue)::text, \(now)::timestamptz, \(b.soon)::timestamptz, \(b.art14)::timestamptz,
              \(visibility == .withheldApart)::boolean, \(cap)::integer)
            """, as: Int64.self) ?? 0
        return Int(n)
    }

    func keptCandidateCount() throws -> Int {
        Int(try value("SELECT value FROM rekry.register_counter WHERE name = 'candidates'", as: Int64.self) ?? 0)
    }

    func registerChangeCounter() throws -> Int64 {
        try value("SELECT value FROM rekry.register_counter WHERE name = 'changes'", as: Int64.self) ?? 0
    }

    /// Best match first, in batches: the first 64, then each time four times as many are asked for, until `take`
    /// has enough or there are no more (as the SQLite backend hands them).
    func searchTexts(words: [String], take: ([TextMatch]) throws -> Bool) throws {
        guard !words.isEmpty else { return }
        var asked = 64, handed = 0
        while true {
            let found = try rows("SELECT rowid, candidate_id FROM rekry.search_texts(\(words)::text[], \(asked)::integer)")
                .map { TextMatch(rowid: try $0.get("rowid", as: Int64.self), candidateId: try $0.get("candidate_id", as: Int64.self)) }
            guard found.count > handed else { return }
            let batch = Array(found[handed...])
            handed = found.count
            if try take(batch) || found.count < asked { return }
            asked *= 4
        }
    }

    /// The names this login may read (a withheld record's name is not re-keyed by a member who may not see it).
    func candidateNames(after: Int64, limit: Int) throws -> [(id: Int64, fullName: String)] {
        try rows("""
            SELECT candidate_id, full_name FROM rekry.candidate_personal WHERE candidate_id > \(after)
            ORDER BY candidate_id LIMIT \(limit)
            """).map { (id: try $0.get("candidate_id", as: Int64.self), fullName: try $0.get("full_name", as: String.self)) }
    }

    func setCollationKey(_ key: String, candidateId: Int64) throws {
        try run("""
            UPDATE rekry.candidate_personal SET collation_key = \(key)
            WHERE candidate_id = \(candidateId) AND collation_key IS DISTINCT FROM \(key)
            """)
    }

    func setCollationKeys(_ keys: [(candidateId: Int64, key: String)]) throws {
        guard !keys.isEmpty else { return }
        try run("""
            UPDATE rekry.candidate_personal p SET collation_key = k.key
            FROM unnest(\(keys.map(\.candidateId)), \(keys.map(\.key))) AS k(id, key)
            WHERE p.candidate_id = k.id AND p.collation_key IS DISTINCT FROM k.key
            """)
    }

    func indexText(_ entry: TextIndexEntry) throws {
        _ = try rows("SELECT rekry.index_text(\(entry.rowid), \(entry.folded))")
    }

    /// A larger working memory for this transaction only: an import's candidate counter reads the statement's
    /// inserted rows (a transition table) and its sorts run in it rather than in temporary files.
    func expectManyRows() throws {
        _ = try rows("SELECT set_config('work_mem', '64MB', true)")
    }
}

extension PostgresSession {
    /// One listed row's id and its key in the list.
    struct ListKey {
        var id: Int64
        var key: PageKey
    }

    /// The expiring window's end and the art. 14 notice's cut-off for `now` (PagePlan.badgeCondition).
    static func bounds(_ now: Date) -> (soon: Date, art14: Date) {
        (now.addingTimeInterval(ConsentState.expiringWindow), now.addingTimeInterval(-27 * 86_400))
    }

    /// The segment a key belongs to.
    static func segment(of key: PageKey) -> Int {
        if case .int(let s)? = key.parts.first { return Int(s) }
        return 0
    }

    /// Ids and keys of up to `limit` rows of one segment from `anchor`, in list order.
    func listKeys(_ query: CandidateQuery, words: [String], anchor: PageAnchor, limit: Int, segment: Int, now: Date,
                  visibility: RowVisibility, segmented: Bool) throws -> [ListKey] {
        var anchorName = "start", backward = false
        var keyText: String?, keyNumber: Int64?, keyId: Int64?
        var given: PageKey?
        switch anchor {
        case .start: break
        case .end: (anchorName, backward) = ("end", true)
        case .after(let key): (anchorName, given) = ("after", key)
        case .before(let key): (anchorName, backward, given) = ("before", true, key)
        }
        if let given {
            // [segment,] then the order's columns; the last is always the id.
            let parts = segmented ? Array(given.parts.dropFirst()) : given.parts
            if case .int(let id)? = parts.last { keyId = id }
            for part in parts.dropLast() {
                switch part {
                case .text(let s): keyText = s
                case .int(let i): keyNumber = i
                case .real(let d): keyNumber = Int64(d)
                }
            }
        }
        let b = Self.bounds(now)
        let order = words.isEmpty ? query.order.rawValue : "name"
        let found = try rows("""
            SELECT id, key_text, key_number FROM rekry.list_page(\(order)::text, \(words)::text[],
              \(words.map(SearchFolding.upperBound(ofPrefix:)))::text[], \(query.stage?.rawValue)::text,
              \(query.processId)::bigint, \(query.retentionDueOnly)::boolean, \(query.badge?.rawValue)::text,
              \(now)::timestamptz, \(b.soon)::timestamptz, \(b.art14)::timestamptz, \(segment)::integer,
              \(visibility == .withheldApart)::boolean, \(anchorName)::text, \(keyText)::text, \(keyNumber)::bigint,
              \(keyId)::bigint, \(limit)::integer)
            """)
        var keys: [ListKey] = try found.map { row in
            let id = try row.get("id", as: Int64.self)
            let text = try row.get("key_text", as: String?.self)
            let number = try row.get("key_number", as: Int64?.self)
            var parts: [PageKey.Part]
            if segmented && segment == 1 {
                parts = [.int(id)]
            } else if !words.isEmpty {
                parts = [.text(text ?? ""), .int(id)]
            } else {
                switch query.order {
                case .name: parts = [.text(text ?? ""), .int(id)]
                case .activity: parts = [.int(number ?? 0), .int(id)]
                case .stage: parts = [.int(number ?? -1), .text(text ?? ""), .int(id)]
                }
            }
            if segmented { parts.insert(.int(Int64(segment)), at: 0) }
            return ListKey(id: id, key: PageKey(parts: parts))
        }
        if backward { keys.reverse() }
        return keys
    }

    /// The listed candidates' rows as this login may read them (a withheld record's personal part is absent).
    func listedRecords(ids: [Int64]) throws -> [Int64: CandidateRecord] {
        guard !ids.isEmpty else { return [:] }
        var records: [Int64: CandidateRecord] = [:]
        let query: PostgresQuery = """
            SELECT \(unescaped: Self.candidateColumns) FROM \(unescaped: Self.candidateFrom)
            WHERE c.id = ANY (\(Array(Set(ids)))::bigint[])
            """
        for row in try rows(query) {
            let record = try Self.candidateRecord(from: row, tokens: false)
            records[record.id] = record
        }
        return records
    }
}
