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
            flash = t("flash.noOpenProcess", ["name": displayName(d)])
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.join(name: displayName(d), processes: open, language)) { [gate] v in
            let processId = ProcessForms.id(fromLabel: v["process"]!)!
            let stage = Stage(rawValue: v["stage"]!)!
            try gate.addToProcess(candidateId: id, processId: processId, stage: stage)
            return self.wrote(self.t("flash.joined", ["id": processId, "stage": self.t("stage.\(stage.rawValue)")]), candidateId: id)
        }
    }

    func askMoveStage(_ d: DetailModel) {
        guard permitted(.moveStage, badge: d.detail.badge) else { return }
        let open = openParticipations(d)
        guard !open.isEmpty else {
            flash = t("flash.inNoOpenProcess", ["name": displayName(d)])
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.move(name: displayName(d), in: open, language)) { [gate] v in
            let processId = ProcessForms.id(fromLabel: v["process"]!)!
            let stage = Stage(rawValue: v["stage"]!)!
            try gate.moveStage(candidateId: id, processId: processId, to: stage)
            return self.wrote(self.t("flash.moved", ["id": processId, "stage": self.t("stage.\(stage.rawValue)")]), candidateId: id)
        }
    }

    /// Closing a process: a form for the outcomes, then a confirmation that says what is destroyed and what kept.
    func askCloseProcess(_ d: DetailModel) {
        guard permitted(.closeProcess) else { return }
        let open = openParticipations(d)
        guard !open.isEmpty else {
            flash = t("flash.noProcessToClose", ["name": displayName(d)])
            return
        }
        let id = d.detail.id
        showForm(ProcessForms.close(name: displayName(d), in: open, language)) { v in
            let processId = ProcessForms.id(fromLabel: v["process"]!)!
            var hired = Set<Int64>()
            for part in v["hired"]!.split(whereSeparator: { $0 == "," || $0 == " " }) {
                guard let other = Int64(part) else {
                    throw FormRejection(field: "hired", message: self.t("valid.notAnId", ["text": part]))
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
        var own = t("close.noReport", ["name": name])
        if let meta = d.detail.report?.value, meta.processTitle == process.title, meta.processClosedAt == nil {
            own = t(hired.contains(id) ? "close.reportKept" : "close.reportDestroyed", ["name": name])
        }
        let hiredNames = hiredText.isEmpty ? t("close.nobody") : hiredText.joined(separator: ", ")
        confirmation = Confirmation(
            title: t("close.title", ["id": process.id, "title": process.title, "client": process.client ?? t("detail.internal")]),
            lines: [
                t("close.outcomes", ["hired": hiredNames, "count": participants]),
                t("close.goesReports", ["own": own]),
                t("close.goesGrants"),
                t("close.keptReports"),
                t("close.keptRecords"),
                t("close.audit"),
            ],
            run: { [gate] in
                let closing = try gate.closeProcess(process.id, hired: hired)
                return self.wrote(self.t("flash.processClosed", ["id": process.id, "hired": closing.hired.count, "notHired": closing.notHired.count,
                                                                 "destroyed": closing.reportsDestroyed, "kept": closing.reportsKept]), candidateId: id)
            })
        mode = .confirm
    }
}
