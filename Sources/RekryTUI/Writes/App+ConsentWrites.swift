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
        showForm(CandidateForms.consent(name: displayName(d), language)) { [gate] v in
            let purpose = ConsentPurpose(rawValue: v["purpose"]!)!
            // The form checked the date; midnight UTC of that day, as every date on screen is a UTC day.
            let expires = v["expires"].nonEmpty.flatMap(FormDate.parse)?.date
            try gate.recordConsent(candidateId: id, ConsentDraft(purpose: purpose, channel: v["channel"]!, text: v["text"]!,
                                                                 expiresAt: expires))
            return self.wrote(self.t("flash.consentRecorded", ["purpose": self.t("purpose.\(purpose.rawValue)")]), candidateId: id)
        }
    }

    /// Restriction (Art. 18) toggles: the form says whether it sets or lifts it.
    func askRestriction(_ d: DetailModel) {
        guard permitted(.setRestriction, badge: d.detail.badge) else { return }
        let id = d.detail.id, restricted = d.detail.badge.isRestricted
        let title = t(restricted ? "form.liftRestriction" : "form.restrict", ["name": displayName(d)])
        let help = t(restricted ? "help.liftRestriction" : "help.restrict")
        showForm(CandidateForms.reason(title, help: help, language)) { [gate] v in
            try gate.setRestriction(candidateId: id, restricted: !restricted, reason: v["reason"]!)
            return self.wrote(self.t(restricted ? "flash.restrictionLifted" : "flash.restricted"), candidateId: id)
        }
    }

    /// Objection (Art. 21) toggles, like the restriction.
    func askObjection(_ d: DetailModel) {
        guard permitted(.setObjection, badge: d.detail.badge) else { return }
        let id = d.detail.id, objected = d.detail.badge.states.contains(.objected)
        let title = t(objected ? "form.liftObjection" : "form.object", ["name": displayName(d)])
        let help = t(objected ? "help.liftObjection" : "help.object")
        showForm(CandidateForms.reason(title, help: help, language)) { [gate] v in
            try gate.setObjection(candidateId: id, objected: !objected, reason: v["reason"]!)
            return self.wrote(self.t(objected ? "flash.objectionLifted" : "flash.objected"), candidateId: id)
        }
    }

    func askNotice(_ d: DetailModel) {
        guard permitted(.markNoticeSent, badge: d.detail.badge) else { return }
        if let source = d.detail.profile.value?.source, source.providedByPerson {
            flash = t("flash.noNoticeDue", ["name": displayName(d), "source": t("source.\(source.rawValue)")])
            return
        }
        let id = d.detail.id
        showForm(CandidateForms.notice(name: displayName(d), language)) { [gate] v in
            try gate.markNoticeSent(candidateId: id, channel: v["channel"]!)
            return self.wrote(self.t("flash.noticeSent"), candidateId: id)
        }
    }
}
