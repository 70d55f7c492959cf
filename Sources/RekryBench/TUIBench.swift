import Foundation
import GRDB
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage
import RekryTUI

/// Terminal UI figures: open-to-first-screen, and the cost of a key press (update plus full render into the
/// cell buffer) for scrolling and for search-as-you-type, beside raw SQLite doing the same queries.
@MainActor
struct TUIBench {
    let db: String
    let keys: String

    /// Process start to first full screen of the real `rekry` binary (see `FirstScreenProbe`).
    func processStartToFirstScreen() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rekry").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("process start to first screen: skipped (build the rekry product in the same configuration)")
            return
        }
        let probe = FirstScreenProbe(binary: binary, arguments: ["--db", db, "--identity", (keys as NSString).appendingPathComponent("recruiter.identity")])
        _ = try probe.measure()  // page cache warm, as for a recruiter who opened it yesterday
        var samples = Samples(), raw = Samples()
        let sqlite3 = "/usr/bin/sqlite3"
        let rawArguments = ["-readonly", db, "SELECT * FROM candidate ORDER BY collationKey, id LIMIT 36"]
        let hasRaw = FileManager.default.isExecutableFile(atPath: sqlite3)
        for _ in 0..<40 {
            samples.values.append(try probe.measure())
            if hasRaw { raw.values.append(try FirstScreenProbe.rawProcess(sqlite3, rawArguments)) }
        }
        report("process start to first screen (120x40)", ours: samples, raw: hasRaw ? raw : nil)
        if hasRaw { print("  (raw: the sqlite3 shell from spawn to exit, reading the same first page)") }
    }

    func run() throws {
        var first = Samples()
        var app: App!
        for _ in 0..<5 {
            app = try first.time {
                let app = try App(gate: try signInAsRecruiter(db: db, keys: keys), theme: Theme(colors: true, unicode: true), width: 120, height: 40)
                _ = app.render()
                return app
            }
        }
        app.start()
        report("open to first full screen (in process)", ours: first, raw: nil)
        try processStartToFirstScreen()

        var config = Configuration()
        config.readonly = true
        let raw = try DatabaseQueue(path: db, configuration: config)

        // Scrolling: j across window edges (each edge step reads one row by key), and PgDn.
        var ours = Samples(), base = Samples()
        var key = try raw.read { try Row.fetchOne($0, sql: "SELECT collationKey, id FROM candidate ORDER BY collationKey, id LIMIT 1") }!
        for _ in 0..<2000 {
            ours.time {
                app.handle(.char("j"))
                _ = app.render()
            }
            try base.time {
                key = try raw.read { try Row.fetchOne($0, sql: "SELECT * FROM candidate WHERE (collationKey, id) > (?, ?) ORDER BY collationKey, id LIMIT 1",
                                                      arguments: [key["collationKey"] as String, key["id"] as Int64]) } ?? key
            }
        }
        report("key j (scroll one row) + render", ours: ours, raw: base)

        ours = Samples(); base = Samples()
        for _ in 0..<300 {
            ours.time {
                app.handle(.pageDown)
                _ = app.render()
            }
            try base.time {
                key = try raw.read { try Row.fetchAll($0, sql: "SELECT * FROM candidate WHERE (collationKey, id) > (?, ?) ORDER BY collationKey, id LIMIT 36",
                                                      arguments: [key["collationKey"] as String, key["id"] as Int64]).last } ?? key
            }
        }
        report("key PgDn (36 rows) + render", ours: ours, raw: base)

        // g and G: jump to either end of a million, each a keyset read of one window.
        ours = Samples(); base = Samples()
        for i in 0..<200 {
            let toEnd = i % 2 == 0
            ours.time {
                app.handle(.char(toEnd ? "G" : "g"))
                _ = app.render()
            }
            try base.time {
                _ = try raw.read { try Row.fetchAll($0, sql: "SELECT * FROM candidate ORDER BY collationKey \(toEnd ? "DESC" : "ASC"), id \(toEnd ? "DESC" : "ASC") LIMIT 36") }
            }
        }
        report("keys G / g (jump to either end) + render", ours: ours, raw: base)

        // Search as you type: each character re-queries and re-renders.
        ours = Samples(); base = Samples()
        app.handle(.char("g"))
        for word in ["bjorn", "asa", "odegard", "lindqvist", "xiao", "karlsson", "hansen", "virtanen"] {
            app.handle(.char("/"))
            var typed = ""
            for c in word {
                typed.append(c)
                ours.time {
                    app.handle(.char(c))
                    _ = app.render()
                }
                let prefix = typed
                _ = try base.time {
                    try raw.read { try Row.fetchAll($0, sql: """
                        SELECT c.* FROM searchToken t JOIN candidate c ON c.id = t.candidateId
                        WHERE t.token >= ? AND t.token < ? ORDER BY t.token, t.candidateId LIMIT 36
                        """, arguments: [prefix, prefix + "\u{10FFFF}"]) }
                }
            }
            app.handle(.escape)
        }
        report("search-as-you-type key + render", ours: ours, raw: base)
    }
}
