import Foundation
import GRDB
import RekryFullText
import RekryCrypto
import RekryDomain
import RekryGate
@_spi(Testing) @testable import RekrySQLite
import RekryStorage
import XCTest

/// A register made by the previous release (Tests/Fixtures/previous-release, never regenerated) opens with
/// today's code, upgrades, and works: reads, searches, writes and the audit chain.
final class UpgradeTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/previous-release").path
        dir = NSTemporaryDirectory() + "rekry-upgrade-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: fixture, toPath: dir)
        // A clone checks files out with the umask's mode; a register must be private to open.
        for file in try FileManager.default.subpathsOfDirectory(atPath: dir) {
            let path = dir + "/" + file
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            chmod(path, isDir.boolValue ? 0o700 : 0o600)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    var path: String { dir + "/register.sqlite" }

    func schema(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    }

    /// The shipped migrations were frozen into literal SQL: applied to an empty file they must make exactly
    /// the schema the previous release made.
    func testFrozenMigrationsMakeThePreviousReleasesSchema() throws {
        let old = try DatabaseQueue(path: path)
        let shipped = try old.read(schema)
        try old.close()
        let fresh = try DatabaseQueue()
        try Migrations.migrator.migrate(fresh, upTo: "v1 indexes")
        XCTAssertEqual(try fresh.read(schema), shipped)
    }

    func testAPreviousReleasesRegisterOpensUpgradesAndWorks() throws {
        let sqlite = try SQLiteRegister.open(at: path)
        XCTAssertEqual(try sqlite.writer.read { try Migrations.migrator.appliedIdentifiers($0) },
                       ["v1 register", "v1 rules", "v1 indexes", "v2 write model", "v3 signatures", "v4 erasure", "v5 free-space scrub",
                        "v6 category erasure", "v7 contact indexes", "v8 requests and breaches", "v9 retention events",
                        "v10 one full-text index", "v11 name collation", "v12 consent redaction", "v13 norwegian double a"])
        // Written before the scrubbing VFS, both files were rewritten through it at this first open.
        XCTAssertEqual(try sqlite.writer.read(FreeSpaceScrub.pendingFiles), [])
        let register = Register(backend: sqlite)
        let clock = ManualTime(Date(timeIntervalSince1970: 1_795_910_400))  // 2026-11-29
        let recruiter = try register.signIn(try Identity.load(from: dir + "/keys/recruiter.identity"), clock: clock)
        XCTAssertEqual(try recruiter.count(CandidateQuery()).value, 30)
        // The first sign-in gave every old row its name-order key through the write model (Swedish: no profile).
        XCTAssertNil(try sqlite.writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM registerInfo WHERE key = ?", arguments: [SettingKey.collationRederive]) })
        let keyed = try sqlite.writer.read { db in try Row.fetchAll(db, sql: "SELECT fullName, collationKey FROM candidate") }
        XCTAssertEqual(keyed.count, 30)
        for row in keyed {
            XCTAssertEqual(row["collationKey"] as String, NameCollation.key(row["fullName"], language: .swedish))
        }
        let rows = try recruiter.page(CandidateQuery(), from: .start, limit: 30)
        XCTAssertEqual(rows.count, 30)
        guard let shown = rows.first(where: { $0.name.value != nil }), let name = shown.name.value else { return XCTFail("nobody shown") }
        // Search keys written by the old release still find the person.
        let first = SearchFolding.words(name)[0]
        XCTAssertTrue(try recruiter.page(CandidateQuery(text: first), from: .start, limit: 50).contains { $0.id == shown.id })
        // The write model works on old rows: a rectification re-derives the keys.
        try recruiter.editCandidate(shown.id, changes: [.fullName: "Upgraded Person"])
        XCTAssertTrue(try recruiter.page(CandidateQuery(text: "upgraded"), from: .start, limit: 5).contains { $0.id == shown.id })
        _ = try recruiter.candidate(shown.id)
        // The sharded full-text file was rebuilt into one index at this first open, from the texts it held.
        XCTAssertFalse(try sqlite.writer.read(TextIndexRebuild.isPending))
        let tables = try FullTextFile(path: dir + "/register.sqlite.text").tables()
        XCTAssertTrue(tables.contains("textIndex") && !tables.contains { $0.hasPrefix("textIndex_0") }, "\(tables)")
        let body = try XCTUnwrap(try sqlite.writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM document WHERE candidateId = ? ORDER BY id LIMIT 1", arguments: [shown.id]) })
        let word = try XCTUnwrap(SearchFolding.words(body).filter { $0.count > 6 }.first)
        XCTAssertTrue(try recruiter.fullTextSearch(word).contains { $0.id == shown.id }, "'\(word)' finds its CV after the rebuild")
        // The old chain and the new entries verify as one.
        let dpo = try register.signIn(try Identity.load(from: dir + "/keys/dpo.identity"), clock: clock)
        guard case .intact(let count, _) = try dpo.verifyAudit() else { return XCTFail("the upgraded chain does not verify") }
        XCTAssertGreaterThanOrEqual(count, 3)

        // The admin's first sign-in signs the roster, with the admin as root; from then on the log is signed.
        let admin = try register.signIn(try Identity.load(from: dir + "/keys/admin.identity"), clock: clock)
        XCTAssertEqual(try dpo.checkRegister().signatureProblems, [])
        try sqlite.writer.write { db in try db.execute(sql: "UPDATE staff SET role = 'lead' WHERE username = 'recruiter2'") }
        XCTAssertThrowsError(try register.signIn(try Identity.load(from: dir + "/keys/recruiter2.identity"), clock: clock),
                             "a role forged after the roster was signed is refused")
        try sqlite.writer.write { db in try db.execute(sql: "UPDATE staff SET role = 'recruiter' WHERE username = 'recruiter2'") }
        // A lead from before signing signs nothing (no grant, no attach) until an admin re-keys them.
        let lead = try register.signIn(try Identity.load(from: dir + "/keys/lead.identity"), clock: clock)
        XCTAssertThrowsError(try lead.attachReport(candidateId: shown.id, text: "x", author: "y")) { e in
            XCTAssertTrue("\(e)".contains("re-key"), "\(e)")
        }
        var renewed: Identity?
        try admin.rekeyStaff(username: "lead") { renewed = $0 }
        XCTAssertNotNil(try XCTUnwrap(renewed).registerRoot)
        _ = try register.signIn(try XCTUnwrap(renewed), clock: clock)
        guard case .intact = try dpo.verifyAudit() else { return XCTFail("the log does not verify after the roster was signed") }
        _ = try recruiter.candidate(shown.id)
        guard case .intact = try dpo.verifyAudit() else { return XCTFail("an unsigned member's entry after signing does not verify") }
    }
}
