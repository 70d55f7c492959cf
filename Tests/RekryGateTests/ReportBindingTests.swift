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

/// A report's ciphertext is bound to its report id and its candidate: moved to another report, keys and
/// all, it opens as nothing.
final class ReportBindingTests: XCTestCase {
    func testAReportMovedWithItsKeysOntoAnotherPersonOpensNothing() throws {
        let t = try TestRegister()
        var ids: [Int64] = []
        for name in ["Första Person", "Andra Person"] {
            let id = try t.addCandidate(name, basis: .contract, consent: .none)
            try t.addToProcess(id)
            try t.addPsychConsent(id)
            try t.gate("lead").attachReport(candidateId: id, text: "TEXT OF \(name.uppercased())", author: "Psykolog")
            ids.append(id)
        }
        let lead = try t.gate("lead")
        XCTAssertEqual(try lead.readReport(candidateId: ids[1])?.value?.text, "TEXT OF ANDRA PERSON")
        // Someone with write access to the file moves the second report's ciphertext and the lead's key for it
        // onto the first report.
        try t.execute("""
            UPDATE psychReport SET ciphertext = (SELECT ciphertext FROM psychReport WHERE candidateId = ?) WHERE candidateId = ?;
            """, [ids[1], ids[0]])
        try t.execute("""
            UPDATE reportKey SET ephemeralPublicKey = (SELECT k.ephemeralPublicKey FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ? AND k.staffId = reportKey.staffId),
                                 sealedKey = (SELECT k.sealedKey FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ? AND k.staffId = reportKey.staffId)
            WHERE reportId = (SELECT id FROM psychReport WHERE candidateId = ?)
            """, [ids[1], ids[1], ids[0]])
        do {
            let read = try lead.readReport(candidateId: ids[0])
            XCTAssertNil(read?.value, "the moved text was shown as the first person's")
        } catch {
            // The bound ciphertext fails to open: the read ends, nothing is shown.
        }
        // The primitives say the same, with the lead's own key: the binding does not match.
        let key: Data = try t.scalar("SELECT sealedKey FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ? AND k.staffId = (SELECT id FROM staff WHERE username = 'lead')", [ids[0]])!
        let eph: Data = try t.scalar("SELECT ephemeralPublicKey FROM reportKey k JOIN psychReport r ON r.id = k.reportId WHERE r.candidateId = ? AND k.staffId = (SELECT id FROM staff WHERE username = 'lead')", [ids[0]])!
        let dataKey = try ReportCipher.unwrap(ReportCipher.WrappedKey(ephemeralPublicKey: eph, sealed: key), with: t.identities["lead"]!.privateKey)
        let moved: Data = try t.scalar("SELECT ciphertext FROM psychReport WHERE candidateId = ?", [ids[0]])!
        let reportId: Int64 = try t.scalar("SELECT id FROM psychReport WHERE candidateId = ?", [ids[0]])!
        let pseudonym: String = try t.scalar("SELECT pseudonym FROM candidate WHERE id = ?", [ids[0]])!
        XCTAssertThrowsError(try ReportCipher.open(moved, with: dataKey, binding: ReportCipher.binding(reportId: reportId, candidatePseudonym: pseudonym)))
    }

    /// A report sealed before ciphertexts were bound (an earlier release) still opens; re-keying seals it bound.
    func testAReportSealedBeforeBindingsStillOpens() throws {
        let key = ReportCipher.newDataKey()
        let legacy = try AES.GCM.seal(Data("OLD REPORT".utf8), using: key).combined!
        XCTAssertEqual(try ReportCipher.open(legacy, with: key, binding: Data("anything".utf8)), "OLD REPORT")
        let bound = try ReportCipher.seal("NEW REPORT", with: key, binding: Data("report 1".utf8))
        XCTAssertEqual(try ReportCipher.open(bound, with: key, binding: Data("report 1".utf8)), "NEW REPORT")
        XCTAssertThrowsError(try ReportCipher.open(bound, with: key, binding: Data("report 2".utf8)))
        // Stripping the marker does not make a bound ciphertext open as an unbound one.
        XCTAssertThrowsError(try ReportCipher.open(bound.dropFirst(4), with: key, binding: Data("report 2".utf8)))
    }
}
