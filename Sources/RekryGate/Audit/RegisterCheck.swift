import Foundation
import RekryDomain
import RekryStorage

/// What `rekry check` found: each storage part's own consistency check, and the audit chain.
public struct RegisterCheck: Sendable {
    public var parts: [(part: String, problems: [String])]
    /// Staff records and open grants whose signatures do not verify: rows written outside Rekry.
    public var signatureProblems: [String]
    public var audit: AuditVerification

    public var isSound: Bool {
        guard case .intact = audit else { return false }
        return parts.allSatisfy(\.problems.isEmpty) && signatureProblems.isEmpty
    }
}

extension Gate {
    /// Checks the files (SQLite's integrity check on both) and walks the audit chain. Leads, the DPO, admins.
    public func checkRegister() throws -> RegisterCheck {
        try require([.lead, .dpo, .admin], for: "check")
        let parts = try backend.integrityCheck()
        let signatures = try reading { try Self.signatureProblems($0) }
        let audit: AuditVerification
        do {
            audit = try verifyAudit()
        } catch {
            // A damaged page under the log is reported, not thrown: the files' findings still print.
            audit = .broken(seq: 0, problem: "the log cannot be read: \(error)")
        }
        return RegisterCheck(parts: parts, signatureProblems: signatures, audit: audit)
    }

    /// Staff records and open grants whose signatures do not verify (rows written outside Rekry).
    static func signatureProblems(_ s: any StorageSession) throws -> [String] {
        let trust = try StaffTrust(s)
        var problems = trust.problems()
        guard trust.isSigned else { return problems }
        for grant in try s.openGrants() {
            guard let report = try s.reportById(grant.reportId) else { continue }
            if !trust.grantVerifies(grant, sealed: report.ciphertext) {
                problems.append("grant \(grant.id) on report \(grant.reportId) to staff record \(grant.staffId) carries no valid lead signature: it was written or changed outside Rekry and grants nothing")
            }
        }
        return problems
    }
}
