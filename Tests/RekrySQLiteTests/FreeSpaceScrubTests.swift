import CSQLiteScrub
import Foundation
import GRDBSQLite
@_spi(Testing) @testable import RekrySQLite
import RekryTestSupport
import XCTest

/// The scrubbing VFS: SQLite's stale cell copies never reach the database file.
///
/// With `secure_delete` on, SQLite zeroes a deleted cell but not the copy it left in a page's free space
/// when an earlier rebalance moved the cell to another page. The workload below (rows inserted in a shuffled
/// order, half of them deleted, each step checkpointed with TRUNCATE) leaves some deleted rows readable in
/// the file under the platform VFS; under the register's VFS it must leave none.
final class FreeSpaceScrubTests: XCTestCase {
    override func setUp() {
        // The register's configuration installs the scrubbing VFS as the default, once per process.
        _ = SQLiteRegister.configuration()
    }

    func testThePlatformVFSLeavesDeletedRowsInFreeSpace() throws {
        // The control: without it, the next test could pass on a workload that never leaves a stale copy.
        let leftovers = try (UInt64(1)...3).map { try deletedRowsStillReadable(seed: $0, vfs: "unix") }
        XCTAssertGreaterThan(leftovers.reduce(0, +), 0, "the workload no longer reproduces SQLite's stale cells")
    }

    func testTheScrubbingVFSLeavesNoDeletedRowInAnyFile() throws {
        let before = rekry_scrubbed_page_count()
        for seed: UInt64 in 1...3 {
            XCTAssertEqual(try deletedRowsStillReadable(seed: seed, vfs: nil), 0, "seed \(seed)")
        }
        XCTAssertGreaterThan(rekry_scrubbed_page_count(), before)
    }

    func testAScrubbedFileStaysIntact() throws {
        let path = try temporaryPath()
        _ = try runWorkload(path: path, seed: 7, vfs: nil)
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil), SQLITE_OK)
        defer { sqlite3_close(db) }
        XCTAssertEqual(try single(db, "PRAGMA integrity_check"), "ok")
        XCTAssertEqual(try single(db, "SELECT count(*) FROM person"), "200")
    }

    func testAPageThatDoesNotParseIsLeftAsItWas() {
        // A leaf table page claiming a cell at an offset past the page end.
        var page = [UInt8](repeating: 0x41, count: 4096)
        page[0] = 13; page[3] = 0; page[4] = 1; page[5] = 0x0F; page[6] = 0x00
        page[8] = 0x1F; page[9] = 0xFF
        let copy = page
        XCTAssertEqual(rekry_scrub_btree_page(&page, 0, 4096), -1)
        XCTAssertEqual(page, copy)
        // Not a b-tree page at all (an overflow page): untouched.
        var overflow = [UInt8](repeating: 0x42, count: 4096)
        overflow[0] = 0
        XCTAssertEqual(rekry_scrub_btree_page(&overflow, 0, 4096), 0)
        XCTAssertEqual(overflow, [UInt8](repeating: 0x42, count: 4096).enumerated().map { $0.offset == 0 ? 0 : $0.element })
    }

    func testCheckFindsPagesAnotherProgramWroteAndTheNextOpenRewritesThem() throws {
        let t = try TestRegister()
        XCTAssertEqual(try t.sqlite.integrityCheck().flatMap(\.problems), [], "a register Rekry wrote has clean free space")
        // Another SQLite program (the platform VFS) writes into the register file and checkpoints.
        let deleted = try runWorkload(path: t.path, seed: 2, vfs: "unix")
        let check = try t.sqlite.integrityCheck()
        let freeSpace = check.filter { $0.part.hasPrefix("free space of \(t.path)") }
        XCTAssertEqual(freeSpace.count, 1, "\(check)")
        XCTAssertTrue(freeSpace.first?.problems.first?.contains("rewritten at its next open") == true)
        // The next open rewrites the file through the scrubbing VFS: nothing of the deleted rows is left.
        let reopened = try SQLiteRegister.open(at: t.path)
        XCTAssertEqual(try reopened.integrityCheck().flatMap(\.problems), [])
        XCTAssertEqual(t.filesContain("body\(deleted[0])q") + t.filesContain("mark\(deleted[1])x"), [])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: t.path))
        XCTAssertEqual(deleted.filter { bytes.range(of: Data("mark\($0)x@example.se".utf8)) != nil }, [])
    }

    // MARK: - The workload

    private func deletedRowsStillReadable(seed: UInt64, vfs: String?) throws -> Int {
        let path = try temporaryPath()
        let deleted = try runWorkload(path: path, seed: seed, vfs: vfs)
        var bytes = Data()
        for file in [path, path + "-wal"] { bytes.append((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()) }
        return deleted.filter { id in
            bytes.range(of: Data("mark\(id)x@example.se".utf8)) != nil || bytes.range(of: Data("body\(id)q".utf8)) != nil
        }.count
    }

    /// Inserts 400 rows in a shuffled order, deletes 200 of them, checkpoints; returns the deleted ids.
    private func runWorkload(path: String, seed: UInt64, vfs: String?) throws -> [Int] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) == SQLITE_OK else {
            throw NSError(domain: "sqlite", code: 1)
        }
        defer { sqlite3_close(db) }
        // Orders and sizes that look random but repeat: multiplying by a unit modulo the prime 401 permutes 1...400.
        func scrambled(_ ids: [Int], by factor: Int) -> [Int] { ids.sorted { ($0 * factor) % 401 < ($1 * factor) % 401 } }
        try exec(db, "PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON")
        try exec(db, "CREATE TABLE IF NOT EXISTS person(id INTEGER PRIMARY KEY, email TEXT, body TEXT); CREATE INDEX IF NOT EXISTS person_email ON person(email)")
        for id in scrambled(Array(1...400), by: 7919 + Int(seed) * 104) {
            let filler = String(repeating: "w", count: 10 + (id * Int(seed + 37) * 7) % 890)
            try exec(db, "INSERT INTO person VALUES (\(id), 'mark\(id)x@example.se', '\(filler) body\(id)q')")
        }
        try exec(db, "PRAGMA wal_checkpoint(TRUNCATE)")
        let deleted = Array(scrambled(Array(1...400), by: 331 + Int(seed) * 18).prefix(200))
        for id in deleted { try exec(db, "DELETE FROM person WHERE id = \(id)") }
        try exec(db, "PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted
    }

    private func exec(_ db: OpaquePointer?, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw NSError(domain: "sqlite", code: 2, userInfo: [NSLocalizedDescriptionKey: String(cString: sqlite3_errmsg(db))])
        }
    }

    private func single(_ db: OpaquePointer?, _ sql: String) throws -> String? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw NSError(domain: "sqlite", code: 3) }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
        return String(cString: text)
    }

    private func temporaryPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.appendingPathComponent("t.db").path
    }
}
