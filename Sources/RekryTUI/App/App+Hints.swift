import RekryDomain
import RekryGate

/// Which actions apply to what is on screen now: the hint line offers only those (help still lists every
/// key, and a key whose action does not apply says why when pressed).
extension App {
    /// The key table as the hint line shows it: bindings whose action does not apply now lose their hint.
    var hintMap: KeyMap {
        var map = keyMap
        for i in map.bindings.indices where !applies(map.bindings[i].action) { map.bindings[i].hintLabel = nil }
        return map
    }

    /// Whether `action` would do something on the current screen.
    func applies(_ action: Action) -> Bool {
        switch mode {
        case .list:
            switch action {
            case .open, .toggleMark, .filterProcess: return list.selectedRow != nil
            case .eraseMarked: return !marked.isEmpty
            case .openDesk: return actor.role == .dpo
            case .addCandidate, .openProcess: return actor.role != .admin
            default: return true
            }
        case .detail:
            guard let d = detail else { return true }
            switch action {
            case .withdrawConsent: return withdrawableConsent(d) != nil
            case .viewReferee: return !d.detail.references.isEmpty
            case .grantReport, .revokeReport: return actor.role == .lead && d.detail.report?.value != nil
            case .moveStage, .closeProcess: return !d.detail.processes.isEmpty
            case .findNext, .findPrevious: return d.find != nil
            case .toggleRestriction, .toggleObjection: return actor.role == .lead || actor.role == .dpo
            default: return true
            }
        default:
            return true
        }
    }

    /// The consent `W` would withdraw: the candidate's consent in force (another than the psychological
    /// assessment's first), or nil when none is (or the history is withheld).
    func withdrawableConsent(_ d: DetailModel) -> ConsentRecord? {
        guard case .shown(let consents, _) = d.detail.consents else { return nil }
        let now = gate.now()
        let active = ConsentPurpose.allCases.compactMap { purpose -> ConsentRecord? in
            guard let latest = consents.filter({ $0.purpose == purpose }).max(by: { $0.givenAt < $1.givenAt }),
                  ConsentState.of(expiresAt: latest.expiresAt, withdrawnAt: latest.withdrawnAt, at: now).isUsable else { return nil }
            return latest
        }
        return active.first(where: { $0.purpose != .psychAssessment }) ?? active.first
    }
}
