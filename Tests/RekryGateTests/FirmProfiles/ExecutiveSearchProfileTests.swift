import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// Executive search (NO), `executive-search-no.policy`. Its promises:
/// - consent and legitimate interest are the bases (a talent-pool place lasts while the consent does);
/// - data unused for five years is deleted;
/// - test results come from an external provider (recorded with the provider's name).
final class ExecutiveSearchProfileTests: XCTestCase {
    func testDataUnusedForFiveYearsIsDeleted() throws {
        let firm = try FirmRegister(profile: "executive-search-no.policy")
        let person = try firm.add("Ola Nordmann", country: "NO")
        XCTAssertEqual(try firm.gate("dpo").firmCountry(), .norway, "deadlines follow Norway's calendar")
        firm.advance(days: 365 * 3)
        // Any work with them restarts the clock.
        try firm.gate().editCandidate(person, changes: [.currentTitle: "CFO"])
        firm.advance(days: 365 * 5)
        XCTAssertNil(try firm.wholeDue()[person], "five years from the last use, not from the start")
        firm.advance(days: 2)
        XCTAssertEqual(try firm.wholeDue()[person], "unused last-activity 5y")
    }

    func testATalentPoolPlaceEndsWithItsConsent() throws {
        let firm = try FirmRegister(profile: "executive-search-no.policy")
        let pooled = try firm.add("Kari Talent", consent: true, country: "NO")
        firm.advance(days: 100)
        XCTAssertNil(try firm.wholeDue()[pooled])
        try firm.gate().withdrawConsent(candidateId: pooled, purpose: .talentPool)
        XCTAssertEqual(try firm.wholeDue()[pooled], "talent-pool consent-expiry 0d", "withdrawn: due at once")
    }

    func testTestResultsNameTheirExternalProvider() throws {
        let firm = try FirmRegister(profile: "executive-search-no.policy")
        let person = try firm.add("Nils Test", country: "NO")
        _ = try firm.gate().addAssessment(candidateId: person, kind: .test, provider: "Assessio", title: "Cognitive ability", score: "7/9",
                                          text: "Above average numerical reasoning.")
        let detail = try firm.gate().candidate(person)
        XCTAssertEqual(detail.assessments.compactMap(\.value).first?.provider, "Assessio")
    }
}
