import Foundation
import GRDB
import RekryDomain

/// The two full-text designs side by side on the benchmark register's own texts: Rekry's shards (SQLite 3.40,
/// a contentless FTS5 table per 4,096 candidates, `optimize` of the person's shard on erasure) against one
/// contentless FTS5 index with `secure-delete` (SQLite 3.54.1 through sqlite-nio, no merge on erasure).
///
/// Both sides do the same work: a ranked query for the same words (row ids only, no candidate rows), and the
/// full-text part of one erasure up to its TRUNCATE checkpoint. Each erased text is put back afterwards,
/// untimed, so the register stays whole. A planted marker then checks that each design leaves no trace.
struct FullTextDesignBench {
    let db: String
    let dir: String

    func run() throws {
        var readOnly = Configuration()
        readOnly.readonly = true
        let register = try DatabaseQueue(path: db, configuration: readOnly)
        let systemVersion = try register.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") ?? "?" }
        print("one secure-delete index: SQLite \(SecureDeleteIndex.version); the shards: SQLite \(systemVersion)")
        let single = try buildSingleIndex(from: register)
        let shards = try DatabaseQueue(path: db)
        let shardNames = try shards.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "ATTACH DATABASE ? AS text", arguments: [self.db + ".text"])
            try db.execute(sql: "PRAGMA text.secure_delete = ON")
            return try String.fetchAll(db, sql: "SELECT name FROM text.sqlite_master WHERE type = 'table' AND name GLOB 'textIndex_[0-9]*' AND name NOT GLOB '*_*_*'")
        }
        try compareQueries(shards: shards, shardNames: shardNames, single: single)
        try compareErasures(register: register, shards: shards, single: single)
        try checkTraces(shards: shards, single: single)
    }

    /// The single index beside the register, built from its documents and assessments unless a previous run
    /// left one with as many texts.
    private func buildSingleIndex(from register: DatabaseQueue) throws -> SecureDeleteIndex {
        let path = (dir as NSString).appendingPathComponent("fts-secure-delete-\((db as NSString).lastPathComponent)")
        let expected = try register.read { db in
            try Int64.fetchOne(db, sql: "SELECT (SELECT count(*) FROM document) + (SELECT count(*) FROM assessment)") ?? 0
        }
        var index = try SecureDeleteIndex(path: path)
        let held = try index.count()
        if held == expected + 1 || held == expected {
            print("reusing \(path) (\(held) texts\(held > expected ? ", a planted marker among them" : ""))")
            return index
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        index = try SecureDeleteIndex(path: path)
        let start = Date()
        // In row id order, as the shards were built: FTS5 flushes a segment whenever row ids go backwards.
        for (table, column, sign) in [("document", "body", Int64(1)), ("assessment", "text", Int64(-1))] {
            var after: Int64 = 0
            while true {
                let rows = try register.read { db in
                    try Row.fetchAll(db, sql: "SELECT id, \(column) AS t FROM \(table) WHERE id > ? ORDER BY id LIMIT 20000", arguments: [after])
                }
                guard let last = rows.last else { break }
                after = last["id"]
                let texts = rows.map { (rowid: sign * ($0["id"] as Int64), folded: SearchFolding.fold($0["t"])) }
                try index.insert(sign > 0 ? texts : texts.reversed())
            }
        }
        // A marker merged into the big segment with everyone else, as an old CV would be, for `checkTraces`.
        try index.insert([Self.oldMarker])
        try index.optimize()
        try index.checkpointTruncate()
        print(String(format: "built the single index: %lld texts in %.1f s, %.1f MB (the shards: %.1f MB)", expected,
                     Date().timeIntervalSince(start), fileMB(path), fileMB(db + ".text")))
        return index
    }

    private func fileMB(_ path: String) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0) / 1e6
    }

    /// The same ranked query, 50 results: every shard merged by rank, against the one index.
    private func compareQueries(shards: DatabaseQueue, shardNames: [String], single: SecureDeleteIndex) throws {
        func sharded(_ match: String) throws -> [Int64] {
            try shards.read { db in
                var scored: [(Double, Int64)] = []
                for shard in shardNames {
                    scored += try Row.fetchAll(db, sql: "SELECT rowid, rank FROM text.\(shard) WHERE \(shard) MATCH ? ORDER BY rank LIMIT 50",
                                               arguments: [match]).map { ($0["rank"], $0["rowid"]) }
                }
                return scored.sorted { $0.0 < $1.0 }.prefix(50).map(\.1)
            }
        }
        let words = ["controller", "kubernetes leadership", "scrum", "frontend bergen", "Göteborgs"]
        let matches = words.map { SearchFolding.fold($0).split(separator: " ").map { "\"\($0)\"" }.joined(separator: " ") }
        // Both designs must find the same best matches, or the timings compare different work.
        for (word, match) in zip(words, matches) {
            let a = try single.matches(match, limit: 50), b = try sharded(match)
            // The shards rank by each shard's own word statistics, the one index by the whole register's, so
            // the best 50 differ; the count shows both found as many.
            print("  '\(word)': one index \(a.count) results, the shards \(b.count), \(Set(a).intersection(b).count) in common")
        }
        var oneIndex = Samples(), sharding = Samples()
        for _ in 0..<4 {
            for match in matches {
                _ = try oneIndex.time { try single.matches(match, limit: 50) }
                _ = try sharding.time { try sharded(match) }
            }
        }
        print("full-text query, ranked, 50 results, \(words.count) queries x4 (the shards: \(shardNames.count), one connection)")
        reportDesigns("  query", single: oneIndex, shards: sharding)
    }

    /// The full-text part of erasing one person, checkpointed, in each design; alternating, 30 people each.
    private func compareErasures(register: DatabaseQueue, shards: DatabaseQueue, single: SecureDeleteIndex) throws {
        let people: [Int64] = try register.read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT candidateId FROM document WHERE candidateId % 89 = 7 ORDER BY candidateId LIMIT 30")
        }
        // Both designs read the person's texts and fold them inside the timing: a contentless index needs them to forget.
        func texts(of id: Int64) throws -> [(rowid: Int64, folded: String)] {
            try register.read { db in
                try Row.fetchAll(db, sql: "SELECT id AS rowid, body AS t FROM document WHERE candidateId = ? UNION ALL SELECT -id, text FROM assessment WHERE candidateId = ?",
                                 arguments: [id, id]).map { (rowid: $0["rowid"], folded: SearchFolding.fold($0["t"])) }
            }
        }
        var oneIndex = Samples(), sharding = Samples()
        for id in people {
            let removed = try oneIndex.time {
                let removed = try texts(of: id)
                try single.delete(removed)
                try single.checkpointTruncate()
                return removed
            }
            try single.insert(removed)
            let shard = "textIndex_\(id / 4096)"
            try sharding.time {
                let removed = try texts(of: id)
                try shards.write { db in
                    for text in removed {
                        try db.execute(sql: "INSERT INTO text.\(shard)(\(shard), rowid, body) VALUES ('delete', ?, ?)",
                                       arguments: [text.rowid, text.folded])
                    }
                    try db.execute(sql: "INSERT INTO text.\(shard)(\(shard)) VALUES ('optimize')")
                }
                _ = try shards.writeWithoutTransaction { try $0.checkpoint(.truncate, on: "text") }
            }
            try shards.write { db in
                for text in removed {
                    try db.execute(sql: "INSERT INTO text.\(shard)(rowid, body) VALUES (?, ?)", arguments: [text.rowid, text.folded])
                }
            }
        }
        print("erase one person's texts (\(people.count) people), including the TRUNCATE checkpoint")
        reportDesigns("  erase", single: oneIndex, shards: sharding)
    }

    /// A text the build puts into the single index before its merge: erasing it shows what an old text leaves.
    static let oldMarker = (rowid: Int64(4_000_000_002), folded: "qxoldmarkerwq7215 controller qxoldmarkerwq7215x")

    /// Plants a marker in each design, erases it as an erasure would, and counts the marker's bytes left; then
    /// erases the marker the build merged into the single index's big segment.
    private func checkTraces(shards: DatabaseQueue, single: SecureDeleteIndex) throws {
        let old = Self.oldMarker
        if try single.holds(rowid: old.rowid) {
            var oldSample = Samples()
            try oldSample.time {
                try single.delete([old])
                try single.checkpointTruncate()
            }
            let oldLeft = try FileScan.occurrences(of: ["qxoldmarkerwq7215", "markerwq7215"], in: [single.path, single.path + "-wal"])
            print(String(format: "a marker merged into the single index's big segment: erased in %.1f ms, bytes left %d", oldSample.median, oldLeft))
        } else {
            print("the marker merged into the single index's big segment was erased by an earlier run (delete the index file to plant it again)")
        }

        let marker = "qxbenchmarkerzv\(Int.random(in: 100_000...999_999))"
        let rowid: Int64 = 4_000_000_001
        let text = "\(marker) swift ekonomi \(marker)s"
        try single.insert([(rowid: rowid, folded: text)])
        try single.checkpointTruncate()
        try single.delete([(rowid: rowid, folded: text)])
        try single.checkpointTruncate()
        let singleLeft = try FileScan.occurrences(of: [marker, String(marker.suffix(7))], in: [single.path, single.path + "-wal"])
        try shards.write { db in try db.execute(sql: "INSERT INTO text.textIndex_0(rowid, body) VALUES (?, ?)", arguments: [rowid, text]) }
        _ = try shards.writeWithoutTransaction { try $0.checkpoint(.truncate, on: "text") }
        try shards.write { db in
            try db.execute(sql: "INSERT INTO text.textIndex_0(textIndex_0, rowid, body) VALUES ('delete', ?, ?)", arguments: [rowid, text])
            try db.execute(sql: "INSERT INTO text.textIndex_0(textIndex_0) VALUES ('optimize')")
        }
        _ = try shards.writeWithoutTransaction { try $0.checkpoint(.truncate, on: "text") }
        let shardsLeft = try FileScan.occurrences(of: [marker, String(marker.suffix(7))], in: [db + ".text", db + ".text-wal"])
        print("a planted marker's bytes left after erasure and checkpoint: one index \(singleLeft), the shards \(shardsLeft)")
    }

    private func reportDesigns(_ name: String, single: Samples, shards: Samples) {
        print(String(format: "%@ one secure-delete index: median %8.3f ms p99 %8.3f ms | the shards: median %8.3f ms p99 %8.3f ms",
                     name, single.median, single.p99, shards.median, shards.p99))
    }
}

/// Counts occurrences of byte strings in files, reading them in chunks.
enum FileScan {
    static func occurrences(of needles: [String], in paths: [String]) throws -> Int {
        var found = 0
        let patterns = needles.map { Data($0.utf8) }
        let overlap = patterns.map(\.count).max() ?? 0
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot read \(path)") }
            defer { try? handle.close() }
            var carry = Data()
            while let chunk = try handle.read(upToCount: 64 << 20), !chunk.isEmpty {
                let window = carry + chunk
                for pattern in patterns {
                    var from = window.startIndex
                    while let range = window.range(of: pattern, in: from..<window.endIndex) {
                        // A match wholly inside the carried tail was counted with the previous chunk.
                        if range.upperBound > carry.count { found += 1 }
                        from = range.upperBound
                    }
                }
                carry = Data(window.suffix(overlap))
            }
        }
        return found
    }
}
