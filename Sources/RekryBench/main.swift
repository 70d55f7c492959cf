import Foundation
import GRDB
import RekryCrypto
import RekryDomain
import RekryBackends
import RekryDemo
import RekryGate
import RekryStorage
import RekryTUI

/// rekry-bench: builds (or reuses) a register of N candidates and prints figures, each beside raw SQLite
/// doing the same query on the same file where that fits. Not part of the tests: machines are noisy.
///
/// Usage: rekry-bench [--candidates N] [--dir DIR] [--reuse] [--only store|writes|tui|first-screen|erase|erase-trials|export|import] [--import-rows N] [--trials N] [--postgres URL [--reuse-postgres]]
struct BenchOptions {
    var candidates = 100_000
    var dir = "bench-out"
    var reuse = false
    /// With `--only erase-trials`: how many kill -9 trials.
    var trials = 1_000
    /// One group of figures instead of all.
    var only: String?
    /// With `--only import`: how many rows the CSV holds.
    var importRows = 100_000
    /// With `--only postgres`: the server, as its administrator's postgresql:// URL.
    var postgres: String?
    /// With `--only postgres`: the server already holds the moved register.
    var reusePostgres = false

    init(_ args: [String]) throws {
        var i = 0
        while i < args.count {
            let a = args[i]
            func value() throws -> String {
                i += 1
                guard i < args.count else { throw BenchError("\(a) needs a value") }
                return args[i]
            }
            switch a {
            case "--candidates":
                guard let n = Int(try value()), n > 0 else { throw BenchError("--candidates takes a positive number") }
                candidates = n
            case "--dir": dir = try value()
            case "--trials":
                guard let n = Int(try value()), n > 0 else { throw BenchError("--trials takes a positive number") }
                trials = n
            case "--reuse": reuse = true
            case "--postgres": postgres = try value()
            case "--reuse-postgres": reusePostgres = true
            case "--import-rows":
                guard let n = Int(try value()), n > 0 else { throw BenchError("--import-rows takes a positive number") }
                importRows = n
            case "--only":
                let group = try value()
                guard ["store", "tui", "first-screen", "writes", "erase", "erase-trials", "export", "import", "postgres"].contains(group) else {
                    throw BenchError("--only takes store, writes, tui, first-screen, erase, erase-trials, export, import or postgres, not '\(group)'")
                }
                only = group
            case "-h", "--help":
                print("usage: rekry-bench [--candidates N] [--dir DIR] [--reuse] [--only store|writes|tui|first-screen|erase|erase-trials|export|import] [--import-rows N] [--trials N] [--postgres URL [--reuse-postgres]]")
                exit(0)
            default: throw BenchError("unknown argument '\(a)'")
            }
            i += 1
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

do {
    let options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
    if options.only == "erase-trials" {
        try EraseTrials(trials: options.trials, dir: (options.dir as NSString).appendingPathComponent("erase-trials")).run()
        exit(0)
    }
    let db = (options.dir as NSString).appendingPathComponent("bench-\(options.candidates).sqlite")
    let keys = (options.dir as NSString).appendingPathComponent("keys-\(options.candidates)")
    print("Rekry benchmark: \(options.candidates) candidates, register \(db)")
    try FileManager.default.createDirectory(atPath: options.dir, withIntermediateDirectories: true)
    if !(options.reuse && FileManager.default.fileExists(atPath: db)) {
        for file in Registers.files(at: db) { try? FileManager.default.removeItem(atPath: file) }
        try? FileManager.default.removeItem(atPath: keys)
        let result = try DemoRegister.create(at: db, options: .init(candidates: options.candidates, seed: 7,
                                                                     now: Calendar.utc.startOfDay(for: Date()), keysDirectory: keys))
        print(String(format: "demo generation: %d candidates in %.1f s (%.0f candidates/s)", result.candidates, result.seconds,
                     Double(result.candidates) / result.seconds))
    }
    let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber)?.int64Value ?? 0
    let textSize = (try? FileManager.default.attributesOfItem(atPath: db + ".text")[.size] as? NSNumber)?.int64Value ?? 0
    print(String(format: "register file: %.1f MB, full-text index file: %.1f MB", Double(size) / 1e6, Double(textSize) / 1e6))
    if options.only == nil || options.only == "store" { try StoreBench(db: db, keys: keys).run() }
    if options.only == nil || options.only == "writes" { try WriteBench(db: db, keys: keys).run() }
    if options.only == nil || options.only == "tui" { try MainActor.assumeIsolated { try TUIBench(db: db, keys: keys).run() } }
    // Erasing removes people from the benchmark register, so it runs only when asked for.
    if options.only == "erase" { try EraseBench(db: db, keys: keys).run() }
    // Exports audit each read and record client disclosures, so they run only when asked for.
    if options.only == "export" { try ExportBench(db: db, keys: keys).run() }
    // Import writes a CSV beside the register and imports it into a new one.
    if options.only == "import" { try ImportBench(db: db, dir: options.dir, rows: options.importRows).run() }
    // The PostgreSQL figures move the register to a server the caller runs (docs/performance.md).
    if options.only == "postgres" {
        guard let url = options.postgres else { throw BenchError("--only postgres needs --postgres URL (the server's administrator)") }
        try PostgresBench(db: db, keys: keys, url: url, reuse: options.reusePostgres).run()
    }
    if options.only == "first-screen" { try MainActor.assumeIsolated { try TUIBench(db: db, keys: keys).processStartToFirstScreen() } }
} catch {
    FileHandle.standardError.write(Data("rekry-bench: \(error)\n".utf8))
    exit(1)
}
