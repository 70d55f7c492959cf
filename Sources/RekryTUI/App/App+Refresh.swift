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
                try reread(d.detail.id)
            } catch RegisterError.notFound {
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

    /// Called by the run loop when no key came for a while: re-reads the screen if another process changed the
    /// register since the last look. Not while a form, a prompt or a confirmation is open (what the user is
    /// typing must not move under them), nor while a search is being typed. Returns whether the screen changed.
    @discardableResult
    public func refreshIfChanged() -> Bool {
        guard [.list, .detail, .desk].contains(mode), opening == nil else { return false }
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
