import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// Retention that takes one category from a person who stays (the IT consultancy's profile: contact details
/// right after the process), through the gate, on both backends: the email and phone go from the record, from
/// their CV (and its full-text entry) and from the other free texts, the links go, the log says so without
/// personal data, and after the erasure is final (on PostgreSQL, the database administrator's job) no file holds
/// the email. Read beneath the gate with the register's own rights, never with SQLite's SQL.
final class CategoryRetentionContractTests: XCTestCase {
    func contactDetailsGo(as eraser: String) throws {
        let firm = try FirmRegister(profile: "it-consultancy-se.policy")
        let t = firm.t
        let applicant = try firm.add("Anna Zqapplicant", email: "zqanna.mail@example.se")
        try firm.gate("lead").addDocument(candidateId: applicant, kind: .cv, body: "CV. Reach me at zqanna.mail@example.se or +46 70 123 45 67.")
        let process = try firm.process("Data engineer", people: [applicant])
        firm.advance(days: 10)
        _ = try firm.close(process)
        XCTAssertEqual(try firm.partsDue()["\(applicant)/contact-details"], "contact-details process-closed 0d")

        let due = try firm.gate(eraser).categoriesDue([.contactDetails])
        let receipts = try firm.gate(eraser).eraseCategories(due)
        XCTAssertEqual(receipts.map(\.rule), ["contact-details process-closed 0d"])
        XCTAssertFalse(receipts[0].categories.isEmpty)
        let record = try XCTUnwrap(try t.register.backend.read { try $0.candidate(id: applicant) }, "the person stays")
        XCTAssertNil(record.email)
        XCTAssertNil(record.phone)
        XCTAssertEqual(record.fullName, "Anna Zqapplicant")
        let cv = try XCTUnwrap(try t.register.backend.read { try $0.documents(candidateId: applicant) }.first { $0.kind == .cv })
        XCTAssertFalse(cv.body.contains("zqanna.mail"), cv.body)
        XCTAssertTrue(cv.body.hasPrefix("CV. Reach me at"), cv.body)
        XCTAssertEqual(try firm.gate("dpo").fullTextSearch("zqanna", purpose: .dataSubjectRequest).count, 0, "the old words left the full-text index")
        XCTAssertEqual(try firm.gate("dpo").fullTextSearch("engineer zqapplicant", purpose: .dataSubjectRequest).count, 0)
        let log = try t.register.backend.read { try $0.categoryErasures(since: nil) }
        XCTAssertEqual(log.map(\.category), ["contact-details"])
        XCTAssertFalse(log[0].counts.contains("zq"), log[0].counts)
        XCTAssertTrue(try firm.partsDue().isEmpty, "a second run finds nothing")

        if t.isPostgres {
            XCTAssertEqual(receipts.map(\.bytesGone), [false], "the old versions of the rows wait for the administrator's job")
            try t.runDatabaseAdministratorsErasureJob()
        } else {
            XCTAssertEqual(receipts.map(\.bytesGone), [true])
        }
        XCTAssertEqual(t.filesContain("zqanna.mail"), [], "no file holds the email")
        XCTAssertEqual(t.filesContain("123 45 67"), [], "no file holds the phone")
    }

    func testTheDPOsRunTakesContactDetailsOnSQLite() throws { try contactDetailsGo(as: "dpo") }
    func testALeadsRunTakesContactDetailsOnSQLite() throws { try contactDetailsGo(as: "lead") }
    func testTheDPOsRunTakesContactDetailsOnPostgres() throws { try onPostgres { try contactDetailsGo(as: "dpo") } }
    func testALeadsRunTakesContactDetailsOnPostgres() throws { try onPostgres { try contactDetailsGo(as: "lead") } }
}
