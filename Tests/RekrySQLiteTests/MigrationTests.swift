import GRDB
import RekryDomain
import RekryBackends
@testable import RekryGate
@_spi(Testing) @testable import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

final class MigrationTests: XCTestCase {
    func testMigrationsCreateTheSchemaAndSetSecureDelete() throws {
        let register = try SQLiteRegister.inMemory()
        try register.writer.read { db in
            for table in ["candidate", "consent", "searchToken", "psychReport", "reportKey", "reportGrant", "auditEntry", "staff", "reference"] {
                XCTAssertTrue(try db.tableExists(table), table)
            }
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA secure_delete"), 1)
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
            XCTAssertTrue(try db.indexes(on: "candidate").contains { $0.name == "candidate_name" })
        }
        XCTAssertEqual(try register.writer.read { try Migrations.migrator.appliedIdentifiers($0) }, ["v1 register", "v1 rules", "v1 indexes", "v2 write model", "v3 signatures", "v4 erasure", "v5 free-space scrub",
                        "v6 category erasure", "v7 contact indexes", "v8 requests and breaches", "v9 retention events",
                        "v10 one full-text index", "v11 name collation", "v12 consent redaction", "v13 norwegian double a"])
    }

    /// "v13 norwegian double a" marks a Norwegian register holding people for the name order's re-derivation (Norwegian
    /// `aa` sorts as `å` now), and leaves a Swedish one, whose keys do not change, as it is.
    func testOnlyANorwegianRegisterIsReKeyedForDoubleA() throws {
        for (profile, marked) in [("firm Nord AS\ncountry NO\n", true), ("firm Nord AS\ncountry\tno # bokmål\n", true),
                                  ("firm Syd AB\ncountry SE\n# no Norwegian\n", false)] {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue, upTo: "v12 consent redaction")
            try queue.write { db in
                try db.execute(sql: "DELETE FROM registerInfo WHERE key = 'collationRederive'")
                try db.execute(sql: "INSERT INTO registerInfo(key, value) VALUES ('policy.text', ?)", arguments: [profile])
                try db.execute(sql: """
                    INSERT INTO candidate(pseudonym, fullName, nameKey, source, collectedAt, basis, lastActivityAt)
                    VALUES ('c-1', 'Aino Aas', 'aino aas', 'applied', 0, 'contract', 0)
                    """)
            }
            try Migrations.migrator.migrate(queue)
            let mark = try queue.read { try String.fetchOne($0, sql: "SELECT value FROM registerInfo WHERE key = 'collationRederive'") }
            XCTAssertEqual(mark != nil, marked, profile)
        }
    }

    func testFileRegisterUsesWAL() throws {
        let t = try TestRegister()
        XCTAssertEqual(try t.scalar("PRAGMA journal_mode") as String?, "wal")
    }

    func testChecksRejectImpossibleRows() throws {
        let t = try TestRegister()
        XCTAssertThrowsError(try t.execute("INSERT INTO candidate(pseudonym, fullName, nameKey, source, collectedAt, basis, lastActivityAt) VALUES ('p', 'A', 'a', 'telepathy', 0, 'contract', 0)"))
        XCTAssertThrowsError(try t.execute("INSERT INTO candidate(pseudonym, fullName, nameKey, source, collectedAt, basis, lastActivityAt) VALUES ('p', 'A', 'a', 'applied', 0, 'consent', 0)"),
                             "consent basis needs a consent purpose")
        XCTAssertThrowsError(try t.execute("INSERT INTO candidate(pseudonym, fullName, nameKey, source, collectedAt, basis, lastActivityAt, birthYear) VALUES ('p', 'A', 'a', 'applied', 0, 'contract', 0, 1800)"))
        XCTAssertThrowsError(try t.execute("INSERT INTO consent(candidateId, purpose, givenAt, channel, text) VALUES (999, 'talent-pool', 0, 'web', 'x')"),
                             "foreign key")
    }

    func testConsentHistoryIsAppendOnly() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Åsa Öberg")
        XCTAssertThrowsError(try t.execute("UPDATE consent SET text = 'changed' WHERE candidateId = ?", [id]))
        XCTAssertThrowsError(try t.execute("UPDATE consent SET expiresAt = expiresAt + 1 WHERE candidateId = ?", [id]))
        try t.execute("UPDATE consent SET withdrawnAt = givenAt + 10 WHERE candidateId = ?", [id])
        XCTAssertThrowsError(try t.execute("UPDATE consent SET withdrawnAt = givenAt + 20 WHERE candidateId = ?", [id]), "withdrawn once")
        // Since v12 the wording may change to a redaction of contact details, and only to one (withdrawn or not).
        try t.execute("UPDATE consent SET text = 'I agree. [contact details removed]', channel = 'web [contact details removed]' WHERE candidateId = ?", [id])
        XCTAssertThrowsError(try t.execute("UPDATE consent SET channel = 'phone' WHERE candidateId = ?", [id]))
        XCTAssertThrowsError(try t.execute("UPDATE consent SET withdrawnAt = NULL WHERE candidateId = ?", [id]))
        // The candidate row's copy of the consent dates is the write model's to keep (since "v2 write model"):
        // a raw UPDATE does not touch it, and `ConsentWriteTests` checks that the gate's withdrawal does.
        XCTAssertNil(try t.scalar("SELECT consentWithdrawnAt FROM candidate WHERE id = ?", [id]) as Double?)
    }

    func testAuditLogRefusesUpdateAndDeleteThroughTheSchema() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Bjørn Ødegård")
        _ = try t.gate("recruiter").candidate(id)
        XCTAssertThrowsError(try t.execute("UPDATE auditEntry SET action = 'x'"))
        XCTAssertThrowsError(try t.execute("DELETE FROM auditEntry"))
    }

    func testDeletingACandidateCascadesToEverythingAboutThem() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Kari Nordmann", email: "kari@example.no")
        try t.addReference(id, name: "Ola Nordmann")
        try t.addAssessment(id, text: "Strong")
        XCTAssertGreaterThan(try t.scalar("SELECT count(*) FROM searchToken") as Int? ?? 0, 0)
        try t.execute("DELETE FROM document WHERE candidateId = ?", [id])  // contentless FTS rows are removed with the shard's delete command in erasure
        try t.execute("DELETE FROM candidate WHERE id = ?", [id])
        for table in ["consent", "searchToken", "reference", "assessment"] {
            XCTAssertEqual(try t.scalar("SELECT count(*) FROM \(table) WHERE candidateId = ?", [id]) as Int?, 0, table)
        }
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM referenceStatement") as Int?, 0)
        XCTAssertEqual(try t.register.candidateCount(), 0)
    }

    func testDeletingOneCandidateLeavesOthersSearchable() throws {
        let t = try TestRegister()
        let a = try t.addCandidate("Anna Berg", basis: .contract, consent: .none)
        try t.addCandidate("Anna Holm", basis: .contract, consent: .none)
        try t.execute("DELETE FROM document WHERE candidateId = ?", [a])
        try t.execute("DELETE FROM candidate WHERE id = ?", [a])
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM searchToken WHERE candidateId = ?", [a]) as Int?, 0)
        XCTAssertEqual(try t.gate("recruiter").page(CandidateQuery(text: "anna"), from: .start, limit: 5).compactMap(\.name.value), ["Anna Holm"])
    }

    func testOpeningRefusesMissingExposedAndForeignFiles() throws {
        let t = try TestRegister()
        XCTAssertThrowsError(try SQLiteRegister.open(at: t.directory + "/nope.sqlite")) { e in
            XCTAssertEqual(e as? RegisterError, .missing(path: t.directory + "/nope.sqlite"))
        }
        chmod(t.path, 0o644)
        XCTAssertThrowsError(try SQLiteRegister.open(at: t.path)) { e in
            XCTAssertTrue("\(e)".contains("chmod o-rwx"), "\(e)")
        }
        chmod(t.path, 0o600)
        XCTAssertNoThrow(try SQLiteRegister.open(at: t.path))
        let other = t.directory + "/other.sqlite"
        _ = try DatabaseQueue(path: other)
        chmod(other, 0o600)
        XCTAssertThrowsError(try SQLiteRegister.open(at: other)) { e in XCTAssertTrue("\(e)".contains("not a Rekry register"), "\(e)") }
        XCTAssertThrowsError(try SQLiteRegister.create(at: t.path)) { e in XCTAssertEqual(e as? RegisterError, .alreadyExists(path: t.path)) }
        // The full-text index file is part of the register: kept private, and never silently re-created empty.
        let text = try XCTUnwrap(t.sqlite.textIndexPath)
        var st = stat()
        XCTAssertEqual(stat(text, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        chmod(text, 0o604)
        XCTAssertThrowsError(try SQLiteRegister.open(at: t.path)) { e in XCTAssertTrue("\(e)".contains("chmod o-rwx \(text)"), "\(e)") }
        chmod(text, 0o600)
        try FileManager.default.moveItem(atPath: text, toPath: text + ".moved")
        XCTAssertThrowsError(try SQLiteRegister.open(at: t.path)) { e in
            XCTAssertEqual(e as? RegisterError, .textIndexMissing(path: text, register: t.path))
        }
    }
}

final class BulkIndexTests: XCTestCase {
    /// The bulk loader drops and rebuilds exactly the indexes the migrations create.
    func testTheBulkIndexListIsTheSchemasIndexList() throws {
        let register = try SQLiteRegister.inMemory()
        let migrated = try register.writer.read { db in
            try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
        }
        XCTAssertEqual(Set(BulkIndexes.statements.map(BulkIndexes.name)), migrated)
    }
}
