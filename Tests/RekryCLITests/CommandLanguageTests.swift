import Foundation
import RekryDomain
@testable import RekryCLI
import RekryTestSupport
import RekryTUI
import XCTest

/// The command line in Swedish, Norwegian bokmål and English: every catalogue complete, the language chosen
/// by `--lang` or the environment as the UI chooses it, and JSON the same in every language.
final class CommandLanguageTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func rekry(_ args: [String], as user: String = "recruiter", _ environment: [String: String] = [:]) throws -> RekryBinary.Result {
        try RekryBinary.run(args + ["--db", t.path, "--identity", try t.identityFile(user)],
                            environment: ["XDG_STATE_HOME": t.directory + "/state-\(user)", "HOME": t.directory].merging(environment) { $1 })
    }

    let swedish = ["LANG": "sv_SE.UTF-8"]
    let norwegian = ["LANGUAGE": "nb"]

    // MARK: The catalogues

    func testEveryKeyInEveryLanguageWithTheSamePlaceholders() {
        let english = CLICatalogue.en
        for language in UILanguage.allCases {
            let messages = CLICatalogue.messages(language)
            XCTAssertEqual(Set(messages.keys), Set(english.keys), "\(language): keys")
            for (key, message) in messages {
                XCTAssertFalse(message.isEmpty, "\(language) \(key)")
                XCTAssertEqual(Catalogue.placeholders(message).sorted(), Catalogue.placeholders(english[key] ?? "").sorted(), "\(language) \(key)")
            }
        }
    }

    func testTheUIsWordsForTheRegistersCodesAreThere() {
        let codes = Stage.allCases.map { "stage.\($0.rawValue)" } + ConsentPurpose.allCases.map { "purpose.\($0.rawValue)" }
            + DataSource.allCases.map { "source.\($0.rawValue)" } + RequestKind.allCases.map { "request.\($0.rawValue)" }
        for language in [UILanguage.sv, .nb] {
            for key in codes { XCTAssertNotNil(Catalogue.messages(language)[key], "\(language) \(key)") }
        }
        for key in ImportWording.keys.values { XCTAssertNotNil(CLICatalogue.en[key], key) }
    }

    // MARK: The binary

    func testSwedishFromLANG() throws {
        let id = String(try t.addCandidate("Sara Svensson"))
        let note = try rekry(["note", "add", id, "--text", "Ringde."], swedish)
        XCTAssertEqual(note.status, 0, note.stderr)
        XCTAssertEqual(note.stdout, "Lade till en anteckning för kandidat \(id).\n")
        let consent = try rekry(["consent", "record", id, "--purpose", "client-sharing", "--channel", "e-post", "--text", "Ja."], swedish)
        XCTAssertEqual(consent.stdout, "Registrerade samtycke (delning med kund) för kandidat \(id).\n", consent.stderr)
        let show = try rekry(["show", id], swedish)
        XCTAssertEqual(show.status, 0, show.stderr)
        let lines = show.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("Dokument:"), show.stdout)
        XCTAssertTrue(lines.contains("Samtyckeshistorik:"), show.stdout)
        XCTAssertTrue(lines.contains("Psykologutlåtande:"), show.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  kandidatbank: lämnat ") && $0.hasSuffix(" via web form, gäller till "
                                                                                        + DayFormat.day(t.clock.now().addingTimeInterval(365 * 86_400))) }, show.stdout)
        // A mistake Rekry words itself, with the exit code unchanged.
        let missing = try rekry(["doc", "add", id, t.directory + "/nope.txt", "--kind", "cv"], swedish)
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stderr, "rekry: \(t.directory)/nope.txt: filen finns inte (FILE)\n")
    }

    func testNorwegianFromLANGUAGE() throws {
        let id = String(try t.addCandidate("Nora Nilsen"))
        let note = try rekry(["note", "add", id, "--text", "Ringte."], norwegian)
        XCTAssertEqual(note.stdout, "La til et notat for kandidat \(id).\n", note.stderr)
        let restrict = try rekry(["restrict", id, "--reason", "bestrider riktigheten"], as: "dpo", norwegian)
        XCTAssertEqual(restrict.stdout, "Begrenset behandlingen av kandidat \(id).\n", restrict.stderr)
        let requests = try rekry(["request", "list"], as: "dpo", norwegian)
        XCTAssertEqual(requests.stdout, "Ingen åpne henvendelser.\n", requests.stderr)
        let bad = try rekry(["request", "add", "--candidate", id, "--kind", "access", "--received", "2026-02-30", "--verified-by", "bankid"],
                            as: "dpo", norwegian)
        XCTAssertEqual(bad.status, 65)
        XCTAssertEqual(bad.stderr, "rekry: --received: '2026-02-30' er ikke en dato (ÅÅÅÅ-MM-DD)\n")
        let nothing = try rekry(["erase", "--retention-due", "--yes"], as: "dpo", norwegian)
        XCTAssertEqual(nothing.stdout, "Ingenting å slette.\n", nothing.stderr)
    }

    func testImportReportInSwedish() throws {
        let csv = t.directory + "/kandidater.csv"
        try Data("Namn;E-post\n;utan.namn@example.se\nEva Ek;eva@example.se\n".utf8).write(to: URL(fileURLWithPath: csv))
        let run = try rekry(["import", csv, "--source", "job-board", "--basis", "legitimate-interest", "--dry-run"], swedish)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(run.stderr.contains("rekry: \(csv):2: Namn: namnet måste anges\n"), run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Provkörning, inget skrevs. 2 rader: 1 tillagda, 0 uppdaterade, 0 redan i registret (hoppades över), "
                                           + "0 nekade (raderade på egen begäran), 1 ogiltiga; "), run.stdout)
    }

    func testCheckAndStaffListInSwedishAndNorwegian() throws {
        let english = try rekry(["check", "--lang", "en"], as: "dpo")
        XCTAssertEqual(english.status, 0, english.stderr)
        let files = english.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix(": ok") && !$0.hasPrefix("signatures") }
        XCTAssertFalse(files.isEmpty, english.stdout)
        for (environment, signatures, audit) in [(swedish, "signaturer: ok", #"^granskningslogg: intakt, [0-9]+ poster; senaste [0-9a-f]+$"#),
                                                (norwegian, "signaturer: ok", #"^revisjonslogg: intakt, [0-9]+ poster; siste [0-9a-f]+$"#)] {
            let check = try rekry(["check"], as: "dpo", environment)
            XCTAssertEqual(check.status, 0, check.stderr)
            let lines = check.stdout.split(separator: "\n").map(String.init)
            XCTAssertEqual(Array(lines.dropLast(2)), files, check.stdout)
            XCTAssertEqual(lines.dropLast().last, signatures, check.stdout)
            XCTAssertNotNil(lines.last?.range(of: audit, options: .regularExpression), check.stdout)
        }
        let staff = [("admin", "Admin"), ("dpo", "Dpo"), ("lead", "Lead"), ("lead2", "Lead2"), ("recruiter", "Recruiter"), ("recruiter2", "Recruiter2")]
        // `staff list` is tab-separated data for scripts: the role is its code in every language.
        let codes = ["admin": "admin", "dpo": "dpo", "lead": "lead", "recruiter": "recruiter"]
        for (environment, roles) in [(swedish, codes), (norwegian, codes), (["LANG": "C.UTF-8"], codes)] {
            let list = try rekry(["staff", "list"], as: "admin", environment)
            XCTAssertEqual(list.status, 0, list.stderr)
            let expected = staff.map { user, name in "\(user)\t\(roles[user.trimmingCharacters(in: .decimalDigits)]!)\t\(name)" }
            XCTAssertEqual(list.stdout.split(separator: "\n").map(String.init).sorted(), expected.sorted(), list.stdout)
        }
        let added = try rekry(["staff", "add", "nils", "--role", "lead", "--name", "Nils N", "--out", t.directory + "/nils.identity"], as: "admin", norwegian)
        XCTAssertEqual(added.stdout, "La til nils (ansvarlig); identitetsfilen ble skrevet til \(t.directory)/nils.identity\n", added.stderr)
        let again = try rekry(["staff", "add", "sven", "--role", "lead", "--name", "Sven S", "--out", t.directory + "/nils.identity"], as: "admin", swedish)
        XCTAssertEqual(again.status, 64, again.stderr)
        XCTAssertTrue(again.stderr.contains("--out: \(t.directory)/nils.identity finns redan; skriver inte över den"), again.stderr)
    }

    func testLangOptionOverridesTheEnvironment() throws {
        let id = String(try t.addCandidate("Erik English"))
        let english = try rekry(["note", "add", id, "--text", "Called.", "--lang", "en"], swedish)
        XCTAssertEqual(english.stdout, "Added a note to candidate \(id).\n", english.stderr)
        let svOverNb = try rekry(["note", "add", "--lang=sv", id, "--text", "Ringde."], norwegian)
        XCTAssertEqual(svOverNb.stdout, "Lade till en anteckning för kandidat \(id).\n", svOverNb.stderr)
        let wrong = try rekry(["list", "--lang", "de"])
        XCTAssertEqual(wrong.status, 64, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("--lang must be one of sv, nb, en, not 'de'"), wrong.stderr)
    }

    func testJSONIsTheSameInEveryLanguage() throws {
        let id = String(try t.addCandidate("Jonas Json"))
        try t.addToProcess(Int64(id)!)
        for args in [["list", "--json"], ["show", id, "--json"], ["erase", id, "--dry-run", "--json"]] {
            let outputs = try [swedish, norwegian, ["LANG": "C.UTF-8"]].map { try rekry(args, $0).stdout }
                + [try rekry(args + ["--lang", "en"], swedish).stdout]
            XCTAssertFalse(outputs[0].isEmpty, "\(args)")
            for output in outputs.dropFirst() { XCTAssertEqual(output, outputs[0], "\(args)") }
        }
    }

    /// The register's errors on standard error in the reader's language, with the same exit code.
    func testRegisterErrorsInTheReadersLanguage() throws {
        let sv = try rekry(["show", "999999"], as: "recruiter", swedish)
        XCTAssertEqual(sv.status, 65)
        XCTAssertEqual(sv.stderr, "rekry: kandidat 999999: finns inte\n")
        let en = try rekry(["show", "999999"], as: "recruiter", ["LANG": "C.UTF-8"])
        XCTAssertEqual(en.stderr, "rekry: candidate 999999: not found\n")
        let refused = try rekry(["erase", "--retention-due"], as: "recruiter", ["LANGUAGE": "nb"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("ikke tillatt for rollen rekrutterer"), refused.stderr)
    }

    /// The erasure preview's categories and what stays, and a refusal the gate words, in the reader's language;
    /// English word for word as before; the JSON and the exit codes the same in every language (#14).
    func testErasurePreviewAndGateRefusalsInTheReadersLanguage() throws {
        let id = String(try t.addCandidate("Sara Svensson", email: "sara@example.se"))
        let sv = try rekry(["erase", id, "--dry-run"], as: "lead", swedish)
        XCTAssertEqual(sv.status, 0, sv.stderr)
        XCTAssertTrue(sv.stdout.contains("\n  sparas:\n    poster i granskningsloggen: pseudonyma (inga personuppgifter); de visar vad som gjordes (art. 5.2)\n"), sv.stdout)
        XCTAssertTrue(sv.stdout.contains("\n    en spärrpost: nyckelade hashvärden av e-post, telefon och namn med födelseår, så att personen inte läggs till igen\n"), sv.stdout)
        XCTAssertTrue(sv.stdout.contains("\n    kontaktuppgifter: 1\n"), sv.stdout)
        XCTAssertFalse(sv.stdout.contains("audit log") || sv.stdout.contains("contact details"), sv.stdout)
        let en = try rekry(["erase", id, "--dry-run"], as: "lead", ["LANG": "C.UTF-8"])
        XCTAssertTrue(en.stdout.contains("\n  stays:\n    audit log entries: pseudonymous (no personal data); they prove what was done (Art. 5(2))\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("\n    contact details: 1\n"), en.stdout)
        let jsonSv = try rekry(["erase", id, "--dry-run", "--json"], as: "lead", swedish)
        let jsonEn = try rekry(["erase", id, "--dry-run", "--json"], as: "lead", ["LANG": "C.UTF-8"])
        XCTAssertEqual(jsonSv.stdout, jsonEn.stdout)
        XCTAssertTrue(jsonEn.stdout.contains("audit log entries"), jsonEn.stdout)

        // Held under a legal obligation: refused, exit 1, in the reader's language.
        let held = String(try t.addCandidate("Lars Berg", basis: .legalObligation, consent: .none))
        let nb = try rekry(["erase", held, "--yes"], as: "lead", norwegian)
        XCTAssertEqual(nb.status, 1)
        XCTAssertEqual(nb.stderr, "rekry: kandidat \(held) beholdes på grunn av en rettslig forpliktelse (art. 17 nr. 3 bokstav b): ingenting ble slettet\n")
        let refusedEn = try rekry(["erase", held, "--yes"], as: "lead", ["LANG": "C.UTF-8"])
        XCTAssertEqual(refusedEn.status, 1)
        XCTAssertEqual(refusedEn.stderr, "rekry: candidate \(held) is held under a legal obligation (Art. 17(3)(b)): nothing was erased\n")
        // A rule a value breaks: exit 65 in every language.
        let badEmail = try rekry(["edit", id, "--email", "nope"], as: "lead", swedish)
        XCTAssertEqual(badEmail.status, 65, badEmail.stderr)
        XCTAssertEqual(badEmail.stderr, "rekry: --email: 'nope' är ingen e-postadress\n")
    }
}
