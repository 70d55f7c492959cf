import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// Every role, every write, on records in good standing and in each lapsed state, through the gate: what it
/// refuses must be exactly what the rules (written out here, independently of `WritePolicy`) refuse.
final class WritePolicyTests: XCTestCase {
    enum Situation: String, CaseIterable {
        case good, restricted, objected, consentWithdrawn
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case done
        /// Refused for the role (notPermitted).
        case role
        /// Refused because the record's processing lapsed, naming the lapse.
        case lapse(WithholdReason)
        /// Refused for another reason (nothing to withdraw, …).
        case other(String)

        var description: String {
            switch self {
            case .done: "done"
            case .role: "refused for the role"
            case .lapse(let r): "refused: \(r.rawValue)"
            case .other(let m): "other: \(m)"
            }
        }
    }

    /// The refusal a PostgreSQL register gives a correction or an erasure of a profile the login may not read.
    static let withheldProfileEdit = "refused, the team register's server withholds this person's profile from you"

    /// The rules, as the brief states them.
    func expected(_ role: Role, _ action: WriteAction, _ s: Situation) -> Outcome {
        let daily: Set<WriteAction> = [.addDocument, .addNote, .addAssessment, .addReference, .joinProcess, .moveStage]
        let roleMay: Bool
        switch role {
        case .admin: roleMay = false
        case .dpo: roleMay = [.editCandidate, .recordConsent, .withdrawConsent, .setRestriction, .setObjection, .markNoticeSent,
                              .eraseCandidate].contains(action)
        case .lead: roleMay = true
        case .recruiter: roleMay = ![.closeProcess, .setRestriction, .setObjection].contains(action)
        }
        guard roleMay else { return .role }
        let lapse: WithholdReason? = switch s {
        case .good: nil
        case .restricted: .restricted
        case .objected: .objected
        case .consentWithdrawn: .consentWithdrawn
        }
        if let lapse, daily.contains(action) { return .lapse(lapse) }
        // A recruiter corrects only what they can see; a lead or the DPO corrects a lapsed record.
        if let lapse, action == .editCandidate, role == .recruiter { return .lapse(lapse) }
        // PostgreSQL difference (docs/postgres.md, "Correcting or erasing a withheld profile"): a lead's or recruiter's
        // login cannot read a lapsed profile, so the write model cannot derive what a correction or an erasure changes;
        // the gate refuses (the server too) and the DPO makes it.
        if s != .good, action == .editCandidate, role == .lead, t.backendKind == .postgres { return .other(Self.withheldProfileEdit) }
        if s == .objected || s == .consentWithdrawn, action == .eraseCandidate, role == .lead || role == .recruiter,
           t.backendKind == .postgres { return .other(Self.withheldProfileEdit) }
        // A notice's answers would tell the profile's source and date: only who may see the profile marks it.
        if let lapse, action == .markNoticeSent, role != .dpo { return .lapse(lapse) }
        if s == .consentWithdrawn && action == .withdrawConsent { return .other("already withdrawn") }
        // A restriction often waits on the person's own request: only the DPO, answering it, erases.
        if s == .restricted, action == .eraseCandidate, role != .dpo { return .lapse(.restricted) }
        return .done
    }

    var t: TestRegister!
    var counter = 0

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    /// A fresh candidate in situation `s`, sourced from LinkedIn two months ago, in an open process, with a
    /// talent-pool consent record; returns it with its process.
    func fixture(_ s: Situation) throws -> (id: Int64, process: Int64) {
        counter += 1
        let id = try t.addCandidate("Person \(s.rawValue) \(counter)", basis: s == .objected ? .legitimateInterest : .consent,
                                    consent: s == .consentWithdrawn ? .withdrawn : .valid(days: 200), source: .linkedin,
                                    collectedAt: TestRegister.start.addingTimeInterval(-60 * 86_400),
                                    restricted: s == .restricted, objected: s == .objected)
        let process = try t.addToProcess(id, stage: .screening)
        return (id, process)
    }

