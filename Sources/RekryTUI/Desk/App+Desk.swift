import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The DPO's desk: opening it from the list (the DPO only), its keys, and its writes through forms.
extension App {
    /// Opens the desk, reading both tabs through the gate (each an audited read).
    func openDesk() throws {
        guard actor.role == .dpo else {
            flash = t("flash.deskIsDpos", ["role": t("role.\(actor.role.rawValue)")])
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
        do { desk = try readDesk(keeping: desk) } catch { return t("flash.deskNotReread", ["message": message, "error": "\(error)"]) }
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
        showForm(DeskForms.addRequest(candidateId: list.selectedRow?.id, today: today, firm: firm, language),
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
                throw FormRejection(field: "id", message: self.t("valid.notFound", ["what": what]))
            } catch RegisterError.missingRecord(let what) {
                throw FormRejection(field: "id", message: self.t("valid.notFound", ["what": self.language.phrase(what)]))
            }
            let args: [String: Any] = ["id": r.id, "kind": self.t("request.\(r.kind.rawValue)"), "subject": r.subject, "due": r.due]
            return self.deskWrote(self.t(r.secondExtractWithinYear ? "flash.requestRecordedSecond" : "flash.requestRecorded", args))
        }
    }

    func askExtendRequest(_ d: DeskModel) {
        guard let r = d.selectedRequest else { flash = t("flash.noRequestSelected"); return }
        guard r.status.urgency != .closed else { flash = t("flash.requestClosed", ["id": r.id]); return }
        showForm(DeskForms.extend(r, today: CivilDate.day(of: gate.now()), language),
                 aliases: ["--months": "months", "--reason": "reason", "--notice-given": "notice"]) { [gate] v in
            let s = try gate.extendRequest(id: r.id, months: Int(v["months"]!)!, reason: v["reason"]!, noticeGiven: FormDate.parse(v["notice"]!))
            return self.deskWrote(self.t("flash.extended", ["id": r.id, "due": s.due]))
        }
    }

    func askCloseRequest(_ d: DeskModel) {
        guard let r = d.selectedRequest else { flash = t("flash.noRequestSelected"); return }
        guard r.status.urgency != .closed else { flash = t("flash.requestClosed", ["id": r.id]); return }
        showForm(DeskForms.close(r, language), aliases: ["--audit-entry": "entry", "--outcome": "outcome"]) { [gate] v in
            let entry = v["entry"].flatMap { Int64($0) }
            let s = try gate.closeRequest(id: r.id, auditEntry: entry, outcome: RequestOutcome(rawValue: v["outcome"]!)!)
            let outcome = self.t("outcome.\(s.outcome?.rawValue ?? "done")")
            return self.deskWrote(entry.map { self.t("flash.requestClosedEntry", ["id": r.id, "outcome": outcome, "entry": $0]) }
                                  ?? self.t("flash.requestClosedNow", ["id": r.id, "outcome": outcome]))
        }
    }

    func askRecordBreach() {
        showForm(DeskForms.recordBreach(now: DayFormat.minute(gate.now()), language),
                 aliases: ["--discovered": "discovered", "--what": "what", "--measures": "measures", "--approx-affected": "approx",
                           "--affected": "affected", "--categories": "categories"]) { [gate] v in
            let categories = (try? BreachCategories.parse(v["categories"]!).get()) ?? []
            let affected = v["affected"]!.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            let b = try gate.recordBreach(BreachDraft(discoveredAt: DeskForms.minute(v["discovered"]!)!, what: v["what"]!, categories: categories,
                                                      approxAffected: Int(v["approx"]!)!, measures: v["measures"]!, affected: affected))
            return self.deskWrote(self.t("flash.breachRecorded", ["id": b.id, "by": DayFormat.localMinute(b.notifyBy, zone: self.zone),
                                                                  "badge": self.breachBadge(b)]))
        }
    }

    func askMarkNotified(_ d: DeskModel) {
        guard let b = d.selectedBreach else { flash = t("flash.noBreach"); return }
        guard b.notifiedAt == nil else { flash = t("flash.alreadyNotified", ["id": b.id]); return }
        showForm(DeskForms.notified(b, now: DayFormat.minute(gate.now()), language), aliases: ["--at": "at"]) { [gate] v in
            guard let at = DeskForms.minute(v["at"]!) else { throw FormRejection(field: "at", message: self.t("valid.minute")) }
            let s = try gate.markBreachNotified(id: b.id, at: at)
            return self.deskWrote(self.t("flash.breachNotified", ["id": b.id, "badge": self.breachBadge(s)]))
        }
    }

    /// Erases what one rule makes due, after a typed confirmation: whole people through the erasure (the same
    /// trace-free path as `E` on the list), categories through the category run; refused items stay listed.
    func askEraseRetentionGroup(_ d: DeskModel) {
        guard let selected = d.selectedRetention else { flash = t("flash.nothingDue"); return }
        let group = d.retention.group(selected.rule)
        let go = group.filter { $0.refusal == nil }
        let rule = retentionRule(selected.rule)
        guard !go.isEmpty else { flash = t("flash.allRefused", ["rule": rule, "reason": selected.refusal(in: language) ?? ""]); return }
        let people = go.filter { $0.part == nil }.map(\.candidateId)
        let parts = go.filter { $0.part != nil }
        var lines = [t("retention.rule", ["rule": rule])]
        if !people.isEmpty { lines.append(t("retention.wholePeople", ["count": people.count])) }
        for (category, items) in Dictionary(grouping: parts, by: { $0.part!.rawValue }).sorted(by: { $0.key < $1.key }) {
            lines.append(t(items.count == 1 ? "retention.takenOne" : "retention.takenMany",
                           ["category": t("erasable.\(category)"), "count": items.count]))
        }
        let refused = group.count - go.count
        if refused > 0 { lines.append(t("retention.refused", ["count": refused])) }
        lines.append(t("retention.audit"))
        let due = try? gate.categoriesDue(limit: 10_000)
        confirmation = Confirmation(title: t("retention.title", ["rule": rule]), lines: lines, run: { [weak self, gate] in
            guard let self else { return "" }
            let (erased, taken) = try self.auditedWork.withLock {
                let erased = people.isEmpty ? [] : try gate.erase(candidateIds: people, request: "RETENTION")
                let wanted = Set(parts.map { "\($0.candidateId)/\($0.part!.rawValue)" })
                let items = (due ?? []).filter { wanted.contains("\($0.candidateId)/\($0.category.rawValue)") }
                let taken = items.isEmpty ? [] : try gate.eraseCategories(items, request: "RETENTION")
                return (erased, taken)
            }
            let gone = (erased + taken).allSatisfy(\.bytesGone)
            return self.deskWrote(self.t(gone ? "flash.retentionDone" : "flash.retentionJournal",
                                         ["erased": erased.count, "taken": taken.count, "rule": rule]))
        }, typed: t("erase.typed", ["count": go.count]), returnMode: .desk)
        mode = .confirm
    }
}
