import RekryDomain
import RekryStorage

/// Which audit entries record having answered each kind of request: closing a request links it to one.
enum RequestClosing {
    /// Whether `entry` records doing what a request of `kind` asked.
    static func fits(_ entry: AuditEntry, kind: RequestKind) -> Bool {
        let format = ErasureRules.value("format", in: entry.detail)
        switch kind {
        case .access: return entry.action == AuditAction.candidateExport.rawValue && format == "extract"
        case .portability: return entry.action == AuditAction.candidateExport.rawValue && (format == "resume" || format == "extract")
        case .erasure: return [AuditAction.candidateErase, .refereeErase, .categoryErase].map(\.rawValue).contains(entry.action)
        case .rectification: return entry.action == AuditAction.candidateEdit.rawValue
        case .withdrawal: return entry.action == AuditAction.consentWithdraw.rawValue
        case .restriction: return [AuditAction.restrictionSet, .restrictionLift].map(\.rawValue).contains(entry.action)
        case .objection: return [AuditAction.objectionSet, .objectionLift].map(\.rawValue).contains(entry.action)
        }
    }
}
