/// Something a staff member can change on the register.
public enum WriteAction: String, Sendable, CaseIterable {
    case addCandidate = "add a candidate"
    /// Rectification (Art. 16): correcting the record.
    case editCandidate = "edit a candidate"
    case addDocument = "add a document"
    case addNote = "add a note"
    case addAssessment = "add an assessment"
    case addReference = "add a reference"
    case recordConsent = "record consent"
    case withdrawConsent = "withdraw consent"
    case setRestriction = "restrict or lift restriction"
    case setObjection = "record or lift an objection"
    case markNoticeSent = "mark the Art. 14 notice sent"
    case openProcess = "open a process"
    case joinProcess = "add to a process"
    case moveStage = "move a stage"
    case closeProcess = "close a process"
    /// Erasure (Art. 17): destructive, never undone.
    case eraseCandidate = "erase a candidate"
}

/// Who may change what, as one pure function beside `AccessPolicy` (which decides reads).
public enum WritePolicy {
    /// Whether `role` may perform `action` on a record whose badge is `badge` (nil: no record yet).
    ///
    /// Admins manage staff and nothing else. The DPO answers requests: rectification, consent, restriction,
    /// objection and notices, never the daily work. Daily work (notes, documents, stages) on a record whose
    /// processing is restricted, objected to or without a valid basis is refused: "keep but do not use".
    /// Correcting the record and recording consent stay possible whatever its state, since they are how a
    /// lapse is put right.
    public static func decide(role: Role, action: WriteAction, badge: Badge? = nil) -> AccessDecision {
        let allowed: Bool
        switch role {
        case .admin: allowed = false
        case .dpo:
            allowed = [.editCandidate, .recordConsent, .withdrawConsent, .setRestriction, .setObjection, .markNoticeSent, .eraseCandidate]
                .contains(action)
        case .lead: allowed = true
        case .recruiter: allowed = action != .closeProcess && action != .setRestriction && action != .setObjection
        }
        guard allowed else { return .withhold(.roleNotPermitted) }
        switch action {
        case .addDocument, .addNote, .addAssessment, .addReference, .joinProcess, .moveStage:
            if let lapse = badge?.lapse { return .withhold(lapse) }
        case .eraseCandidate where role != .dpo:
            // A restriction often waits on the person's own request (Art. 18): only the DPO, answering it,
            // erases a restricted record.
            if badge?.states.contains(.restricted) == true { return .withhold(.restricted) }
        case .editCandidate where role == .recruiter:
            // A recruiter corrects what they can see; a lapsed record is corrected by a lead or the DPO, who
            // answer the request it usually comes with.
            if let lapse = badge?.lapse { return .withhold(lapse) }
        default: break
        }
        return .allow
    }
}
