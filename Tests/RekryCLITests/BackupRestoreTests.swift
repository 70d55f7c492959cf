import Foundation
import RekryTestSupport
import XCTest

/// Backups that honour erasure: a backup holds nothing erased before it, and a restore erases again
/// everyone erased after it, carrying the audit log over so that nobody's Rekry sees a cut.
final class BackupRestoreTests: XCTestCase {
    /// `rekry` as a staff member of `t`, with a state folder of its own.
    func runner(_ t: TestRegister) -> (_ args: [String], _ user: String) throws -> RekryBinary.Result {
        { args, user in
            try RekryBinary.run(args + ["--db", t.path, "--identity", try t.identityFile(user)],
                                environment: ["HOME": t.directory, "XDG_STATE_HOME": t.directory + "/state"])
        }
    }

    func testBackupEraseRestoreAndTheErasedPersonIsAbsent() throws {
        let t = try TestRegister()
        let before = try ErasureMarkers.plant(in: t, tag: "B")
        let after = try ErasureMarkers.plant(in: t, tag: "C")
        let rekry = runner(t)
        XCTAssertEqual(try rekry(["erase", String(before.candidateId), "--yes"], "lead").status, 0)
        let folder = t.directory + "/backup-1"
        XCTAssertEqual(try rekry(["backup", "--out", folder], "lead").status, 1, "leads do not take backups")
        let backup = try rekry(["backup", "--out", folder], "dpo")
        XCTAssertEqual(backup.status, 0, backup.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).map { folder + "/" + $0 }
        func holds(_ files: [String], _ needle: String) -> Bool {
            files.contains { FileManager.default.contents(atPath: $0)?.range(of: Data(needle.utf8)) != nil }
        }
        for (_, needle) in before.needles { XCTAssertFalse(holds(files, needle), "the backup holds '\(needle)', erased before it") }
        XCTAssertTrue(holds(files, after.markers["Cv"]!.lowercased()) || holds(files, after.markers["Cv"]!), "the backup holds the living")

        XCTAssertEqual(try rekry(["erase", String(after.candidateId), "--yes"], "dpo").status, 0)
        let restore = try rekry(["restore", folder], "dpo")
        XCTAssertEqual(restore.status, 0, restore.stdout + restore.stderr)
        XCTAssertTrue(restore.stdout.contains("erased again: 1"), restore.stdout)
        XCTAssertEqual(try rekry(["show", String(after.candidateId)], "dpo").status, 65, "erased after the backup, erased again")
        for (field, needle) in after.needles {
            XCTAssertEqual(t.filesContain(needle), [], "\(field) '\(needle)' is back after the restore")
        }
        // Everyone's Rekry sees a continued log, not a cut: the recruiter, who saw the log before, signs in.
        XCTAssertEqual(try rekry(["list", "--limit", "1"], "recruiter").status, 0)
        let verify = try rekry(["audit", "verify"], "dpo")
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }

    /// A correction or an objection made after the backup is not in the restored register: the restore names
    /// the people and the kinds of change, so that someone makes them again (a red team found it silent).
    func testARestoreNamesTheChangesItCannotBringBack() throws {
        let t = try TestRegister()
        let corrected = try t.addCandidate("Wrong Zqllname", basis: .contract, consent: .none, email: "wrong.zqll@example.se")
        let objecting = try t.addCandidate("Olle Objecting", basis: .legitimateInterest, consent: .none)
        let untouched = try t.addCandidate("Una Untouched", basis: .contract, consent: .none)
        let rekry = runner(t)
        let folder = t.directory + "/backup-changes"
        XCTAssertEqual(try rekry(["backup", "--out", folder], "dpo").status, 0)
        XCTAssertEqual(try rekry(["edit", String(corrected), "--name", "Right Name"], "lead").status, 0)
        XCTAssertEqual(try rekry(["object", String(objecting), "--reason", "asked by phone"], "lead").status, 0)
        let restore = try rekry(["restore", folder], "dpo")
        XCTAssertEqual(restore.status, 0, restore.stderr)
        XCTAssertTrue(restore.stderr.contains("changes made after the backup to 2 people"), restore.stderr)
        XCTAssertTrue(restore.stderr.contains("candidate \(corrected) c-") && restore.stderr.contains("candidate.edit"), restore.stderr)
        XCTAssertTrue(restore.stderr.contains("candidate \(objecting) c-") && restore.stderr.contains("objection.set"), restore.stderr)
        XCTAssertFalse(restore.stderr.contains("candidate \(untouched) "), restore.stderr)
        XCTAssertFalse(restore.stderr.contains("Zqllname") || restore.stderr.contains("Right Name"), "names no personal data")
    }