    func perform(_ g: Gate, _ action: WriteAction, _ s: Situation) throws {
        let (id, process) = try fixture(s)
        switch action {
        case .addCandidate: try g.addCandidate(CandidateDraft(fullName: "New Person", source: .applied, basis: .contract))
        case .editCandidate: try g.editCandidate(id, changes: [.currentTitle: "Architect"])
        case .addDocument: try g.addDocument(candidateId: id, kind: .coverLetter, body: "Dear firm")
        case .addNote: try g.addNote(candidateId: id, text: "Called.")
        case .addAssessment:
            try g.addAssessment(candidateId: id, kind: .test, provider: "Test Provider AB", title: "Ability", score: "stanine 7", text: "Strong.")
        case .addReference: try g.addReference(candidateId: id, ReferenceDraft(name: "Ref Person", relationship: "manager"))
        case .recordConsent:
            try g.recordConsent(candidateId: id, ConsentDraft(purpose: .newsletter, channel: "email", text: "Send me news."))
        case .withdrawConsent: try g.withdrawConsent(candidateId: id, purpose: .talentPool)
        case .setRestriction: try g.setRestriction(candidateId: id, restricted: s != .restricted, reason: "request")
        case .setObjection: try g.setObjection(candidateId: id, objected: s != .objected, reason: "request")
        case .markNoticeSent: try g.markNoticeSent(candidateId: id, channel: "email")
        case .openProcess: try g.openProcess(title: "Another role")
        case .joinProcess: try g.addToProcess(candidateId: id, processId: try t.addToProcess(try fixture(.good).id))
        case .moveStage: try g.moveStage(candidateId: id, processId: process, to: .interview)
        case .closeProcess: try g.closeProcess(process, hired: [])
        case .eraseCandidate: _ = try g.erase(candidateIds: [id])
        }
    }

    func outcome(_ body: () throws -> Void) -> Outcome {
        do {
            try body()
            return .done
        } catch let e as RegisterError {
            if case .notPermitted = e { return .role }
            let text = e.description
            if text.contains(": refused, ") {
                for reason in WithholdReason.allCases where text.contains(reason.explanation.replacingOccurrences(of: "withheld: ", with: "")) {
                    return .lapse(reason)
                }
            }
            return .other(text)
        } catch {
            return .other("\(error)")
        }
    }

    func testTheWholeWriteMatrix() throws {
        var checked = 0
        for role in Role.allCases {
            let g = try t.gate(["recruiter": "recruiter", "lead": "lead", "dpo": "dpo", "admin": "admin"][role.rawValue]!)
            for s in Situation.allCases {
                for action in WriteAction.allCases {
                    let want = expected(role, action, s)
                    let got = outcome { try perform(g, action, s) }
                    switch (want, got) {
                    case (.other(let w), .other(let g)) where w == Self.withheldProfileEdit:
                        XCTAssertTrue(g.contains(w), "\(role.rawValue) \(action.rawValue) on a \(s.rawValue) record: \(g)")
                    case (.other, .other): break
                    default: XCTAssertEqual(got, want, "\(role.rawValue) \(action.rawValue) on a \(s.rawValue) record")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, Role.allCases.count * Situation.allCases.count * WriteAction.allCases.count)
    }

    func testARefusedWriteChangesNothingAndIsNotAudited() throws {
        let before = try t.gate("dpo").auditEntries().count
        let (id, process) = try fixture(.restricted)
        let snapshot = try t.register.backend.read { try $0.candidate(id: id) }
        for (role, action) in [("admin", WriteAction.editCandidate), ("recruiter", .addNote), ("lead", .moveStage), ("dpo", .addDocument)] {
            let g = try t.gate(role)
            XCTAssertNotEqual(outcome {
                switch action {
                case .editCandidate: try g.editCandidate(id, changes: [.fullName: "Changed Name"])
                case .addNote: try g.addNote(candidateId: id, text: "x")
                case .moveStage: try g.moveStage(candidateId: id, processId: process, to: .offer)
                default: try g.addDocument(candidateId: id, kind: .other, body: "x")
                }
            }, .done, "\(role) \(action.rawValue)")
        }
        XCTAssertEqual(try t.register.backend.read { try $0.candidate(id: id) }, snapshot)
        XCTAssertEqual(try t.gate("dpo").auditEntries().count, before)
    }

    func testTheDeclaredPolicyAgreesWithTheMatrix() {
        // The same table, against the pure function the gate consults (a lapse given as the badge of the record).
        let now = TestRegister.start
        for role in Role.allCases {
            for action in WriteAction.allCases {
                for s in Situation.allCases where action != .markNoticeSent {
                    let facts = BadgeFacts(basis: s == .objected ? .legitimateInterest : .consent,
                                           consent: ConsentDates(givenAt: now - 10, expiresAt: nil, withdrawnAt: s == .consentWithdrawn ? now - 5 : nil),
                                           restricted: s == .restricted, objected: s == .objected)
                    let decision = WritePolicy.decide(role: role, action: action, badge: BadgePolicy.badge(for: facts, at: now))
                    let want: AccessDecision = switch expected(role, action, s) {
                    case .role: .withhold(.roleNotPermitted)
                    case .lapse(let r): .withhold(r)
                    case .done, .other: .allow
                    }
                    XCTAssertEqual(decision, want, "\(role.rawValue) \(action.rawValue) \(s.rawValue)")
                }
            }
        }
    }
}
