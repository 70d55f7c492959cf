import Foundation
import RekryDomain
import RekryGate
import XCTest

/// A candidate with a unique marker in every kind of field, planted through the gate as staff would.
public struct ErasureMarkers {
    public let candidateId: Int64
    /// Field name → marker: each a word the full-text index keeps too.
    public let markers: [String: String]

    /// Plants the markers in `t` (a lead adds and works the candidate; the report is attached and granted; the DPO
    /// records a request with a note about them and a breach that affects them).
    public static func plant(in t: TestRegister, tag: String = "A") throws -> ErasureMarkers {
        func m(_ field: String) -> String { "Zq\(tag)\(field)Mk" + String((field + tag).unicodeScalars.map(\.value).reduce(7, { ($0 &* 31) &+ $1 }) % 9973) }
        let fields = ["Name", "Email", "Phone", "Address", "Link", "Cv", "Letter", "Note", "Assessment", "Consent", "RefName",
                      "Statement", "Report", "RequestNote"]
        var markers = Dictionary(uniqueKeysWithValues: fields.map { ($0, m($0)) })
        markers["Phone"] = "+46 70 \(tag == "A" ? "917" : "918") 44 21"
        let lead = try t.gate("lead")
        let id = try lead.addCandidate(CandidateDraft(
            fullName: "Anna \(markers["Name"]!)", email: "\(markers["Email"]!.lowercased())@example.se", phone: markers["Phone"],
            postalAddress: "\(markers["Address"]!) 12, Stockholm", birthYear: 1990, source: .applied, basis: .contract,
            links: [ProfileLink(kind: "portfolio", url: "https://example.se/\(markers["Link"]!)", source: .applied)]))
        try lead.addDocument(candidateId: id, kind: .cv, body: "Curriculum vitae. Skills: Swift, \(markers["Cv"]!), privacy.")
        try lead.addDocument(candidateId: id, kind: .coverLetter, body: "Dear firm, \(markers["Letter"]!) regards.")
        _ = try lead.addNote(candidateId: id, text: "Phone screen: \(markers["Note"]!).")
        try lead.addAssessment(candidateId: id, kind: .recruiterAssessment, provider: "Lead", title: "Fit", score: nil,
                               text: "Strong fit, \(markers["Assessment"]!).")
        _ = try lead.addReference(candidateId: id, ReferenceDraft(name: "Ref \(markers["RefName"]!)", relationship: "manager",
                                                                  statement: "Reliable, \(markers["Statement"]!)."))
        let process = try lead.openProcess(title: "Controller", client: "Client AB", country: "SE")
        try lead.addToProcess(candidateId: id, processId: process)
        try lead.moveStage(candidateId: id, processId: process, to: .final)
        try lead.recordConsent(candidateId: id, ConsentDraft(purpose: .psychAssessment, channel: "signed form",
                                                             text: "I consent, \(markers["Consent"]!)."))
        try lead.attachReport(candidateId: id, text: "Psychologist: \(markers["Report"]!).", author: "Leg. psykolog Ylva Xandersson")
        try lead.grantReport(candidateId: id, to: "recruiter", reason: "final interview")
        // The DPO's desk: a request whose verification note names the person, and a breach that lists them as
        // affected. The request stays after an erasure (as proof) and must keep no byte of them.
        let dpo = try t.gate("dpo")
        _ = try dpo.addRequest(RequestDraft(subject: .candidate(id), kind: .erasure, received: CivilDate.day(of: t.clock.now()),
                                            verifiedBy: .other, note: "called back, \(markers["RequestNote"]!) confirmed", reference: "DSR-\(tag)"))
        // Its description names the person although the form asks for no names: the erasure takes it out.
        _ = try dpo.recordBreach(BreachDraft(discoveredAt: t.clock.now(), what: "a misdirected email to \(markers["Email"]!.lowercased())@example.se", categories: [.contact],
                                             approxAffected: 1, measures: "recalled; \(markers["Name"]!) told by phone", affected: [id]))
        return ErasureMarkers(candidateId: id, markers: markers)
    }

    /// The byte strings that would betray each marker: as typed, folded as the index keeps it, and the
    /// distinctive tail the index's prefix compression may store alone. The phone in its stored forms.
    public var needles: [(field: String, needle: String)] {
        markers.flatMap { field, marker -> [(String, String)] in
            if field == "Phone" { return [(field, "917 44 21"), (field, "70917"), (field, "917442")].filter { _ in marker.contains("917") } }
            let folded = marker.lowercased()
            return [(field, marker), (field, folded), (field, String(folded.suffix(7)))]
        }
    }

    /// Asserts that no file of the register holds any marker.
    public func assertGone(from t: TestRegister, file: StaticString = #filePath, line: UInt = #line) {
        let files = t.fileBytes()
        XCTAssertGreaterThanOrEqual(files.count, 3, "the register's files were read", file: file, line: line)
        for (field, needle) in needles {
            let holding = files.filter { $0.value.range(of: Data(needle.utf8)) != nil }.map(\.key).sorted()
            XCTAssertEqual(holding, [], "\(field) marker '\(needle)' survives", file: file, line: line)
        }
    }

    /// Asserts that the register holds the markers now (the test's own control).
    public func assertPresent(in t: TestRegister, file: StaticString = #filePath, line: UInt = #line) {
        let files = t.fileBytes()
        for (field, marker) in markers where field != "Phone" && field != "Report" {
            let found = files.values.contains { $0.range(of: Data(marker.utf8)) != nil || $0.range(of: Data(marker.lowercased().utf8)) != nil }
            XCTAssertTrue(found, "\(field) marker was never written", file: file, line: line)
        }
    }
}
