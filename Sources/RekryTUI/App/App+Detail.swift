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
        case .scrollDown: scroll(&d, to: d.scroll + 1)
        case .scrollUp: scroll(&d, to: d.scroll - 1)
        case .pageDown: scroll(&d, to: d.scroll + detailBodyHeight)
        case .pageUp: scroll(&d, to: d.scroll - detailBodyHeight)
        case .halfPageDown: scroll(&d, to: d.scroll + max(1, detailBodyHeight / 2))
        case .halfPageUp: scroll(&d, to: d.scroll - max(1, detailBodyHeight / 2))
        case .top: d.scroll = 0
        case .bottom: scroll(&d, to: Int.max / 2)
        case .findInText:
            detail = d
            openPrompt(.findText)
            return
        case .findNext: find(&d, forward: true)
        case .findPrevious: find(&d, forward: false)
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
        let moves: Set<Action> = [.scrollDown, .scrollUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
                                  .findNext, .findPrevious]
        if !moves.contains(action) {
            d.scroll = 0
            d.findLine = nil
        }
        try loadTab(&d)
        detail = d
    }

    /// The rows the candidate view gives the tab's lines.
    var detailBodyHeight: Int { max(1, height - 4) }

    /// The open tab's lines, as the view draws them.
    func detailLines(_ d: DetailModel) -> [StyledLine] {
        DetailContent(theme: theme, language: language, width: width - 2, now: gate.now(), zone: zone).lines(d)
    }

    /// Scrolls to `target`, kept between the top and the last full screen of the tab.
    func scroll(_ d: inout DetailModel, to target: Int) {
        let last = max(0, detailLines(d).count - detailBodyHeight)
        d.scroll = min(max(0, target), last)
    }

    /// Goes to the next (or previous) line of the tab holding the text `/` asked for, round the end, and says
    /// which of how many it is. Letters compare as search does (case and accents aside: `asa` finds Åsa).
    func find(_ d: inout DetailModel, forward: Bool) {
        guard let text = d.find else {
            flash = "Press / to find text in this tab first."
            return
        }
        let key = SearchFolding.fold(text)
        let lines = detailLines(d)
        let matches = key.isEmpty ? [] : lines.indices.filter { SearchFolding.fold(lines[$0].text).contains(key) }
        guard !matches.isEmpty else {
            d.findLine = nil
            flash = "'\(text)' does not occur on this tab."
            return
        }
        let current = d.findLine ?? (forward ? d.scroll - 1 : d.scroll + detailBodyHeight)
        let next = forward ? (matches.first { $0 > current } ?? matches[0]) : (matches.last { $0 < current } ?? matches[matches.count - 1])
        let wrapped = forward ? next <= current : next >= current
        d.findLine = next
        if next < d.scroll || next >= d.scroll + detailBodyHeight { scroll(&d, to: next - detailBodyHeight / 3) }
        let place = matches.firstIndex(of: next)! + 1
        flash = "'\(text)': \(place) of \(matches.count)" + (wrapped && matches.count > 1 ? " (from the \(forward ? "top" : "end") again)" : "")
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
        guard case .shown = d.detail.consents else {
            flash = "The consent history is withheld from you; nothing to withdraw."
            return
        }
        guard let target = withdrawableConsent(d) else {
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
