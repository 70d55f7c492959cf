import Foundation
import RekryDomain
import RekryStorage

extension Gate {
    /// A page of the candidate list or of search results, read by key from `anchor` (never by OFFSET).
    ///
    /// Browse mode walks the index of the chosen order. Search walks the token index in token order,
    /// so each keystroke is one index range; a candidate matching through two words appears once per
    /// page (a later page may show them again under their other word).
    public func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int,
                     purpose: Purpose = .recruitment) throws -> [CandidateRow] {
        // Admins manage staff: they are shown no candidate rows, not even withheld ones (a row's badge and
        // its place in a list are facts about a person too).
        guard actor.role != .admin else { return [] }
        let now = clock.now()
        let visibility = self.visibility(purpose)
        let backward = anchor.isBackward
        var rows: [CandidateRow] = []
        var cursor = anchor
        // Badge filters are checked exactly here after a superset in the backend; refill until the page is full.
        for _ in 0..<8 {
            let fetched = try reading { s in try s.page(query, from: cursor, limit: limit, now: now, visibility: visibility) }
            let batch = fetched.map { row($0.record, key: $0.key, now: now, purpose: purpose) }
            // A search reaches a candidate once per matching word: keep the first.
            var seen = Set(rows.map(\.id))
            let kept = batch.filter { (query.badge.map($0.badge.states.contains) ?? true) && seen.insert($0.id).inserted }
            rows = backward ? kept + rows : rows + kept
            if fetched.count < limit || rows.count >= limit { break }
            guard let edge = backward ? batch.first?.key : batch.last?.key else { break }
            cursor = backward ? .before(edge) : .after(edge)
        }
        if rows.count > limit { rows = backward ? Array(rows.suffix(limit)) : Array(rows.prefix(limit)) }
        return rows
    }

    /// What kind of list reading is being accounted for.
    public enum ListReading: Sendable {
        /// Browsing the list: record once per session.
        case browse
        /// An explicit search the user kept (Enter), or one from the command line.
        case search
    }

    /// Records that the list was read, without the query text or anything about the people in it: browsing
    /// once per session, each explicit search once. Never called per keystroke.
    public func recordListReading(_ reading: ListReading, purpose: Purpose = .recruitment) throws {
        try audited { try $0.audit(reading == .browse ? .listBrowse : .listSearch, subject: nil, purpose: purpose) }
    }

    /// How many candidates match, counted up to `cap`.
    public func count(_ query: CandidateQuery, cap: Int = 10_000, purpose: Purpose = .recruitment) throws -> CappedCount {
        guard actor.role != .admin else { return CappedCount(value: 0, capped: false) }
        if query.words.isEmpty && !query.isFiltered {
            return CappedCount(value: try register.candidateCount(), capped: false)
        }
        let n = try backend.count(query, cap: cap + 1, now: clock.now(), visibility: visibility(purpose))
        return CappedCount(value: min(n, cap), capped: n > cap)
    }

    /// Full-text search of CVs and notes: an explicit query (never per keystroke), best matches first.
    public func fullTextSearch(_ text: String, limit: Int = 100, purpose: Purpose = .recruitment) throws -> [CandidateRow] {
        let words = SearchFolding.words(text)
        guard !words.isEmpty, actor.role != .admin else { return [] }
        try audited { try $0.audit(.listFullText, subject: nil, purpose: purpose) }
        // Each match is decided on the text that matched, before it counts towards `limit`: a word of a
        // withheld CV or assessment must neither find its owner nor take a place among the results (the
        // size of a shortened list would tell that someone matched).
        let now = clock.now()
        var ids: [Int64] = [], found = Set<Int64>(), readable: [Int64: Set<Int64>] = [:]
        try backend.searchTexts(words: words) { matches in
            try readingInBackground { s in
                for match in matches where !found.contains(match.candidateId) {
                    if readable[match.candidateId] == nil {
                        readable[match.candidateId] = try readableTexts(of: match.candidateId, session: s, purpose: purpose, now: now)
                    }
                    guard readable[match.candidateId]!.contains(match.rowid) else { continue }
                    found.insert(match.candidateId)
                    ids.append(match.candidateId)
                    if ids.count >= limit { return true }
                }
                return false
            }
        }
        let rows = try rows(ids: ids, purpose: purpose)
        // A candidate whose record is withheld is not found by the words of their documents either.
        return visibility(purpose) == .everything ? rows : rows.filter { $0.name.value != nil }
    }

    /// The rows of these candidates as they are now, in this order (a candidate erased meanwhile is left
    /// out): how a list of search results is brought up to date after a change, badges recomputed.
    public func rows(ids: [Int64], purpose: Purpose = .recruitment) throws -> [CandidateRow] {
        let now = clock.now()
        // May run off the main thread (the terminal UI searches in the background).
        return try readingInBackground { s in
            try ids.compactMap { id in
                try s.candidate(id: id).map { row($0, key: PageKey(parts: [.int($0.id)]), now: now, purpose: purpose) }
            }
        }
    }

    /// How lists treat withheld rows for this actor: only the DPO answering a request sees every row as it is.
    func visibility(_ purpose: Purpose) -> RowVisibility {
        actor.role == .dpo && purpose == .dataSubjectRequest ? .everything : .withheldApart
    }

    /// One list row as the actor may see it.
    func row(_ record: CandidateRecord, key: PageKey, now: Date, purpose: Purpose) -> CandidateRow {
        let badge = BadgePolicy.badge(for: record.badgeFacts, at: now)
        let name = Gated.decide(decide(.identity, purpose: purpose, badge: badge), badge: badge) { record.fullName }
        let position = Gated.decide(decide(.profile, purpose: purpose, badge: badge), badge: badge) {
            [record.currentTitle, record.currentEmployer].compactMap { $0 }.joined(separator: ", ")
        }
        let stage = Gated.decide(decide(.processes, purpose: purpose, badge: badge), badge: badge) { record.derived.stage }
        return CandidateRow(id: record.id, name: name, position: position, stage: stage, badge: badge,
                            lastActivityAt: position.value == nil ? nil : record.derived.lastActivityAt, key: key)
    }
}

extension PageAnchor {
    var isBackward: Bool {
        switch self {
        case .end, .before: true
        default: false
        }
    }
}
