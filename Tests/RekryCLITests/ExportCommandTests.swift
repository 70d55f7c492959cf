import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// `rekry export`: the Art. 15 extract, the client presentation and its disclosure, and the file rules.
final class ExportCommandTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func rekry(_ args: [String], as user: String) throws -> RekryBinary.Result {
        try RekryBinary.run(args + ["--db", t.path, "--identity", try t.identityFile(user)],
                            environment: ["XDG_STATE_HOME": t.directory + "/state-\(user)", "HOME": t.directory])
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testTheExtractHoldsEveryArticle15ElementAndTheAccessLogByRole() throws {
        let planted = try ErasureMarkers.plant(in: t)
        let id = String(planted.candidateId)
        // Opened by two roles: a recruiter (recruiter2, whose name must not appear) and a lead.
        XCTAssertEqual(try rekry(["show", id], as: "recruiter2").status, 0)
        XCTAssertEqual(try rekry(["show", id], as: "lead").status, 0)

        let run = try rekry(["export", id, "--format", "extract", "--out", "-"], as: "dpo")
        XCTAssertEqual(run.status, 0, run.stderr)
        let extract = try json(run.stdout)
        XCTAssertEqual(extract["schema"] as? String, "rekry.register-extract/1")
        let items = try XCTUnwrap(extract["items"] as? [[String: Any]])
        // (b) categories, and the data itself: every planted field but the report is in the copy.
        for field in ["Name", "Email", "Address", "Link", "Cv", "Letter", "Note", "Assessment", "RefName", "Statement"] {
            XCTAssertTrue(run.stdout.lowercased().contains(planted.markers[field]!.lowercased()), "\(field) is missing from the extract")
        }
        XCTAssertEqual(Set(items.compactMap { $0["category"] as? String }),
                       ["identity", "contact", "profile", "documents", "processes", "references", "assessments"])
        for item in items {
            // (a) purpose, (d) retention, (g) source, and the basis, on every item.
            XCTAssertFalse((item["purpose"] as? String ?? "").isEmpty, "\(item["label"] ?? "")")
            XCTAssertFalse((item["source"] as? String ?? "").isEmpty)
            XCTAssertNotNil(item["basis"] as? String)
            let retention = try XCTUnwrap(item["retention"] as? [String: Any])
            XCTAssertFalse((retention["note"] as? String ?? "").isEmpty)
        }
        XCTAssertTrue(items.contains { ($0["retention"] as? [String: Any])?["rule"] as? String == "contact-details process-closed 0d" })
        // The consent history with the text agreed to.
        let consents = try XCTUnwrap(extract["consents"] as? [[String: Any]])
        XCTAssertTrue(consents.contains { ($0["text"] as? String ?? "").contains(planted.markers["Consent"]!) })
        // (c) recipients, (e)(f) rights and the authority, (h) no automated decisions, 15(2) transfers.
        XCTAssertNotNil(extract["recipients"] as? [Any])
        let rights = try XCTUnwrap(extract["rights"] as? [[String: Any]])
        for article in ["Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21", "Art. 77"] {
            XCTAssertTrue(rights.contains { $0["article"] as? String == article }, article)
        }
        XCTAssertTrue(rights.contains { ($0["how"] as? String ?? "").contains("IMY") }, "a Swede is told of IMY")
        XCTAssertTrue((extract["automatedDecisions"] as? String ?? "").hasPrefix("None"))
        XCTAssertTrue((extract["transfersOutsideEEA"] as? String ?? "").hasPrefix("None"))
        // The access log: dates and purposes of each consultation, with roles and never staff names.
        let log = try XCTUnwrap(extract["accessLog"] as? [[String: Any]])
        let opens = log.filter { $0["action"] as? String == "your profile was opened" }
        XCTAssertEqual(Set(opens.compactMap { $0["role"] as? String }), ["recruiter", "lead"])
        XCTAssertTrue(opens.allSatisfy { $0["at"] != nil && $0["purpose"] as? String == "recruitment" })
        XCTAssertFalse(run.stdout.contains("recruiter2"), "a staff member's name is in the access log")
        // The report: listed with its author and dates, its text only through a grant (the DPO holds none).
        let report = try XCTUnwrap(extract["psychologistReport"] as? [String: Any])
        XCTAssertEqual(report["author"] as? String, "Leg. psykolog Ylva Xandersson")
        XCTAssertNil(report["text"])
        XCTAssertEqual(report["textHeldBy"] as? [String], ["lead", "recruiter"], "the grantees who can add it are named")
        XCTAssertFalse(run.stdout.contains(planted.markers["Report"]!))

        // Markdown for the person, and both side by side.
        let markdown = try rekry(["export", id, "--format", "extract", "--markdown", "--out", "-"], as: "dpo")
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        for heading in ["# What we hold about you", "## Your consents", "## Who your data was shown to", "## When your data was used, and why",
                        "## Your rights", "## Psychologist report"] {
            XCTAssertTrue(markdown.stdout.contains(heading), heading)
        }
        let both = try rekry(["export", id, "--format", "extract", "--both", "--out", t.directory + "/extract.json"], as: "dpo")
        XCTAssertEqual(both.status, 0, both.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: t.directory + "/extract.json.md"))
        // Only the DPO makes extracts; the export is audited without personal data.
        XCTAssertEqual(try rekry(["export", id, "--format", "extract", "--out", "-"], as: "lead").status, 1)
        let audit = try rekry(["audit", "show", "--limit", "200"], as: "dpo")
        XCTAssertTrue(audit.stdout.contains("candidate.export"), audit.stdout)
        XCTAssertFalse(audit.stdout.contains(planted.markers["Name"]!))
    }

    func testTheClientPresentationIsRedactedNeedsConsentAndIsDisclosed() throws {
        let planted = try ErasureMarkers.plant(in: t)
        let id = String(planted.candidateId)
        let out = t.directory + "/client.json"
        let refused = try rekry(["export", id, "--format", "client", "--recipient", "Client AB", "--out", out], as: "recruiter")
        XCTAssertEqual(refused.status, 1, refused.stdout)
        XCTAssertTrue(refused.stderr.contains("no valid client-sharing consent"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused export writes nothing")
        XCTAssertEqual(try rekry(["export", id, "--format", "client", "--out", out], as: "recruiter").status, 64, "the recipient is required")

        try t.gate("lead").recordConsent(candidateId: planted.candidateId, ConsentDraft(
            purpose: .clientSharing, channel: "signed form", text: "You may show my profile to clients."))
        let run = try rekry(["export", id, "--format", "client", "--recipient", "Client AB", "--out", out], as: "recruiter")
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("rekry.client-presentation/1"))
        XCTAssertTrue(text.contains(planted.markers["Name"]!), "the name is shown")
        for field in ["Email", "Phone", "Address", "Report", "Note", "Assessment", "Statement"] {
            XCTAssertFalse(text.lowercased().contains(planted.markers[field]!.lowercased()), "\(field) reached the client")
        }
        XCTAssertFalse(text.contains("@example.se"))
        XCTAssertFalse(text.contains("917 44 21"))
        XCTAssertFalse(text.lowercased().contains("psycholog"), "not even that a report exists")
        var st = stat()
        XCTAssertEqual(stat(out, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)

        // The disclosure shows in the next extract, on the candidate's view and in erasure's Art. 19 list.
        let extract = try rekry(["export", id, "--format", "extract", "--out", "-"], as: "dpo")
        let recipients = try XCTUnwrap(try json(extract.stdout)["recipients"] as? [[String: Any]])
        XCTAssertEqual(recipients.first?["recipient"] as? String, "Client AB")
        XCTAssertTrue(try rekry(["show", id], as: "lead").stdout.contains("Client AB"))
        let preview = try rekry(["erase", id, "--dry-run", "--json"], as: "lead")
        XCTAssertTrue(preview.stdout.contains("\"Client AB\""), preview.stdout)
        XCTAssertEqual(try rekry(["export", id, "--format", "client", "--recipient", "X", "--out", "-"], as: "dpo").status, 1,
                       "the DPO does not present candidates to clients")
    }

    func testExportFilesAreAtomicPrivateAndNeverReplacedUnasked() throws {
        let id = String(try t.addCandidate("Anna Lindqvist", basis: .contract, consent: .none, email: "anna@example.se"))
        let path = t.directory + "/resume.json"
        let first = try rekry(["export", id, "--format", "resume", "--out", path], as: "dpo")
        XCTAssertEqual(first.status, 0, first.stderr)
        let again = try rekry(["export", id, "--format", "resume", "--out", path], as: "dpo")
        XCTAssertEqual(again.status, 73, "an existing file is not replaced")
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try rekry(["export", id, "--format", "resume", "--out", path, "--force"], as: "dpo").status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.directory).filter { $0.contains("rekry-tmp") }, [],
                       "no temporary file is left")
        let printed = try rekry(["export", id, "--format", "resume", "--out", "-"], as: "dpo")
        XCTAssertTrue(printed.stdout.contains("\"name\" : \"Anna Lindqvist\""), printed.stdout)

        let missingFolder = try rekry(["export", id, "--format", "resume", "--out", t.directory + "/no/such/dir/r.json"], as: "dpo")
        XCTAssertEqual(missingFolder.status, 73)
        XCTAssertTrue(missingFolder.stderr.contains("does not exist"), missingFolder.stderr)
        XCTAssertEqual(try rekry(["export", "999999", "--format", "resume", "--out", "-"], as: "dpo").status, 65, "an unknown id")
        XCTAssertEqual(try rekry(["export", id, "--format", "resume", "--out", "-"], as: "recruiter").status, 1, "only the DPO")
        XCTAssertEqual(try rekry(["export", id, "--format", "pdf"], as: "dpo").status, 64)

        // A folder others can list: written, with a warning.
        let open = t.directory + "/shared"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let warned = try rekry(["export", id, "--format", "resume", "--out", open + "/r.json"], as: "dpo")
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertTrue(warned.stderr.contains("warning"), warned.stderr)

        // A sourced candidate's data is not theirs to port: refused, with the extract named instead.
        let sourced = String(try t.addCandidate("Sourced Person", basis: .legitimateInterest, consent: .none, source: .linkedin))
        let refused = try rekry(["export", sourced, "--format", "resume", "--out", "-"], as: "dpo")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("--format extract"), refused.stderr)
    }

    func testFreeTextInTheCVNeverReachesAClientAndLateRestrictionsStopTheDisclosure() throws {
        let lead = try t.gate("lead")
        let id = try lead.addCandidate(CandidateDraft(fullName: "Anna Svensson", email: "anna.svensson@gmail.example", phone: "+46 70 123 45 67",
                                                      source: .applied, basis: .contract))
        try lead.addDocument(candidateId: id, kind: .cv, body: """
            PROFILE
            Anna Svensson · anna.svensson@gmail.example · +46 70 123 45 67 · Storgatan 12, 114 51 Stockholm
            Senior accountant.

            EXPERIENCE
            2019 – present | Senior accountant | KPMG
              Reference: my manager Per Lind, per.lind@kpmg.example, 08-723 91 00, said "best hire in a decade".
            2015 – 2019 | Accountant | EY
              Left after sick leave in 2018 (diagnosed with zqhealthmarker).

            SKILLS
            Excel, SAP, call me on 0701234567
            """)
        try lead.recordConsent(candidateId: id, ConsentDraft(purpose: .clientSharing, channel: "email", text: "Yes."))
        let run = try rekry(["export", String(id), "--format", "client", "--recipient", "Acme AB", "--out", "-"], as: "recruiter")
        XCTAssertEqual(run.status, 0, run.stderr)
        for leak in ["@", "123 45 67", "0701234567", "723 91 00", "Storgatan", "zqhealthmarker", "best hire", "Per Lind"] {
            XCTAssertFalse(run.stdout.contains(leak), "\(leak) reached the client:\n\(run.stdout)")
        }
        XCTAssertTrue(run.stdout.contains("KPMG") && run.stdout.contains("Senior accountant") && run.stdout.contains("Excel"), run.stdout)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM disclosure WHERE candidateId = ?", [id]) as Int?, 1, "recorded before the bytes left")

        // A presentation prepared, then the person restricts processing: it is not disclosed.
        let recruiter = try t.gate("recruiter")
        let prepared = try recruiter.clientPresentation(candidateId: id, recipient: "Late AB")
        try lead.setRestriction(candidateId: id, restricted: true, reason: "the person asked")
        XCTAssertThrowsError(try recruiter.recordDisclosure(of: prepared, candidateId: id))
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM disclosure WHERE candidateId = ?", [id]) as Int?, 1)

        // A recipient is one plain line: no escape sequences or direction overrides.
        for bad in ["Evil\u{1B}[2JCorp", "\u{202E}BA emcA", "Tab\there", String(repeating: "a\u{301}", count: 150)] {
            XCTAssertEqual(try rekry(["export", String(id), "--format", "client", "--recipient", bad, "--out", "-"], as: "recruiter").status, 65, bad)
        }
    }

    func testBothFilesOrNeither() throws {
        let id = String(try t.addCandidate("Bo Both", basis: .contract, consent: .none))
        let base = t.directory + "/both.json"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: base + ".md"))
        let run = try rekry(["export", id, "--format", "extract", "--both", "--out", base], as: "dpo")
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: base), "the JSON half was not written")
        XCTAssertEqual(try String(contentsOfFile: base + ".md", encoding: .utf8), "keep")
        XCTAssertEqual(try rekry(["export", id, "--format", "extract", "--out", t.directory], as: "dpo").status, 73, "a directory")
        XCTAssertEqual(try rekry(["export", id, "--format", "extract", "--out", ""], as: "dpo").status, 64)
    }
}
