import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// `rekry import`: every CSV dialect a Nordic recruiter meets, JSON Resume, and each class of bad input,
/// with the register unchanged (row counts and audit head) whenever a run is refused.
final class ImportCommandTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func rekry(_ args: [String], as user: String = "recruiter", register: TestRegister? = nil) throws -> RekryBinary.Result {
        let r = register ?? t!
        return try RekryBinary.run(args + ["--db", r.path, "--identity", try r.identityFile(user)],
                                   environment: ["XDG_STATE_HOME": r.directory + "/state-\(user)", "HOME": r.directory])
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let path = t.directory + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What a refused run must leave as it was.
    func state() throws -> [String] {
        [String(try t.scalar("SELECT count(*) FROM candidate") as Int? ?? -1),
         String(try t.scalar("SELECT count(*) FROM document") as Int? ?? -1),
         String(try t.scalar("SELECT count(*) FROM auditEntry") as Int? ?? -1),
         (try? String(contentsOfFile: t.path + ".audit-head", encoding: .utf8)) ?? ""]
    }

    let standard = ["--source", "job-board", "--basis", "legitimate-interest"]

    func testExcelNordicCSVWithBOMSemicolonsCRLFAndQuotedNewlines() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data(("Namn;E-post;Telefon;Ort;Titel;CV;Anteckning\r\n"
            + "\"Åsa Öberg\";asa.oberg@example.se;+46 70 123 45 67;Malmö;\"Controller; ekonomi\";\"Rad ett\r\nrad två zqcsvmarker\";x\r\n"
            + "Bjørn Ødegård;bjorn@example.no;;Bergen;Utvikler;;\r\n").utf8))
        let file = try write("nordic.csv", bytes)
        let run = try rekry(["import", file] + standard)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("2 added"), run.stdout)
        XCTAssertTrue(run.stderr.contains("Anteckning: column not imported"), "unknown columns are reported: \(run.stderr)")
        let found = try rekry(["list", "--search", "Öberg"])
        XCTAssertTrue(found.stdout.contains("Åsa Öberg"), found.stdout)
        XCTAssertTrue(found.stdout.contains("Controller; ekonomi"), "a quoted separator stays in its field")
        XCTAssertEqual(try t.scalar("SELECT body FROM document WHERE body LIKE '%zqcsvmarker%'") as String?, "Rad ett\nrad två zqcsvmarker",
                       "a quoted newline stays in its field (stored as a line feed, as every text is)")
        // Full text finds the CV at once; the source's Art. 14 clock runs.
        XCTAssertTrue(try rekry(["list", "--full-text", "zqcsvmarker"]).stdout.contains("Åsa Öberg"))
        XCTAssertEqual(try t.scalar("SELECT source FROM candidate WHERE email = 'bjorn@example.no'") as String?, "job-board")
        XCTAssertNil(try t.scalar("SELECT notifiedAt FROM candidate WHERE email = 'bjorn@example.no'") as Double?)
        let audit = try rekry(["audit", "show", "--limit", "50"], as: "dpo")
        XCTAssertTrue(audit.stdout.contains("candidate.import"), audit.stdout)
        XCTAssertFalse(audit.stdout.contains("Öberg"), "the audit log holds no names")
    }

    func testCommaTabAndUTF16Dialects() throws {
        let comma = try write("comma.csv", Data("Name,Email,City\nCarl Comma,carl@comma.se,\"Umeå, Västerbotten\"\n".utf8))
        let tab = try write("tab.tsv", Data("First name\tLast name\tPhone\nTove\tTabb\t+47 912 34 567\n".utf8))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("Navn;E-post\r\nUlla Unicode;ulla@utf16.no\r\n".data(using: .utf16LittleEndian)!)
        let wide = try write("unicode.txt", utf16)
        let run = try rekry(["import", comma, tab, wide] + standard + ["--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("3 added"), run.stdout)
        XCTAssertEqual(try t.scalar("SELECT homeTown FROM candidate WHERE email = 'carl@comma.se'") as String?, "Umeå, Västerbotten")
        XCTAssertEqual(try t.scalar("SELECT fullName FROM candidate WHERE phone = '+47 912 34 567'") as String?, "Tove Tabb")
        XCTAssertEqual(try t.scalar("SELECT fullName FROM candidate WHERE email = 'ulla@utf16.no'") as String?, "Ulla Unicode")
    }

    func testEachClassOfBadInputNamesFileLineAndFieldAndChangesNothing() throws {
        _ = try t.addCandidate("Existing Person", basis: .contract, consent: .none, email: "exists@example.se")
        let cases: [(name: String, data: Data, expected: String)] = [
            ("email.csv", Data("Name;Email\nAnna Ek;not-an-email\n".utf8), "email.csv:2: Email: 'not-an-email' is not an email address"),
            ("year.csv", Data("Name;Birth year\nAnna Ek;1812\n".utf8), "year.csv:2: Birth year: 1812 is not a year between 1900 and 2100"),
            ("noname.csv", Data("Name;Email\n;anna@example.se\n".utf8), "noname.csv:2: Name: the name is required"),
            ("utf8.csv", Data("Name;Email\nAnna".utf8) + Data([0xC3, 0x28]) + Data(";a@b.se\n".utf8), "utf8.csv:2: file: not valid UTF-8 text"),
            ("twice.csv", Data("Name;Email\nAnna Ek;same@example.se\nAnna Ekström;same@example.se\n".utf8),
             "twice.csv:3: Email: the same person as an earlier row of this import"),
            ("type.json", Data(#"{"basics": {"name": "Anna Ek", "email": 42}}"#.utf8), "type.json: #/basics/email: expected a string, found a number"),
            ("notjson.json", Data("{\"basics\": ".utf8), "notjson.json: file: not JSON"),
        ]
        for c in cases {
            let before = try state()
            let file = try write(c.name, c.data)
            let run = try rekry(["import", file, "--format", c.name.hasSuffix(".json") ? "resume" : "csv"] + standard)
            XCTAssertEqual(run.status, 65, "\(c.name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(t.directory + "/" + c.expected), "\(c.name): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("Nothing written"), "\(c.name): \(run.stdout)")
            XCTAssertEqual(try state(), before, "\(c.name) changed the register")
        }
        // A whole good file beside a bad one: still nothing written.
        let good = try write("good.csv", Data("Name;Email\nGood Person;good@example.se\n".utf8))
        let before = try state()
        XCTAssertEqual(try rekry(["import", good, t.directory + "/email.csv"] + standard).status, 65)
        XCTAssertEqual(try state(), before)
        // --skip-invalid writes the valid rows and lists the rest; --dry-run writes nothing.
        let mixed = try write("mixed.csv", Data("Name;Email\nValid Person;valid@example.se\nBroken;broken@\n".utf8))
        let dry = try rekry(["import", mixed, "--skip-invalid", "--dry-run"] + standard)
        XCTAssertEqual(try state(), before, dry.stdout)
        let skip = try rekry(["import", mixed, "--skip-invalid"] + standard)
        XCTAssertEqual(skip.status, 0, skip.stderr)
        XCTAssertTrue(skip.stderr.contains("mixed.csv:3: Email"), skip.stderr)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM candidate WHERE email = 'valid@example.se'") as Int?, 1)
        // Usage errors: no source, an unknown --map field.
        XCTAssertEqual(try rekry(["import", good, "--basis", "contract"]).status, 65, "no source")
        XCTAssertEqual(try rekry(["import", good, "--map", "X=nonsense"] + standard).status, 64)
        XCTAssertEqual(try rekry(["import", t.directory + "/missing.csv"] + standard).status, 66)
        XCTAssertEqual(try rekry(["import", good] + standard, as: "admin").status, 1, "admins do not import candidates")
    }

    /// A field made to exhaust memory (the parser holds a field whole, at about eight bytes per byte) is refused
    /// at 8 MB, as it streams in, in UTF-8 and in UTF-16; a CV of the longest allowed size still imports.
    func testAFieldPastTheLimitIsRefusedBeforeTheParserHoldsIt() throws {
        let before = try state()
        let huge = String(repeating: "ordinary words ", count: 1_400_000)  // 21 MB in one quoted field
        let utf8 = try write("huge.csv", Data("Name;CV\r\nHuge Person;\"\(huge)\"\r\n".utf8))
        let run = try rekry(["import", utf8] + standard)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(run.stderr.contains("huge.csv:2: file: a field is longer than 8 MB"), run.stderr)
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("Name\tCV\r\nHuge Person\t\"\(huge)\"\r\n".data(using: .utf16LittleEndian)!)
        let wide = try rekry(["import", try write("huge16.csv", utf16)] + standard)
        XCTAssertEqual(wide.status, 65, wide.stderr)
        XCTAssertTrue(wide.stderr.contains("huge16.csv:2: file: a field is longer than 8 MB"), wide.stderr)
        XCTAssertEqual(try state(), before)
        // Separators and line ends inside quotes do not end a field; a long CV under the limit is read whole.
        let long = String(repeating: "ord; \"quoted\" and\r\nlines,", count: 38_000)  // 988,000 characters
        let ok = try rekry(["import", try write("long.csv", Data("Name;CV\r\nLong Person;\"\(long.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n".utf8))] + standard)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try t.scalar("SELECT length(body) FROM document d JOIN candidate c ON c.id = d.candidateId WHERE c.fullName = 'Long Person'") as Int?,
                       long.replacingOccurrences(of: "\r\n", with: "\n").count)
    }

    func testSuppressedPeopleAreRefusedUnnamedAndDuplicatesSkippedOrMerged() throws {
        let erased = try t.addCandidate("Erased Person", basis: .contract, consent: .none, email: "gone@example.se")
        XCTAssertEqual(try rekry(["erase", String(erased), "--yes"], as: "lead").status, 0)
        let kept = try t.addCandidate("Kept Person", basis: .contract, consent: .none, email: "kept@example.se", title: "Old title")
        let file = try write("people.csv", Data("Name;Email;Title\nErased Person;gone@example.se;X\nKept Person;kept@example.se;New title\nFresh Person;fresh@example.se;Y\n".utf8))
        let run = try rekry(["import", file] + standard)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1 added") && run.stdout.contains("1 already on the register") && run.stdout.contains("1 refused"), run.stdout)
        XCTAssertFalse(run.stdout.contains("Erased") || run.stderr.contains("Erased") || run.stderr.contains("gone@"), "nobody suppressed is named")
        XCTAssertEqual(try t.scalar("SELECT currentTitle FROM candidate WHERE id = ?", [kept]) as String?, "Old title")
        let update = try rekry(["import", file, "--on-duplicate", "update"] + standard)
        XCTAssertTrue(update.stdout.contains("1 updated"), update.stdout)
        XCTAssertEqual(try t.scalar("SELECT currentTitle FROM candidate WHERE id = ?", [kept]) as String?, "New title")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM recordChange WHERE candidateId = ? AND field = ?", [kept, CandidateField.currentTitle.rawValue]) as Int?, 1,
                       "the merge is a logged rectification")
    }

    func testAJSONResumeRoundTripKeepsEveryFieldTheFormatCarries() throws {
        let lead = try t.gate("lead")
        let id = try lead.addCandidate(CandidateDraft(
            fullName: "Åsa Lindqvist-Ødegård 王", email: "asa.round@example.se", phone: "+46 70 555 12 34", homeTown: "Luleå",
            postalAddress: "Storgatan 1, 972 31 Luleå", currentTitle: "Controller", currentEmployer: "LKAB", country: "SE",
            source: .applied, basis: .contract,
            links: [ProfileLink(kind: "linkedin", url: "https://linkedin.example/in/asa", source: .applied)]))
        try lead.addDocument(candidateId: id, kind: .cv, body: """
            Åsa Lindqvist-Ødegård
            Profile:
            Controller with ten years in mining.
            Experience:
            2019 – present  Controller, LKAB, Luleå
            - Cut the monthly close to five days.
            2014 – 2019  Accountant, Boliden, Skellefteå
            Education:
            2010 – 2014  MSc in Accounting, Umeå University
            Skills:
            - SAP – expert
            - Power BI – good
            Languages:
            Swedish – native
            Norwegian – fluent
            """)
        let exported = t.directory + "/asa.json"
        XCTAssertEqual(try rekry(["export", String(id), "--format", "resume", "--out", exported], as: "dpo").status, 0)

        let other = try TestRegister()
        let run = try rekry(["import", exported, "--source", "applied", "--basis", "contract"], register: other)
        XCTAssertEqual(run.status, 0, run.stderr)
        let newId: Int64 = try XCTUnwrap(other.scalar("SELECT id FROM candidate WHERE email = 'asa.round@example.se'"))
        let again = try rekry(["export", String(newId), "--format", "resume", "--out", "-"], as: "dpo", register: other)
        func normalized(_ data: Data) throws -> NSDictionary {
            var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            var meta = json["meta"] as? [String: Any] ?? [:]
            meta["lastModified"] = nil
            json["meta"] = meta
            return json as NSDictionary
        }
        let first = try normalized(Data(contentsOf: URL(fileURLWithPath: exported)))
        let second = try normalized(Data(again.stdout.utf8))
        XCTAssertEqual(first, second, "\(first)\n≠\n\(second)")
        XCTAssertEqual((first["basics"] as? [String: Any])?["name"] as? String, "Åsa Lindqvist-Ødegård 王")
        XCTAssertEqual((first["work"] as? [Any])?.count, 2)
        XCTAssertEqual((first["skills"] as? [Any])?.count, 2)
    }

    func testJSONResumeArraysDirectoriesAndReferences() throws {
        let folder = t.directory + "/resumes"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(#"{"basics": {"name": "Pia Person", "email": "pia@example.se", "location": {"countryCode": "NO", "city": "Tromsø"}}, "work": [{"name": "Equinor", "position": "Engineer", "startDate": "2020"}], "skills": [{"name": "Python", "level": "expert"}], "references": [{"name": "Rolf Referee", "reference": "Pia is zqrefmarker reliable."}]}"#.utf8)
            .write(to: URL(fileURLWithPath: folder + "/pia.json"))
        try Data(#"[{"basics": {"name": "Ola One"}}, {"basics": {"name": "Kari Two"}}]"#.utf8).write(to: URL(fileURLWithPath: folder + "/two.json"))
        let run = try rekry(["import", folder] + standard)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("3 added"), run.stdout)
        XCTAssertEqual(try t.scalar("SELECT currentEmployer FROM candidate WHERE email = 'pia@example.se'") as String?, "Equinor")
        XCTAssertEqual(try t.scalar("SELECT country FROM candidate WHERE email = 'pia@example.se'") as String?, "NO")
        XCTAssertEqual(try t.scalar("SELECT r.name FROM reference r JOIN candidate c ON c.id = r.candidateId WHERE c.email = 'pia@example.se'") as String?,
                       "Rolf Referee")
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM referenceStatement WHERE text LIKE '%zqrefmarker%'") as Int?, 1)
        let bad = try write("array.json", Data(#"[{"basics": {"name": "Fine"}}, {"basics": {"name": ["not", "a", "string"]}}]"#.utf8))
        let refused = try rekry(["import", bad] + standard)
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stderr.contains("array.json#/1: /basics/name: expected a string, found an array"), refused.stderr)
    }

    func testARecordTheGateWithholdsIsNotRevealedByTheDuplicateCount() throws {
        _ = try t.addCandidate("Rita Restricted", basis: .contract, consent: .none, email: "rita.hidden@example.se", restricted: true)
        let file = try write("rita.csv", Data("Name;Email\nRita Restricted;rita.hidden@example.se\n".utf8))
        let recruiter = try rekry(["import", file, "--dry-run"] + standard)
        XCTAssertTrue(recruiter.stdout.contains("1 added") && recruiter.stdout.contains("0 already on the register"), recruiter.stdout)
        let lead = try rekry(["import", file, "--dry-run"] + standard, as: "lead")
        XCTAssertTrue(lead.stdout.contains("1 added"), "a lead does not see a restricted record's contact either: \(lead.stdout)")
        // Two rows with the same email: the second is the first row's duplicate, whether or not a hidden record
        // has that email too, so the outcome tells nothing.
        let unknown = try write("unknown.csv", Data("Name;Email\nProbe One;nobody.zq@example.se\nProbe Two;nobody.zq@example.se\n".utf8))
        let probe = try write("probe.csv", Data("Name;Email\nProbe One;rita.hidden@example.se\nProbe Two;rita.hidden@example.se\n".utf8))
        let a = try rekry(["import", unknown, "--dry-run"] + standard), b = try rekry(["import", probe, "--dry-run"] + standard)
        XCTAssertEqual(a.status, 65)
        XCTAssertEqual(b.status, a.status)
        XCTAssertEqual(b.stdout.replacingOccurrences(of: #"\d+\.\d s"#, with: "", options: .regularExpression),
                       a.stdout.replacingOccurrences(of: #"\d+\.\d s"#, with: "", options: .regularExpression))
    }

    func testAnErasedPersonIsRefusedWithTheirNameWrittenEitherWayRound() throws {
        let id = try t.gate("lead").addCandidate(CandidateDraft(fullName: "Johan Karlsson", birthYear: 1978, source: .applied, basis: .contract))
        XCTAssertEqual(try rekry(["erase", String(id), "--yes"], as: "lead").status, 0)
        let file = try write("names.csv", Data("Name;Birth year\n\"Karlsson, Johan\";1978\nKarlsson Johan;1978\nJohan Karlsson;1979\n".utf8))
        let run = try rekry(["import", file] + standard)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1 added") && run.stdout.contains("2 refused"), run.stdout)
        let twice = try write("twice-header.csv", Data("Name,Email,E-post\nA B,a@b.se,c@d.se\n".utf8))
        let refused = try rekry(["import", twice] + standard)
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stderr.contains("E-post: holds the same field as the column 'Email'"), refused.stderr)
    }
}
