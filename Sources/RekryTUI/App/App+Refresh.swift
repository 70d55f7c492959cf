import RekryGate
import RekryStorage

/// Keeping the screen true while others work on the register: `R` reads it again at once, and the run loop
/// asks `refreshIfChanged` when the user is idle, so a colleague's change (a consent withdrawn) shows within a
/// second without a key.
extension App {
    /// Reads the list's window and the open candidate again, as they are now.
    func refreshNow() throws {
        seenChangeCounter = try gate.changeCounter()
        if mode == .desk {
            desk = try readDesk(keeping: desk)
        } else if let d = detail, opening == nil {
            do {
                try refreshDetail(d)
            } catch let error as RegisterError where error.notFoundWhat != nil {
                // Erased by someone else meanwhile: nothing of the person may stay on this screen.
                detail = nil
                referee = nil
                confirmation = nil
                if mode != .list { mode = .list }
                try list.refresh(gate, height: listHeight)
                startCount()
                flash = language.text("flash.candidateGone", ["id": String(d.detail.id)])
            }
        } else {
            try list.refresh(gate, height: listHeight)
            startCount()
        }
    }

    /// The open candidate as the gate gives them now, keeping the tab, scroll and find. Nothing is written
    /// (`Gate.candidateAgain`), so open screens never refresh each other. A psychologist report already read
    /// stays on screen only while this user still holds a grant and the report's consent holds; otherwise its
    /// text goes, and reading it again is a new, audited read.
    func refreshDetail(_ d: DetailModel) throws {
        let candidate = try auditedWork.withLock { try gate.candidateAgain(d.detail.id) }
        var fresh = DetailModel(detail: candidate, tab: d.tab, scroll: d.scroll, reference: d.reference)
        fresh.find = d.find
        fresh.findLine = d.findLine
        if let read = d.report {
            let meta = candidate.report
            let stillGranted = meta?.value?.id == d.detail.report?.value?.id
                && meta?.value?.grantees.contains(actor.username) == true && meta?.badge.lapse == nil
            if stillGranted {
                fresh.report = read
            } else {
                fresh.reportError = t("report.changedReadAgain")
            }
        } else {
            fresh.reportError = d.reportError
        }
        if d.activity != nil { fresh.activity = try gate.activity(candidateId: d.detail.id) }
        detail = fresh
        try list.refresh(gate, height: listHeight)
        startCount()
    }

    /// Called by the run loop when no key came for a while: re-reads the screen if another process changed the
    /// register since the last look. Not while a form, a prompt or a confirmation is open (what the user is
    /// typing must not move under them), nor while a search is being typed, nor on the DPO desk (its reads are
    /// audited; `R` refreshes it). Returns whether the screen changed.
    @discardableResult
    public func refreshIfChanged() -> Bool {
        guard [.list, .detail].contains(mode), opening == nil else { return false }
        do {
            let counter = try gate.changeCounter()
            guard let seen = seenChangeCounter else {
                seenChangeCounter = counter
                return false
            }
            guard counter != seen else { return false }
            try refreshNow()
            return true
        } catch {
            noteFailure(error)
            return true
        }
    }
}
