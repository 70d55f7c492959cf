import Foundation
import RekryFullText
import RekryStorage

/// Fills the full-text index file on a thread of its own during a bulk load (through the index's own
/// connection, which nothing else uses meanwhile).
///
/// Chunks arrive in candidate order through `put` (at most two waiting, so memory stays bounded); each is
/// one transaction. `finish` waits for the last, merges the index and rethrows the first error; `cancel`
/// stops the thread when the load fails.
final class BulkTextWriter: @unchecked Sendable {
    private let file: FullTextFile
    private let condition = NSCondition()
    private var pending: [[TextIndexEntry]] = []
    private var closed = false
    private var cancelled = false
    private var done = false
    private var failure: (any Error)?
    private var seconds = 0.0
    private var idle = 0.0

    init(file: FullTextFile) throws {
        self.file = file
        // A new register's index: nothing erased can be in it, and a failed load removes the file.
        try file.setBulkMode(true)
        // No merging while loading (each chunk is one segment); one merge at the end does it once.
        try file.execute("INSERT INTO \(FullTextFile.table)(\(FullTextFile.table), rank) VALUES ('automerge', 0)")
        try file.execute("INSERT INTO \(FullTextFile.table)(\(FullTextFile.table), rank) VALUES ('crisismerge', 2000)")
        let thread = Thread { [self] in run() }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Hands a chunk's entries to the writer; waits while two are queued. Throws the writer's error.
    func put(_ entries: [TextIndexEntry]) throws {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= 2 && failure == nil && !cancelled { condition.wait() }
        if let failure { throw failure }
        pending.append(entries)
        condition.broadcast()
    }

    /// Waits until every chunk is written; returns the seconds spent writing.
    func finish() throws -> Double {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        if let failure { throw failure }
        if ProcessInfo.processInfo.environment["REKRY_DEMO_TIMING"] != nil {
            FileHandle.standardError.write(Data(String(format: "full-text writer: idle %.1f s\n", idle).utf8))
        }
        return seconds
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !done { condition.wait() }
        condition.unlock()
    }

    private func next() -> [TextIndexEntry]? {
        let start = DispatchTime.now().uptimeNanoseconds
        condition.lock()
        defer {
            condition.unlock()
            idle += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        while pending.isEmpty && !closed && !cancelled { condition.wait() }
        if cancelled || pending.isEmpty { return nil }
        let entries = pending.removeFirst()
        condition.broadcast()
        return entries
    }

    private func run() {
        do {
            while let entries = next() {
                let start = DispatchTime.now().uptimeNanoseconds
                // FTS5 flushes its pending terms into a new segment whenever a row id is not above the last one
                // it took; in row id order a chunk becomes one segment, not hundreds to merge.
                let ordered = entries.sorted { $0.rowid < $1.rowid }.map { FullTextEntry(rowid: $0.rowid, folded: $0.folded) }
                try file.insert(ordered)
                seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
            if !cancelled {
                let start = DispatchTime.now().uptimeNanoseconds
                // One segment: the fastest to search, and no merge is left for the first writes to pay.
                try file.execute("INSERT INTO \(FullTextFile.table)(\(FullTextFile.table)) VALUES ('optimize')")
                // FTS5's defaults again for the writes that follow.
                try file.execute("INSERT INTO \(FullTextFile.table)(\(FullTextFile.table), rank) VALUES ('automerge', 4)")
                try file.execute("INSERT INTO \(FullTextFile.table)(\(FullTextFile.table), rank) VALUES ('crisismerge', 16)")
                seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
            try file.setBulkMode(false)
        } catch {
            try? file.setBulkMode(false)
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
