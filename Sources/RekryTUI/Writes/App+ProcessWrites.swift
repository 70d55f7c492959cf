import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The Processes tab's writes: joining a process, moving a stage, and closing a process (confirmed).
extension App {
    /// The candidate's processes that are still open, as far as the actor may see them.
    func openParticipations(_ d: DetailModel) -> [Participation] {
        d.detail.processes.compactMap(\.value).filter { $0.process.closedAt == nil }
    }

    func askJoinProcess(_ d: DetailModel) throws {
        guard permitted(.joinProcess, badge: d.detail.badge) else { return }
        let already = Set(d.detail.processes.compactMap(\.value).map(\.process.id))
        let open = try gate.processes(openOnly: true).filter { !already.contains($0.id) }
        guard !open.isEmpty else {
            flash = "No open process to add \(displayName(d)) to; press o in the list to open one."
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.join(name: displayName(d), processes: open)) { [gate] v in
            let processId = ProcessForms.id(fromLabel: v["process"]!)!
            let stage = Stage(rawValue: v["stage"]!)!
            try gate.addToProcess(candidateId: id, processId: processId, stage: stage)
            return self.wrote("Added to process \(processId) at \(stage.rawValue).", candidateId: id)
        }
    }

    func askMoveStage(_ d: DetailModel) {
        guard permitted(.moveStage, badge: d.detail.badge) else { return }
        let open = openParticipations(d)
        guard !open.isEmpty else {
            flash = "\(displayName(d)) is in no open process; p adds them to one."
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.move(name: displayName(d), in: open)) { [gate] v in
            let processId = ProcessForms.id(fromLabel: v["process"]!)!
            let stage = Stage(rawValue: v["stage"]!)!
            try gate.moveStage(candidateId: id, processId: processId, to: stage)
            return self.wrote("Moved to \(stage.rawValue) in process \(processId).", candidateId: id)
        }
    }

    /// Closing a process: a form for the outcomes, then a confirmation that says what is destroyed and what kept.
    func askCloseProcess(_ d: DetailModel) {
        guard permitted(.closeProcess) else { return }
        let open = openParticipations(d)
        guard !open.isEmpty else {
            flash = "\(displayName(d)) is in no open process to close."
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.close(name: displayName(d), in: open)) { v in
            let processId = ProcessForms.id(fromLabel: v["process"]!)!
            var hired = Set<Int64>()
            for part in v["hired"]!.split(whereSeparator: { $0 == "," || $0 == " " }) {
                guard let other = Int64(part) else {
                    throw FormRejection(field: "hired", message: "'\(part)' is not a candidate id (numbers, comma-separated)")
                }
                hired.insert(other)
            }
            if v["outcome"] == "hired" { hired.insert(id) }
            let process = open.first { $0.process.id == processId }!.process
            self.confirmClose(process, hired: hired, d)
            return nil
        }
    }

    /// The preview of a close: the reports of everyone not hired are destroyed and every grant ends; outcomes,
    /// records and hired candidates' reports are kept, each with its reason.
    func confirmClose(_ process: RecruitmentProcess, hired: Set<Int64>, _ d: DetailModel) {
        let id = d.detail.id, name = displayName(d)
        let participants = (try? gate.count(CandidateQuery(processId: process.id)))?.text ?? "?"
        let others = hired.subtracting([id]).sorted().map { "#\($0)" }
        let hiredText = (hired.contains(id) ? [name] : []) + others
        var own = "\(name) has no psychologist report in it."
        if let meta = d.detail.report?.value, meta.processTitle == process.title, meta.processClosedAt == nil {
            own = hired.contains(id) ? "\(name)'s report is kept (hired)." : "\(name)'s report is destroyed (not hired)."
        }
        confirmation = Confirmation(
            title: "Close process \(process.id) “\(process.title)” (\(process.client ?? "internal"))?",
            lines: [
                "Outcomes: hired \(hiredText.isEmpty ? "nobody" : hiredText.joined(separator: ", ")); the rest of the \(participants) in it not hired.",
                "Goes: the psychologist reports of everyone not hired, destroyed: text, keys and grants, from every file. \(own)",
                "Goes: every grant on the process's reports ends; the process takes no more candidates or stage moves.",
                "Kept: the reports of those hired, for the employment, readable only by the leads who held them (re-keyed).",
                "Kept: every participant's record and outcome; retention now counts from this close (the firm's policy).",
                "The close and each destruction are written to the audit log. It cannot be undone.",
            ],
            run: { [gate] in
                let closing = try gate.closeProcess(process.id, hired: hired)
                return self.wrote("Process \(process.id) closed: \(closing.hired.count) hired, \(closing.notHired.count) not; "
                                  + "\(closing.reportsDestroyed) report(s) destroyed, \(closing.reportsKept) kept.", candidateId: id)
            })
        mode = .confirm
    }
}
