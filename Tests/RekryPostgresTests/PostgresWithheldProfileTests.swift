import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// A profile the server withholds from a member (an objected legitimate-interest record here), tried with the
/// member's own psql session against a register the gate made (migrations "v4 explicit consent terms" and "v4
/// erasure of readable profiles"): the consent history stays withheld whole while a lead still attaches a report
/// on the explicit consent, and only the DPO erases or corrects the person, so that nothing derived from the profile
/// (suppression hashes, references given, the breach log's mentions) is left behind.
final class PostgresWithheldProfileTests: ServerRegisterTestCase {
    var objected: Int64 = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        TestBackend.current = .postgres
        defer { TestBackend.current = .sqlite }
        objected = try t.addCandidate("Olle Qzobjected", basis: .legitimateInterest, consent: .none,
                                      email: "olle.qzobjected@example.se", phone: "+46 70 123 45 67", objected: true)
        try t.addToProcess(objected, stage: .final)
        try t.addPsychConsent(objected)
    }

    func testAMembersSessionReadsNoConsentOfAnObjectedRecordAndALeadStillAttachesAReport() throws {
        // Before the report: a recruiter is told of no explicit consent (nothing they see is held on it), a lead is
        // (attaching the report is theirs).
        XCTAssertEqual(try rows(as: "recruiter", "SELECT * FROM rekry.explicit_consent_terms(\(objected))").count, 0)
        XCTAssertEqual(try rows(as: "lead", "SELECT * FROM rekry.explicit_consent_terms(\(objected))").count, 1)
        let lead = try gate("lead")
        try lead.attachReport(candidateId: objected, text: "REPORT-WITHHELD-PROFILE", author: "Leg. psykolog A")
        let view = try lead.candidate(objected)
        XCTAssertNil(view.consents.value, "the gate withholds an objected record's consent history")
        XCTAssertNotNil(view.report?.value, "the report rests on its own explicit consent")
        for login in ["recruiter", "lead"] {
            XCTAssertEqual(try rows(as: login, "SELECT purpose, channel, text, given_at FROM rekry.consent WHERE candidate_id = \(objected)"), [],
                           "\(login) reads no consent row the gate withholds")
            let terms = try rows(as: login, "SELECT * FROM rekry.explicit_consent_terms(\(objected))")
            XCTAssertEqual(terms.count, 1, "\(login): \(terms)")
            XCTAssertEqual(terms.first?.split(separator: "|").count, 2, "an id and an expiry, no more: \(terms)")
            XCTAssertFalse(terms.joined().contains("I agree") || terms.joined().contains("web form"), "no channel or text: \(terms)")
        }
        // The DPO and admins learn nothing from it (the DPO reads the history itself when answering a request).
        XCTAssertEqual(try rows(as: "dpo", "SELECT * FROM rekry.explicit_consent_terms(\(objected))"), [])
        XCTAssertTrue(try psql(as: "admin", "SELECT * FROM rekry.explicit_consent_terms(\(objected))").output.contains("permission denied"))
    }

    func testNoTermsWhereTheReportMetaIsWithheld() throws {
        try gate("dpo").setRestriction(candidateId: objected, restricted: true, reason: "accuracy contested")
        for login in ["recruiter", "lead"] {
            XCTAssertEqual(try rows(as: login, "SELECT * FROM rekry.explicit_consent_terms(\(objected))"), [],
                           "\(login): a restricted record's consent terms")
        }
    }

    func testOnlyTheDPOErasesAWithheldProfileAndItsBreachMentionsStayHiddenFromALead() throws {
        let dpo = try gate("dpo")
        let other = try t.addCandidate("Rita Referent", basis: .contract, consent: .none)
        _ = try t.addCandidate("Vera Qzvisible", basis: .contract, consent: .none)
        _ = try gate("recruiter").addReference(candidateId: other, ReferenceDraft(name: "Olle Qzobjected", relationship: "former manager",
                                                                                   email: "olle.qzobjected@example.se"))
        _ = try dpo.recordBreach(BreachDraft(discoveredAt: t.clock.now(), what: "A list with Olle Qzobjected's and Vera Qzvisible's phones went to the wrong client",
                                             categories: [.contact], approxAffected: 1, measures: "Asked the client to delete it",
                                             affected: [objected]))
        for login in ["lead", "recruiter"] {
            let g = try gate(login)
            XCTAssertThrowsError(try g.erase(candidateIds: [objected])) { e in
                XCTAssertTrue("\(e)".contains(WritePolicyWords.withheldOnServer), "\(login): \(e)")
                XCTAssertEqual((e as? RegisterError)?.exitCode, 1, "\(e)")
                XCTAssertFalse("\(e)".contains("Olle") || "\(e)".contains("Qzobjected"), "\(e)")
            }
            XCTAssertEqual(try g.erasurePreview(candidateIds: [objected]).first?.refusalWording?.description.contains(WritePolicyWords.withheldOnServer), true)
            // Their own session: the breach log's functions answer them no more (their erasures leave its redaction
            // to the DPO: PostgresBreachRedactionTests), and the server refuses the inventory and the deletion.
            let begin = "INSERT INTO rekry.erasure_pending (candidate_id, subject, request, actor, started_at) SELECT %d, 'x', NULL, rekry.erasure_actor(), now();"
            for sql in ["SELECT count(*) FROM rekry.breaches_for_erasures();", "SELECT rekry.redact_breach(1, 'x', 'y');",
                        "SELECT * FROM rekry.breach_redaction_owed;"] {
                let refused = try psql(as: login, sql)
                XCTAssertTrue(refused.status != 0 && refused.output.contains("permission denied"), "\(login): \(sql) \(refused.output)")
            }
            for sql in ["SELECT * FROM rekry.erasure_inventory(\(objected));",
                        "BEGIN; \(String(format: begin, objected)) SELECT rekry.delete_candidate(\(objected)); ROLLBACK;"] {
                let refused = try psql(as: login, sql)
                XCTAssertNotEqual(refused.status, 0, "\(login): \(sql)")
                XCTAssertTrue(refused.output.contains("the profile is withheld from this login"), "\(login): \(refused.output)")
                XCTAssertFalse(refused.output.contains("Qzobjected"), refused.output)
            }
            for old in ["erasure_inventory_of_eraser", "delete_candidate_of_eraser"] {
                let inner = try psql(as: login, "SELECT rekry.\(old)(\(objected));")
                XCTAssertTrue(inner.output.contains("permission denied"), "\(login) may not call the unchecked \(old): \(inner.output)")
            }
        }
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT count(*) FROM rekry.candidate WHERE id = \(objected)"), ["1"])
        // The DPO erases the person: the suppression hashes, the reference they gave and the breach's mention go too.
        let receipts = try dpo.erase(candidateIds: [objected], request: "DSR-7")
        XCTAssertEqual(receipts.first?.categories["references they gave for others"], 1)
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT count(*) FROM rekry.suppression WHERE kind = 'email'"), ["1"])
        let breach = try rows(as: cluster.superuser, "SELECT what FROM rekry.breach").joined()
        XCTAssertFalse(breach.contains("Qzobjected"), breach)
        XCTAssertTrue(breach.contains("Vera Qzvisible"), "the breach stays, with the names of those not erased: \(breach)")
        XCTAssertThrowsError(try gate("lead").addCandidate(CandidateDraft(fullName: "Olle Again", email: "olle.qzobjected@example.se",
                                                                          source: .applied, basis: .contract))) { e in
            XCTAssertTrue("\(e)".contains("erased"), "the erased person is not added again: \(e)")
        }
    }

    func testOnlyTheDPOCorrectsAWithheldProfile() throws {
        XCTAssertThrowsError(try gate("lead").editCandidate(objected, changes: [.email: "olle@new.example.se"])) { e in
            XCTAssertTrue("\(e)".contains(WritePolicyWords.withheldOnServer), "\(e)")
        }
        XCTAssertEqual(try rows(as: "lead", """
            WITH u AS (UPDATE rekry.candidate_personal SET email = 'x@example.se' WHERE candidate_id = \(objected) RETURNING 1)
            SELECT count(*) FROM u
            """), ["0"], "the lead's own session changes no withheld profile")
        try gate("dpo").editCandidate(objected, changes: [.email: "olle@new.example.se"])
        XCTAssertEqual(try gate("dpo").candidate(objected, purpose: .dataSubjectRequest).contact.value?.email, "olle@new.example.se")
        XCTAssertEqual(try gate("dpo").page(CandidateQuery(text: "olle@new"), from: .start, limit: 5, purpose: .dataSubjectRequest).map(\.id),
                       [objected], "the DPO's correction re-derives the search keys")
    }
}

/// The refusal's English words, shared by the tests that expect it.
enum WritePolicyWords {
    static let withheldOnServer = "refused, the team register's server withholds this person's profile from you"
}
