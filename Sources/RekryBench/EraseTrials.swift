import Foundation
import GRDB

/// kill -9 at random points of `rekry erase`, many times over, on a demo register: after each, the next
/// open must leave the person either whole (row and full-text entries) or gone from every byte of every
/// file, and every so often both files must pass `integrity_check`. Prints the counts.
///
/// `EraseKillTrialsTests` runs 200 of these in the test suite; this runs as many as asked (1,000 by default).
struct EraseTrials {
    let trials: Int
    let dir: String
    var dbPath: String { dir + "/r.sqlite" }

    /// The `rekry` binary beside this one.
    var rekry: String { (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/rekry" }

    @discardableResult
    func run(_ args: [String], kill after: useconds_t? = nil) throws -> (status: Int32, killed: Bool) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: rekry)
        p.arguments = args
        p.environment = ["LANG": "C.UTF-8", "TZ": "UTC", "PATH": "/usr/bin:/bin", "HOME": dir, "XDG_STATE_HOME": dir + "/state"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        var killed = false
        if let after {
            usleep(after)
            if p.isRunning { kill(p.processIdentifier, SIGKILL); killed = true }
        }
        p.waitUntilExit()
        return (p.terminationStatus, killed)
    }

    func run() throws {
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = dir + "/r.sqlite", keys = dir + "/keys"
        guard try run(["demo", "--db", db, "--candidates", String(trials + 200), "--seed", "11", "--keys", keys]).status == 0 else {
            throw BenchError("rekry demo failed in \(dir)")
        }
        struct Person { var id: Int64; var email: String; var texts: [Int64] }
        let people: [Person] = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, email FROM candidate WHERE email IS NOT NULL AND basis <> 'legal-obligation' AND restricted = 0
                  -- The demo gives a few people the same email, and CVs carry emails: only an email nobody else
                  -- holds can show a trace of the erased person.
                  AND NOT EXISTS (SELECT 1 FROM candidate o WHERE o.email = candidate.email AND o.id <> candidate.id)
                  AND NOT EXISTS (SELECT 1 FROM document o WHERE o.candidateId <> candidate.id AND instr(o.body, candidate.email) > 0)
                  AND NOT EXISTS (SELECT 1 FROM document d WHERE d.candidateId = candidate.id AND d.basis = 'legal-obligation')
                  AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.candidateId = candidate.id AND a.basis = 'legal-obligation')
                  AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.candidateId = candidate.id AND p.basis = 'legal-obligation')
                ORDER BY id LIMIT ?
                """, arguments: [trials]).map { row in
                let id: Int64 = row["id"]
                return Person(id: id, email: row["email"], texts: try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE candidateId = ?", arguments: [id]))
            }
        }
        var rng = SystemRandomNumberGenerator()
        var killed = 0, erased = 0, whole = 0, halfDone = 0, traces = 0, integrityFailures = 0
        for (i, person) in people.enumerated() {
            let identity = ["--db", db, "--identity", keys + "/lead.identity"]
            if try run(["erase", String(person.id), "--yes"] + identity, kill: useconds_t.random(in: 0...80_000, using: &rng)).killed { killed += 1 }
            _ = try run(["list", "--limit", "1", "--db", db, "--identity", keys + "/recruiter.identity"])  // the next open finishes it
            let (row, pending): (Bool, Int) = try DatabaseQueue(path: db).read { db in
                (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM candidate WHERE id = ?)", arguments: [person.id]) ?? false,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM erasurePending") ?? 0)
            }
            // The full-text file through its own SQLite (the system one must never open it).
            let index = try SecureDeleteIndex(path: dbPath + ".text")
            let indexed = try person.texts.filter { try index.holds(rowid: $0) }.count
            if row {
                whole += 1
                if indexed != person.texts.count || pending != 0 { halfDone += 1 }
            } else {
                erased += 1
                let files = [db, db + "-wal", db + ".text", db + ".text-wal"]
                let trace = files.contains { FileManager.default.contents(atPath: $0)?.range(of: Data(person.email.utf8)) != nil }
                if indexed != 0 || pending != 0 { halfDone += 1 }
                // The row is gone but some byte of a file still holds the email (a stale cell copy, if the
                // scrubbing VFS ever missed one: docs/privacy.md).
                if trace { traces += 1 }
            }
            if i % 50 == 49 {
                if try DatabaseQueue(path: db).read({ try String.fetchAll($0, sql: "PRAGMA integrity_check") }) != ["ok"] { integrityFailures += 1 }
                if try !SecureDeleteIndex(path: dbPath + ".text").isSound() { integrityFailures += 1 }
            }
        }
        print("erasure kill trials: \(people.count), killed part-way: \(killed), erased: \(erased), left whole: \(whole), "
              + "half-erased after the next open: \(halfDone), erased but the email still in a file: \(traces), "
              + "integrity_check failures: \(integrityFailures)")
    }
}
