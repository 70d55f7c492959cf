import RekryDomain
import RekryGate

/// The forms of processes and psychologist reports. A process is chosen by a label that starts with its id.
enum ProcessForms {
    /// `12 Backend developer (Client AB)`: the id first, so the value can be read back.
    static func label(_ p: RecruitmentProcess) -> String { "\(p.id) \(p.title) (\(p.client ?? "internal"))" }

    /// The id a process label starts with.
    static func id(fromLabel label: String) -> Int64? { label.split(separator: " ").first.flatMap { Int64($0) } }

    /// The stages a candidate can be put at or moved to; outcomes are set by closing the process.
    static let workingStages = Stage.allCases.filter { !$0.isOutcome }.map(\.rawValue)

    static func openProcess() -> FormModel {
        FormModel(title: "Open a recruitment process", fields: [
            FormField(id: "title", label: "Title", required: true, help: "The role, e.g. Backend developer"),
            FormField(id: "client", label: "Client", help: "The client company; empty for an internal role"),
            FormField(id: "country", label: "Country", initial: "SE", required: true, help: "Two-letter code"),
        ])
    }

    static func join(name: String, processes: [RecruitmentProcess]) -> FormModel {
        FormModel(title: "Add \(name) to a process", fields: [
            FormField(id: "process", label: "Process", kind: .choice(processes.map(label)), initial: processes.first.map(label) ?? "",
                      required: true, help: "Open processes; ←/→ choose"),
            FormField(id: "stage", label: "Stage", kind: .choice(workingStages), initial: Stage.sourced.rawValue, required: true),
        ])
    }

    static func move(name: String, in participations: [Participation]) -> FormModel {
        let first = participations.first
        let next = first.flatMap { p in Stage.allCases.first { $0 > p.stage && !$0.isOutcome } } ?? first?.stage ?? .sourced
        return FormModel(title: "Move \(name) to another stage", fields: [
            FormField(id: "process", label: "Process", kind: .choice(participations.map { label($0.process) }),
                      initial: first.map { label($0.process) } ?? "", required: true,
                      help: participations.map { "\($0.process.id): now \($0.stage.rawValue)" }.joined(separator: ", ")),
            FormField(id: "stage", label: "Stage", kind: .choice(workingStages), initial: next.rawValue, required: true),
        ])
    }

    static func close(name: String, in participations: [Participation]) -> FormModel {
        FormModel(title: "Close a process of \(name)", fields: [
            FormField(id: "process", label: "Process", kind: .choice(participations.map { label($0.process) }),
                      initial: participations.first.map { label($0.process) } ?? "", required: true),
            FormField(id: "outcome", label: "Outcome", kind: .choice(["not hired", "hired"]), initial: "not hired", required: true,
                      help: "\(name)'s outcome in this process"),
            FormField(id: "hired", label: "Others hired", help: "Candidate ids, comma-separated; everyone else in it is not hired"),
        ])
    }

    static func attachReport(name: String) -> FormModel {
        FormModel(title: "Psychologist report on \(name)", fields: [
            FormField(id: "author", label: "Author", required: true, help: "The licensed psychologist who wrote it"),
            FormField(id: "path", label: "File", required: true, help: "Path of the report as a UTF-8 text file, read when you save"),
        ])
    }

    static func grant(name: String, usernames: [String]) -> FormModel {
        FormModel(title: "Grant access to \(name)'s psychologist report", fields: [
            FormField(id: "username", label: "Staff member", kind: .choice(usernames), required: true,
                      help: "Recruiters and leads without access; ←/→ choose"),
            FormField(id: "reason", label: "Reason", required: true, help: "Why they need to read it (kept with the grant)"),
        ])
    }

    static func revoke(name: String, usernames: [String]) -> FormModel {
        FormModel(title: "Revoke access to \(name)'s psychologist report", fields: [
            FormField(id: "username", label: "Staff member", kind: .choice(usernames), required: true,
                      help: "Holders of a current grant; the next screen shows what changes"),
        ])
    }
}
