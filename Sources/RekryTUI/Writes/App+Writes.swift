import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// What every write from the keyboard shares: where a key works, who may use it, and what follows a write.
extension App {
    /// Runs a write action of the candidate view: on its tab, for a role that may, through a form.
    func performWrite(_ action: Action, on d: DetailModel) throws {
        // Read-only tables hold no write keys; this guards any other way in.
        guard !readOnly else { flash = "Read-only mode: nothing can be changed."; return }
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
            flash = "Refused: \(roleName) may not \(action.rawValue)\(action == .closeProcess ? "; ask a lead" : "")."
        } else {
            flash = t("flash.refusedReason", ["action": action.rawValue, "reason": t("refused.\(reason.rawValue)")])
        }
        return false
    }

    /// Whether the actor is a lead; if not, the flash says who may `what`.
    func leadsOnly(_ what: String) -> Bool {
        guard actor.role != .lead else { return true }
        flash = "Refused: only leads \(what); you are signed in as \(roleName)."
        return false
    }

    var roleName: String {
        switch actor.role {
        case .recruiter: "a recruiter"
        case .lead: "a lead"
        case .dpo: "the DPO"
        case .admin: "an admin"
        }
    }

    /// After a write: re-reads the open candidate and the list (so every badge is true at once) and returns the
    /// message. The write has happened even if the re-read fails, so that failure is reported, not thrown.
    func wrote(_ message: String, candidateId: Int64?) -> String {
        do { try reread(candidateId) } catch { return "\(message) (the screen could not be re-read: \(error))" }
        return message
    }

    /// The candidate's name for titles, or their number when the name is withheld.
    func displayName(_ d: DetailModel) -> String { d.detail.name.value ?? "candidate #\(d.detail.id)" }

    // MARK: List

    func askAddCandidate() {
        guard !readOnly, permitted(.addCandidate) else { return }
        showForm(CandidateForms.addCandidate(), aliases: ["country": "country-other"]) { [gate] v in
            let basis = LegalBasis(rawValue: v["basis"]!)!
            let country = v["country"] == "other" ? v["country-other"]! : v["country"]!
            if v["country"] == "other" && country.isEmpty {
                throw FormRejection(field: "country-other", message: "Write the two-letter code of the country")
            }
            var consent: ConsentDraft?
            if basis.needsConsent {
                // The form cannot say "required when": the basis decides here, before anything is written.
                if v["channel"]!.isEmpty { throw FormRejection(field: "channel", message: "Required with a consent basis: how it was given") }
                if v["text"]!.isEmpty { throw FormRejection(field: "text", message: "Required with a consent basis: the text agreed to") }
                consent = ConsentDraft(purpose: basis == .consent ? .talentPool : .psychAssessment, channel: v["channel"]!, text: v["text"]!)
            }
            let draft = CandidateDraft(
                fullName: v["name"]!, email: v["email"].nonEmpty, phone: v["phone"].nonEmpty, homeTown: v["home-town"].nonEmpty,
                currentTitle: v["title"].nonEmpty, currentEmployer: v["employer"].nonEmpty, country: country,
                source: DataSource(rawValue: v["source"]!)!, sourceDetail: v["source-detail"].nonEmpty, basis: basis, consent: consent)
            let id = try gate.addCandidate(draft)
            let message = self.wrote("Added \(draft.fullName) (#\(id)).", candidateId: nil)
            self.openCandidate(id)
            return message
        }
    }

    func askOpenProcess() {
        guard !readOnly, permitted(.openProcess) else { return }
        showForm(ProcessForms.openProcess()) { [gate] v in
            let id = try gate.openProcess(title: v["title"]!, client: v["client"].nonEmpty, country: v["country"]!)
            return "Opened process \(id) “\(v["title"]!)”; add candidates with p on their Processes tab."
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
