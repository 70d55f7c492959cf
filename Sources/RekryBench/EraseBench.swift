import Foundation
import GRDB
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Erasure figures at scale: one person with their checkpoint, a batch of 1,000, and a retention run, beside
/// raw SQLite doing the same essential work (the full-text entries removed with their texts, the shard
/// merged, the rows deleted with secure_delete, both files checkpointed) without the gate's preview,
/// suppression, erasure log and audit entry. Erases people from the benchmark register.
struct EraseBench {
    let db: String
    let keys: String

    func run() throws {
        let gate = try Registers.open(at: db).signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("dpo.identity")))
        let raw = try DatabaseQueue(path: db)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "ATTACH DATABASE ? AS text", arguments: [self.db + ".text"])
            try db.execute(sql: "PRAGMA text.secure_delete = ON")
        }
        let sample: [Int64] = try raw.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM candidate WHERE basis <> 'legal-obligation' AND id % 97 = 13
                  AND NOT EXISTS (SELECT 1 FROM document d WHERE d.candidateId = candidate.id AND d.basis = 'legal-obligation')
                  AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.candidateId = candidate.id AND a.basis = 'legal-obligation')
                  AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.candidateId = candidate.id AND p.basis = 'legal-obligation')
                ORDER BY id LIMIT 2100
                """)
        }
        guard sample.count >= 2100 else { throw BenchError("the register has too few candidates to erase (\(sample.count)); use a larger one") }

        var ours = Samples(), base = Samples()
        for (i, id) in sample.prefix(60).enumerated() {
            if i % 2 == 0 {
                _ = try ours.time { try gate.erase(candidateIds: [id], request: "BENCH") }
            } else {
                try base.time { try rawErase(raw, [id]) }
            }
        }
        report("erase one person, checkpointed", ours: ours, raw: base)

        ours = Samples(); base = Samples()
        let batch = Array(sample[60..<1060]), rawBatch = Array(sample[1060..<2060])
        _ = try ours.time { try gate.erase(candidateIds: batch, request: "BENCH") }
        try base.time { try rawErase(raw, rawBatch) }
        report("erase a batch of 1,000 (total)", ours: ours, raw: base)

        ours = Samples()
        let due = try ours.time { try gate.retentionDue(limit: 1_000) }
        report("retention run: preview of 1,000 due", ours: ours, raw: nil)
        ours = Samples()
        let erasable = due.filter { $0.refusal == nil }.map(\.candidateId)
        _ = try ours.time { try gate.erase(candidateIds: erasable, request: "RETENTION") }
        report("retention run: erase \(erasable.count) due (total)", ours: ours, raw: nil)
        let remaining = try raw.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate WHERE retentionDueAt <= ? AND basis <> 'legal-obligation'",
                             arguments: [Date().timeIntervalSince1970]) ?? 0
        }
        print("  still due after this run: \(remaining) (a whole run erases them at the rate above)")
    }

    /// The same erasure in plain SQL: texts out of the shard, rows deleted, shards merged, both files checkpointed.
    private func rawErase(_ raw: DatabaseQueue, _ ids: [Int64]) throws {
        try raw.write { db in
            var shards = Set<String>()
            for id in ids {
                let shard = "textIndex_\(id / 4096)"
                let texts = try Row.fetchAll(db, sql: "SELECT id AS rowid, body AS t FROM document WHERE candidateId = ? UNION ALL SELECT -id, text FROM assessment WHERE candidateId = ?",
                                             arguments: [id, id])
                for row in texts {
                    let rowid: Int64 = row["rowid"]
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM text.\(shard)_docsize WHERE id = ?)", arguments: [rowid]) == true else { continue }
                    try db.execute(sql: "INSERT INTO text.\(shard)(\(shard), rowid, body) VALUES ('delete', ?, ?)", arguments: [rowid, SearchFolding.fold(row["t"])])
                    shards.insert(shard)
                }
                try db.execute(sql: "DELETE FROM reportGrant WHERE reportId IN (SELECT id FROM psychReport WHERE candidateId = ?)", arguments: [id])
                try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [id])
            }
            for shard in shards { try db.execute(sql: "INSERT INTO text.\(shard)(\(shard)) VALUES ('optimize')") }
        }
        _ = try raw.writeWithoutTransaction { try $0.checkpoint(.truncate, on: nil) }
    }
}
