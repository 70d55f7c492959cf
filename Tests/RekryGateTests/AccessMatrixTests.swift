import RekryDomain
import GRDB
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// Every role, with and without a grant, every data category, every badge state, through the gate:
/// what is shown must be exactly what the rules allow, and nothing withheld may carry content.
final class AccessMatrixTests: XCTestCase {
    enum Situation: String, CaseIterable {
        case consentValid, consentExpiring, consentWithdrawn, consentExpired, consentNeverGiven
        case restricted, objected, retentionDue, contract, legitimateInterest, art14Due
    }

    func makeCandidate(_ t: TestRegister, _ s: Situation) throws -> Int64 {
        let past = TestRegister.start.addingTimeInterval(-1)
        let name = "Person \(s.rawValue)"
        switch s {
        case .consentValid: return try t.addCandidate(name, consent: .valid(days: 200))
        case .consentExpiring: return try t.addCandidate(name, consent: .valid(days: 5))
        case .consentWithdrawn: return try t.addCandidate(name, consent: .withdrawn)
        case .consentExpired: return try t.addCandidate(name, consent: .expired)
        case .consentNeverGiven: return try t.addCandidate(name, consent: .none)
        // Restricted after the report is attached (below): a restricted record gets no new report.
        case .restricted: return try t.addCandidate(name, consent: .valid(days: 200))
        case .objected: return try t.addCandidate(name, basis: .legitimateInterest, consent: .none, objected: true)
        case .retentionDue: return try t.addCandidate(name, basis: .contract, consent: .none, retentionDueAt: past)
        case .contract: return try t.addCandidate(name, basis: .contract, consent: .none)
        case .legitimateInterest: return try t.addCandidate(name, basis: .legitimateInterest, consent: .none, source: .referral)
        case .art14Due:
            return try t.addCandidate(name, basis: .legitimateInterest, consent: .none, source: .linkedin,
                                      collectedAt: TestRegister.start.addingTimeInterval(-60 * 86_400))
        }
    }

    /// The rules, written out independently of `AccessPolicy`.
    func expected(_ role: Role, granted: Bool, _ category: DataCategory, _ s: Situation) -> Bool {
        if role == .admin { return false }
        let recordLapse: Set<Situation> = [.consentWithdrawn, .consentExpired, .consentNeverGiven, .restricted, .objected]
        switch category {
        case .activity: return role == .lead || role == .dpo
        case .psychReport: return (role == .recruiter || role == .lead) && granted && s != .restricted
        case .psychReportMeta, .processes, .assessments, .references: return s != .restricted
        case .consent: return s != .restricted && s != .objected
        case .identity, .contact, .profile, .documents: return !recordLapse.contains(s)
        }
    }

    func testTheWholeAccessMatrix() throws {
        let t = try TestRegister()
        var ids: [Situation: Int64] = [:]
        for s in Situation.allCases {
            let id = try makeCandidate(t, s)
            try t.addToProcess(id, stage: .final)
            try t.addPsychConsent(id)
            try t.addReference(id, name: "Referee of \(s.rawValue)")
            try t.addAssessment(id, text: "Assessment of \(s.rawValue)")
            ids[s] = id
        }
        let lead = try t.gate("lead")
        for (s, id) in ids {
            try lead.attachReport(candidateId: id, text: "REPORT-\(s.rawValue)-SECRET", author: "Leg. psykolog A")
            try lead.grantReport(candidateId: id, to: "recruiter", reason: "interviews the finalists")
        }
        try t.gate("dpo").setRestriction(candidateId: ids[.restricted]!, restricted: true, reason: "accuracy contested")
        let staff: [(String, Role, Bool)] = [("recruiter", .recruiter, true), ("recruiter2", .recruiter, false), ("lead", .lead, true),
                                             ("lead2", .lead, false), ("dpo", .dpo, false), ("admin", .admin, false)]
        var checked = 0
        for (username, role, granted) in staff {
            let gate = try t.gate(username)
            for (s, id) in ids {
                let d = try gate.candidate(id)
                let report = try gate.readReport(candidateId: id)
                let activity = try gate.activity(candidateId: id)
                let shown: [DataCategory: Bool] = [
                    .identity: d.name.value != nil, .contact: d.contact.value != nil, .profile: d.profile.value != nil,
                    .documents: d.documents.allSatisfy { $0.value != nil }, .processes: d.processes.allSatisfy { $0.value != nil },
                    .references: d.references.allSatisfy { $0.value != nil }, .assessments: d.assessments.allSatisfy { $0.value != nil },
                    .psychReportMeta: d.report?.value != nil, .psychReport: report?.value != nil,
                    .consent: d.consents.value != nil, .activity: activity.value != nil,
                ]
                for category in DataCategory.allCases {
                    let want = expected(role, granted: granted, category, s)
                    XCTAssertEqual(shown[category], want, "\(username) \(category) \(s)")
                    checked += 1
                }
                // Withheld items always say why, and lists are all-or-nothing per item in these fixtures.
                XCTAssertEqual(d.name.reason == nil, d.name.value != nil)
                if let text = report?.value?.text { XCTAssertEqual(text, "REPORT-\(s.rawValue)-SECRET") }
                // The badge is always there, withheld or not.
                XCTAssertFalse(d.badge.states.isEmpty)
            }
        }
        XCTAssertEqual(checked, staff.count * Situation.allCases.count * DataCategory.allCases.count)
    }

    func testDataSubjectRequestPurposeIsTheDPOsAndShowsLapsedItemsButNeverTheReport() throws {
        let t = try TestRegister()
        let id = try t.addCandidate("Restricted Person", consent: .withdrawn)
        try t.addToProcess(id)
        try t.addPsychConsent(id)
        try t.gate("lead").attachReport(candidateId: id, text: "SECRET", author: "Psychologist")
        try t.gate("dpo").setRestriction(candidateId: id, restricted: true, reason: "the person asked")
        let dsr = try t.gate("dpo").candidate(id, purpose: .dataSubjectRequest)
        XCTAssertEqual(dsr.name.value, "Restricted Person")
        XCTAssertEqual(try t.gate("dpo").readReport(candidateId: id, purpose: .dataSubjectRequest)?.reason, .roleNotPermitted)
        XCTAssertEqual(try t.gate("recruiter").candidate(id, purpose: .dataSubjectRequest).name.reason, .purposeNotPermitted)
    }
}
