import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// IT consultancy (SE), `it-consultancy-se.policy`. Its promises:
/// - the psychologist's summary is kept until the process closes, destroyed unless the candidate is hired,
///   and kept for the employment if hired;
/// - contact details are deleted right after the process, or about a year after passive contact;
/// - only those who need access have it.
final class ITConsultancyProfileTests: XCTestCase {
    func testThePsychologistsSummaryIsDestroyedAtTheCloseUnlessHiredAndKeptForTheEmployment() throws {
        let firm = try FirmRegister(profile: "it-consultancy-se.policy")
        let hired = try firm.add("Hanna Hired"), other = try firm.add("Olle Other")
        let process = try firm.process("Backend developer", people: [hired, other])
        for person in [hired, other] {
            try firm.t.addPsychConsent(person)
            try firm.gate("lead").attachReport(candidateId: person, text: "Summary of \(person): calm under pressure.", author: "Psykolog AB")
        }
        // Until the close both are kept, and only those with a grant read them.
        XCTAssertEqual(try firm.count("SELECT count(*) FROM psychReport WHERE candidateId = ?", other), 1)
        XCTAssertNil(try firm.gate("recruiter").readReport(candidateId: hired)?.value, "a recruiter without a grant reads nothing")
        XCTAssertNotNil(try firm.gate("lead").readReport(candidateId: hired)?.value, "the lead who attached it holds a grant")

        firm.advance(days: 20)
        let closing = try firm.close(process, hired: [hired])
        XCTAssertEqual(closing.reportsDestroyed, 1)
        XCTAssertEqual(try firm.count("SELECT count(*) FROM psychReport WHERE candidateId = ?", other), 0, "not hired: destroyed at the close")
        XCTAssertEqual(try firm.count("SELECT count(*) FROM psychReport WHERE candidateId = ?", hired), 1, "hired: kept")
        XCTAssertNil(try firm.partsDue()["\(hired)/psych-report"], "a hire's report is not due at the close")

        // Kept through the employment; due the day it ends, by the employment-end rule, and erased by the run.
        firm.advance(days: 30)
        try firm.gate("lead").recordEmployment(candidateId: hired, processId: process, start: firm.t.clock.now(), end: nil)
        firm.advance(days: 400)
        XCTAssertNil(try firm.partsDue()["\(hired)/psych-report"], "still employed")
        try firm.gate("lead").recordEmployment(candidateId: hired, processId: process, start: firm.t.clock.now().addingTimeInterval(-400 * FirmRegister.day),
                                               end: firm.t.clock.now())
        XCTAssertEqual(try firm.partsDue()["\(hired)/psych-report"], "psych-report employment-end 0d")
        let due = try firm.gate("dpo").categoriesDue([.psychReport])
        XCTAssertEqual(try firm.gate("dpo").eraseCategories(due).count, 1)
        XCTAssertEqual(try firm.count("SELECT count(*) FROM psychReport WHERE candidateId = ?", hired), 0)
        XCTAssertEqual(try firm.count("SELECT count(*) FROM candidate WHERE id = ?", hired), 1, "the person stays")
    }

    func testContactDetailsGoRightAfterTheProcessOrAYearAfterPassiveContact() throws {
        let firm = try FirmRegister(profile: "it-consultancy-se.policy")
        let applicant = try firm.add("Anna Applicant"), passive = try firm.add("Per Passive")
        let process = try firm.process("Data engineer", people: [applicant])
        firm.advance(days: 10)
        XCTAssertNil(try firm.partsDue()["\(applicant)/contact-details"], "kept while the process runs")
        _ = try firm.close(process)
        XCTAssertEqual(try firm.partsDue()["\(applicant)/contact-details"], "contact-details process-closed 0d", "right after the process")

        // The passive contact: a year after the last contact, not before.
        firm.advance(days: 354)
        XCTAssertNil(try firm.partsDue()["\(passive)/contact-details"])
        firm.advance(days: 2)
        XCTAssertEqual(try firm.partsDue()["\(passive)/contact-details"], "contact-details last-contact 12m")

        let receipts = try firm.gate("dpo").eraseCategories(try firm.gate("dpo").categoriesDue([.contactDetails]))
        XCTAssertEqual(Set(receipts.map(\.rule)), ["contact-details process-closed 0d", "contact-details last-contact 12m"])
        for person in [applicant, passive] {
            XCTAssertEqual(try firm.count("SELECT count(*) FROM candidate WHERE id = ? AND email IS NULL AND phone IS NULL", person), 1)
        }
        XCTAssertTrue(try firm.partsDue().isEmpty, "a second run finds nothing")
    }
}
