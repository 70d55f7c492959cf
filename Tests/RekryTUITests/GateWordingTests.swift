import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
@testable import RekryTUI
import XCTest

/// The gate's own sentences (#14): its refusals, the rules a value breaks, what an erasure keeps and what an
/// extract leaves out are raised as keys with arguments (`Wording`) and read in Swedish, Norwegian and English.
/// English stays word for word what the gate wrote as finished text before.
final class GateWordingTests: XCTestCase, @unchecked Sendable {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    /// The refusal `body` raises, as each language words it.
    func refusal(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> [UILanguage: String] {
        do {
            try body()
            XCTFail("not refused", file: file, line: line)
            return [:]
        } catch {
            return Dictionary(uniqueKeysWithValues: UILanguage.allCases.map { ($0, $0.describe(error)) })
        }
    }

    /// Every sentence of the gate, each placeholder filled, in every language: nothing left unfilled, every
    /// argument shown, Swedish and Norwegian translated rather than the English, English the gate's own text.
    func testEverySentenceOfTheGateInEveryLanguage() {
        XCTAssertGreaterThan(GateWords.en.count, 100)
        for (key, english) in GateWords.en {
            let names = Set(Catalogue.placeholders(english))
            let parts = Dictionary(uniqueKeysWithValues: names.map { ($0, Wording.Part.text("«\($0)»")) })
            let wording = Wording(key, parts)
            XCTAssertEqual(UILanguage.en.phrase(wording), wording.description, key)
            XCTAssertEqual(wording.description, UILanguage.fill(english, parts.mapValues(\.english)), key)
            for language in [UILanguage.sv, .nb] {
                let text = language.phrase(wording)
                XCTAssertFalse(text.contains("{") || text.hasPrefix("gate."), "\(language) \(key): \(text)")
                // Only the list joiner and a code's fallback are the same in every language (a comma, a code and a count).
                if !["gate.join", "gate.legalItem"].contains(key) {
                    XCTAssertNotEqual(text, wording.description, "\(language) \(key) is still the English")
                }
                for name in names { XCTAssertTrue(text.contains("«\(name)»"), "\(language) \(key) drops {\(name)}: \(text)") }
            }
        }
    }

    /// Each kind of request has its sentence for an audit entry that does not answer it (the DPO's closing form).
    func testEveryRequestKindHasItsClosingRule() {
        for kind in RequestKind.allCases {
            XCTAssertNotNil(GateWords.en["gate.rule.entryNotAnswer.\(kind.rawValue)"], "\(kind)")
        }
        let erasure = Wording("gate.rule.entryNotAnswer.erasure", ["seq": "12", "action": "request.add"])
        XCTAssertEqual(erasure.description,
                       "entry 12 is request.add; an erasure request is answered by an erasure (candidate.erase, referee.erase or candidate.erase-category)")
        XCTAssertEqual(UILanguage.sv.phrase(erasure),
                       "post 12 är request.add; en begäran om radering besvaras med en radering (candidate.erase, referee.erase eller candidate.erase-category)")
    }

    /// A refusal of the register's own vocabulary (an action, a reason, a purpose, a stage, a role) words each
    /// part in the language too; the raw codes appear only in English, as before.
    func testRefusalsFromTheGateInEachLanguage() throws {
        let admin = try t.gate("admin")
        let removeSelf = refusal { try admin.removeStaff(username: "admin") }
        XCTAssertEqual(removeSelf[.en], "you cannot remove yourself; another admin can")
        XCTAssertEqual(removeSelf[.sv], "du kan inte ta bort dig själv; en annan administratör kan göra det")
        XCTAssertEqual(removeSelf[.nb], "du kan ikke fjerne deg selv; en annen administrator kan")

        let restricted = try t.addCandidate("Signe Lund", restricted: true)
        let note = refusal { _ = try self.t.gate("recruiter").addNote(candidateId: restricted, text: "Ringde.") }
        XCTAssertEqual(note[.en], "add a note for candidate \(restricted): refused, processing restricted (Art. 18)")
        XCTAssertEqual(note[.sv], "nekat: lägga till en anteckning (kandidat \(restricted)): behandlingen begränsad (art. 18)")
        XCTAssertEqual(note[.nb], "avslått: legge til et notat (kandidat \(restricted)): behandlingen begrenset (art. 18)")

        let id = try t.addCandidate("Ola Nordmann")
        let withdraw = refusal { try self.t.gate("recruiter").withdrawConsent(candidateId: id, purpose: .clientSharing) }
        XCTAssertEqual(withdraw[.en], "candidate \(id) never gave consent for client-sharing")
        XCTAssertEqual(withdraw[.sv], "kandidat \(id) har aldrig lämnat samtycke för delning med kund")
        XCTAssertEqual(withdraw[.nb], "kandidat \(id) har aldri gitt samtykke til deling med kunde")

        let process = try t.addToProcess(id, stage: .final)
        let move = refusal { try self.t.gate("recruiter").moveStage(candidateId: id, processId: process, to: .final) }
        XCTAssertEqual(move[.en], "candidate \(id) is already at final")
        XCTAssertEqual(move[.sv], "kandidat \(id) är redan i steget slutskede")
        XCTAssertEqual(move[.nb], "kandidat \(id) er allerede på trinnet sluttfase")

        // A rule a value breaks: `field: message`, the exit code unchanged.
        var error: RegisterError?
        let email = refusal {
            do { try self.t.gate("lead").editCandidate(id, changes: [.email: "nope"]) } catch let e as RegisterError { error = e; throw e }
        }
        XCTAssertEqual(email[.en], "--email: 'nope' is not an email address")
        XCTAssertEqual(email[.sv], "--email: 'nope' är ingen e-postadress")
        XCTAssertEqual(email[.nb], "--email: 'nope' er ikke en e-postadresse")
        XCTAssertEqual(error?.exitCode, 65)
        XCTAssertEqual(error?.invalidValue?.field, "--email")
        XCTAssertEqual(RegisterError.refusedBecause(Wording("gate.staff.removeSelf")).exitCode, 1)

        // The domain's rule for extending a request's deadline (Art. 12(3)), as the DPO's form shows it.
        let day = CivilDate.day(of: t.clock.now())
        guard case .failure(let longer) = RequestExtension.check(received: day, country: .sweden, alreadyExtended: 0, months: 3, reason: "x",
                                                                     noticeGiven: day, today: day) else { return XCTFail("three months allowed") }
        XCTAssertEqual(longer.description, "--months: an extension is 1 or 2 further months, not 3")
        XCTAssertEqual(UILanguage.sv.describe(RegisterError.invalidBecause(field: longer.field, longer.wording)),
                       "--months: en förlängning är 1 eller 2 månader till, inte 3")
        XCTAssertEqual(UILanguage.nb.describe(RegisterError.invalidBecause(field: longer.field, longer.wording)),
                       "--months: en forlengelse er 1 eller 2 måneder til, ikke 3")

        // A record looked for by its id and not found: named in the language, exit 65 as before.
        let missing = refusal { _ = try self.t.gate("lead").candidate(4242) }
        XCTAssertEqual(missing[.en], "candidate 4242: not found")
        XCTAssertEqual(missing[.sv], "kandidat 4242: finns inte")
        XCTAssertEqual(missing[.nb], "kandidat 4242: finnes ikke")
        XCTAssertEqual(RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "1"])).exitCode, 65)

        // A write by a role that may not do it names the write in the language, the command as it is typed.
        let erase = RegisterError.notPermitted(action: WriteAction.eraseCandidate.rawValue, role: "recruiter")
        XCTAssertEqual(UILanguage.en.describe(erase), "erase a candidate: not permitted for role recruiter")
        XCTAssertEqual(UILanguage.sv.describe(erase), "radera en kandidat: inte tillåtet för rollen rekryterare")
        XCTAssertEqual(UILanguage.sv.describe(RegisterError.notPermitted(action: "staff add", role: "lead")), "staff add: inte tillåtet för rollen ansvarig")
    }

    /// The erasure preview's "stays" lines and its refusal, and the extract's left-out items, carry their
    /// wording for the screen while their JSON keeps the English it always had.
    func testPreviewAndExtractInEachLanguageJSONUnchanged() throws {
        let id = try t.addCandidate("Åsa Öberg", email: "asa@example.se")
        let preview = try XCTUnwrap(t.gate("lead").erasurePreview(candidateIds: [id]).first)
        XCTAssertEqual(preview.stays.map(\.what), ["audit log entries", "a suppression entry"])
        XCTAssertEqual(preview.stays.compactMap(\.whatWording).map(UILanguage.sv.phrase), ["poster i granskningsloggen", "en spärrpost"])
        XCTAssertEqual(preview.stays.compactMap(\.whyWording).map(UILanguage.nb.phrase).first,
                       "pseudonyme (ingen personopplysninger); de viser hva som ble gjort (art. 5 nr. 2)")
        let json = try XCTUnwrap(String(data: JSONEncoder().encode(preview), encoding: .utf8))
        XCTAssertFalse(json.contains("Wording") || json.contains("refusalWording"), json)
        XCTAssertTrue(json.contains("\"what\":\"audit log entries\""), json)
        let decoded = try JSONDecoder().decode(ErasurePreview.self, from: Data(json.utf8))
        XCTAssertEqual(decoded.stays.map(\.why), preview.stays.map(\.why))

        // Held under a legal obligation: what stays names each item held so, in the language.
        let kept = try t.addCandidate("Lars Berg", basis: .legalObligation, consent: .none)
        let legal = try XCTUnwrap(t.gate("lead").erasurePreview(candidateIds: [kept]).first)
        XCTAssertEqual(legal.stays.first?.what, "everything (document 1, profile 1 held under a legal obligation)")
        XCTAssertEqual(legal.stays.first?.whatWording.map(UILanguage.sv.phrase), "allt (dokument 1, profil 1 sparas på grund av en rättslig förpliktelse)")
        XCTAssertEqual(legal.refusal, "candidate \(kept) is held under a legal obligation (Art. 17(3)(b)): nothing was erased")

        let held = try t.addCandidate("Signe Lund", restricted: true)
        let refused = try XCTUnwrap(t.gate("lead").erasurePreview(candidateIds: [held]).first)
        XCTAssertEqual(refused.refusal, "erase a candidate for candidate \(held): refused, processing restricted (Art. 18)")
        XCTAssertEqual(refused.refusalWording.map(UILanguage.sv.phrase), "nekat: radera en kandidat (kandidat \(held)): behandlingen begränsad (art. 18)")

        // What an extract leaves out, and why: English in its JSON (written for the person), the reader's
        // language in the summary staff read before writing it.
        let left = [RegisterExtract.Withheld(Wording("gate.extract.psychologist report"), .consentWithdrawn),
                    RegisterExtract.Withheld(Wording("gate.extract.document", ["n": "2"]), .restricted)]
        XCTAssertEqual(left.map(\.item), ["psychologist report", "document 2"])
        XCTAssertEqual(left.map(\.reason), ["withheld: consent withdrawn", "withheld: processing restricted (Art. 18)"])
        let sorted = JSONEncoder()
        sorted.outputFormatting = .sortedKeys
        let extractJSON = try XCTUnwrap(String(data: sorted.encode(left), encoding: .utf8))
        XCTAssertEqual(extractJSON, #"[{"item":"psychologist report","reason":"withheld: consent withdrawn"},"#
                       + #"{"item":"document 2","reason":"withheld: processing restricted (Art. 18)"}]"#)
        XCTAssertEqual(ExportPreparation.leftOut(left, .en),
                       "Left out: psychologist report (withheld: consent withdrawn); document 2 (withheld: processing restricted (Art. 18)).")
        XCTAssertEqual(ExportPreparation.leftOut(left, .sv),
                       "Utelämnat: psykologutlåtande (undanhållet: samtycket återkallat); dokument 2 (undanhållet: behandlingen begränsad (art. 18)).")
        XCTAssertEqual(ExportPreparation.leftOut(left, .nb),
                       "Utelatt: psykolograpport (holdt tilbake: samtykket er trukket tilbake); dokument 2 (holdt tilbake: behandlingen begrenset (art. 18)).")
        // Read back from JSON, the English is all there is, and it is shown as it is.
        let readBack = try JSONDecoder().decode([RegisterExtract.Withheld].self, from: Data(extractJSON.utf8))
        XCTAssertEqual(ExportPreparation.leftOut(readBack, .sv), "Utelämnat: psychologist report (withheld: consent withdrawn); document 2 (withheld: processing restricted (Art. 18)).")
    }
}
