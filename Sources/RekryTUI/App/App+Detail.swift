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
            // Choosing the report's tab by its key reads it again after a failure or a refresh that took it
            // away (an audited read each time the user asks, never on its own).
            if d.tab == .report && d.report == nil { d.reportError = nil }
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
            flash = t("flash.findFirst")
            return
        }
        let key = SearchFolding.fold(text)
        let lines = detailLines(d)
        let matches = key.isEmpty ? [] : lines.indices.filter { SearchFolding.fold(lines[$0].text).contains(key) }
        guard !matches.isEmpty else {
            d.findLine = nil
            flash = t("flash.findNone", ["text": text])
            return
        }
        let current = d.findLine ?? (forward ? d.scroll - 1 : d.scroll + detailBodyHeight)
        let next = forward ? (matches.first { $0 > current } ?? matches[0]) : (matches.last { $0 < current } ?? matches[matches.count - 1])
        let wrapped = forward ? next <= current : next >= current
        d.findLine = next
        if next < d.scroll || next >= d.scroll + detailBodyHeight { scroll(&d, to: next - detailBodyHeight / 3) }
        let place = matches.firstIndex(of: next)! + 1
        let found = t("flash.found", ["text": text, "place": place, "count": matches.count])
        flash = wrapped && matches.count > 1 ? found + " " + t(forward ? "flash.fromTop" : "flash.fromEnd") : found
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
            flash = t("flash.consentsWithheld")
            return
        }
        guard let target = withdrawableConsent(d) else {
            flash = t("flash.noConsentInForce")
            return
        }
        let name = d.detail.name.value ?? t("candidateNumber", ["id": d.detail.id])
        let dependents = [d.detail.documents.map(\.badge), d.detail.processes.map(\.badge), d.detail.assessments.map(\.badge)]
            .joined().filter { $0.basis.needsConsent }.count
        confirmation = Confirmation(
            title: t("withdraw.title", ["purpose": t("purpose.\(target.purpose.rawValue)"), "name": name]),
            lines: [
                t("withdraw.goes", ["day": DayFormat.day(target.givenAt), "channel": target.channel]),
                t(d.detail.badge.basis.needsConsent ? "withdraw.itemsWithProfile" : "withdraw.items", ["count": dependents]),
                t("withdraw.keptHistory"),
                t("withdraw.keptOther"),
                t("withdraw.audit"),
            ],
            run: { [gate] in
                try gate.withdrawConsent(candidateId: d.detail.id, purpose: target.purpose)
                self.detail?.tab = .consent
                try self.reread(d.detail.id)
                return self.t("flash.consentWithdrawn")
            })
        mode = .confirm
    }
}
