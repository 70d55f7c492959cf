import Foundation
import GRDB
import RekryDomain
import RekryFullText
import RekryStorage

/// Full-text search of CVs and notes: one contentless FTS5 index with `secure-delete`, in a file of its own,
/// `<register>.text`, opened only through sqlite-nio's SQLite (see `FullTextFile`).
///
/// `secure-delete` overwrites a deleted text's entries inside their segment at once, so an erasure forgets
/// a person's words in a few milliseconds without merging the index (docs/performance.md has the figures
/// against the sharded design it replaced). The index is contentless (`content=''`): the texts live once, in
/// `document` and `assessment`, and the index holds the folded words only, so it forgets a text only when
/// given the words it was indexed with: removals read the stored text before the row goes. Row ids are
/// document ids, and minus assessment ids; neither is ever given out twice (`idFloor`).
///
/// The two files cannot commit as one. The order keeps the one that matters safe: words are taken out of
/// the index before the register's transaction commits (each removal commits at once), and added after it
/// has. A crash or a failure in between can leave a text unindexed (a search misses it); it never leaves
/// words in the index without their row, nor a row id indexed before the register has given it out.
@_spi(Testing) public enum TextIndex {
    /// The text index file that belongs to the register at `registerPath` (`:memory:` for an in-memory one).
    static func path(forRegister registerPath: String) -> String {
        registerPath == ":memory:" ? ":memory:" : registerPath + ".text"
    }

    /// The FTS5 query for folded `words`: every word, each quoted; nil if there are none.
    static func matchExpression(_ words: [String]) -> String? {
        words.isEmpty ? nil : words.map { "\"\($0)\"" }.joined(separator: " ")
    }

