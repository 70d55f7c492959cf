import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The DPO's desk: opening it from the list (the DPO only), its keys, and its writes through forms.
extension App {
    /// Opens the desk, reading both tabs through the gate (each an audited read).
    func openDesk() throws {
        guard actor.role == .dpo else {
            flash = "The DPO desk is the DPO's: requests and breaches are theirs alone (you are \(actor.role.rawValue))."
            return
        }
        desk = try readDesk(keeping: nil)
        mode = .desk
    }

    /// The desk as the gate gives it now, keeping the tab and selections of `old`.
    func readDesk(keeping old: DeskModel?) throws -> DeskModel {
        let (requests, breaches, whole, parts) = try auditedWork.withLock {
            (try gate.requests(openOnly: false), try gate.breaches(), try gate.retentionDue(limit: 1_000), try gate.categoriesDue(limit: 1_000))
        }
        var fresh = DeskModel(requests: requests, breaches: breaches)
        fresh.retention = RetentionQueue(whole: whole, parts: parts)
        if let old {
            fresh.tab = old.tab
            fresh.selected = old.selected
        }
        return fresh
    }

    /// After a desk write: the flash, with both tabs read again.
    func deskWrote(_ message: String) -> String {
        do { desk = try readDesk(keeping: desk) } catch { return "\(message) (the desk could not be re-read: \(error))" }
        return message
    }

    func performDesk(_ action: Action) throws {
        guard var d = desk else { mode = .list; return }
        if let own = DeskTab.tab(of: action), own != d.tab {
            flash = t("flash.deskWorksOn", ["tab": own.title(in: language), "digit": own.rawValue + 1])
            return
        }
        let page = max(1, height - 6)
        switch action {
        case .moveDown: d.move(by: 1)
        case .moveUp: d.move(by: -1)
        case .pageDown: d.move(by: page)
        case .pageUp: d.move(by: -page)
        case .halfPageDown: d.move(by: max(1, page / 2))
        case .halfPageUp: d.move(by: -max(1, page / 2))
        case .top: d.move(by: -d.count(d.tab))
        case .bottom: d.move(by: d.count(d.tab))
        case .nextTab: d.tab = DeskTab(rawValue: (d.tab.rawValue + 1) % DeskTab.allCases.count)!
        case .previousTab: d.tab = DeskTab(rawValue: (d.tab.rawValue + DeskTab.allCases.count - 1) % DeskTab.allCases.count)!
        case .tab1, .tab2, .tab3: d.tab = DeskTab.numbered(action) ?? d.tab
        case .back:
            desk = nil
            mode = .list
            return
        case .help:
            openHelp()
            return
        case .addRequest: return askAddRequest()
        case .extendRequest: return askExtendRequest(d)
        case .closeRequest: return askCloseRequest(d)
        case .recordBreach: return askRecordBreach()
        case .markBreachNotified: return askMarkNotified(d)
        case .eraseRetentionGroup: return askEraseRetentionGroup(d)
        default: break
        }
        desk = d
    }

    func askAddRequest() {
        let today = CivilDate.day(of: gate.now())
        let firm = (try? gate.firmCountry()) ?? .fallback
        showForm(DeskForms.addRequest(candidateId: list.selectedRow?.id, today: today, firm: firm),
                 aliases: ["--candidate": "id", "--reference": "id", "--received": "received", "--note": "note", "--ref": "ref"]) { [gate] v in
            let id = Int64(v["id"]!)!
            let draft = RequestDraft(
                subject: v["person"] == "referee" ? .reference(id) : .candidate(id), kind: RequestKind(rawValue: v["kind"]!)!,
                received: FormDate.parse(v["received"]!)!, verifiedBy: VerificationMethod(rawValue: v["verified"]!)!,
                note: v["note"].flatMap { $0.isEmpty ? nil : $0 }, reference: v["ref"].flatMap { $0.isEmpty ? nil : $0 },
                country: CalendarCountry(rawValue: v["country"] ?? ""))
            let r: RequestSummary
            do {
                r = try gate.addRequest(draft)
            } catch RegisterError.notFound(let what) {
                throw FormRejection(field: "id", message: "\(what): not found")
            }
            let second = r.secondExtractWithinYear ? "; the second extract within a year: it may be charged or refused with reasons" : ""
            return self.deskWrote("Recorded request \(r.id) (\(r.kind.rawValue), \(r.subject)): due \(r.due)\(second).")
        }
    }

    func askExtendRequest(_ d: DeskModel) {
        guard let r = d.selectedRequest else { flash = "No request selected."; return }
        guard r.status.urgency != .closed else { flash = "Request \(r.id) is closed."; return }
        showForm(DeskForms.extend(r, today: CivilDate.day(of: gate.now())),
                 aliases: ["--months": "months", "--reason": "reason", "--notice-given": "notice"]) { [gate] v in
            let s = try gate.extendRequest(id: r.id, months: Int(v["months"]!)!, reason: v["reason"]!, noticeGiven: FormDate.parse(v["notice"]!))
            return self.deskWrote("Extended request \(r.id): now due \(s.due).")
        }
    }

