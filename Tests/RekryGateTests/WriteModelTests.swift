import Foundation
import RekryDomain
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// The write model: one place computes every derived column, and the gate's writes use it.
final class WriteModelTests: XCTestCase {
    func testTheBundledPolicyIsTheOneInData() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/policies/default.policy")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .newlines),
                       DefaultRetentionPolicy.text.trimmingCharacters(in: .newlines))
        XCTAssertFalse(DefaultRetentionPolicy.policy.rules.isEmpty)
        XCTAssertEqual(try RetentionPolicy.parse(DefaultRetentionPolicy.text, file: "x"), DefaultRetentionPolicy.policy)
    }

    func testDerivedColumns() throws {
        let now = TestRegister.start
        let closed = RecruitmentProcess(id: 1, title: "Dev", client: nil, openedAt: now - 90 * 86_400, closedAt: now - 30 * 86_400)
        let d = WriteModel.standard.derive(
            fullName: "Bjørn Ødegård", email: "bjorn.odegard@example.no", phone: "+47 912 34 567", country: "NO", title: "Controller",
            employer: "Equinor ASA", consentPurpose: .talentPool,
            facts: .init(consents: [ConsentRecord(id: 1, purpose: .talentPool, givenAt: now - 10, expiresAt: now + 100, withdrawnAt: nil,
                                                  channel: "web", text: "ok")],
                         participations: [Participation(id: 1, process: closed, stage: .rejected, startedAt: now - 80 * 86_400,
                                                        stageChangedAt: now - 30 * 86_400, basis: .contract)],
                         lastActivityAt: now - 100 * 86_400))
        XCTAssertEqual(d.nameKey, "bjorn odegard")
        // The name order's key: surname first, in the firm's alphabet (the default profile names no country: Swedish,
        // where Ø sorts as Ö, the last letter, written "}"); a Norwegian firm's puts Ø before Å ("|").
        XCTAssertEqual(d.collationKey, "}deg{rd bj}rn")
        let norwegian = WriteModel(policy: RetentionPolicy(rules: DefaultRetentionPolicy.policy.rules, country: "NO"))
        XCTAssertEqual(norwegian.collation, .norwegian)
        XCTAssertEqual(norwegian.collationKey(fullName: "Bjørn Ødegård"), "|deg}rd bj|rn")
        for token in ["bjorn", "odegard", "bjornodegard", "example", "no", "4791234567", "91234567", "controller", "equinor", "asa"] {
            XCTAssertTrue(d.searchTokens.contains(token), token)
        }
        XCTAssertEqual(d.searchTokens, d.searchTokens.sorted())
        XCTAssertEqual(d.stage, .rejected)
        XCTAssertEqual(d.stageRank, Stage.rejected.rank)
        XCTAssertEqual(d.lastActivityAt, now - 30 * 86_400, "the latest stage change is activity")
        XCTAssertEqual(d.retentionDueAt, (now - 30 * 86_400).addingUTCMonths(24), "two years after the process closed")
        XCTAssertEqual(d.consent?.expiresAt, now + 100)
    }
}

/// Searching by email and phone in every form people type them finds the person they belong to.
final class ContactSearchTests: XCTestCase {
    var t: TestRegister!
    var swede: Int64 = 0
    var norwegian: Int64 = 0

    override func setUpWithError() throws {
        t = try TestRegister()
        let r = try t.gate("recruiter")
        swede = try r.addCandidate(CandidateDraft(fullName: "Åsa Öberg", email: "asa.oberg@example.se", phone: "+46 70 123 45 67",
                                                  country: "SE", source: .applied, basis: .contract))
        norwegian = try r.addCandidate(CandidateDraft(fullName: "Kari Nordmann", email: "kari.nordmann@firma.no", phone: "+47 912 34 567",
                                                      country: "NO", source: .applied, basis: .contract))
        // Someone else, so that a search that matched everyone would show.
        try r.addCandidate(CandidateDraft(fullName: "Ola Hansen", email: "ola@other.example", phone: "+47 400 00 000", country: "NO",
                                          source: .applied, basis: .contract))
    }

    func found(_ text: String) throws -> Set<Int64> {
        Set(try t.gate("recruiter").page(CandidateQuery(text: text), from: .start, limit: 50).map(\.id))
    }

    func testEmailWholeLocalPartAndDomain() throws {
        for q in ["asa.oberg@example.se", "asa.oberg", "example.se", "asaoberg"] { XCTAssertEqual(try found(q), [swede], q) }
        for q in ["kari.nordmann@firma.no", "kari.nordmann", "firma.no", "karinordmann"] { XCTAssertEqual(try found(q), [norwegian], q) }
    }

    func testSwedishPhoneInEveryForm() throws {
        for q in ["+46 70 123 45 67", "+46701234567", "0046701234567", "070 123 45 67", "0701234567", "070-123 45 67", "070 12"] {
            XCTAssertEqual(try found(q), [swede], q)
        }
    }

    func testNorwegianPhoneInEveryForm() throws {
        for q in ["+47 912 34 567", "+4791234567", "912 34 567", "91234567", "0047 91234567"] {
            XCTAssertEqual(try found(q), [norwegian], q)
        }
    }
}
