import Foundation
import RekryCrypto
import RekryDomain
import GRDB
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

final class IdentityTests: XCTestCase {
    func testUnknownMismatchedAndExposedIdentitiesOpenNothing() throws {
        let t = try TestRegister()
        XCTAssertThrowsError(try t.register.signIn(Identity(username: "mallory"))) { e in
            XCTAssertEqual(e as? RegisterError, .unknownStaff(username: "mallory"))
        }
        XCTAssertThrowsError(try t.register.signIn(Identity(username: "lead"))) { e in
            XCTAssertEqual(e as? RegisterError, .keyMismatch(username: "lead"))
        }
        let path = try t.identityFile("lead")
        chmod(path, 0o644)
        XCTAssertThrowsError(try Identity.load(from: path)) { e in XCTAssertTrue("\(e)".contains("chmod 600"), "\(e)") }
        chmod(path, 0o600)
        XCTAssertEqual(try t.register.signIn(Identity.load(from: path)).actor.username, "lead")
        XCTAssertThrowsError(try Identity.load(from: t.directory + "/missing")) { e in XCTAssertTrue("\(e)".contains("no identity file"), "\(e)") }
    }

    func testParseErrorsNameTheLineAndField() {
        XCTAssertThrowsError(try Identity.parse("hello", path: "f")) { e in XCTAssertEqual("\(e)", "f:1: expected 'rekry-identity v2'") }
        XCTAssertThrowsError(try Identity.parse("rekry-identity v1\nusername: a\nprivate-key: nope", path: "f")) { e in
            XCTAssertEqual("\(e)", "f:3: private-key: not a base64 X25519 key")
        }
        XCTAssertThrowsError(try Identity.parse("rekry-identity v1\nprivate-key: \(Identity(username: "x").privateKey.rawRepresentation.base64EncodedString())", path: "f")) { e in
            XCTAssertEqual("\(e)", "f: username: missing")
        }
    }

    func testAdminsAddStaffAndOthersCannot() throws {
        let t = try TestRegister()
        var issued: Identity?
        try t.gate("admin").addStaff(username: "new.recruiter", role: .recruiter, displayName: "New Recruiter") { issued = $0 }
        XCTAssertEqual(try t.register.signIn(try XCTUnwrap(issued)).actor.role, .recruiter)
        XCTAssertThrowsError(try t.gate("lead").addStaff(username: "x", role: .admin, displayName: "X") { _ in })
        XCTAssertThrowsError(try t.gate("admin").addStaff(username: "Bad Name", role: .recruiter, displayName: "X") { _ in }) { e in
            XCTAssertTrue("\(e)".contains("USERNAME"), "\(e)")
        }
        XCTAssertThrowsError(try t.gate("admin").addStaff(username: "new.recruiter", role: .recruiter, displayName: "Again") { _ in })
        // The identity is delivered before the account commits: when delivering fails, there is no account.
        struct DiskFull: Error {}
        XCTAssertThrowsError(try t.gate("admin").addStaff(username: "stranded", role: .recruiter, displayName: "S") { _ in throw DiskFull() })
        XCTAssertFalse(try t.gate("admin").staffList().contains { $0.username == "stranded" })
    }

    func testWithdrawingConsentIsAuditedAndWithholdsFromThenOn() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Consent Giver", consent: .valid(days: 100))
        let gate = try t.gate("recruiter")
        XCTAssertNotNil(try gate.candidate(id).name.value)
        try gate.withdrawConsent(candidateId: id, purpose: .talentPool)
        let after = try gate.candidate(id)
        XCTAssertEqual(after.name.reason, .consentWithdrawn)
        XCTAssertEqual(after.consents.value?.first?.withdrawnAt, t.clock.now())
        XCTAssertThrowsError(try gate.withdrawConsent(candidateId: id, purpose: .talentPool))
        XCTAssertTrue(try t.gate("dpo").auditEntries().contains { $0.action == "consent.withdraw" })
    }
}

/// The hex encoder every hash and fingerprint is written with.
final class HexTests: XCTestCase {
    func testHexIsLowerCaseTwoDigitsAByteAsFoundationWritesIt() {
        let bytes: [UInt8] = [0, 1, 0x0f, 0x10, 0x7f, 0x80, 0xab, 0xff]
        XCTAssertEqual(Hashing.hex(bytes), bytes.map { String(format: "%02x", $0) }.joined())
        XCTAssertEqual(Hashing.sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Hashing.hex([UInt8]()), "")
    }
}
