import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// Recruitment and consulting (SE), `recruitment-consulting-se.policy`. Its promises:
/// - profiles are shown to clients without being transferred (the client presentation);
/// - the reference report is kept until the employment ends;
/// - consent can be withdrawn.
final class RecruitmentConsultingProfileTests: XCTestCase {
    func testTheReferenceReportIsKeptUntilTheEmploymentEnds() throws {
        let firm = try FirmRegister(profile: "recruitment-consulting-se.policy")
        let person = try firm.add("Rut Referens")
        _ = try firm.gate().addReference(candidateId: person, ReferenceDraft(name: "Bo Chef", relationship: "former manager",
                                                                           statement: "Thorough and kind."))
        let process = try firm.process("Controller", people: [person])
        firm.advance(days: 14)
        _ = try firm.close(process, hired: [person])
        XCTAssertNil(try firm.partsDue()["\(person)/reference-report"], "hired, employment not over")
        try firm.gate("lead").recordEmployment(candidateId: person, processId: process, start: firm.t.clock.now(), end: nil)
        firm.advance(days: 500)
        XCTAssertNil(try firm.partsDue()["\(person)/reference-report"], "kept while employed")
        try firm.gate("lead").recordEmployment(candidateId: person, processId: process,
                                               start: firm.t.clock.now().addingTimeInterval(-500 * FirmRegister.day), end: firm.t.clock.now())
        XCTAssertEqual(try firm.partsDue()["\(person)/reference-report"], "reference-report employment-end 0d")
        let receipts = try firm.gate("dpo").eraseCategories(try firm.gate("dpo").categoriesDue([.referenceReport]))
        XCTAssertEqual(receipts.first?.categories["statements"], 1)
        XCTAssertEqual(try firm.count("SELECT count(*) FROM reference WHERE candidateId = ?", person), 0)
        XCTAssertEqual(try firm.count("SELECT count(*) FROM candidate WHERE id = ?", person), 1, "the person stays")
    }

    func testWithdrawingConsentEndsATalentPoolPlace() throws {
        let firm = try FirmRegister(profile: "recruitment-consulting-se.policy")
        let pooled = try firm.add("Vera Villig", consent: true)
        firm.advance(days: 30)
        XCTAssertNil(try firm.wholeDue()[pooled])
        try firm.gate().withdrawConsent(candidateId: pooled, purpose: .talentPool)
        XCTAssertEqual(try firm.wholeDue()[pooled], "talent-pool consent-expiry 0d")
        // And a consent that simply runs out ends it the same way.
        let lapsing = try firm.add("Lasse Lapsar", consent: true)
        firm.advance(days: 364)
        XCTAssertNil(try firm.wholeDue()[lapsing])
        firm.advance(days: 2)
        XCTAssertEqual(try firm.wholeDue()[lapsing], "talent-pool consent-expiry 0d")
    }

    func testOnlyALeadRecordsAnEmploymentAndItCannotBeMovedOnceEnded() throws {
        let firm = try FirmRegister(profile: "recruitment-consulting-se.policy")
        let person = try firm.add("Emil Employed"), other = try firm.add("Nils Notchosen")
        let process = try firm.process("Controller", people: [person, other])
        firm.advance(days: 10)
        _ = try firm.close(process, hired: [person])
        let hiredOn = firm.t.clock.now()
        // A recruiter may not start the clocks an end starts; nor may an admin, who sees no candidates.
        for user in ["recruiter", "admin"] {
            XCTAssertThrowsError(try firm.gate(user).recordEmployment(candidateId: person, processId: process, start: hiredOn, end: nil)) { error in
                guard case RegisterError.notPermitted = error else { return XCTFail("\(user): \(error)") }
            }
        }
        XCTAssertThrowsError(try firm.gate("lead").recordEmployment(candidateId: other, processId: process, start: hiredOn, end: nil), "not hired")
        XCTAssertThrowsError(try firm.gate("lead").recordEmployment(candidateId: person, processId: process,
                                                                   start: hiredOn.addingTimeInterval(-30 * FirmRegister.day), end: nil), "before the hire")
        try firm.gate("lead").recordEmployment(candidateId: person, processId: process, start: hiredOn, end: hiredOn.addingTimeInterval(100 * FirmRegister.day))
        XCTAssertThrowsError(try firm.gate("lead").recordEmployment(candidateId: person, processId: process, start: hiredOn, end: nil),
                             "an ended employment is not reopened")
    }
}