    func askCloseRequest(_ d: DeskModel) {
        guard let r = d.selectedRequest else { flash = "No request selected."; return }
        guard r.status.urgency != .closed else { flash = "Request \(r.id) is closed."; return }
        showForm(DeskForms.close(r), aliases: ["--audit-entry": "entry", "--outcome": "outcome"]) { [gate] v in
            let entry = v["entry"].flatMap { Int64($0) }
            let s = try gate.closeRequest(id: r.id, auditEntry: entry, outcome: RequestOutcome(rawValue: v["outcome"]!)!)
            return self.deskWrote("Closed request \(r.id) (\(s.outcome?.rawValue ?? "done")\(entry.map { ", audit entry \($0)" } ?? "")).")
        }
    }

    func askRecordBreach() {
        showForm(DeskForms.recordBreach(now: DayFormat.minute(gate.now())),
                 aliases: ["--discovered": "discovered", "--what": "what", "--measures": "measures", "--approx-affected": "approx",
                           "--affected": "affected", "--categories": "categories"]) { [gate] v in
            let categories = (try? BreachCategories.parse(v["categories"]!).get()) ?? []
            let affected = v["affected"]!.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            let b = try gate.recordBreach(BreachDraft(discoveredAt: DeskForms.minute(v["discovered"]!)!, what: v["what"]!, categories: categories,
                                                      approxAffected: Int(v["approx"]!)!, measures: v["measures"]!, affected: affected))
            return self.deskWrote("Recorded breach \(b.id): notify the authority by \(DayFormat.localMinute(b.notifyBy, zone: self.zone)) (\(b.badge)).")
        }
    }

    func askMarkNotified(_ d: DeskModel) {
        guard let b = d.selectedBreach else { flash = "No breach recorded."; return }
        guard b.notifiedAt == nil else { flash = "Breach \(b.id) was marked notified already."; return }
        showForm(DeskForms.notified(b, now: DayFormat.minute(gate.now())), aliases: ["--at": "at"]) { [gate] v in
            guard let at = DeskForms.minute(v["at"]!) else { throw FormRejection(field: "at", message: "write YYYY-MM-DD HH:MM (UTC)") }
            let s = try gate.markBreachNotified(id: b.id, at: at)
            return self.deskWrote("Breach \(b.id): \(s.badge).")
        }
    }

    /// Erases what one rule makes due, after a typed confirmation: whole people through the erasure (the same
    /// trace-free path as `E` on the list), categories through the category run; refused items stay listed.
    func askEraseRetentionGroup(_ d: DeskModel) {
        guard let selected = d.selectedRetention else { flash = "Nothing is due."; return }
        let group = d.retention.group(selected.rule)
        let go = group.filter { $0.refusal == nil }
        guard !go.isEmpty else { flash = "Every item of \"\(selected.rule)\" is refused: \(selected.refusal ?? "")"; return }
        let people = go.filter { $0.part == nil }.map(\.candidateId)
        let parts = go.filter { $0.part != nil }
        var lines = ["Rule: \(selected.rule)."]
        if !people.isEmpty { lines.append("Whole people: \(people.count), from every file of the register (the full-text index and the journals too).") }
        for (category, items) in Dictionary(grouping: parts, by: { $0.part!.rawValue }).sorted(by: { $0.key < $1.key }) {
            lines.append("\(category): taken from \(items.count) \(items.count == 1 ? "person" : "people"), who stay.")
        }
        let refused = group.count - go.count
        if refused > 0 { lines.append("Stays: \(refused) refused (the row says why).") }
        lines.append("Written to the audit log as pseudonyms only. It cannot be undone.")
        let due = try? gate.categoriesDue(limit: 10_000)
        confirmation = Confirmation(title: "Erase what \"\(selected.rule)\" makes due?", lines: lines, run: { [weak self, gate] in
            guard let self else { return "" }
            let (erased, taken) = try self.auditedWork.withLock {
                let erased = people.isEmpty ? [] : try gate.erase(candidateIds: people, request: "RETENTION")
                let wanted = Set(parts.map { "\($0.candidateId)/\($0.part!.rawValue)" })
                let items = (due ?? []).filter { wanted.contains("\($0.candidateId)/\($0.category.rawValue)") }
                let taken = items.isEmpty ? [] : try gate.eraseCategories(items, request: "RETENTION")
                return (erased, taken)
            }
            let gone = (erased + taken).allSatisfy(\.bytesGone)
            return self.deskWrote("Retention: \(erased.count) erased, \(taken.count) categories taken, by \"\(selected.rule)\"; "
                + (gone ? "no byte left in any file." : "old pages wait in the journal until other sessions close."))
        }, typed: "erase \(go.count)", returnMode: .desk)
        mode = .confirm
    }
}
