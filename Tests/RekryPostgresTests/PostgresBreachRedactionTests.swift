import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// The breach log stays the DPO's when a lead erases a person it names (migration "v4 breach redaction by the
/// DPO"): the lead's session reads and rewrites no breach; the server keeps the person's details for the DPO, whose
/// next sign-in takes them out of the log with the gate's own redaction; a row owed for an erasure that did not
/// happen changes nothing.
final class PostgresBreachRedactionTests: ServerRegisterTestCase {
    func testALeadsErasureLeavesTheBreachLogToTheDPOsNextSignIn() throws {
        let vera = try t.addCandidate("Vera Qzvisible", basis: .contract, consent: .none, email: "vera.qz@example.se")
        let nils = try t.addCandidate("Nils Qznotgone", basis: .contract, consent: .none)
        _ = try gate("dpo").recordBreach(BreachDraft(discoveredAt: t.clock.now(),
                                                     what: "Vera Qzvisible (vera.qz@example.se) and Nils Qznotgone were in an export sent to the wrong client",
                                                     categories: [.contact], approxAffected: 2, measures: "Asked the client to delete it",
                                                     affected: [vera, nils]))
        let receipts = try gate("lead").erase(candidateIds: [vera])
        XCTAssertEqual(receipts.count, 1)
        // Until the DPO signs in, the log still names her, and only the server holds what is owed.
        XCTAssertTrue(try rows(as: cluster.superuser, "SELECT what FROM rekry.breach").joined().contains("Qzvisible"))
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT subject, contact_only FROM rekry.breach_redaction_owed").count, 1)
        // A row owed for an erasure that never happened: begun in the lead's own session, owed, and the marker ended.
        XCTAssertEqual(try rows(as: "lead", """
            BEGIN;
            INSERT INTO rekry.erasure_pending (candidate_id, subject, request, actor, started_at)
              SELECT \(nils), 'x', NULL, rekry.erasure_actor(), now();
            SELECT rekry.owe_breach_redaction(\(nils), false);
            DELETE FROM rekry.erasure_pending WHERE candidate_id = \(nils);
            COMMIT;
            """).filter { !$0.isEmpty }, [])
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT count(*) FROM rekry.breach_redaction_owed"), ["2"])
        // Without a begun erasure, nothing is owed.
        let unbegun = try cluster.psql(as: "lead", "\\c \(database!)\nSELECT rekry.owe_breach_redaction(\(nils), false);")
        XCTAssertTrue(unbegun.output.contains("no erasure of theirs was begun"), unbegun.output)

        _ = try gate("dpo")
        let breach = try rows(as: cluster.superuser, "SELECT what FROM rekry.breach").joined()
        XCTAssertFalse(breach.contains("Qzvisible") || breach.contains("vera.qz@"), "the DPO's sign-in took her out: \(breach)")
        XCTAssertTrue(breach.contains("[erased person]"), breach)
        XCTAssertTrue(breach.contains("Nils Qznotgone"), "an erasure that did not happen changes nothing: \(breach)")
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT count(*) FROM rekry.breach_redaction_owed"), ["0"])
    }

    func testAnOwedRowKeepsOnlyContactValuesOfTheirShapeAndIsOwedOnce() throws {
        let rolf = try t.addCandidate("Rolf Crafted", basis: .contract, consent: .none)
        _ = try gate("dpo").recordBreach(BreachDraft(discoveredAt: t.clock.now(), what: "The authority was notified on time",
                                                     categories: [.contact], approxAffected: 1, measures: "Passwords rotated",
                                                     affected: []))
        // A member's own session writes a profile field freely: a crafted "email" and "phone" are not kept.
        XCTAssertEqual(try rows(as: "recruiter", """
            UPDATE rekry.candidate_personal SET email = 'authority was notified on time', phone = 'rotated'
            WHERE candidate_id = \(rolf);
            SELECT rekry.owe_breach_redaction(\(rolf), true);
            SELECT rekry.owe_breach_redaction(\(rolf), true);
            """).filter { !$0.isEmpty }, [])
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT coalesce(email, '-') || ' ' || coalesce(phone, '-') FROM rekry.breach_redaction_owed"),
                       ["- -"], "one row, without the crafted values")
    }

    func testNothingIsOwedWhileTheLogHoldsNoBreach() throws {
        let vera = try t.addCandidate("Vera Qzvisible", basis: .contract, consent: .none, email: "vera.qz@example.se")
        _ = try gate("lead").erase(candidateIds: [vera])
        XCTAssertEqual(try rows(as: cluster.superuser, "SELECT count(*) FROM rekry.breach_redaction_owed"), ["0"])
    }
}
