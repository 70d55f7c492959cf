import Foundation
import GRDB
import RekryStorage

/// Fills the full-text index file on a thread and connection of its own during a bulk load.
///
/// Chunks arrive in candidate order through `put` (at most two waiting, so memory stays bounded); each is
/// one transaction, with one prepared insert per shard. `finish` waits for the last and rethrows the first
/// error; `cancel` stops the thread when the load fails.
final class BulkTextWriter: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let condition = NSCondition()
    private var pending: [[TextIndexEntry]] = []
    private var closed = false
    private var cancelled = false
    private var done = false
    private var failure: (any Error)?
    private var seconds = 0.0
    private var idle = 0.0

    init(path: String, configuration: Configuration) throws {
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            // A new register's index: nothing erased can be in it, and a failed load removes the file.
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = MEMORY") == "memory" else {
                throw RegisterError.refused("\(path): the full-text index is in use; a bulk load needs it to itself")
            }
        }
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
        var shards: [Int64: BulkStatement] = [:]
        do {
            try queue.writeWithoutTransaction { db in
                while let entries = next() {
                    let start = DispatchTime.now().uptimeNanoseconds
                    // FTS5 flushes its pending terms into a new segment whenever a rowid is not above the last
                        // one it took; in rowid order per shard a chunk becomes one segment, not hundreds to merge.
                        let ordered = entries.sorted { ($0.candidateId / TextIndex.shardSize, $0.rowid) < ($1.candidateId / TextIndex.shardSize, $1.rowid) }
                    try db.inTransaction {
                        for e in ordered {
                            let key = e.candidateId / TextIndex.shardSize
                            let insert: BulkStatement
                            if let s = shards[key] {
                                insert = s
                            } else {
                                try TextIndex.ensureShard(db, candidateId: e.candidateId, schema: "main")
                                insert = try BulkStatement(db, "INSERT INTO \(TextIndex.shardName(candidateId: e.candidateId, schema: "main"))(rowid, body) VALUES (?, ?)")
                                shards[key] = insert
                            }
                            try insert.bind(e.rowid).bind(e.folded).run(db)
                        }
                        return .commit
                    }
                    seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                }
                shards = [:]
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw RegisterError.unreadable(path: "full-text index", reason: "SQLite could not put the file back in WAL mode")
                }
            }
        } catch {
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
