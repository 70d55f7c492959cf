import Crypto
import Foundation
import GRDB
import RekryCrypto
import RekryDomain
@testable import RekryGate
@_spi(Testing) import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

/// Rows written into the file by hand (a role, a staff member, a grant, an audit entry) are useless: the
/// gate trusts a role or a grant only when its signature verifies, and re-keys wrap report keys only for
/// grants that verify. What a forger's key can open is checked with the crypto primitives, not the gate.
final class ForgeryTests: XCTestCase {
    var t: TestRegister!
    var anna: Int64 = 0
    var process: Int64 = 0

    func marker(_ who: String) -> String { "FORGERY-MARKER-\(who)-3b8e1c" }

    override func setUpWithError() throws {
        t = try TestRegister()
        let r = try t.gate("recruiter"), lead = try t.gate("lead")
        process = try lead.openProcess(title: "Controller", client: "Client AB", country: "SE")
        anna = try r.addCandidate(CandidateDraft(fullName: "Anna Forgery", email: "anna@example.se", source: .applied, basis: .contract))
        try r.addToProcess(candidateId: anna, processId: process)
        try r.moveStage(candidateId: anna, processId: process, to: .final)
        try r.recordConsent(candidateId: anna, ConsentDraft(purpose: .psychAssessment, channel: "signed form", text: "I consent."))
        try lead.attachReport(candidateId: anna, text: "Summary: \(marker("Anna")).", author: "Leg. psykolog Ylva Xandersson")
        try lead.grantReport(candidateId: anna, to: "recruiter", reason: "runs the final interview")
        try lead.grantReport(candidateId: anna, to: "lead2", reason: "second opinion")
    }

    func staffId(_ username: String) throws -> Int64 { try XCTUnwrap(try t.scalar("SELECT id FROM staff WHERE username = ?", [username])) }

