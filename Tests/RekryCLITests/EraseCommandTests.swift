import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// `rekry erase`: the preview, the receipt, and no byte of the person in any file of the register after.
final class EraseCommandTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func rekry(_ args: [String], as user: String = "lead") throws -> RekryBinary.Result {
        try RekryBinary.run(args + ["--db", t.path, "--identity", try t.identityFile(user)],
                            environment: ["XDG_STATE_HOME": t.directory + "/state-\(user)"])
    }

    func testErasingFromTheCommandLineLeavesNoMarkerInAnyFile() throws {
        let planted = try ErasureMarkers.plant(in: t)
        let other = try t.addCandidate("Bo Other", basis: .contract, consent: .none)
        try t.gate("lead").checkpointJournals()
        planted.assertPresent(in: t)
        let id = String(planted.candidateId)

        let dry = try rekry(["erase", id, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        for category in ["profile: 1", "documents: 2", "notes: 1", "assessments: 1", "consents: 1", "psychologist report and its keys: 1",
                         "references and their statements: 2", "audit log entries", "suppression"] {
            XCTAssertTrue(dry.stdout.contains(category), "\(category) in\n\(dry.stdout)")
        }
        XCTAssertNoThrow(try t.gate("lead").candidate(planted.candidateId), "a dry run erases nothing")

        XCTAssertEqual(try rekry(["erase", id], as: "admin").status, 1, "admins do not erase")
        let erased = try rekry(["erase", id, "--request", "DSR-2026-17", "--json"])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertTrue(erased.stdout.contains("\"bytesGone\" : true"), erased.stdout)
        XCTAssertTrue(erased.stdout.contains("DSR-2026-17"), erased.stdout)
        XCTAssertFalse(erased.stdout.contains("Zq"), "the receipt holds no personal data")

        planted.assertGone(from: t)
        // The request and the breach's list of people to inform stay, under the pseudonym, without the link.
        let subject = try XCTUnwrap(erased.stdout.split(separator: "\"").first { $0.hasPrefix("c-") }.map(String.init))
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM dataRequest WHERE subject = ? AND candidateId IS NULL AND verificationNote IS NULL", [subject]) as Int?, 1)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM breachAffected WHERE subject = ? AND candidateId IS NULL", [subject]) as Int?, 1)
        let dpo = try t.gate("dpo")
        for (_, marker) in planted.markers where !marker.contains(" ") {
            XCTAssertEqual(try dpo.fullTextSearch(marker, purpose: .dataSubjectRequest).count, 0, marker)
        }
        XCTAssertEqual(try rekry(["show", id]).status, 65, "the person is gone")
        // A text added afterwards gets a new id: no erased id carries the dead person's words to someone else.
        try t.gate("lead").addDocument(candidateId: other, kind: .other, body: "A new note about Bo.")
        for (_, marker) in planted.markers where !marker.contains(" ") {
            XCTAssertEqual(try dpo.fullTextSearch(marker, purpose: .dataSubjectRequest).count, 0, marker)
        }
        planted.assertGone(from: t)
        guard case .intact = try dpo.verifyAudit() else { return XCTFail("the log does not verify after an erasure") }
        XCTAssertTrue(try dpo.auditEntries().contains { $0.action == "candidate.erase" && $0.detail.contains("request=DSR-2026-17") })
    }

    func testAnErasedPersonIsSuppressedUntilTheDPOLiftsIt() throws {
        let planted = try ErasureMarkers.plant(in: t)
        let erased = try rekry(["erase", String(planted.candidateId), "--json"])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        let subject = try XCTUnwrap(erased.stdout.components(separatedBy: "\"subject\" : \"").dropFirst().first?.prefix(18))
        let again = try rekry(["add", "--name", "Someone Else", "--email", "\(planted.markers["Email"]!.lowercased())@example.se",
                               "--source", "applied", "--basis", "contract"])
        XCTAssertEqual(again.status, 1, again.stdout)
        XCTAssertTrue(again.stderr.contains("suppressed"), again.stderr)
        XCTAssertEqual(try rekry(["suppression", "lift", String(subject), "--reason", "asked to be added"], as: "lead").status, 1, "DPO only")
        let lifted = try rekry(["suppression", "lift", String(subject), "--reason", "the person asked to be added again"], as: "dpo")
        XCTAssertEqual(lifted.status, 0, lifted.stderr)
        XCTAssertEqual(try rekry(["add", "--name", "Someone Else", "--email", "\(planted.markers["Email"]!.lowercased())@example.se",
                                  "--source", "applied", "--basis", "contract"]).status, 0)
    }

    func testARetentionRunErasesExactlyWhatIsDueAndASecondRunNothing() throws {
        let due = try (0..<3).map { try t.addCandidate("Due Person \($0)", retentionDueAt: TestRegister.start - Double($0 + 1) * 86_400) }
        let notDue = try t.addCandidate("Kept Person", retentionDueAt: TestRegister.start + 30 * 86_400)
        let legal = try t.addCandidate("Payroll Person", basis: .legalObligation, consent: .none, retentionDueAt: TestRegister.start - 86_400)
        // The binary runs on the wall clock, long after the test register's start: everything dated around it is due
        // except what is dated years ahead.
        _ = notDue
        let dry = try rekry(["erase", "--retention-due", "--dry-run", "--json"], as: "dpo")
        XCTAssertEqual(dry.status, 0, dry.stderr)
        for id in due { XCTAssertTrue(dry.stdout.contains("\"candidateId\" : \(id)"), dry.stdout) }
        XCTAssertFalse(dry.stdout.contains("\"candidateId\" : \(legal)"), "held under a legal obligation")
        let run = try rekry(["erase", "--retention-due", "--json"], as: "dpo")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.components(separatedBy: "\"subject\"").count - 1, due.count + 1, run.stdout)
        let second = try rekry(["erase", "--retention-due"], as: "dpo")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("Nothing to erase"), second.stdout)
        XCTAssertNoThrow(try t.gate("dpo").candidate(legal, purpose: .dataSubjectRequest))
        XCTAssertEqual(try rekry(["erase", "--retention-due"], as: "recruiter").status, 1, "recruiters do not run retention")
    }

    func testARetentionRunTakesOnlyTheCategoriesThatAreDueAndASecondRunNothing() throws {
        // A person whose process closed (before the close destroyed reports): contact details and report due.
        let planted = try ErasureMarkers.plant(in: t)
        try t.execute("UPDATE process SET closedAt = ?", [TestRegister.start.timeIntervalSince1970])
        // Their contact details written into a CV too, in other spellings: they go with the fields.
        let email = planted.markers["Email"]!.lowercased() + "@example.se"
        try t.gate("lead").addDocument(candidateId: planted.candidateId, kind: .coverLetter,
                                       body: "Reach me at \(email.uppercased()) or 070-917 44 21, zqkeepmarker.")
        // And into the short texts around them: a consent's channel and wording, a document's title, an
        // assessment's title, a disclosure (a red team found each kept after the run).
        let c = planted.candidateId
        try t.execute("INSERT INTO consent(candidateId, purpose, givenAt, expiresAt, channel, text) VALUES (?, 'newsletter', 1, NULL, ?, ?)",
                      [c, "email from \(email)", "Jag (\(email), 070-917 44 21) samtycker. zqconsentkeep"])
        try t.execute("UPDATE document SET title = ? WHERE candidateId = ? AND kind = 'cover-letter'", ["Letter \(email) 0709174421", c])
        try t.execute("UPDATE assessment SET title = 'Test sent to ' || ? WHERE candidateId = ?", [email, c])
        try t.execute("INSERT INTO disclosure(candidateId, recipient, disclosedAt, what) VALUES (?, 'Client AB', 1, ?)", [c, "profile with \(email)"])
        // A second red team: where the record came from, a test's score line, the rectification log's note, the
        // DPO's request note, and a CV with the address over two lines and the profile link written out.
        try t.execute("UPDATE candidate SET sourceDetail = ? WHERE id = ?", ["tips from \(email) / 070-917 44 21", c])
        try t.execute("UPDATE assessment SET score = ? WHERE candidateId = ?", ["sent to \(email)", c])
        try t.execute("INSERT INTO recordChange(candidateId, field, changedAt, changedBy, note) VALUES (?, 'notifiedAt', 1, 'x', ?)",
                      [c, "email to \(email)"])
        try t.execute("UPDATE dataRequest SET verificationNote = ? WHERE candidateId = ?", ["replied from \(email)", c])
        let address = planted.markers["Address"]!
        try t.gate("lead").addDocument(candidateId: c, kind: .other,
                                       body: "Adress:\n\(address) 12\nStockholm\nPortfolio: example.se/\(planted.markers["Link"]!) zqkeepsecond")
        // Still in an open process: nothing due. A Norwegian last contacted long ago: the NO contact rule (12m
        // after last contact). A Swede likewise: Sweden has no such rule, and no process closed.
        let open = try t.addCandidate("Open Process", basis: .contract, consent: .none, email: "zqopenmark@example.se")
        try t.addToProcess(open)
        let longAgo = TestRegister.start - 200 * 86_400
        let norwegian = try t.addCandidate("Ola Nordmann", basis: .contract, consent: .none, email: "zqolamark@example.no",
                                           country: "NO", lastActivityAt: longAgo)
        let swede = try t.addCandidate("Sven Passive", basis: .contract, consent: .none, email: "zqsvenmark@example.se", lastActivityAt: longAgo)

        let dry = try rekry(["erase", "--retention-due", "--category", "contact-details", "--dry-run", "--json"], as: "dpo")
        XCTAssertEqual(dry.status, 0, dry.stderr)
        for id in [planted.candidateId, norwegian] { XCTAssertTrue(dry.stdout.contains("\"candidateId\" : \(id)"), dry.stdout) }
        for id in [open, swede] { XCTAssertFalse(dry.stdout.contains("\"candidateId\" : \(id)"), dry.stdout) }
        XCTAssertTrue(dry.stdout.contains("contact-details last-contact 12m NO"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("contact-details process-closed 0d"), dry.stdout)
        XCTAssertFalse(dry.stdout.contains("psych-report"), "only the category asked for")

        let run = try rekry(["erase", "--retention-due", "--category", "contact-details", "--json"], as: "dpo")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.components(separatedBy: "\"subject\"").count - 1, 2, run.stdout)
        // The contact details went from every byte; the rest of the person stayed.
        for field in ["Email", "Address", "Link"] {
            XCTAssertEqual(t.filesContain(planted.markers[field]!.lowercased()), [], field)
        }
        XCTAssertEqual(t.filesContain("zqolamark"), [])
        XCTAssertEqual(t.filesContain(email.uppercased()) + t.filesContain("070-917 44 21") + t.filesContain("0709174421"), [],
                       "the contact details left the cover letter and the full-text index")
        XCTAssertFalse(t.filesContain("zqkeepmarker").isEmpty, "the rest of the letter stays")
        XCTAssertFalse(t.filesContain("zqconsentkeep").isEmpty, "the rest of the consent's wording stays")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM consent WHERE text LIKE '%[contact details removed]%'") as Int?, 1)
        XCTAssertFalse(t.filesContain("zqkeepsecond").isEmpty, "the rest of that CV stays")
        XCTAssertFalse(try rekry(["list", "--full-text", "070-917"], as: "dpo").stdout.contains("Anna"))
        XCTAssertFalse(t.filesContain(planted.markers["Cv"]!).isEmpty, "the CV stays")
        XCTAssertFalse(t.filesContain("zqopenmark").isEmpty, "an open process keeps its contact details")
        XCTAssertFalse(t.filesContain("zqsvenmark").isEmpty, "no rule makes a Swede's contact details due here")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM psychReport WHERE candidateId = ?", [planted.candidateId]) as Int?, 1)
        let shown = try t.gate("dpo").candidate(planted.candidateId, purpose: .dataSubjectRequest)
        XCTAssertNil(shown.contact.value?.email)
        XCTAssertNotNil(shown.contact.value, "the contact section is shown, empty")

        let second = try rekry(["erase", "--retention-due", "--category", "contact-details"], as: "dpo")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("Nothing to erase"), second.stdout)

        let report = try rekry(["erase", "--retention-due", "--category", "psych-report"], as: "lead")
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("psych-report only"), report.stdout)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM psychReport WHERE candidateId = ?", [planted.candidateId]) as Int?, 0)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM categoryErasure") as Int?, 3)
        XCTAssertEqual(try rekry(["erase", "--retention-due", "--category", "everything"], as: "dpo").status, 64)
        let verify = try rekry(["audit", "verify"], as: "dpo")
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }

    func testAnErasedPersonGoesFromTheReferencesTheyGaveAndRestrictedRecordsKeepTheirReferees() throws {
        let lead = try t.gate("lead")
        let person = try t.addCandidate("Johan Olsson", basis: .contract, consent: .none, email: "johan.zqref@example.se")
        let other = try t.addCandidate("Lisa Other", basis: .contract, consent: .none)
        _ = try lead.addReference(candidateId: other, ReferenceDraft(name: "Johan Olsson", relationship: "manager",
                                                                     email: "johan.zqref@example.se", statement: "Lisa is zqgivenmarker."))
        let run = try rekry(["erase", String(person), "--yes", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("references they gave for others"), run.stdout)
        XCTAssertEqual(t.filesContain("johan.zqref") + t.filesContain("zqgivenmarker"), [], "their reference about someone else went too")

        // A reference on a restricted record is the DPO's to erase, like the record.
        let restricted = try t.addCandidate("Rita Restricted", basis: .contract, consent: .none, restricted: true)
        try t.addReference(restricted, name: "Quinn Referee")
        let referenceId: Int64 = try XCTUnwrap(t.scalar("SELECT id FROM reference WHERE candidateId = ?", [restricted]))
        XCTAssertEqual(try rekry(["erase", "--reference", String(referenceId), "--yes"], as: "recruiter").status, 1)
        XCTAssertEqual(try rekry(["erase", "--reference", String(referenceId), "--yes"], as: "dpo").status, 0)
    }

    func testAReferenceIsErasedAcrossEveryCandidateTheyRefer() throws {
        let a = try t.addCandidate("Cand One", basis: .contract, consent: .none)
        let b = try t.addCandidate("Cand Two", basis: .contract, consent: .none)
        let lead = try t.gate("lead")
        let first = try lead.addReference(candidateId: a, ReferenceDraft(name: "Referee Zqrefmarker", relationship: "manager",
                                                                         email: "ref@example.se", statement: "Good, zqstatementmarker."))
        _ = try lead.addReference(candidateId: b, ReferenceDraft(name: "Referee Zqrefmarker", relationship: "colleague",
                                                                 email: "ref@example.se", statement: "Kind."))
        let erased = try rekry(["erase", "--reference", String(first)])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertTrue(erased.stdout.contains("references 2"), erased.stdout)
        XCTAssertEqual(t.filesContain("Zqrefmarker"), [])
        XCTAssertEqual(t.filesContain("zqstatementmarker"), [])
        XCTAssertNoThrow(try lead.candidate(a), "the candidates stay")
        XCTAssertNoThrow(try lead.candidate(b))
    }

    func testBadRequestReferencesAndMissingCandidatesAreNamed() throws {
        let id = try t.addCandidate("Some One", basis: .contract, consent: .none)
        let bad = try rekry(["erase", String(id), "--request", "Anna Svensson asked"])
        XCTAssertEqual(bad.status, 65, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--request"), bad.stderr)
        XCTAssertEqual(try rekry(["erase", "99999"]).status, 65)
        XCTAssertEqual(try rekry(["erase"]).status, 64)
        XCTAssertNoThrow(try t.gate("lead").candidate(id))
    }
}
