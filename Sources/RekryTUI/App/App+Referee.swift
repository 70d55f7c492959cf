import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The referee behind one reference: their gated name and the candidates they give references for, each as
/// the list would show it, with a selection.
struct RefereeModel {
    var name: Gated<String>
    var candidates: [CandidateRow]
    var selected = 0

    var selectedRow: CandidateRow? { candidates.indices.contains(selected) ? candidates[selected] : nil }
}

extension App {
    /// Opens the referee view for the selected reference on the References tab. The read goes through the gate
    /// (a small, unaudited read, so it runs here); a reference withheld from the actor has no id to ask with,
    /// and shows as the gate would answer through it: the reason, and nobody listed.
    func openReferee(_ d: DetailModel) throws {
        guard onItsTab(.viewReferee, d) else { return }
        let references = d.detail.references
        guard !references.isEmpty else {
            flash = t("flash.noReferences")
            return
        }
        switch references[min(max(0, d.reference), references.count - 1)] {
        case .shown(let reference, _):
            let view = try gate.referee(referenceId: reference.id)
            referee = RefereeModel(name: view.name, candidates: view.candidates)
        case .withheld(let badge, let reason):
            referee = RefereeModel(name: .withheld(badge, reason), candidates: [])
        }
        mode = .referee
    }

    func performReferee(_ action: Action) throws {
        guard var r = referee else { mode = detail == nil ? .list : .detail; return }
        let last = max(0, r.candidates.count - 1)
        let page = max(1, height - 5)
        switch action {
        case .moveDown: r.selected = min(last, r.selected + 1)
        case .moveUp: r.selected = max(0, r.selected - 1)
        case .pageDown: r.selected = min(last, r.selected + page)
        case .pageUp: r.selected = max(0, r.selected - page)
        case .halfPageDown: r.selected = min(last, r.selected + max(1, page / 2))
        case .halfPageUp: r.selected = max(0, r.selected - max(1, page / 2))
        case .top: r.selected = 0
        case .bottom: r.selected = last
        case .back:
            referee = nil
            mode = detail == nil ? .list : .detail
            return
        case .help:
            openHelp()
            return
        case .open:
            guard let row = r.selectedRow else {
                flash = t("flash.nobodyListed")
                return
            }
            referee = nil
            openCandidate(row.id, name: row.name)
            return
        default: break
        }
        referee = r
    }
}
