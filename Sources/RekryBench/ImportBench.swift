import Foundation
import GRDB
import RekryBackends
import RekryCrypto
import RekryDemo
import RekryDomain
import RekryGate
import RekryImport
import RekryStorage

/// Import figures: a CSV of `rows` people at the demo's weight (each with their CV), taken from the benchmark
/// register (those whose email nobody else holds, so no row is a duplicate), imported by `rekry import` as a
/// process into a new register, with its wall time and peak memory; beside raw SQLite reading the same file
/// with the same CSV reader and inserting the same rows (candidate and CV) in one transaction.
struct ImportBench {
    let db: String
    let dir: String
    let rows: Int

    /// The `rekry` binary beside this one.
    var rekry: String { (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/rekry" }

    func run() throws {
        // Opening through Rekry brings the register's schema up to date (the email and phone indexes the
        // selection below leans on).
        _ = try Registers.open(at: db)
        let csv = dir + "/import-\(rows).csv"
        if !FileManager.default.fileExists(atPath: csv) { try writeCSV(csv) }
        let size = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
        print(String(format: "import: %d rows, %.1f MB of CSV", rows, Double(size) / 1e6))

        let target = dir + "/import-\(UUID().uuidString.prefix(8))"
        _ = try DemoRegister.create(at: target + "/r.sqlite", options: .init(candidates: 1, seed: 1, now: Date(), keysDirectory: target + "/keys"))
        let started = Date()
        let (status, peak) = try spawn(rekry, ["import", csv, "--source", "job-board", "--basis", "legitimate-interest",
                                               "--db", target + "/r.sqlite", "--identity", target + "/keys/recruiter.identity"],
                                       environment: ["HOME": target, "XDG_STATE_HOME": target + "/state"])
        let ours = Date().timeIntervalSince(started)
        guard status == 0 else { throw BenchError("rekry import exited \(status)") }

        let raw = try DatabaseQueue(path: target + "/raw.sqlite")
        let rawStarted = Date()
        try rawInsert(raw, csv)
        let base = Date().timeIntervalSince(rawStarted)
        print(String(format: "import %d rows (rekry import, a process)   %8.1f s  peak memory %6.1f MB   | raw SQLite %6.1f s | ratio %.2fx",
                     rows, ours, Double(peak) / 1024, base, ours / base))
        print(String(format: "  rate: %.0f rows/s; a million rows at this rate: %.1f min", Double(rows) / ours, 1_000_000 / (Double(rows) / ours) / 60))
    }

    private func writeCSV(_ path: String) throws {
        let source = try DatabaseQueue(path: db, configuration: { var c = Configuration(); c.readonly = true; return c }())
        FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? out.close() }
        func field(_ s: String?) -> String {
            guard let s else { return "" }
            return s.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        out.write(Data([0xEF, 0xBB, 0xBF]))
        out.write(Data("Namn;E-post;Telefon;Ort;Titel;Arbetsgivare;Land;CV\r\n".utf8))
        try source.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT c.fullName, c.email, c.phone, c.homeTown, c.currentTitle, c.currentEmployer, c.country,
                       (SELECT body FROM document d WHERE d.candidateId = c.id AND d.kind = 'cv' LIMIT 1) AS cv
                FROM candidate c
                WHERE c.email IS NOT NULL
                ORDER BY c.id LIMIT ?
                """, arguments: [rows])
            var buffer = ""
            var n = 0
            while let r = try cursor.next() {
                // The demo gives many people the same address or number; an import refuses a second row with the same
                // email or phone, so each row gets its own (the person's address with a number, a phone made of it).
                n += 1
                let email = (r["email"] as String).replacingOccurrences(of: "@", with: ".\(n)@")
                let phone = String(format: "+46 70 %03d %02d %02d", n / 10_000 % 1_000, n / 100 % 100, n % 100)
                let values: [String?] = [r["fullName"], email, phone, r["homeTown"], r["currentTitle"], r["currentEmployer"], r["country"], r["cv"]]
                buffer += values.map(field).joined(separator: ";") + "\r\n"
                if buffer.utf8.count > 1 << 20 { out.write(Data(buffer.utf8)); buffer = "" }
            }
            out.write(Data(buffer.utf8))
        }
    }

    /// The floor: the same file through the same CSV reader, the rows inserted with prepared statements.
    private func rawInsert(_ raw: DatabaseQueue, _ csv: String) throws {
        try raw.write { db in
            try db.execute(sql: """
                CREATE TABLE candidate (id INTEGER PRIMARY KEY, fullName TEXT, email TEXT, phone TEXT, homeTown TEXT, title TEXT, employer TEXT, country TEXT);
                CREATE TABLE document (id INTEGER PRIMARY KEY, candidateId INTEGER, body TEXT);
                """)
            let person = try db.makeStatement(sql: "INSERT INTO candidate (fullName, email, phone, homeTown, title, employer, country) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let document = try db.makeStatement(sql: "INSERT INTO document (candidateId, body) VALUES (?, ?)")
            for element in try CSVImportReader(path: csv) {
                guard case .success(let row) = element else { continue }
                try person.execute(arguments: [row.fields[.name], row.fields[.email], row.fields[.phone], row.fields[.homeTown],
                                               row.fields[.title], row.fields[.employer], row.fields[.country]])
                try document.execute(arguments: [db.lastInsertedRowID, row.fields[.cv]])
            }
        }
    }

    /// Runs a process to its end; its exit status and peak resident memory (KiB).
    private func spawn(_ path: String, _ args: [String], environment: [String: String]) throws -> (Int32, Int) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = ["LANG": "C.UTF-8", "TZ": "UTC", "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return (p.terminationStatus, Int(usage.ru_maxrss))
    }
}