    /// Whether `identity`'s private key opens the report by any key wrapped in the register: every wrapped
    /// key row is tried, whoever it names, and the ciphertext opened with what it yields.
    func opensReport(_ identity: Identity) throws -> Bool {
        let (ciphertext, reportId, pseudonym): (Data, Int64, String) = try t.sqlite.writer.read { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT r.ciphertext, r.id, c.pseudonym FROM psychReport r JOIN candidate c ON c.id = r.candidateId WHERE r.candidateId = ?", arguments: [anna]))
            return (row[0], row[1], row[2])
        }
        let wrapped: [(Data, Data)] = try t.sqlite.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT ephemeralPublicKey, sealedKey FROM reportKey").map { ($0[0], $0[1]) }
        }
        for (ephemeral, sealed) in wrapped {
            guard let key = try? ReportCipher.unwrap(ReportCipher.WrappedKey(ephemeralPublicKey: ephemeral, sealed: sealed), with: identity.privateKey),
                  let text = try? ReportCipher.open(ciphertext, with: key, binding: ReportCipher.binding(reportId: reportId, candidatePseudonym: pseudonym))
            else { continue }
            if text.contains(marker("Anna")) { return true }
        }
        return false
    }

    /// A grant row for `username` written with SQL, as a forger with write access to the file could, with
    /// a signature copied from a real grant.
    func forgeGrant(for username: String) throws {
        try t.execute("""
            INSERT INTO reportGrant(reportId, staffId, grantedBy, reason, grantedAt, signedBy, signature)
            SELECT reportId, ?, grantedBy, 'forged', grantedAt, signedBy, signature FROM reportGrant
            WHERE reportId = (SELECT id FROM psychReport WHERE candidateId = ?) AND revokedAt IS NULL LIMIT 1
            """, [try staffId(username), anna])
    }

    func testAForgedRoleIsRefused() throws {
        try t.execute("UPDATE staff SET role = 'lead' WHERE username = 'recruiter2'")
        XCTAssertThrowsError(try t.gate("recruiter2")) { e in XCTAssertTrue("\(e)".contains("no valid admin signature"), "\(e)") }
        XCTAssertNoThrow(try t.gate("recruiter"), "other records still verify")
        let check = try t.gate("dpo").checkRegister()
        XCTAssertFalse(check.isSound)
        XCTAssertTrue(check.signatureProblems.contains { $0.contains("recruiter2") }, "\(check.signatureProblems)")
        // An admin's own role forged to lead is refused the same way.
        try t.execute("UPDATE staff SET role = 'lead' WHERE username = 'admin'")
        XCTAssertThrowsError(try t.gate("admin"))
    }

    func testAStaffMemberWrittenByHandIsRefused() throws {
        let mallory = Identity(username: "mallory")
        try t.execute("""
            INSERT INTO staff(username, displayName, role, publicKey, pseudonym, createdAt, signingKey, signedBy, signedAt, signature)
            SELECT 'mallory', 'Mallory', 'lead', ?, 's-mallory', createdAt, ?, signedBy, signedAt, signature FROM staff WHERE username = 'lead'
            """, [mallory.publicKey, mallory.signingPublicKey])
        XCTAssertThrowsError(try t.register.signIn(mallory, clock: t.clock)) { e in XCTAssertTrue("\(e)".contains("no valid admin signature"), "\(e)") }
        // A lead cannot grant to the forged account either.
        XCTAssertThrowsError(try t.gate("lead").grantReport(candidateId: anna, to: "mallory", reason: "x"))
    }

    func testARegisterWhoseRootWasSwappedIsRefused() throws {
        // A forger re-signs the whole roster under a root key of their own, making the recruiter a lead: every
        // record verifies against the new root, but every identity issued here pins the old one.
        let forgerRoot = Identity(username: "admin")
        let roster = try t.register.backend.read { try $0.staffRoster() }
        let rootId = try XCTUnwrap(roster.first { $0.signedBy == $0.id }?.id)
        for var account in roster {
            if account.id == rootId { account.signingKey = forgerRoot.signingPublicKey }
            if account.username == "recruiter" { account.role = .lead }
            let at = t.clock.now()
            let signature = try Signing.sign(SignedStatement.staff(account, signedBy: rootId, signedAt: at), with: forgerRoot.signingKey)
            try t.execute("UPDATE staff SET role = ?, signingKey = ?, signedBy = ?, signedAt = ?, signature = ? WHERE id = ?",
                          [account.role.rawValue, account.signingKey, rootId, at.timeIntervalSince1970, signature, account.id])
        }
        XCTAssertEqual(StaffTrust(roster: try t.register.backend.read { try $0.staffRoster() }).problems(), [],
                       "the forged roster verifies on its own")
        XCTAssertThrowsError(try t.gate("recruiter")) { e in
            XCTAssertTrue("\(e)".contains("not the one you saw here before"), "\(e)")
        }
        // Someone who never used the register (no memory of its root) is refused by the pin in their identity.
        try FileManager.default.removeItem(atPath: t.directory + "/seen-heads")
        XCTAssertThrowsError(try t.gate("recruiter")) { e in
            XCTAssertTrue("\(e)".contains("not the one your identity was issued under"), "\(e)")
        }
    }

    func testRevokeReKeyAndCloseWrapNothingForAForgedGrant() throws {
        try forgeGrant(for: "recruiter2")
        XCTAssertEqual(try t.gate("recruiter2").readReport(candidateId: anna)?.reason, .notGranted, "a forged grant is no grant")
        // Revoke: the report is re-keyed for the grants that verify, and only those.
        try t.gate("lead").revokeReport(candidateId: anna, from: "lead2")
        XCTAssertFalse(try opensReport(t.identities["recruiter2"]!))
        XCTAssertFalse(try opensReport(t.identities["lead2"]!), "the revoked lead opens nothing")
        XCTAssertTrue(try opensReport(t.identities["recruiter"]!))
        // Re-key another member, then forge again and close with Anna hired: the report is kept for leads only.
        try t.gate("admin").rekeyStaff(username: "recruiter") { t.replaceIdentity($0) }
        try forgeGrant(for: "recruiter2")
        try t.execute("UPDATE staff SET role = 'lead' WHERE username = 'recruiter2'")
        try forgeGrant(for: "lead2")
        try t.gate("lead").closeProcess(process, hired: [anna])
        for forger in ["recruiter2", "lead2", "recruiter"] {
            XCTAssertFalse(try opensReport(t.identities[forger]!), forger)
        }
        XCTAssertTrue(try opensReport(t.identities["lead"]!))
        XCTAssertEqual(try t.gate("lead").readReport(candidateId: anna)?.value?.text.contains(marker("Anna")), true)
    }

    func testARevokedGrantPutBackIsNoGrant() throws {
        // Keep the recruiter's signed grant row as it was, revoke it, then write it back, signature and all.
        let recruiter = try staffId("recruiter")
        let saved: Row = try XCTUnwrap(try t.sqlite.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM reportGrant WHERE staffId = ? AND revokedAt IS NULL", arguments: [recruiter])
        })
        try t.gate("lead").revokeReport(candidateId: anna, from: "recruiter")
        try t.execute("UPDATE reportGrant SET revokedAt = NULL, revokedBy = NULL, signature = ? WHERE id = ?",
                      [saved["signature"] as Data?, saved["id"] as Int64])
        XCTAssertEqual(try t.gate("recruiter").readReport(candidateId: anna)?.reason, .notGranted,
                       "the old signature was over the old sealing")
        try t.gate("lead").revokeReport(candidateId: anna, from: "lead2")
        XCTAssertFalse(try opensReport(t.identities["recruiter"]!))
    }

    func testARemovedLeadsKeySignsNoBackDatedGrant() throws {
        // lead2 passes the report on, then leaves; the grant they gave stands, but their key, kept after the
        // removal, signs no new grant, however it is dated.
        try t.gate("lead2").grantReport(candidateId: anna, to: "recruiter2", reason: "covers the interview")
        var fresh: Identity?
        try t.gate("admin").addStaff(username: "recruiter3", role: .recruiter, displayName: "Recruiter Three") { fresh = $0 }
        let recruiter3 = try XCTUnwrap(fresh)
        t.clock.advance(by: 3600)
        try t.gate("admin").removeStaff(username: "lead2")
        XCTAssertNotNil(try t.gate("recruiter2").readReport(candidateId: anna)?.value, "a grant given before the removal stands")

        let (reportId, sealed): (Int64, Data) = try t.sqlite.writer.read { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT id, ciphertext FROM psychReport WHERE candidateId = ?", arguments: [anna]))
            return (row[0], row[1])
        }
        let lead2 = try staffId("lead2"), grantee = try staffId("recruiter3")
        var forged = GrantRecord(id: 9_000, reportId: reportId, staffId: grantee, grantedBy: lead2, reason: "back-dated",
                                 grantedAt: TestRegister.start, revokedAt: nil, revokedBy: nil)
        let signature = try Signing.sign(SignedStatement.grant(forged, granteeKey: recruiter3.publicKey, sealed: sealed, signedBy: lead2),
                                         with: t.identities["lead2"]!.signingKey)
        forged.signature = signature
        try t.execute("INSERT INTO reportGrant(id, reportId, staffId, grantedBy, reason, grantedAt, signedBy, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [forged.id, reportId, grantee, lead2, forged.reason, forged.grantedAt.timeIntervalSince1970, lead2, signature])
        XCTAssertEqual(try t.register.signIn(recruiter3, clock: t.clock).readReport(candidateId: anna)?.reason, .notGranted)
        try t.gate("lead").revokeReport(candidateId: anna, from: "recruiter")
        XCTAssertFalse(try opensReport(recruiter3))
        XCTAssertTrue(try opensReport(t.identities["recruiter2"]!), "the vouched grant was carried through the re-key")
    }

    /// Writes a grant for `grantee` on Anna's report, signed by `signer` (who never held the report), with a
    /// key proof made under a key of the forger's own.
    func forgeSignedGrant(by signer: Identity, signerName: String, for grantee: String, adopted: Bool = false) throws {
        let (reportId, sealed): (Int64, Data) = try t.sqlite.writer.read { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT id, ciphertext FROM psychReport WHERE candidateId = ?", arguments: [anna]))
            return (row[0], row[1])
        }
        let signerId = try staffId(signerName), granteeId = try staffId(grantee)
        let granteeKey: Data = try XCTUnwrap(try t.scalar("SELECT publicKey FROM staff WHERE id = ?", [granteeId]))
        let grant = GrantRecord(id: 9_100, reportId: reportId, staffId: granteeId, grantedBy: signerId, reason: "forged",
                                grantedAt: TestRegister.start - 86_400, revokedAt: nil, revokedBy: nil)
        let stamp = try RosterSigning.grantStamp(grant, granteeKey: granteeKey, sealed: sealed, by: Signer(id: signerId, key: signer.signingKey),
                                                 dataKey: SymmetricKey(size: .bits256), adopted: adopted)
        try t.execute("INSERT INTO reportGrant(id, reportId, staffId, grantedBy, reason, grantedAt, signedBy, signature, keyProof) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [grant.id, reportId, granteeId, signerId, grant.reason, grant.grantedAt.timeIntervalSince1970, signerId, stamp.signature, stamp.proof])
    }

    func testALeadWhoNeverHeldTheReportCannotHaveItWrappedForThemByARekey() throws {
        // An admin makes a lead (and so holds their identity); the lead signs a grant to themselves.
        var minted: Identity?
        try t.gate("admin").addStaff(username: "eve", role: .lead, displayName: "Eve") { minted = $0 }
        let eve = try XCTUnwrap(minted)
        try forgeSignedGrant(by: eve, signerName: "eve", for: "eve")
        try t.gate("lead").revokeReport(candidateId: anna, from: "recruiter")
        XCTAssertFalse(try opensReport(eve), "a lead's signature without the report's key carries nothing")
        try t.gate("lead").closeProcess(process, hired: [anna])
        XCTAssertFalse(try opensReport(eve))
        XCTAssertTrue(try opensReport(t.identities["lead"]!))
    }

    func testTheRootAdminCannotForgeACarriedOverGrant() throws {
        try forgeSignedGrant(by: t.identities["admin"]!, signerName: "admin", for: "recruiter2", adopted: true)
        try t.gate("lead").revokeReport(candidateId: anna, from: "recruiter")
        XCTAssertFalse(try opensReport(t.identities["recruiter2"]!))
    }

    func testSignaturesStrippedDuringASessionStopIt() throws {
        let lead = try t.gate("lead")
        try t.execute("UPDATE staff SET signingKey = NULL, signedBy = NULL, signedAt = NULL, signature = NULL, auditSeq = NULL WHERE username <> 'lead'")
        XCTAssertThrowsError(try lead.grantReport(candidateId: anna, to: "recruiter2", reason: "x")) { e in
            XCTAssertTrue("\(e)".contains("removed since you signed in") || "\(e)".contains("no valid admin signature"), "\(e)")
        }
        try t.execute("UPDATE staff SET signature = NULL")
        XCTAssertThrowsError(try lead.grantReport(candidateId: anna, to: "recruiter2", reason: "x")) { e in
            XCTAssertTrue("\(e)".contains("removed since you signed in"), "\(e)")
        }
        XCTAssertThrowsError(try t.gate("admin"), "a signed log never goes back to an unsigned roster") { e in
            XCTAssertTrue("\(e)".contains("stripped"), "\(e)")
        }
    }

    func testAnOldSignedVersionOfAStaffRecordPutBackIsRefused() throws {
        let saved: Row = try XCTUnwrap(try t.sqlite.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT signedBy, signedAt, signature, auditSeq FROM staff WHERE username = 'recruiter2'")
        })
        try t.gate("admin").removeStaff(username: "recruiter2")
        try t.execute("UPDATE staff SET removedAt = NULL, vouchedGrants = NULL, signedBy = ?, signedAt = ?, signature = ?, auditSeq = ? WHERE username = 'recruiter2'",
                      [saved["signedBy"] as Int64?, saved["signedAt"] as Double?, saved["signature"] as Data?, saved["auditSeq"] as Int64?])
        XCTAssertThrowsError(try t.gate("recruiter2"), "un-removed by an old signed row") { e in
            XCTAssertTrue("\(e)".contains("no valid admin signature"), "\(e)")
        }
    }

    func testTheKeyLogRefusesARewriteUnderAnotherRootAndKeysIntroducedByNonAdmins() throws {
        func entry(_ seq: Int64, actor: String, action: AuditAction, subject: String? = nil, detail: String, by key: Curve25519.Signing.PrivateKey) throws -> AuditEntry {
            var e = AuditEntry(seq: seq, atMillis: seq, actor: actor, action: action.rawValue, subject: subject, purpose: "recruitment",
                               detail: detail, prevHash: "", hash: "")
            e.hash = AuditChain.hash(of: e)
            e.signature = try Signing.sign(e.hash, with: key)
            return e
        }
        let root = Identity(username: "root"), forger = Identity(username: "forger"), member = Identity(username: "member")
        let pinned = Signing.fingerprint(root.signingPublicKey)
        var log = AuditKeyLog(rootFingerprint: pinned)
        XCTAssertNotNil(log.check(try entry(1, actor: "s-forger", action: .registerCreate,
                                            detail: RosterSigning.keyDetail(forger.signingPublicKey), by: forger.signingKey)))
        log = AuditKeyLog(rootFingerprint: pinned)
        XCTAssertNil(log.check(try entry(1, actor: "s-root", action: .registerCreate, detail: RosterSigning.keyDetail(root.signingPublicKey), by: root.signingKey)))
        XCTAssertNil(log.check(try entry(2, actor: "s-root", action: .staffAdd, subject: "s-member",
                                         detail: "role=recruiter " + RosterSigning.keyDetail(member.signingPublicKey), by: root.signingKey)))
        // The recruiter introduces a key for someone else, and signs as the root: both named.
        XCTAssertNotNil(log.check(try entry(3, actor: "s-member", action: .staffRekey, subject: "s-root",
                                            detail: RosterSigning.keyDetail(forger.signingPublicKey), by: member.signingKey)))
        XCTAssertNotNil(log.check(try entry(4, actor: "s-member", action: .rosterSign, detail: RosterSigning.keyDetail(member.signingPublicKey), by: member.signingKey)))
    }

    func testALogWhoseSignaturesWereStrippedIsBrokenOnASignedRegister() throws {
        try t.execute("DROP TRIGGER audit_no_update")
        try t.execute("UPDATE auditEntry SET signature = NULL")
        guard case .broken(_, let problem) = try t.gate("dpo").verifyAudit() else { return XCTFail("an unsigned log verified") }
        XCTAssertTrue(problem.contains("stripped"), problem)
    }

    func testAReportRowMovedToAnotherCandidateIsNotGrantedUnderTheirName() throws {
        let other = try t.addCandidate("Other Person", basis: .contract, consent: .none)
        try t.addPsychConsent(other)
        _ = try t.addToProcess(other)
        try t.execute("UPDATE psychReport SET candidateId = ? WHERE candidateId = ?", [other, anna])
        XCTAssertThrowsError(try t.gate("lead").grantReport(candidateId: other, to: "recruiter2", reason: "x")) { e in
            XCTAssertTrue("\(e)".contains("does not open as theirs"), "\(e)")
        }
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM reportKey WHERE staffId = ?", [try staffId("recruiter2")]) as Int?, 0)
    }

    func testARootReplacedAfterSomeoneSawItIsRefusedToThem() throws {
        // The register as a 0.4 file would be, adopted again under another admin after its signatures were
        // stripped: whoever used it before remembers its root.
        _ = try t.gate("recruiter")
        try t.execute("DROP TRIGGER audit_no_update")
        try t.execute("UPDATE staff SET signingKey = NULL, signedBy = NULL, signedAt = NULL, signature = NULL, auditSeq = NULL; UPDATE auditEntry SET signature = NULL")
        XCTAssertThrowsError(try t.register.signIn(Identity(username: "recruiter", privateKey: t.identities["recruiter"]!.privateKey), clock: t.clock)) { e in
            XCTAssertTrue("\(e)".contains("not the one you saw here before"), "\(e)")
        }
    }

    func testAForgedAuditEntryIsCaught() throws {
        // A forger appends a well-chained entry without the actor's signature, then one signed by their own key.
        let last: Row = try XCTUnwrap(try t.sqlite.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM auditEntry ORDER BY seq DESC LIMIT 1") })
        let seq = (last["seq"] as Int64) + 1
        var entry = AuditEntry(seq: seq, atMillis: last["atMillis"], actor: last["actor"], action: "report.read", subject: nil,
                               purpose: "recruitment", detail: "", prevHash: last["hash"], hash: "")
        entry.hash = AuditChain.hash(of: entry)
        entry.signature = try Signing.sign(entry.hash, with: Identity(username: "x").signingKey)
        try t.execute("INSERT INTO auditEntry(seq, atMillis, actor, action, subject, purpose, detail, prevHash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [entry.seq, entry.atMillis, entry.actor, entry.action, entry.subject, entry.purpose, entry.detail, entry.prevHash, entry.hash, entry.signature])
        guard case .broken(let at, let problem) = try t.gate("dpo").verifyAudit() else { return XCTFail("a forged entry verified") }
        XCTAssertEqual(at, seq)
        XCTAssertTrue(problem.contains("signature does not verify"), problem)
        try t.execute("DROP TRIGGER audit_no_update")
        try t.execute("UPDATE auditEntry SET signature = NULL WHERE seq = ?", [seq])
        guard case .broken(_, let unsigned) = try t.gate("dpo").verifyAudit() else { return XCTFail("an unsigned entry verified") }
        XCTAssertTrue(unsigned.contains("not signed"), unsigned)
    }

    func testStrippedSignaturesAreRefusedAndARosterFromBeforeSigningIsSignedByTheAdmin() throws {
        try t.execute("DROP TRIGGER audit_no_update")
        try t.execute("""
            UPDATE staff SET signingKey = NULL, signedBy = NULL, signedAt = NULL, signature = NULL;
            UPDATE reportGrant SET signedBy = NULL, signature = NULL;
            """)
        // Identities issued under the root, or a signed log, say the signatures were stripped.
        XCTAssertThrowsError(try t.gate("recruiter")) { e in XCTAssertTrue("\(e)".contains("saw here before"), "\(e)") }
        // From here on, staff who never used the signed register (nothing remembered in their state).
        try FileManager.default.removeItem(atPath: t.directory + "/seen-heads")
        XCTAssertThrowsError(try t.gate("recruiter")) { e in XCTAssertTrue("\(e)".contains("stripped"), "\(e)") }
        try t.execute("UPDATE auditEntry SET signature = NULL")
        XCTAssertThrowsError(try t.gate("recruiter")) { e in XCTAssertTrue("\(e)".contains("stripped"), "\(e)") }
        // What release 0.4 left: no signatures anywhere and identity files without a pin. The admin's first
        // sign-in signs the roster as root and carries the open grants over under the root's signature.
        func unpinned(_ name: String) -> Identity { Identity(username: name, privateKey: t.identities[name]!.privateKey) }
        let recruiter = try t.register.signIn(unpinned("recruiter"), clock: t.clock)
        XCTAssertEqual(try recruiter.readReport(candidateId: anna)?.value?.text.contains(marker("Anna")), true, "0.4 trusted its rows")
        _ = try t.register.signIn(unpinned("admin"), clock: t.clock)
        XCTAssertEqual(try t.gate("dpo").checkRegister().signatureProblems, [])
        XCTAssertEqual(try t.register.signIn(unpinned("recruiter"), clock: t.clock).readReport(candidateId: anna)?.value?.text.contains(marker("Anna")), true)
        try t.execute("UPDATE staff SET role = 'lead' WHERE username = 'recruiter2'")
        XCTAssertThrowsError(try t.register.signIn(unpinned("recruiter2"), clock: t.clock), "signed from now on")
        guard case .intact = try t.gate("dpo").verifyAudit() else { return XCTFail("the log does not verify after signing") }
    }

    func testEveryEntryIsSignedAndVerifiesAcrossAReKey() throws {
        try t.gate("admin").rekeyStaff(username: "lead") { t.replaceIdentity($0) }
        _ = try t.gate("lead").candidate(anna)
        guard case .intact = try t.gate("dpo").verifyAudit() else { return XCTFail("the log does not verify across a re-key") }
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM auditEntry WHERE signature IS NULL") as Int?, 0)
        // The re-keyed lead's grants still stand: signed again with the new key.
        XCTAssertEqual(try t.gate("lead2").readReport(candidateId: anna)?.value?.text.contains(marker("Anna")), true)
        XCTAssertTrue(try t.gate("dpo").checkRegister().isSound)
    }
}
