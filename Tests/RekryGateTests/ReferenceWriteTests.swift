import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// References through the gate: a referee is a person of their own, recognised across candidates, whose
/// restriction holds whichever candidate they are seen through.
final class ReferenceWriteTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func greta(_ statement: String? = nil, phone: String? = nil, email: String? = "greta.referent@firma.se") -> ReferenceDraft {
        ReferenceDraft(name: "Greta Referent", title: "CFO", workplace: "Firma AB", relationship: "former manager",
                       email: email, phone: phone, statement: statement)
    }

    func candidate(_ name: String) throws -> Int64 {
        try t.gate("recruiter").addCandidate(CandidateDraft(fullName: name, source: .applied, basis: .contract))
    }

    func testTheSameRefereeForTwoCandidatesIsOnePerson() throws {
        let r = try t.gate("recruiter")
        let a = try candidate("Adam Applicant"), b = try candidate("Bea Applicant")
        let refA = try r.addReference(candidateId: a, greta("Adam was thorough."))
        let refB = try r.addReference(candidateId: b, greta("Bea led the close.", email: "Greta.Referent@firma.se".lowercased()))
        XCTAssertNotEqual(refA, refB, "one row per candidate")
        for ref in [refA, refB] {
            let view = try r.referee(referenceId: ref)
            XCTAssertEqual(view.name.value, "Greta Referent")
            XCTAssertEqual(view.candidates.map(\.id).sorted(), [a, b].sorted())
            XCTAssertEqual(Set(view.candidates.compactMap(\.name.value)), ["Adam Applicant", "Bea Applicant"])
        }
        XCTAssertEqual(try r.referee(referenceId: refA).refereeId, try r.referee(referenceId: refB).refereeId)
        // Recognised by phone too; someone else with another email is another person.
        let c = try candidate("Cai Applicant")
        let byPhone = try r.addReference(candidateId: c, greta(phone: "+46 70 999 88 77", email: nil))
        let alsoPhone = try r.addReference(candidateId: a, ReferenceDraft(name: "G. Referent", relationship: "mentor", phone: "+46 70 999 88 77"))
        XCTAssertEqual(try r.referee(referenceId: alsoPhone).candidates.map(\.id).sorted(), [a, c].sorted())
        XCTAssertNotEqual(try r.referee(referenceId: byPhone).refereeId, try r.referee(referenceId: refA).refereeId)
        let other = try r.addReference(candidateId: b, ReferenceDraft(name: "Greta Referent", relationship: "colleague", email: "greta@elsewhere.se"))
        XCTAssertEqual(try r.referee(referenceId: other).candidates.map(\.id), [b], "same name, another person")
        // Each candidate's view shows the reference with what was said for them, and the audit log no name.
        let refs = try r.candidate(b).references.compactMap(\.value)
        XCTAssertEqual(refs.first { $0.id == refB }?.statements.map(\.text), ["Bea led the close."])
        for entry in try t.gate("dpo").auditEntries() { XCTAssertFalse(entry.detail.contains("Greta"), "\(entry)") }
    }

    func testAddingAReferenceValidatesAndFollowsTheWritePolicy() throws {
        let r = try t.gate("recruiter")
        let a = try candidate("Adam Applicant")
        XCTAssertThrowsError(try r.addReference(candidateId: a, ReferenceDraft(name: "", relationship: "x"))) { e in XCTAssertTrue("\(e)".hasPrefix("--name"), "\(e)") }
        XCTAssertThrowsError(try r.addReference(candidateId: a, ReferenceDraft(name: "Greta", relationship: " "))) { e in XCTAssertTrue("\(e)".hasPrefix("--relationship"), "\(e)") }
        XCTAssertThrowsError(try r.addReference(candidateId: a, greta(email: "greta"))) { e in XCTAssertTrue("\(e)".hasPrefix("--email"), "\(e)") }
        XCTAssertThrowsError(try t.gate("dpo").addReference(candidateId: a, greta()))
        XCTAssertThrowsError(try t.gate("admin").addReference(candidateId: a, greta()))
        XCTAssertThrowsError(try r.addReference(candidateId: 4242, greta())) { e in XCTAssertEqual((e as? RegisterError)?.notFoundWhat, "candidate 4242") }
        XCTAssertEqual(try r.candidate(a).references.count, 0)
        XCTAssertNoThrow(try t.gate("lead").addReference(candidateId: a, greta()))
    }

    func testARestrictedRefereeStaysRestrictedSeenThroughAnotherCandidate() throws {
        let r = try t.gate("recruiter")
        let a = try candidate("Adam Applicant"), b = try candidate("Bea Applicant")
        let refA = try r.addReference(candidateId: a, greta("Adam was thorough."))
        // The referee asked for restriction (recorded on their row; the gate has no referee write for it yet).
        try t.execute("UPDATE reference SET restricted = 1 WHERE id = ?", [refA])
        let refB = try r.addReference(candidateId: b, greta("Bea led the close."))
        for ref in [refA, refB] {
            XCTAssertEqual(try r.referee(referenceId: ref).name.reason, .restricted, "reference \(ref)")
        }
        XCTAssertEqual(try r.candidate(b).references.first?.reason, .restricted, "seen through Bea, still restricted")
        XCTAssertEqual(try t.gate("lead").candidate(a).references.first?.reason, .restricted)
        // The DPO answering the referee's request sees them.
        XCTAssertEqual(try t.gate("dpo").referee(referenceId: refB, purpose: .dataSubjectRequest).name.value, "Greta Referent")
    }

    func testARestrictionOnAnyRowOfTheRefereeHoldsForThePerson() throws {
        let r = try t.gate("recruiter")
        let a = try candidate("Adam Applicant"), b = try candidate("Bea Applicant"), c = try candidate("Cai Applicant")
        let refA = try r.addReference(candidateId: a, greta())
        let refB = try r.addReference(candidateId: b, greta())
        // Restricted on the row of the second candidate only: the person is restricted, whichever row is asked.
        try t.execute("UPDATE reference SET restricted = 1 WHERE id = ?", [refB])
        XCTAssertEqual(try r.referee(referenceId: refA).name.reason, .restricted)
        let refC = try r.addReference(candidateId: c, greta())
        XCTAssertEqual(try r.referee(referenceId: refC).name.reason, .restricted)
        XCTAssertEqual(try r.candidate(c).references.first?.reason, .restricted, "a new row for the person inherits it")
    }

    // MARK: red team

    func testTheRefereeViewRevealsNothingOfARestrictedCandidate() throws {
        let r = try t.gate("recruiter")
        let a = try candidate("Adam Applicant")
        let hidden = try t.addCandidate("Hemlig Hansson", basis: .contract, consent: .none, email: "hemlig@example.se")
        let refHidden = try r.addReference(candidateId: hidden, greta("Hemlig is a star."))
        try t.gate("dpo").setRestriction(candidateId: hidden, restricted: true, reason: "contests accuracy")
        XCTAssertEqual(try r.candidate(hidden).references.first?.reason, .restricted)
        // A recruiter who types the referee's email for their own candidate joins the same person...
        let refA = try r.addReference(candidateId: a, greta("Adam was thorough."))
        for ref in [refA, refHidden] {
            let view = try r.referee(referenceId: ref)
            // ...but learns nothing of the restricted candidate: not their name, not even that Greta refers them,
            // since the candidate's references are withheld (their own view withholds exactly that).
            XCTAssertFalse(view.candidates.contains { $0.id == hidden }, "reference \(ref) lists the restricted candidate")
            XCTAssertFalse(view.candidates.contains { $0.name.value?.contains("Hemlig") == true })
            // Seen through the withheld reference, nothing is listed: listing Adam there would confirm that the
            // email typed for Adam's referee is the restricted candidate's referee's.
            XCTAssertEqual(view.candidates.map(\.id), ref == refA ? [a] : [])
        }
        XCTAssertEqual(try t.gate("dpo").referee(referenceId: refA, purpose: .dataSubjectRequest).candidates.map(\.id).sorted(),
                       [a, hidden].sorted(), "the DPO answering a request sees every candidate")
        // Lifted, the link shows again.
        try t.gate("lead").setRestriction(candidateId: hidden, restricted: false, reason: "resolved")
        XCTAssertEqual(try r.referee(referenceId: refA).candidates.map(\.id).sorted(), [a, hidden].sorted())
    }

    func testAnAdminSeesNoRefereeAndNoCandidate() throws {
        let a = try candidate("Adam Applicant")
        let ref = try t.gate("recruiter").addReference(candidateId: a, greta())
        let view = try t.gate("admin").referee(referenceId: ref)
        XCTAssertEqual(view.name.reason, .roleNotPermitted)
        XCTAssertTrue(view.candidates.allSatisfy { $0.name.value == nil })
    }
}
