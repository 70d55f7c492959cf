import RekryDomain
import RekryGate
import RekryStorage

/// The visible window of the candidate list: exactly the rows on screen, read by key from the gate.
///
/// Moving past either edge reads the next rows by key; nothing else of the register is ever in memory.
struct ListModel {
    var query = CandidateQuery()
    var rows: [CandidateRow] = []
    var selected = 0
    /// Full-text results replace paging: an explicit, bounded query.
    var fullText: String?
    /// Whether the full-text search is still running (in the background).
    var searching = false
    var count: CappedCount?
    /// The title of the process filter, for the title bar.
    var processTitle: String?

    var selectedRow: CandidateRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Drops later duplicates (a search may reach a candidate through two words).
    static func unique(_ rows: [CandidateRow]) -> [CandidateRow] {
        var seen = Set<Int64>()
        return rows.filter { seen.insert($0.id).inserted }
    }

    mutating func reload(_ gate: Gate, height: Int) throws {
        if fullText != nil {
            // Full-text results come from the background search (`App.startFullText`); a reload keeps the
            // same people in the same order and re-reads them, so every badge is as of now.
            rows = try gate.rows(ids: rows.map(\.id))
            selected = min(selected, max(0, rows.count - 1))
            return
        }
        rows = Self.unique(try gate.page(query, from: .start, limit: height))
        selected = 0
    }

    /// Re-reads the window from its first row (after a resize or a change), keeping the selection.
    mutating func refresh(_ gate: Gate, height: Int) throws {
        guard fullText == nil, let first = rows.first else { return try reload(gate, height: height) }
        let id = selectedRow?.id
        let before = try gate.page(query, from: .before(first.key), limit: 1)
        rows = Self.unique(try gate.page(query, from: before.last.map { .after($0.key) } ?? .start, limit: height))
        selected = rows.firstIndex { $0.id == id } ?? min(selected, max(0, rows.count - 1))
    }

    mutating func moveDown(_ gate: Gate, height: Int) throws {
        if selected + 1 < rows.count { selected += 1; return }
        guard fullText == nil, let last = rows.last else { return }
        let more = try gate.page(query, from: .after(last.key), limit: 1).filter { r in !rows.contains { $0.id == r.id } }
        guard let next = more.first else { return }
        rows.append(next)
        if rows.count > height { rows.removeFirst(rows.count - height) }
        selected = rows.count - 1
    }

    mutating func moveUp(_ gate: Gate, height: Int) throws {
        if selected > 0 { selected -= 1; return }
        guard fullText == nil, let first = rows.first else { return }
        let more = try gate.page(query, from: .before(first.key), limit: 1).filter { r in !rows.contains { $0.id == r.id } }
        guard let previous = more.last else { return }
        rows.insert(previous, at: 0)
        if rows.count > height { rows.removeLast(rows.count - height) }
        selected = 0
    }

    mutating func pageDown(_ gate: Gate, height: Int) throws {
        guard fullText == nil, let last = rows.last else {
            selected = min(rows.count - 1, selected + height)
            return
        }
        let next = Self.unique(try gate.page(query, from: .after(last.key), limit: height))
        if next.isEmpty { selected = rows.count - 1; return }
        let keep = rows.suffix(max(0, height - next.count))
        rows = Self.unique(Array(keep) + next)
        selected = min(rows.count - 1, selected)
    }

    mutating func pageUp(_ gate: Gate, height: Int) throws {
        guard fullText == nil, let first = rows.first else {
            selected = max(0, selected - height)
            return
        }
        let previous = Self.unique(try gate.page(query, from: .before(first.key), limit: height))
        if previous.isEmpty { selected = 0; return }
        let keep = rows.prefix(max(0, height - previous.count))
        rows = Self.unique(previous + Array(keep))
        selected = min(rows.count - 1, selected)
    }

    mutating func top(_ gate: Gate, height: Int) throws {
        if fullText != nil { selected = 0; return }
        rows = Self.unique(try gate.page(query, from: .start, limit: height))
        selected = 0
    }

    mutating func bottom(_ gate: Gate, height: Int) throws {
        if fullText != nil { selected = max(0, rows.count - 1); return }
        rows = Self.unique(try gate.page(query, from: .end, limit: height))
        selected = max(0, rows.count - 1)
    }
}
