/// Why data is being read; the gate's decision depends on it.
public enum Purpose: String, Sendable, CaseIterable, Codable {
    /// Daily recruitment work.
    case recruitment
    /// Answering a data subject's request (access, portability, erasure): the DPO's purpose.
    case dataSubjectRequest = "dsr"
}

/// Where a staff member stands with a psychologist report.
public enum ReportGrantState: Sendable, Equatable {
    case active
    case none
    /// A grant existed but ended when the process closed.
    case ended
}

/// The gate's verdict for one item.
public enum AccessDecision: Sendable, Equatable {
    case allow
    case withhold(WithholdReason)
}

/// The access rules, as one pure function: who may see which category, for what purpose, in which badge state.
///
/// The store's gate calls this for every item it returns; the table-driven access-matrix test calls it too.
public enum AccessPolicy {
    public static func decide(role: Role, category: DataCategory, purpose: Purpose, badge: Badge,
                              grant: ReportGrantState = .none, reportRetained: Bool = true) -> AccessDecision {
        if role == .admin { return .withhold(.roleNotPermitted) }
        if purpose == .dataSubjectRequest && role != .dpo { return .withhold(.purposeNotPermitted) }
        switch category {
        case .activity:
            return role == .lead || role == .dpo ? .allow : .withhold(.roleNotPermitted)
        case .psychReport:
            if role == .dpo { return .withhold(.roleNotPermitted) }
            if !reportRetained { return .withhold(.retentionExpired) }
            switch grant {
            case .none: return .withhold(.notGranted)
            case .ended: return .withhold(.grantEnded)
            case .active: break
            }
        default:
            break
        }
        // A DPO answering a request sees restricted and lapsed items: the person is entitled to them.
        if purpose == .dataSubjectRequest { return .allow }
        guard let lapse = badge.lapse else { return .allow }
        // The consent history is the evidence of why data is held: a lapsed consent stays visible as history.
        if category == .consent && (lapse == .consentWithdrawn || lapse == .consentExpired || lapse == .consentNeverGiven) {
            return .allow
        }
        return .withhold(lapse)
    }
}
