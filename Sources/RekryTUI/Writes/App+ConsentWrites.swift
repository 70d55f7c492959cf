import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The Consent tab's writes: a consent recorded, processing restricted or objected to (or lifted), the Art. 14
/// notice marked sent. Withdrawal (`W`) lives with its confirmation in `App+Detail`.
extension App {
    func askConsent(_ d: DetailModel) {
        guard permitted(.recordConsent, badge: d.detail.badge) else { return }
        let id = d.detail.id
        showForm(CandidateForms.consent(name: displayName(d))) { [gate] v in
            let purpose = ConsentPurpose(rawValue: v["purpose"]!)!
            // The form checked the date; midnight UTC of that day, as every date on screen is a UTC day.
            let expires = v["expires"].nonEmpty.flatMap(FormDate.parse)?.date
            try gate.recordConsent(candidateId: id, ConsentDraft(purpose: purpose, channel: v["channel"]!, text: v["text"]!,
                                                                 expiresAt: expires))
            return self.wrote("Recorded \(purpose.rawValue) consent.", candidateId: id)
        }
    }

    /// Restriction (Art. 18) toggles: the form says whether it sets or lifts it.
    func askRestriction(_ d: DetailModel) {
        guard permitted(.setRestriction, badge: d.detail.badge) else { return }
        let id = d.detail.id, restricted = d.detail.badge.isRestricted
        let title = restricted ? "Lift the restriction on \(displayName(d))" : "Restrict processing of \(displayName(d))"
        let help = restricted ? "Why it may be used again (kept in the change log)" : "The request or dispute (kept in the change log)"
        showForm(CandidateForms.reason(title, help: help)) { [gate] v in
            try gate.setRestriction(candidateId: id, restricted: !restricted, reason: v["reason"]!)
            return self.wrote(restricted ? "Restriction lifted." : "Processing restricted: kept, not used.", candidateId: id)
        }
    }

    /// Objection (Art. 21) toggles, like the restriction.
    func askObjection(_ d: DetailModel) {
        guard permitted(.setObjection, badge: d.detail.badge) else { return }
        let id = d.detail.id, objected = d.detail.badge.states.contains(.objected)
        let title = objected ? "Lift the objection of \(displayName(d))" : "Record an objection by \(displayName(d))"
        let help = objected ? "Why processing may go on (kept in the change log)" : "What the person objected to (kept in the change log)"
        showForm(CandidateForms.reason(title, help: help)) { [gate] v in
            try gate.setObjection(candidateId: id, objected: !objected, reason: v["reason"]!)
            return self.wrote(objected ? "Objection lifted." : "Objection recorded.", candidateId: id)
        }
    }

    func askNotice(_ d: DetailModel) {
        guard permitted(.markNoticeSent, badge: d.detail.badge) else { return }
        if let source = d.detail.profile.value?.source, source.providedByPerson {
            flash = "\(displayName(d)) gave the data themselves (\(source.label)): no Art. 14 notice is due."
            return
        }
        let id = d.detail.id
        showForm(CandidateForms.notice(name: displayName(d))) { [gate] v in
            try gate.markNoticeSent(candidateId: id, channel: v["channel"]!)
            return self.wrote("Art. 14 notice marked sent.", candidateId: id)
        }
    }
}
