import Foundation
import GRDB
import RekryDomain
import RekryGate
import RekryStorage

/// Write figures: adding and correcting a candidate through the gate (policy, write model, audit append,
/// checkpoint) beside raw SQLite writing the same rows in one transaction.
struct WriteBench {
    let db: String
    let keys: String

    static let cv = String(repeating: "Backend developer with eight years of Swift, Kotlin and PostgreSQL at Klarna and Spotify in Stockholm. ", count: 30)

    func run() throws {
        let gate = try signInAsRecruiter(db: db, keys: keys)
        let raw = try DatabaseQueue(path: db)
        var ours = Samples(), base = Samples()
        var added: [Int64] = []
        for i in 0..<200 {
            let draft = CandidateDraft(fullName: "Benchmark Person\(i) Öberg", email: "bench.person\(i)@example.se",
                                       phone: "+46 70 555 \(String(format: "%02d", i % 100)) \(String(format: "%02d", i / 100))",
                                       currentTitle: "Backend developer", currentEmployer: "Klarna", source: .applied, basis: .contract)
            added.append(try ours.time { try gate.addCandidate(draft) })
            try base.time {
                try raw.write { db in
                    try db.execute(sql: """
                        INSERT INTO candidate(pseudonym, fullName, nameKey, email, phone, currentTitle, currentEmployer, country, source,
                          collectedAt, basis, lastActivityAt, searchKeys) VALUES (?, ?, ?, ?, ?, 'Backend developer', 'Klarna', 'SE', 'applied', ?, 'contract', ?, '[]')
                        """, arguments: ["c-raw\(UUID().uuidString)", draft.fullName, "benchmark person\(i) oberg", draft.email, draft.phone,
                                         Date().timeIntervalSince1970, Date().timeIntervalSince1970])
                    let id = db.lastInsertedRowID
                    for token in ["benchmark", "person\(i)", "oberg", "bench", "example", "se", "backend", "developer", "klarna"] {
                        try db.execute(sql: "INSERT OR IGNORE INTO searchToken(token, candidateId) VALUES (?, ?)", arguments: [token, id])
                    }
                    // The audit append, into a table shaped like the log (the real log is append-only and chained).
                    try db.execute(sql: "CREATE TABLE IF NOT EXISTS temp.rawAudit AS SELECT * FROM main.auditEntry WHERE 0")
                    try db.execute(sql: "INSERT INTO temp.rawAudit SELECT seq + 1, atMillis, actor, action, subject, purpose, detail, hash, hash FROM main.auditEntry ORDER BY seq DESC LIMIT 1")
                }
            }
        }
        report("add a candidate (gate, write model, audit)", ours: ours, raw: base)

        ours = Samples(); base = Samples()
        for (i, id) in added.enumerated() {
            try ours.time { try gate.editCandidate(id, changes: [.fullName: "Renamed Person\(i) Lindqvist"]) }
            try base.time {
                try raw.write { db in
                    try db.execute(sql: "UPDATE candidate SET fullName = ?, nameKey = ? WHERE id = ?",
                                   arguments: ["Renamed Person\(i) Lindqvist", "renamed person\(i) lindqvist", id])
                    try db.execute(sql: "DELETE FROM searchToken WHERE candidateId = ? AND token IN ('renamed', 'person\(i)', 'lindqvist')", arguments: [id])
                    for token in ["renamed", "person\(i)", "lindqvist"] {
                        try db.execute(sql: "INSERT OR IGNORE INTO searchToken(token, candidateId) VALUES (?, ?)", arguments: [token, id])
                    }
                    try db.execute(sql: "INSERT INTO recordChange(candidateId, field, changedAt, changedBy) VALUES (?, 'name', 0, 's')", arguments: [id])
                }
                _ = try raw.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            }
        }
        report("edit a name (rectification, checkpointed)", ours: ours, raw: base)

        ours = Samples()
        for id in added.prefix(100) {
            _ = try ours.time { try gate.addDocument(candidateId: id, kind: .cv, body: Self.cv) }
        }
        report("add a 3 KB CV (full-text indexed)", ours: ours, raw: nil)
    }
}
