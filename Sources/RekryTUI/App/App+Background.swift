import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// A candidate being read off the main thread: who, which read, and the keys typed meanwhile.
struct Opening {
    var id: Int64
    var ticket: Int
    /// The name as the list showed it (already gated), for the title bar while loading.
    var name: Gated<String>?
    var typedAhead: [Key] = []
}

/// Audited work runs one call at a time, on whichever thread (`App.auditedWork`): each audited transaction
/// records the chain's head after it commits, and taking turns keeps those heads written in chain order.
extension App {
    /// Opens a candidate without blocking the keys: the read (an audited transaction) runs on another thread
    /// and the view says "loading…" until `openingFinished` applies it.
    func openCandidate(_ id: Int64, name: Gated<String>? = nil) {
        nextTicket += 1
        let ticket = nextTicket
        detail = nil
        opening = Opening(id: id, ticket: ticket, name: name)
        mode = .detail
        let gate = self.gate, mailbox = self.mailbox, audited = auditedWork
        mailbox.started()
        executor.run {
            let result = audited.withLock { Result { try gate.candidate(id) } }
            mailbox.post(.candidate(ticket: ticket, result))
        }
    }

    /// Leaves a candidate that is still loading; its result will find no opening and be dropped.
    func cancelOpening() {
        opening = nil
        mode = .list
        flash = nil
    }

    /// Applies an opened candidate if it is still the one wanted, then replays the keys typed meanwhile.
    /// Returns whether the screen changed.
    func openingFinished(ticket: Int, _ result: Result<CandidateDetail, any Error>) -> Bool {
        guard let o = opening, o.ticket == ticket, mode == .detail else { return false }
        opening = nil
        switch result {
        case .success(let candidate):
            var d = DetailModel(detail: candidate)
            do { try loadTab(&d) } catch { flash = "\(error)" }
            detail = d
            for key in o.typedAhead { handle(key) }
        case .failure(let error):
            mode = .list
            noteFailure(error)
            flash = t("flash.openFailed", ["id": o.id, "error": error])
        }
        return true
    }

    /// Reads the candidate's psychologist report off the main thread: it is decrypted, and audited either way.
    func startReportRead(_ d: inout DetailModel) {
        nextTicket += 1
        let ticket = nextTicket
        d.reportTicket = ticket
        let id = d.detail.id
        let gate = self.gate, mailbox = self.mailbox, audited = auditedWork
        mailbox.started()
        executor.run {
            let result = audited.withLock { Result { try gate.readReport(candidateId: id) } }
            mailbox.post(.report(ticket: ticket, candidateId: id, result))
        }
    }

    /// Applies a report read if the view still waits for exactly that read (not for a candidate since left, nor
    /// for a read started before a write changed the report). Returns whether the screen changed.
    func reportRead(ticket: Int, candidateId: Int64, _ result: Result<Gated<ReportText>?, any Error>) -> Bool {
        guard var d = detail, d.detail.id == candidateId, d.reportTicket == ticket else { return false }
        d.reportTicket = nil
        switch result {
        case .success(let report): d.report = .some(report)
        case .failure(let error):
            d.reportError = "\(error)"
            flash = t("flash.reportFailed", ["error": error])
        }
        detail = d
        return true
    }
}
