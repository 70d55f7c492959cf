import Foundation
import RekryDomain
import RekryGate
import RekryStorage

extension App {
    func performDetail(_ action: Action) throws {
        guard var d = detail else { mode = .list; return }
        let tabs = DetailTab.allCases
        switch action {
        case .nextTab: d.tab = tabs[(d.tab.rawValue + 1) % tabs.count]
        case .previousTab: d.tab = tabs[(d.tab.rawValue + tabs.count - 1) % tabs.count]
        case .tab1, .tab2, .tab3, .tab4, .tab5, .tab6, .tab7:
            d.tab = tabs[Int(String(action.rawValue.last!))! - 1]
        case .scrollDown where d.tab == .references:
            d.reference = min(max(0, d.detail.references.count - 1), d.reference + 1)
        case .scrollUp where d.tab == .references: d.reference = max(0, d.reference - 1)
        case .scrollDown: d.scroll += 1
        case .scrollUp: d.scroll = max(0, d.scroll - 1)
        case .back:
            detail = nil
            mode = .list
            try list.refresh(gate, height: listHeight)
            return
        case .help:
            openHelp()
            return
        case .viewReferee:
            try openReferee(d)
            return
        case .withdrawConsent:
            try askWithdrawConsent(d)
            return
        case .eraseCandidate:
            try askErase(d)
            return
        case .exportCandidate:
            askExport(d)
            return
        case .editSection, .addNote, .addDocument, .addToTab, .recordConsent, .toggleRestriction, .toggleObjection,
             .markNoticeSent, .joinProcess, .moveStage, .closeProcess, .grantReport, .revokeReport:
            try performWrite(action, on: d)
            return
        default: break
        }
        if action != .scrollDown && action != .scrollUp { d.scroll = 0 }
        try loadTab(&d)
        detail = d
    }

    /// Reads what a tab needs the first time it is shown: the report (an audited read, in the background) and
    /// the activity.
    func loadTab(_ d: inout DetailModel) throws {
        switch d.tab {
        case .report where d.report == nil && d.reportTicket == nil && d.reportError == nil && d.detail.report?.value != nil:
            startReportRead(&d)
        case .activity where d.activity == nil:
            d.activity = try gate.activity(candidateId: d.detail.id)
        default: break
        }
    }

    /// Builds the confirmation for withdrawing consent: what goes, what is kept and why.
    func askWithdrawConsent(_ d: DetailModel) throws {
        guard case .shown(let consents, _) = d.detail.consents else {
            flash = "The consent history is withheld from you; nothing to withdraw."
            return
        }
        let now = gate.now()
        let active = ConsentPurpose.allCases.compactMap { purpose -> ConsentRecord? in
            guard let latest = consents.filter({ $0.purpose == purpose }).max(by: { $0.givenAt < $1.givenAt }),
                  ConsentState.of(expiresAt: latest.expiresAt, withdrawnAt: latest.withdrawnAt, at: now).isUsable else { return nil }
            return latest
        }
        guard let target = active.first(where: { $0.purpose != .psychAssessment }) ?? active.first else {
            flash = "No consent in force to withdraw."
            return
        }
        let name = d.detail.name.value ?? "candidate \(d.detail.id)"
        let dependents = [d.detail.documents.map(\.badge), d.detail.processes.map(\.badge), d.detail.assessments.map(\.badge)]
            .joined().filter { $0.basis.needsConsent }.count
        confirmation = Confirmation(
            title: "Withdraw \(target.purpose.rawValue) consent for \(name)?",
            lines: [
                "Goes: the consent given \(DayFormat.day(target.givenAt)) by \(target.channel) is marked withdrawn now.",
                "      Items held on it (\(d.detail.badge.basis.needsConsent ? "the profile and " : "")\(dependents) more) are withheld from now on.",
                "Kept: the consent history, as proof of what was agreed and when (Art. 7(1)).",
                "Kept: data held on other bases (contract, legitimate interest, legal obligation).",
                "The withdrawal is written to the audit log. It cannot be undone; a new consent can be recorded.",
            ],
            run: { [gate] in
                try gate.withdrawConsent(candidateId: d.detail.id, purpose: target.purpose)
                self.detail?.tab = .consent
                try self.reread(d.detail.id)
                return "Consent withdrawn."
            })
        mode = .confirm
    }
}
