import Foundation
import GRDB
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Export figures at scale: one candidate's register extract, JSON Resume and client presentation, each
/// built through the gate and encoded, beside raw SQLite reading the same rows (the candidate, links,
/// consents, documents, processes, references and statements, assessments, disclosures, the report's
/// metadata and the audit entries about them) and encoding them.
struct ExportBench {
    let db: String
    let keys: String

    func run() throws {
        let dpo = try Registers.open(at: db).signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("dpo.identity")))
        let lead = try Registers.open(at: db).signIn(try Identity.load(from: (keys as NSString).appendingPathComponent("lead.identity")))
        let raw = try DatabaseQueue(path: db)
        let count = try raw.read { try Int.fetchOne($0, sql: "SELECT max(id) FROM candidate") ?? 0 }
        guard count > 1_000 else { throw BenchError("the register is too small to measure exports (\(count) candidates)") }
        // Spread over the whole register: ids at even steps, then those the person gave (for the résumé) and
        // those with a client-sharing consent (for the client presentation).
        let spread: [Int64] = (0..<200).map { Int64(1 + $0 * (count / 200)) }
        let given: [Int64] = try raw.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM candidate WHERE source IN ('applied', 'network') AND id % 211 = 5 ORDER BY id LIMIT 40")
        }
        var sharing: [Int64] = try raw.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT c.id FROM candidate c JOIN consent k ON k.candidateId = c.id
                WHERE k.purpose = 'client-sharing' AND k.withdrawnAt IS NULL AND (k.expiresAt IS NULL OR k.expiresAt > ?)
                  AND c.restricted = 0 AND c.objected = 0 AND c.basis IN ('contract', 'legitimate-interest') ORDER BY c.id LIMIT 40
                """, arguments: [Date().timeIntervalSince1970])
        }
        if sharing.isEmpty {
            // The demo records no client-sharing consent: a lead records one for 40 people spread over the register.
            sharing = try raw.read { db in
                // People whose profile a lead sees (a contract or legitimate-interest basis): a lapsed talent-pool
                // consent would withhold the profile itself.
                try Int64.fetchAll(db, sql: "SELECT id FROM candidate WHERE restricted = 0 AND objected = 0 AND basis IN ('contract', 'legitimate-interest') AND id % 251 = 7 ORDER BY id LIMIT 40")
            }
            for id in sharing {
                try lead.recordConsent(candidateId: id, ConsentDraft(purpose: .clientSharing, channel: "bench", text: "You may show my profile to clients."))
            }
        }

        var ours = Samples(), base = Samples()
        for (i, id) in spread.prefix(60).enumerated() {
            // Alternating, so that the page cache favours neither side.
            if i % 2 == 0 {
                _ = try ours.time { try ExportJSON.data(try dpo.registerExtract(candidateId: id)) }
            } else {
                _ = try base.time { try rawRead(raw, id) }
            }
        }
        report("export: Art. 15 extract of one", ours: ours, raw: base)

        ours = Samples(); base = Samples()
        for (i, id) in given.enumerated() {
            if i % 2 == 0 {
                _ = try ours.time { try ExportJSON.data(try dpo.resumeExport(candidateId: id)) }
            } else {
                _ = try base.time { try rawRead(raw, id) }
            }
        }
        report("export: JSON Resume of one", ours: ours, raw: base)

        ours = Samples(); base = Samples()
        for (i, id) in sharing.enumerated() {
            if i % 2 == 0 {
                _ = try ours.time {
                    let p = try lead.clientPresentation(candidateId: id, recipient: "Bench Client AB")
                    _ = try ExportJSON.data(p)
                    try lead.recordDisclosure(of: p, candidateId: id)
                }
            } else {
                _ = try base.time { try rawRead(raw, id) }
            }
        }
        if sharing.isEmpty { print("  no candidate with a client-sharing consent: client presentation not measured") }
        else { report("export: client presentation of one", ours: ours, raw: base) }
    }

    /// Reads every row an extract covers, with plain SQL, and encodes them as JSON.
    private func rawRead(_ raw: DatabaseQueue, _ id: Int64) throws -> Data {
        try raw.read { db in
            var rows: [[String: String]] = []
            func add(_ sql: String, _ args: StatementArguments) throws {
                for row in try Row.fetchAll(db, sql: sql, arguments: args) {
                    var dict: [String: String] = [:]
                    for (column, value) in row { dict[column] = value.description }
                    rows.append(dict)
                }
            }
            try add("SELECT * FROM candidate WHERE id = ?", [id])
            try add("SELECT * FROM candidateLink WHERE candidateId = ?", [id])
            try add("SELECT * FROM consent WHERE candidateId = ?", [id])
            try add("SELECT * FROM document WHERE candidateId = ?", [id])
            try add("SELECT * FROM participation p JOIN process r ON r.id = p.processId WHERE p.candidateId = ?", [id])
            try add("SELECT * FROM reference WHERE candidateId = ?", [id])
            try add("SELECT s.* FROM referenceStatement s JOIN reference r ON r.id = s.referenceId WHERE r.candidateId = ?", [id])
            try add("SELECT * FROM assessment WHERE candidateId = ?", [id])
            try add("SELECT * FROM disclosure WHERE candidateId = ?", [id])
            try add("SELECT id, author, writtenAt, attachedAt FROM psychReport WHERE candidateId = ?", [id])
            try add("SELECT a.* FROM auditEntry a WHERE a.subject = (SELECT pseudonym FROM candidate WHERE id = ?)", [id])
            return try ExportJSON.data(rows)
        }
    }
}