    /// The stored texts of these candidates as the index was given them: (row id, folded words).
    ///
    /// Folded with `SearchFolding.fold`, as the write model folds every text it indexes
    /// (`WriteModel.textEntry`): a removal must give back exactly the words that went in.
    static func storedTexts(_ db: Database, candidateIds: [Int64]) throws -> [FullTextEntry] {
        var texts: [FullTextEntry] = []
        for id in candidateIds {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id AS rowid, body AS text FROM main.document WHERE candidateId = ?
                UNION ALL SELECT -id, text FROM main.assessment WHERE candidateId = ?
                """, arguments: [id, id])
            texts += rows.map { FullTextEntry(rowid: $0["rowid"], folded: SearchFolding.fold($0["text"])) }
        }
        return texts
    }

    /// The stored texts under these row ids (documents, and minus assessment ids), folded as the write model
    /// folds them.
    static func storedTexts(_ db: Database, rowids: [Int64]) throws -> [FullTextEntry] {
        try rowids.compactMap { rowid in
            let text = rowid > 0
                ? try String.fetchOne(db, sql: "SELECT body FROM main.document WHERE id = ?", arguments: [rowid])
                : try String.fetchOne(db, sql: "SELECT text FROM main.assessment WHERE id = ?", arguments: [-rowid])
            return text.map { FullTextEntry(rowid: rowid, folded: SearchFolding.fold($0)) }
        }
    }

    /// The candidate each of `found` belongs to, in the same order (a text whose row is gone is left out).
    static func owners(_ db: Database, of found: ArraySlice<(rowid: Int64, rank: Double)>) throws -> [TextMatch] {
        try found.compactMap { rowid, _ in
            let candidate = rowid > 0
                ? try Int64.fetchOne(db, sql: "SELECT candidateId FROM document WHERE id = ?", arguments: [rowid])
                : try Int64.fetchOne(db, sql: "SELECT candidateId FROM assessment WHERE id = ?", arguments: [-rowid])
            return candidate.map { TextMatch(rowid: rowid, candidateId: $0) }
        }
    }
}

/// The register's connections to its full-text file, each opened on first use: one for writes, one for
/// searches off the main thread (an in-memory index has only the one).
final class TextIndexConnections: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var writerFile: FullTextFile?
    private var readerFile: FullTextFile?

    init(registerPath: String) { path = TextIndex.path(forRegister: registerPath) }

    /// The connection that writes, with the index created if the file has none.
    func writer() throws -> FullTextFile {
        try lock.withLock {
            if let writerFile { return writerFile }
            let file = try FullTextFile(path: path)
            try file.prepare()
            writerFile = file
            return file
        }
    }

    /// The connection searches read through.
    func reader() throws -> FullTextFile {
        if path == ":memory:" { return try writer() }
        return try lock.withLock {
            if let readerFile { return readerFile }
            let file = try FullTextFile(path: path)
            try file.execute("PRAGMA query_only = ON")
            readerFile = file
            return file
        }
    }

    /// Closes the search connection (a bulk load needs the file to itself to take it out of WAL mode).
    func closeReader() { lock.withLock { readerFile = nil } }
}

/// The full-text work of one write transaction: removals done at once, additions held until the register
/// has committed (see `TextIndex`).
///
/// An import writes a whole file in one transaction, so the held additions are bounded: past
/// `heldBytesLimit` (8 MB) of folded words only their row ids are kept, and their texts are read back from the
/// register once it has committed (folded as the write model folds them), so memory does not grow with the
/// file.
final class TextIndexWork {
    let file: FullTextFile
    /// Folded words held in memory at most; beyond it, row ids only.
    let heldBytesLimit: Int
    private var held: [FullTextEntry] = []
    /// Where each held row id is in `held`.
    private var heldAt: [Int64: Int] = [:]
    private var heldBytes = 0
    /// Row ids whose texts are read back after the commit (8 bytes a text; may repeat, made unique then).
    private var deferred: [Int64] = []

    init(file: FullTextFile, heldBytesLimit: Int = 8 << 20) {
        self.file = file
        self.heldBytesLimit = heldBytesLimit
    }

    /// Holds a text to index once the register's transaction has committed.
    func add(_ entry: FullTextEntry) {
        let size = entry.folded.utf8.count
        // A text replaced within the transaction is indexed once, with its last words.
        if let at = heldAt[entry.rowid] {
            heldBytes += size - held[at].folded.utf8.count
            held[at] = entry
        } else if heldBytes + size <= heldBytesLimit {
            heldAt[entry.rowid] = held.count
            held.append(entry)
            heldBytes += size
        } else {
            deferred.append(entry.rowid)
        }
    }

    /// Drops held additions of these row ids (their text went in the same transaction).
    private func forget(_ ids: [Int64]) {
        let gone = Set(ids)
        if gone.contains(where: { heldAt[$0] != nil }) {
            held.removeAll { gone.contains($0.rowid) }
            heldAt = Dictionary(uniqueKeysWithValues: held.enumerated().map { ($1.rowid, $0) })
            heldBytes = held.reduce(0) { $0 + $1.folded.utf8.count }
        }
        if !deferred.isEmpty { deferred.removeAll { gone.contains($0) } }
    }

    /// Takes these texts out of the index now, each given with the words it was indexed with; texts the index
    /// does not hold (never indexed, or taken out by an earlier try) are skipped, since deleting them would
    /// corrupt it.
    ///
    /// FTS5 writes a deletion into its segments as the transaction commits, but leaves the split key of a
    /// page whose first term went (a prefix of that word): a second transaction replaces those keys. It runs
    /// for texts already out of the index too, so that repeating a removal after a crash between the two
    /// still clears them.
    func remove(_ entries: [FullTextEntry]) throws {
        forget(entries.map(\.rowid))
        let inIndex = try file.held(entries.map(\.rowid))
        try file.transaction { try file.delete(entries.filter { inIndex.contains($0.rowid) }) }
        var words = Set<String>()
        for entry in entries { for word in entry.folded.split(separator: " ") { words.insert(String(word)) } }
        try file.transaction { _ = try file.replaceStaleSignposts(for: words) }
    }

    /// Indexes the held texts (after the register's commit), each once; `storedTexts` reads the texts of
    /// deferred row ids back from the register, as they are now.
    func commitAdditions(storedTexts: ([Int64]) throws -> [FullTextEntry]) throws {
        guard !held.isEmpty || !deferred.isEmpty else { return }
        deferred.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(deferred.count)
        for id in deferred where id != unique.last && heldAt[id] == nil { unique.append(id) }
        deferred = unique
        try file.transaction {
            let inIndex = try file.held(held.map(\.rowid))
            try file.insert(held.filter { !inIndex.contains($0.rowid) })
            var start = 0
            while start < deferred.count {
                let slice = Array(deferred[start..<min(start + 2_000, deferred.count)])
                let already = try file.held(slice)
                try file.insert(try storedTexts(slice.filter { !already.contains($0) }))
                start += slice.count
            }
        }
        (held, heldAt, heldBytes, deferred) = ([], [:], 0, [])
    }
}

extension SQLiteRegister {
    /// The texts holding every one of the folded `words`, best match first (bm25 over the whole register),
    /// handed to `take` in batches: the first 64, then each time four times as many are asked for, until
    /// `take` has enough or the index has no more.
    public func searchTexts(words: [String], take: ([TextMatch]) throws -> Bool) throws {
        guard let match = TextIndex.matchExpression(words) else { return }
        try surfacingDamage {
            let file = try textIndex.reader()
            let reader = try backgroundReader
            var asked = 64, handed = 0
            while true {
                let found = try file.matches(match, limit: asked)
                guard found.count > handed else { return }
                let batch = try reader.read { db in try TextIndex.owners(db, of: found[handed...]) }
                handed = found.count
                if try take(batch) || found.count < asked { return }
                asked *= 4
            }
        }
    }

    /// Removes the candidates' texts from the index, from the texts still stored (so before their rows go);
    /// with `secure-delete`, no segment keeps their words once this returns. Repeating it after a crash
    /// removes nothing twice.
    public func removeIndexedText(candidateIds: [Int64]) throws {
        try surfacingDamage {
            let texts = try writer.read { db in try TextIndex.storedTexts(db, candidateIds: candidateIds) }
            try TextIndexWork(file: textIndex.writer()).remove(texts)
        }
    }
}