    func testARestoreTakesAgainTheRefereesAndCategoriesErasedAfterTheBackup() throws {
        let t = try TestRegister()
        let planted = try ErasureMarkers.plant(in: t, tag: "D")
        try t.execute("UPDATE process SET closedAt = ?", [TestRegister.start.timeIntervalSince1970])
        let rekry = runner(t)
        let folder = t.directory + "/backup-2"
        XCTAssertEqual(try rekry(["backup", "--out", folder], "dpo").status, 0)
        let referenceId: Int64 = try t.scalar("SELECT id FROM reference WHERE candidateId = ?", [planted.candidateId])!
        XCTAssertEqual(try rekry(["erase", "--reference", String(referenceId), "--yes"], "dpo").status, 0)
        let contact = try rekry(["erase", "--retention-due", "--category", "contact-details", "--yes"], "dpo")
        XCTAssertEqual(contact.status, 0, contact.stderr)

        let restore = try rekry(["restore", folder], "dpo")
        XCTAssertEqual(restore.status, 0, restore.stdout + restore.stderr)
        XCTAssertTrue(restore.stdout.contains("erased again: 2"), restore.stdout)
        for field in ["Email", "Address", "Link", "RefName", "Statement"] {
            XCTAssertEqual(t.filesContain(planted.markers[field]!.lowercased()) + t.filesContain(planted.markers[field]!), [],
                           "\(field) is back after the restore")
        }
        XCTAssertFalse(t.filesContain(planted.markers["Cv"]!.lowercased()).isEmpty, "the person stayed")
        let verify = try rekry(["audit", "verify"], "dpo")
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }

    func testARestoreGoesByTheAuditLogNotTheClockAndDestroysReportsAgain() throws {
        let t = try TestRegister()
        let planted = try ErasureMarkers.plant(in: t, tag: "E")
        let other = try ErasureMarkers.plant(in: t, tag: "F")
        let rekry = runner(t)
        let folder = t.directory + "/backup-3"
        XCTAssertEqual(try rekry(["backup", "--out", folder], "dpo").status, 0)
        // After the backup, by a clock months behind it (the test register's manual clock): an erasure, and a
        // process closed with the report of someone not hired destroyed.
        _ = try t.gate("lead").erase(candidateIds: [planted.candidateId])
        let process: Int64 = try XCTUnwrap(t.scalar("SELECT processId FROM participation WHERE candidateId = ?", [other.candidateId]))
        _ = try t.gate("lead").closeProcess(process, hired: [])
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM psychReport WHERE candidateId = ?", [other.candidateId]) as Int?, 0)

        let restore = try rekry(["restore", folder], "dpo")
        XCTAssertEqual(restore.status, 0, restore.stdout + restore.stderr)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM candidate WHERE id = ?", [planted.candidateId]) as Int?, 0,
                       "erased after the backup by the log's order, though its clock said before")
        for (field, needle) in planted.needles { XCTAssertEqual(t.filesContain(needle), [], "\(field) is back") }
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM psychReport WHERE candidateId = ?", [other.candidateId]) as Int?, 0,
                       "the report destroyed at the close is destroyed again")
    }
}
