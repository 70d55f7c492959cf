import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// A register run under one firm's profile from `data/policies/`, with the steps the firm's promises are
/// about: people added, processes run and closed, employments recorded, and the clock moved on.
struct FirmRegister {
    let t: TestRegister
    static let day: TimeInterval = 86_400

    init(profile file: String) throws {
        t = try TestRegister()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/policies/\(file)")
        try t.gate("dpo").setRetentionProfile(name: file, text: String(contentsOf: url, encoding: .utf8))
    }

    func gate(_ user: String = "recruiter") throws -> Gate { try t.gate(user) }

    /// Moves the register's clock on by whole days.
    func advance(days: Int) { t.clock.advance(by: Double(days) * Self.day) }

    /// Adds a person through the write model: an applicant on contract steps, or a talent-pool member on consent.
    func add(_ name: String, email: String? = nil, consent: Bool = false, country: String = "SE") throws -> Int64 {
        try gate().addCandidate(CandidateDraft(
            fullName: name, email: email ?? name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.se",
            phone: "+46 70 123 45 67", country: country, source: .applied,
            basis: consent ? .consent : .contract,
            consent: consent ? ConsentDraft(purpose: .talentPool, channel: "web form", text: "Keep me in the talent pool.",
                                            expiresAt: t.clock.now().addingTimeInterval(365 * Self.day)) : nil))
    }

    /// Opens a process (as a lead) and puts `people` in it at the interview stage.
    func process(_ title: String, kind: ProcessKind = .recruitment, people: [Int64]) throws -> Int64 {
        let id = try gate("lead").openProcess(title: title, client: "Client AB", kind: kind)
        for person in people { try gate("lead").addToProcess(candidateId: person, processId: id, stage: .interview) }
        return id
    }

    func close(_ process: Int64, hired: Set<Int64> = []) throws -> ProcessClosing {
        try gate("lead").closeProcess(process, hired: hired)
    }

    /// Whole people due now, with the rule that makes each due.
    func wholeDue() throws -> [Int64: String] {
        Dictionary(try gate("dpo").retentionDue().map { ($0.candidateId, $0.rule ?? "?") }, uniquingKeysWith: { a, _ in a })
    }

    /// Categories due now (person, category) with their rules.
    func partsDue() throws -> [String: String] {
        Dictionary(try gate("dpo").categoriesDue().map { ("\($0.candidateId)/\($0.category.rawValue)", $0.rule) }, uniquingKeysWith: { a, _ in a })
    }

    func count(_ sql: String, _ id: Int64) throws -> Int { try t.scalar(sql, [id]) ?? -1 }
}
