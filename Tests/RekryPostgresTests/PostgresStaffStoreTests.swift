import Foundation
import RekryDomain
import RekryPostgres
import RekryStorage
import RekryTestSupport
import XCTest

/// The staff and audit capabilities on a PostgreSQL `TestRegister`, below the gate: the bootstrap (as the
/// deploying superuser) makes each member's login and a chain the server verifies; each login then reads the
/// log as its role may and appends only entries that follow the chain under its own pseudonym.
final class PostgresStaffStoreTests: XCTestCase {
    func register() throws -> TestRegister {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        var made: TestRegister!
        try onPostgres { made = try TestRegister() }
        return made
    }

    /// The entry after `last` as AuditChain computes it, hashed by the server (the same canonical text).
    func entry(after last: AuditEntry, actor: String, in t: TestRegister) throws -> AuditEntry {
        let seq = last.seq + 1
        let canonical = [String(seq), "5000", actor, "candidate.open", "c-x", "recruitment", "", last.hash].joined(separator: "|")
        let hash = try t.postgres!.query(as: t.postgres!.superuser, "SELECT encode(sha256(convert_to('\(canonical)', 'UTF8')), 'hex');")
        return AuditEntry(seq: seq, atMillis: 5000, actor: actor, action: "candidate.open", subject: "c-x", purpose: "recruitment",
                          detail: "", prevHash: last.hash, hash: hash)
    }

    /// `sql` as `login` in the register's database.
    func query(_ t: TestRegister, as login: String, _ sql: String) throws -> String {
        try t.postgres!.query(as: login, "\\c \(t.postgresDatabase!)\n" + sql)
    }

    func testTheBootstrapMakesEveryLoginAndAChainTheServerVerifies() throws {
        let t = try register()
        let roster = try t.register.backend.read { try $0.staffRoster() }
        XCTAssertEqual(roster.map(\.username), ["admin", "recruiter", "recruiter2", "lead", "lead2", "dpo"])
        XCTAssertTrue(roster.allSatisfy { $0.signature != nil && $0.auditSeq != nil && $0.signingKey != nil })
        for member in roster {
            XCTAssertEqual(try query(t, as: member.username, "SELECT rekry.session_role();"), member.role.rawValue)
        }
        let verified = try query(t, as: "dpo", "SELECT entries || ':' || coalesce(first_broken::text, 'intact') FROM rekry.verify_audit();")
        XCTAssertEqual(verified, "6:intact")
        XCTAssertTrue(try t.register.backend.read { try $0.hasSignedAuditEntry() })
    }

    func testEachLoginReadsTheLogAsItsRoleMayAndAppendsOnlyItsOwnFollowingEntries() throws {
        let t = try register()
        let recruiter = try t.register.backend.acting(as: "recruiter")
        let pseudonym = try XCTUnwrap(try recruiter.read { try $0.staff(username: "recruiter")?.pseudonym })
        // The tail and an entry's place in the chain, for every member; the content only where the role may.
        let last = try XCTUnwrap(try recruiter.read { try $0.lastAuditEntry() })
        XCTAssertEqual(last.seq, 6)
        let first = try XCTUnwrap(try recruiter.read { try $0.auditEntry(seq: 1) })
        XCTAssertEqual(first.action, "")
        XCTAssertEqual(first.hash, try t.register.backend.read { try $0.auditEntry(seq: 1)?.hash })
        XCTAssertEqual(try recruiter.read { try $0.auditEntries(subject: nil, limit: 100) }.count, 0)
        XCTAssertEqual(try t.register.backend.acting(as: "lead").read { try $0.auditEntries(subject: nil, limit: 100) }.count, 6)
        let staffSubjects = try t.register.backend.read { try $0.staffRoster().map(\.pseudonym) }
        XCTAssertEqual(try recruiter.read { try $0.latestStaffEntries(subjects: staffSubjects) }.count, 5)

        // Forgeries: another actor, a broken chain, a hash that does not match.
        let lead = try XCTUnwrap(try recruiter.read { try $0.staff(username: "lead")?.pseudonym })
        var forged = [try entry(after: last, actor: lead, in: t)]
        var broken = try entry(after: last, actor: pseudonym, in: t)
        broken.prevHash = String(repeating: "1", count: 64)
        forged.append(broken)
        var rehashed = try entry(after: last, actor: pseudonym, in: t)
        rehashed.detail = "changed"
        forged.append(rehashed)
        for e in forged {
            XCTAssertThrowsError(try recruiter.write(indexingText: false) { s in
                _ = try s.lastAuditEntry()
                try s.appendAudit(e)
            }, "stored a forged entry: \(e)")
        }
        // The honest entry is stored, and the chain still verifies.
        try recruiter.write(indexingText: false) { s in
            let tail = try XCTUnwrap(try s.lastAuditEntry())
            try s.appendAudit(try entry(after: tail, actor: pseudonym, in: t))
        }
        var walked: [Int64] = []
        try t.register.backend.acting(as: "lead").read { s in try s.forEachAuditEntry { walked.append($0.seq) } }
        XCTAssertEqual(walked, Array(1...7))
        XCTAssertThrowsError(try recruiter.read { s in try s.forEachAuditEntry { _ in } })
    }

    func testOnlyAnAdminAddsOrRemovesAMemberAndNobodyChangesARole() throws {
        let t = try register()
        let account = StaffAccount(id: 0, username: "recruiter3", displayName: "Third", role: .recruiter,
                                   publicKey: Data(repeating: 7, count: 32), pseudonym: "s-third", createdAt: Date())
        for login in ["recruiter", "lead", "dpo"] {
            XCTAssertThrowsError(try t.register.backend.acting(as: login).write(indexingText: false) { try $0.insertStaff(account) }, login)
        }
        let admin = try t.register.backend.acting(as: "admin")
        let id = try admin.write(indexingText: false) { try $0.insertStaff(account) }
        XCTAssertEqual(try t.postgres!.query(as: t.postgres!.superuser, "SELECT pg_has_role('recruiter3', 'rekry_recruiter', 'MEMBER');"), "t")
        try admin.write(indexingText: false) { try $0.deactivateStaff(id: id, at: Date(), vouchedGrants: [4, 5]) }
        XCTAssertEqual(try admin.read { try $0.staffRoster().first { $0.id == id }?.vouchedGrants }, [4, 5])
        XCTAssertNil(try admin.read { try $0.staff(username: "recruiter3") })
        XCTAssertEqual(try t.postgres!.query(as: t.postgres!.superuser, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'recruiter3';"), "f")
    }
}
