import Foundation
import RekryDomain
import RekryStorage

/// What `rekry check` found: each storage part's own consistency check, and the audit chain.
public struct RegisterCheck: Sendable {
    public var parts: [(part: String, problems: [String])]
    public var audit: AuditVerification

    public var isSound: Bool {
        guard case .intact = audit else { return false }
        return parts.allSatisfy(\.problems.isEmpty)
    }
}

extension Gate {
    /// Checks the files (SQLite's integrity check on both) and walks the audit chain. Leads, the DPO, admins.
    public func checkRegister() throws -> RegisterCheck {
        try require([.lead, .dpo, .admin], for: "check")
        let parts = try backend.integrityCheck()
        let audit: AuditVerification
        do {
            audit = try verifyAudit()
        } catch {
            // A damaged page under the log is reported, not thrown: the files' findings still print.
            audit = .broken(seq: 0, problem: "the log cannot be read: \(error)")
        }
        return RegisterCheck(parts: parts, audit: audit)
    }
}
