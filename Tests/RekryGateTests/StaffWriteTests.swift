import Foundation
import GRDB
import RekryCrypto
import RekryDomain
import RekryGate
@_spi(Testing) import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

/// Removing and re-keying staff through the gate: the account stops signing in, and every report grant
/// and wrapped key it held is gone from the register's files.
final class StaffWriteTests: XCTestCase {
    var t: TestRegister!
    let marker = "STAFF-MARKER-report-3c8a11"

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    /// A finalist whose report the lead attached and granted the recruiter; returns the candidate id.
    func reportGrantedToRecruiter() throws -> Int64 {
        let id = try t.addCandidate("Finalist Person", basis: .contract, consent: .none)
        try t.addToProcess(id, stage: .final)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "Report: \(marker).", author: "Psychologist")
        try t.gate("lead").grantReport(candidateId: id, to: "recruiter", reason: "final interview")
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.value?.text.contains(marker), true)
        return id
    }

    func staffId(_ username: String) throws -> Int64 {
        try XCTUnwrap(try t.scalar("SELECT id FROM staff WHERE username = ?", [username]))
    }

    func keys(of username: String) throws -> [Data] {
        let id = try staffId(username)
        return try t.sqlite.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT sealedKey FROM reportKey WHERE staffId = ?", arguments: [id])
        }
    }

    func assertInNoFile(_ blobs: [Data], file: StaticString = #filePath, line: UInt = #line) {
        for (path, bytes) in t.fileBytes() {
            for blob in blobs { XCTAssertNil(bytes.range(of: blob), "a removed key is still in \(path)", file: file, line: line) }
        }
    }

    func testARemovedMemberCannotSignInAndTheirReportAccessIsGone() throws {
        let id = try reportGrantedToRecruiter()
        let wrapped = try keys(of: "recruiter")
        XCTAssertEqual(wrapped.count, 1)
        try t.gate("admin").removeStaff(username: "recruiter")

        XCTAssertThrowsError(try t.gate("recruiter")) { e in XCTAssertEqual(e as? RegisterError, .unknownStaff(username: "recruiter")) }
        XCTAssertEqual(try keys(of: "recruiter"), [])
        let recruiter = try staffId("recruiter")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportGrant WHERE staffId = ? AND revokedAt IS NULL", [recruiter]) as Int?, 0)
        assertInNoFile(wrapped)
        XCTAssertEqual(t.filesContain(marker), [])
        XCTAssertEqual(try t.gate("lead").candidate(id).report?.value?.grantees, ["lead"], "no longer listed as a grantee")
        XCTAssertFalse(try t.gate("admin").staffList().map(\.username).contains("recruiter"))
        // The lead still reads, and the audit entry names the account by pseudonym only.
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: id)?.value?.text.contains(marker), true)
        let entry = try XCTUnwrap(try t.gate("dpo").auditEntries().last { $0.action == "staff.remove" })
        XCTAssertFalse("\(entry.subject ?? "") \(entry.detail)".contains("recruiter"))
    }

    func testRemovalRules() throws {
        XCTAssertThrowsError(try t.gate("admin").removeStaff(username: "admin")) { e in XCTAssertTrue("\(e)".contains("yourself"), "\(e)") }
        XCTAssertThrowsError(try t.gate("admin").removeStaff(username: "nobody")) { e in
            XCTAssertEqual(e as? RegisterError, .unknownStaff(username: "nobody"))
        }
        for user in ["lead", "dpo", "recruiter"] {
            XCTAssertThrowsError(try t.gate(user).removeStaff(username: "recruiter2"), user) { e in
                XCTAssertEqual((e as? RegisterError)?.exitCode, 1)
            }
        }
        // The root admin (made by init) is what every identity pins: nobody removes it. Other admins may
        // remove each other; what a removed admin vouched for is signed again by the one removing them.
        var second: Identity?, third: Identity?, hired: Identity?
        try t.gate("admin").addStaff(username: "admin2", role: .admin, displayName: "Second Admin") { second = $0 }
        try t.gate("admin").addStaff(username: "admin3", role: .admin, displayName: "Third Admin") { third = $0 }
        let admin2 = try t.register.signIn(XCTUnwrap(second), clock: t.clock)
        let admin3 = try t.register.signIn(XCTUnwrap(third), clock: t.clock)
        try admin3.addStaff(username: "recruiter3", role: .recruiter, displayName: "Third Recruiter") { hired = $0 }
        XCTAssertThrowsError(try admin2.removeStaff(username: "admin")) { e in XCTAssertTrue("\(e)".contains("root admin"), "\(e)") }
        XCTAssertThrowsError(try admin2.rekeyStaff(username: "admin") { _ in }) { e in XCTAssertTrue("\(e)".contains("root admin"), "\(e)") }
        try admin2.removeStaff(username: "admin3")
        // The removed admin's session ends with the account.
        XCTAssertThrowsError(try admin3.removeStaff(username: "admin2")) { e in XCTAssertTrue("\(e)".contains("removed"), "\(e)") }
        XCTAssertThrowsError(try t.register.signIn(XCTUnwrap(third), clock: t.clock))
        XCTAssertNoThrow(try t.register.signIn(XCTUnwrap(hired), clock: t.clock), "the recruiter admin3 added is vouched for by admin2 now")
        XCTAssertThrowsError(try admin2.removeStaff(username: "admin3"), "already removed") { e in
            XCTAssertEqual(e as? RegisterError, .unknownStaff(username: "admin3"))
        }
        XCTAssertTrue(try t.gate("dpo").checkRegister().isSound)
    }

    func testRekeyRetiresTheOldIdentityAndEndsItsGrants() throws {
        let id = try reportGrantedToRecruiter()
        let wrapped = try keys(of: "recruiter")
        let old = t.identities["recruiter"]!
        var fresh: Identity?
        XCTAssertThrowsError(try t.gate("lead").rekeyStaff(username: "recruiter") { fresh = $0 })
        XCTAssertNil(fresh, "a refused rekey hands out nothing")
        try t.gate("admin").rekeyStaff(username: "recruiter") { fresh = $0 }
        let new = try XCTUnwrap(fresh)
        XCTAssertEqual(new.username, "recruiter")
        XCTAssertNotEqual(new.publicKey, old.publicKey)

        XCTAssertThrowsError(try t.register.signIn(old, clock: t.clock)) { e in
            XCTAssertEqual(e as? RegisterError, .keyMismatch(username: "recruiter"))
        }
        let signedIn = try t.register.signIn(new, clock: t.clock)
        XCTAssertEqual(signedIn.actor.role, .recruiter)
        XCTAssertNil(try signedIn.readReport(candidateId: id)?.value, "the grant ended with the old key")
        XCTAssertEqual(try keys(of: "recruiter"), [])
        assertInNoFile(wrapped)
        // A lead grants again, for the new key.
        try t.gate("lead").grantReport(candidateId: id, to: "recruiter", reason: "final interview, again")
        XCTAssertEqual(try signedIn.readReport(candidateId: id)?.value?.text.contains(marker), true)
        XCTAssertThrowsError(try t.gate("admin").rekeyStaff(username: "ghost") { _ in })
    }

    func testAFailedDeliveryLeavesNothingChanged() throws {
        let id = try reportGrantedToRecruiter()
        struct Lost: Error {}
        XCTAssertThrowsError(try t.gate("admin").rekeyStaff(username: "recruiter") { _ in throw Lost() })
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: id)?.value?.text.contains(marker), true, "old key and grant kept")
        XCTAssertThrowsError(try t.gate("admin").addStaff(username: "newbie", role: .recruiter, displayName: "New") { _ in throw Lost() })
        XCTAssertFalse(try t.gate("admin").staffList().map(\.username).contains("newbie"))
    }
}
