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
        try confirmErase([d.detail.id], title: "Erase \(displayName(d)) (#\(d.detail.id))?", returnMode: .detail)
    }

    func toggleMark() {
        guard !readOnly, let row = list.selectedRow else { return }
        if marked.remove(row.id) == nil { marked.insert(row.id) }
        flash = "\(marked.count) marked; E erases them, Space on a marked row unmarks it."
    }

    func askEraseMarked() throws {
        guard !readOnly, permitted(.eraseCandidate) else { return }
        guard !marked.isEmpty else {
            flash = "Mark candidates with Space first; E erases the marked ones."
            return
        }
        let ids = marked.sorted()
        try confirmErase(ids, title: ids.count == 1 ? "Erase candidate #\(ids[0])?" : "Erase \(ids.count) marked candidates?", returnMode: .list)
    }

    /// Shows what goes and what stays (summed over a batch), then asks for the typed confirmation.
    func confirmErase(_ ids: [Int64], title: String, returnMode: Mode) throws {
        let previews = try gate.erasurePreview(candidateIds: ids)
        if let refused = previews.first(where: { $0.refusal != nil }) {
            flash = refused.refusal
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
        let goes = totals.map { "\($0.category) \($0.count.map(String.init) ?? "(not counted for your role)")" }.joined(separator: ", ")
        var lines = ["Goes, from every file of the register (the full-text index and the journals too): \(goes)."]
        for kept in previews.first?.stays ?? [] { lines.append("Stays: \(kept.what): \(kept.why).") }
        let recipients = Set(previews.flatMap(\.recipients)).sorted()
        if !recipients.isEmpty { lines.append("Tell (Art. 19), they were sent the profile: \(recipients.joined(separator: ", ")).") }
        lines.append("The erasure is written to the audit log as pseudonyms only. It cannot be undone.")
        confirmation = Confirmation(title: title, lines: lines, run: { [weak self] in
            self?.startErasure(ids)
            return "Erasing \(ids.count == 1 ? "#\(ids[0])" : "\(ids.count) candidates")…"
        }, typed: ids.count == 1 ? String(ids[0]) : "erase \(ids.count)", returnMode: returnMode)
        mode = .confirm
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
            flash = "Erased \(receipts.count == 1 ? receipts[0].subject : "\(receipts.count) people"): "
                + (gone ? "no byte left in any file." : "old pages wait in the journal until other sessions close (then: rekry check).")
        case .failure(let error):
            noteFailure(error)
        }
        do { try list.refresh(gate, height: listHeight) } catch { noteFailure(error) }
        startCount()
    }
}
