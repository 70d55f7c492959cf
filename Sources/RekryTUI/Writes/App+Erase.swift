import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// Erasure from the keyboard: `E` on a candidate, or Space to mark rows and `E` on the list. The preview
/// comes from the gate, the confirmation is typed (the id, or `erase N`), and the erasure runs in the
/// background with its progress in the status line.
extension App {
    func askErase(_ d: DetailModel) throws {
        guard !readOnly, permitted(.eraseCandidate, badge: d.detail.badge) else { return }
        try confirmErase([d.detail.id], title: t("erase.titleOne", ["name": displayName(d), "id": d.detail.id]), returnMode: .detail)
    }

    func toggleMark() {
        guard !readOnly, let row = list.selectedRow else { return }
        if marked.remove(row.id) == nil { marked.insert(row.id) }
        flash = t("flash.marked", ["count": marked.count])
    }

    func askEraseMarked() throws {
        guard !readOnly, permitted(.eraseCandidate) else { return }
        guard !marked.isEmpty else {
            flash = t("flash.markFirst")
            return
        }
        let ids = marked.sorted()
        try confirmErase(ids, title: ids.count == 1 ? t("erase.titleId", ["id": ids[0]]) : t("erase.titleMarked", ["count": ids.count]), returnMode: .list)
    }

    /// Shows what goes and what stays (summed over a batch), then asks for the typed confirmation.
    func confirmErase(_ ids: [Int64], title: String, returnMode: Mode) throws {
        let previews = try gate.erasurePreview(candidateIds: ids)
        if let refused = previews.first(where: { $0.refusal != nil }) {
            flash = refused.refusalWording.map(language.phrase) ?? refused.refusal
            return
        }
        var totals: [(category: String, count: Int?)] = []
        for line in previews.flatMap(\.goes) {
            if let i = totals.firstIndex(where: { $0.category == line.category }) {
                totals[i].count = line.count.flatMap { c in totals[i].count.map { $0 + c } }
            } else {
                totals.append((line.category, line.count))
            }
        }
        let goes = totals.map { "\(erasedCategory($0.category)) \($0.count.map(String.init) ?? t("erase.notCounted"))" }.joined(separator: ", ")
        var lines = [t("erase.goes", ["goes": goes])]
        // What stays and why are the gate's sentences (the legal grounds it checked), worded in the UI language.
        for kept in previews.first?.stays ?? [] {
            lines.append(t("erase.stays", ["what": kept.whatWording.map(language.phrase) ?? kept.what,
                                           "why": kept.whyWording.map(language.phrase) ?? kept.why]))
        }
        let recipients = Set(previews.flatMap(\.recipients)).sorted()
        if !recipients.isEmpty { lines.append(t("erase.tell", ["recipients": recipients.joined(separator: ", ")])) }
        lines.append(t("erase.audit"))
        confirmation = Confirmation(title: title, lines: lines, run: { [weak self] in
            self?.startErasure(ids)
            guard let self else { return "" }
            return self.t(ids.count == 1 ? "flash.erasingOne" : "flash.erasingMany", ["id": ids[0], "count": ids.count])
        }, typed: ids.count == 1 ? String(ids[0]) : t("erase.typed", ["count": ids.count]), returnMode: returnMode)
        mode = .confirm
    }

    /// A category of the erasure preview in the UI language (`contact details` → `kontaktuppgifter`); one the
    /// catalogue lacks shows as the gate names it.
    func erasedCategory(_ category: String) -> String {
        let key = "erasedCategory.\(category)"
        let text = t(key)
        return text == key ? category : text
    }

    /// Whether a key answers the typed confirmation (Enter, Esc) rather than typing into it.
    func isTypedConfirmKey(_ key: Key) -> Bool { key == .enter || key == .escape }

    /// Typing the confirmation text: characters add, Backspace removes.
    func typeConfirmation(_ key: Key) {
        guard var c = confirmation else { return }
        switch key {
        case .char(let ch): c.entered.append(ch)
        case .backspace: if !c.entered.isEmpty { c.entered.removeLast() }
        default: break
        }
        confirmation = c
    }

    /// Runs the erasure off the main thread; its progress and receipts come back through the mailbox.
    func startErasure(_ ids: [Int64]) {
        erasing = (0, ids.count)
        marked.subtract(ids)
        if let d = detail, ids.contains(d.detail.id) {
            detail = nil
            mode = .list
        }
        let gate = self.gate, mailbox = self.mailbox, audited = auditedWork
        mailbox.started()
        executor.run {
            let result = audited.withLock {
                Result { try gate.erase(candidateIds: ids) { done, total in mailbox.postProgress(.erasing(done: done, total: total)) } }
            }
            mailbox.post(.erased(result))
        }
    }

    func erasureFinished(_ result: Result<[ErasureReceipt], any Error>) {
        erasing = nil
        switch result {
        case .success(let receipts):
            let gone = receipts.allSatisfy(\.bytesGone)
            let who = receipts.count == 1 ? receipts[0].subject : t("erase.people", ["count": receipts.count])
            flash = t(gone ? "flash.erased" : "flash.erasedJournal", ["who": who])
        case .failure(let error):
            noteFailure(error)
        }
        do { try list.refresh(gate, height: listHeight) } catch { noteFailure(error) }
        startCount()
    }
}
