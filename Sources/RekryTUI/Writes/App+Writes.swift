import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// What every write from the keyboard shares: where a key works, who may use it, and what follows a write.
extension App {
    /// Runs a write action of the candidate view: on its tab, for a role that may, through a form.
    func performWrite(_ action: Action, on d: DetailModel) throws {
        // Read-only tables hold no write keys; this guards any other way in.
        guard !readOnly else { flash = t("flash.readOnly"); return }
        guard onItsTab(action, d) else { return }
        switch action {
        case .editSection: askEditProfile(d)
        case .addNote: askNote(d)
        case .addDocument: askDocument(d)
        case .addToTab:
            switch d.tab {
            case .assessments: askAssessment(d)
            case .references: askReference(d)
            default: askAttachReport(d)
            }
        case .recordConsent: askConsent(d)
        case .toggleRestriction: askRestriction(d)
        case .toggleObjection: askObjection(d)
        case .markNoticeSent: askNotice(d)
        case .joinProcess: try askJoinProcess(d)
        case .moveStage: askMoveStage(d)
        case .closeProcess: askCloseProcess(d)
        case .grantReport: try askGrant(d)
        case .revokeReport: askRevoke(d)
        default: break
        }
    }

    /// Whether a tab-specific action was pressed on its tab; if not, the flash says where it works.
    func onItsTab(_ action: Action, _ d: DetailModel) -> Bool {
        guard let b = KeyTables.detail.binding(for: action), !b.tabs.isEmpty, !b.tabs.contains(d.tab) else { return true }
        let names = b.tabs.map { "\($0.title(in: language)) (\($0.rawValue + 1))" }.joined(separator: ", ")
        let tabs = t(b.tabs.count == 1 ? "help.oneTab" : "help.tabs", ["tabs": names])
        flash = t("flash.worksOnTabs", ["key": b.keyLabel, "tabs": tabs, "help": b.help(in: language)])
        return false
    }

    /// Whether the write policy lets the actor do `action` on a record with `badge`; if not, the flash says why,
    /// before anything is typed. The gate decides again when the form is saved.
    func permitted(_ action: WriteAction, badge: Badge? = nil) -> Bool {
        guard case .withhold(let reason) = WritePolicy.decide(role: actor.role, action: action, badge: badge) else { return true }
        if reason == .roleNotPermitted {
            flash = t(action == .closeProcess ? "flash.roleMayNotAskLead" : "flash.roleMayNot",
                      ["role": roleName, "action": t("action.\(action)")])
        } else {
            flash = t("flash.refusedReason", ["action": t("action.\(action)"), "reason": t("refused.\(reason.rawValue)")])
        }
        return false
    }

    /// Whether the actor is a lead; if not, the flash says who may `what`.
    /// `what` names the message `leadsOnly.what` (`attachReports`).
    func leadsOnly(_ what: String) -> Bool {
        guard actor.role != .lead else { return true }
        flash = t("flash.leadsOnly", ["what": t("leadsOnly.\(what)"), "role": roleName])
        return false
    }

    /// The actor's role as a sentence names it: `a recruiter`, `en rekryterare`.
    var roleName: String { t("roleName.\(actor.role.rawValue)") }

    /// After a write: re-reads the open candidate and the list (so every badge is true at once) and returns the
    /// message. The write has happened even if the re-read fails, so that failure is reported, not thrown.
    func wrote(_ message: String, candidateId: Int64?) -> String {
        do { try reread(candidateId) } catch { return t("flash.notReread", ["message": message, "error": "\(error)"]) }
        return message
    }

    /// The candidate's name for titles, or their number when the name is withheld.
    func displayName(_ d: DetailModel) -> String { d.detail.name.value ?? t("candidateNumber", ["id": d.detail.id]) }

    // MARK: List

    func askAddCandidate() {
        guard !readOnly, permitted(.addCandidate) else { return }
        showForm(CandidateForms.addCandidate(language), aliases: ["country": "country-other"]) { [gate] v in
            let basis = LegalBasis(rawValue: v["basis"]!)!
            let country = v["country"] == "other" ? v["country-other"]! : v["country"]!
            if v["country"] == "other" && country.isEmpty {
                throw FormRejection(field: "country-other", message: self.t("valid.countryCode"))
            }
            var consent: ConsentDraft?
            if basis.needsConsent {
                // The form cannot say "required when": the basis decides here, before anything is written.
                if v["channel"]!.isEmpty { throw FormRejection(field: "channel", message: self.t("valid.consentChannel")) }
                if v["text"]!.isEmpty { throw FormRejection(field: "text", message: self.t("valid.consentText")) }
                consent = ConsentDraft(purpose: basis == .consent ? .talentPool : .psychAssessment, channel: v["channel"]!, text: v["text"]!)
            }
            let draft = CandidateDraft(
                fullName: v["name"]!, email: v["email"].nonEmpty, phone: v["phone"].nonEmpty, homeTown: v["home-town"].nonEmpty,
                currentTitle: v["title"].nonEmpty, currentEmployer: v["employer"].nonEmpty, country: country,
                source: DataSource(rawValue: v["source"]!)!, sourceDetail: v["source-detail"].nonEmpty, basis: basis, consent: consent)
            let id = try gate.addCandidate(draft)
            let message = self.wrote(self.t("flash.added", ["name": draft.fullName, "id": id]), candidateId: nil)
            self.openCandidate(id)
            return message
        }
    }

    func askOpenProcess() {
        guard !readOnly, permitted(.openProcess) else { return }
        showForm(ProcessForms.openProcess(language)) { [gate] v in
            let id = try gate.openProcess(title: v["title"]!, client: v["client"].nonEmpty, country: v["country"]!)
            return self.t("flash.openedProcess", ["id": id, "title": v["title"]!])
        }
    }
}

extension Optional where Wrapped == String {
    /// The value, or nil when it is missing or empty (an optional field left blank).
    var nonEmpty: String? {
        guard let s = self, !s.isEmpty else { return nil }
        return s
    }
}
