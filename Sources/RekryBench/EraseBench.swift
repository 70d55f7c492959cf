import Foundation
import GRDB
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Erasure figures at scale: one person with their checkpoint, a batch of 1,000, and a retention run, beside
/// raw SQLite doing the same essential work (the full-text entries removed with their texts through the
/// index's own SQLite, the rows deleted with secure_delete, both files checkpointed) without the gate's
/// preview, suppression, erasure log and audit entry. Erases people from the benchmark register.
struct EraseBench {
    let db: String
    let keys: String

    func run() throws {
        let opening = Date()
        let register = try Registers.open(at: db)
        // A register from before the one full-text index is rebuilt at this open (once).
        print(String(format: "  open the register: %.1f s", Date().timeIntervalSince(opening)))
        let gate = try register.signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("dpo.identity")))
        let raw = try DatabaseQueue(path: db)
        try raw.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        let rawIndex = try SecureDeleteIndex(path: db + ".text")
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
                try base.time { try rawErase(raw, rawIndex, [id]) }
            }
        }
        report("erase one person, checkpointed", ours: ours, raw: base)

        ours = Samples(); base = Samples()
        let batch = Array(sample[60..<1060]), rawBatch = Array(sample[1060..<2060])
        _ = try ours.time { try gate.erase(candidateIds: batch, request: "BENCH") }
        try base.time { try rawErase(raw, rawIndex, rawBatch) }
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

    /// The same erasure in plain SQL: texts out of the index with their words, rows deleted, both files
    /// checkpointed.
    private func rawErase(_ raw: DatabaseQueue, _ index: SecureDeleteIndex, _ ids: [Int64]) throws {
        try raw.write { db in
            var texts: [(rowid: Int64, folded: String)] = []
            for id in ids {
                let rows = try Row.fetchAll(db, sql: "SELECT id AS rowid, body AS t FROM document WHERE candidateId = ? UNION ALL SELECT -id, text FROM assessment WHERE candidateId = ?",
                                            arguments: [id, id])
                for row in rows where try index.holds(rowid: row["rowid"]) { texts.append((row["rowid"], SearchFolding.fold(row["t"]))) }
            }
            try index.delete(texts)
            for id in ids {
                try db.execute(sql: "DELETE FROM reportGrant WHERE reportId IN (SELECT id FROM psychReport WHERE candidateId = ?)", arguments: [id])
                try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [id])
            }
        }
        _ = try raw.writeWithoutTransaction { try $0.checkpoint(.truncate, on: "main") }
        try index.checkpointTruncate()
    }
}
