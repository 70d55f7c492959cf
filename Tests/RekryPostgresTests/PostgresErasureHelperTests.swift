import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// The erasure desk's helper functions in a member's own session (migration "v4 erasure helpers checked"): the
/// category deletions take nothing of a person whose profile is withheld from the member, a referee's rows withheld
/// for their own restriction are the DPO's, and `redact_text` writes only a redaction.
final class PostgresErasureHelperTests: ServerRegisterTestCase {
    func testTheCategoryDeletionsTakeNothingOfAWithheldPerson() throws {
        let wilma = try t.addCandidate("Wilma Withdrawn", consent: .withdrawn)
        try t.addAssessment(wilma, text: "Interview went well.")
        _ = try psql(as: cluster.superuser, "INSERT INTO rekry.candidate_link (candidate_id, kind, url, source) VALUES (\(wilma), 'linkedin', 'https://example.se/wilma', 'applied');")
        for login in ["lead", "recruiter"] {
            for sql in ["SELECT rekry.delete_links(\(wilma));", "SELECT rekry.delete_assessments(\(wilma), 'interview-note');",
                        "SELECT rekry.delete_psych_reports(\(wilma));", "SELECT * FROM rekry.delete_references(\(wilma));"] {
                let refused = try psql(as: login, sql)
                XCTAssertNotEqual(refused.status, 0, "\(login): \(sql) \(refused.output)")
                XCTAssertTrue(refused.output.contains("the profile is withheld from this login") || refused.output.contains("permission denied"),
                              "\(login): \(sql) \(refused.output)")
            }
        }
        XCTAssertEqual(try value("SELECT count(*) FROM rekry.candidate_link WHERE candidate_id = \(wilma)"), "1")
        XCTAssertEqual(try value("SELECT count(*) FROM rekry.assessment WHERE candidate_id = \(wilma)"), "1")
        // The DPO may (a retention run of theirs).
        let dpo = try psql(as: "dpo", "BEGIN; SET LOCAL rekry.purpose = 'dsr'; SELECT rekry.delete_links(\(wilma)); ROLLBACK;")
        XCTAssertEqual(dpo.status, 0, dpo.output)
    }

    func testAReferenceRestrictedForTheRefereeIsTheDPOsToErase() throws {
        let ida = try t.addCandidate("Ida Visible", basis: .contract, consent: .none)
        try t.addReference(ida, name: "Rolf Restricted", restricted: true)
        let referee = try value("SELECT referee_id FROM rekry.reference WHERE candidate_id = \(ida)")
        for login in ["lead", "recruiter"] {
            let refused = try psql(as: login, "SELECT * FROM rekry.delete_referee(\(referee));")
            XCTAssertTrue(refused.status != 0 && refused.output.contains("refused, restricted"), "\(login): \(refused.output)")
        }
        XCTAssertEqual(try value("SELECT count(*) FROM rekry.reference WHERE candidate_id = \(ida)"), "1")
        let dpo = try psql(as: "dpo", "BEGIN; SELECT * FROM rekry.delete_referee(\(referee)); ROLLBACK;")
        XCTAssertEqual(dpo.status, 0, dpo.output)
    }

    func testAReferenceWithheldForTheRefereesObjectionIsNotAMembersToErase() throws {
        let ida = try t.addCandidate("Ida Visible", basis: .contract, consent: .none)
        try t.addReference(ida, name: "Olga Objecting", objected: true)
        let referee = try value("SELECT referee_id FROM rekry.reference WHERE candidate_id = \(ida)")
        for sql in ["SELECT * FROM rekry.delete_referee(\(referee));", "SELECT * FROM rekry.delete_references(\(ida));"] {
            for login in ["lead", "recruiter"] where !(login == "recruiter" && sql.contains("delete_references")) {
                let refused = try psql(as: login, sql)
                XCTAssertNotEqual(refused.status, 0, "\(login): \(sql) \(refused.output)")
                XCTAssertFalse(refused.output.contains("Olga"), refused.output)
            }
        }
        XCTAssertEqual(try value("SELECT count(*) FROM rekry.reference WHERE candidate_id = \(ida)"), "1")
    }

    func testARecruiterRedactsNoRectificationLogLine() throws {
        let rita = try t.addCandidate("Rita Visible", basis: .contract, consent: .none)
        let line = try value("""
            INSERT INTO rekry.record_change (candidate_id, field, changed_at, changed_by, note)
            VALUES (\(rita), 'email', now(), 's-lead', 'salary demand 93000') RETURNING id
            """)
        let probe = try psql(as: "recruiter", "BEGIN; SELECT rekry.redact_text(\(rita), 'record_change', \(line), 'note', 'salary demand 93[contact details removed]'); ROLLBACK;")
        XCTAssertTrue(probe.status != 0 && probe.output.contains("not a text this member may read"), probe.output)
    }

    func testRedactTextTakesOnlyARedaction() throws {
        let rita = try t.addCandidate("Rita Visible", basis: .contract, consent: .none)
        let consent = try value("""
            INSERT INTO rekry.consent (candidate_id, purpose, given_at, channel, text)
            VALUES (\(rita), 'newsletter', now() - interval '1 day', 'email', 'Send news to rita@example.se please') RETURNING id
            """)
        try t.addAssessment(rita, text: "Call rita on 070-123 45 67 after lunch.")
        let note = try value("SELECT id FROM rekry.assessment WHERE candidate_id = \(rita)")
        // A rewrite is refused; so is a redaction that adds words to the full-text index.
        for (sql, why) in [
            ("SELECT rekry.redact_text(\(rita), 'consent', \(consent), 'text', 'I agree to everything, forever');", "not the old one"),
            ("SELECT rekry.redact_text(\(rita), 'assessment', \(note), 'text', 'Call rita on [contact details removed] after lunch.', 'call rita on contact details removed after lunch zzforged');",
             "adds no word"),
        ] {
            let refused = try psql(as: "lead", sql)
            XCTAssertTrue(refused.status != 0 && refused.output.contains(why), "\(sql): \(refused.output)")
        }
        XCTAssertEqual(try value("SELECT text FROM rekry.consent WHERE id = \(consent)"), "Send news to rita@example.se please")
        // A redaction goes.
        let redacted = try psql(as: "lead", """
            SELECT rekry.redact_text(\(rita), 'consent', \(consent), 'text', 'Send news to [contact details removed] please');
            SELECT rekry.redact_text(\(rita), 'assessment', \(note), 'text', 'Call rita on [contact details removed] after lunch.',
                                     'call rita on contact details removed after lunch');
            """)
        XCTAssertEqual(redacted.status, 0, redacted.output)
        XCTAssertEqual(try value("SELECT text FROM rekry.consent WHERE id = \(consent)"), "Send news to [contact details removed] please")
        // A redaction is not a write that lets its transaction index words of the member's choosing.
        let indexed = try psql(as: "lead", """
            BEGIN;
            SELECT rekry.redact_text(\(rita), 'assessment', \(note), 'text', 'Call rita on [contact details removed] after [contact details removed]',
                                     'call rita on contact details removed after contact details removed');
            SELECT rekry.index_text(-\(note), 'zebrafish unicorn felon');
            ROLLBACK;
            """)
        XCTAssertTrue(indexed.status != 0 && indexed.output.contains("not in one that redacts it"), indexed.output)
        XCTAssertEqual(try value("SELECT text FROM rekry.assessment WHERE id = \(note)"), "Call rita on [contact details removed] after lunch.")
    }
}
