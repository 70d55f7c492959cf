import RekryDomain
import RekryGate

/// The forms of processes and psychologist reports. A process is chosen by a label that starts with its id.
enum ProcessForms {
    /// `12 Backend developer (Client AB)`: the id first, so the value can be read back. The value stays the
    /// same in every language (only `internal` is translated, and `id(fromLabel:)` reads the id alone).
    static func label(_ p: RecruitmentProcess, _ l: UILanguage = .en) -> String {
        "\(p.id) \(p.title) (\(p.client ?? l.text("detail.internal")))"
    }

    /// The id a process label starts with.
    static func id(fromLabel label: String) -> Int64? { label.split(separator: " ").first.flatMap { Int64($0) } }

    /// The stages a candidate can be put at or moved to; outcomes are set by closing the process.
    static let workingStages = Stage.allCases.filter { !$0.isOutcome }.map(\.rawValue)

    static func openProcess(_ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.openProcess"), fields: [
            FormField(id: "title", label: l.text("field.title"), required: true, help: l.text("help.role")),
            FormField(id: "client", label: l.text("field.client"), help: l.text("help.client")),
            FormField(id: "country", label: l.text("field.country"), initial: "SE", required: true, help: l.text("help.twoLetters")),
        ])
    }

    static func join(name: String, processes: [RecruitmentProcess], _ l: UILanguage) -> FormModel {
        let labels = processes.map { label($0, l) }
        return FormModel(title: l.text("form.join", ["name": name]), fields: [
            FormField(id: "process", label: l.text("field.process"), kind: .choice(labels), initial: labels.first ?? "",
                      required: true, help: l.text("help.openProcesses")),
            FormField(id: "stage", label: l.text("field.stage"), kind: .choice(workingStages), initial: Stage.sourced.rawValue,
                      required: true, choiceLabels: l.labels(workingStages, "stage")),
        ])
    }

    static func move(name: String, in participations: [Participation], _ l: UILanguage) -> FormModel {
        let first = participations.first
        let next = first.flatMap { p in Stage.allCases.first { $0 > p.stage && !$0.isOutcome } } ?? first?.stage ?? .sourced
        let labels = participations.map { label($0.process, l) }
        let now = participations.map { l.text("help.nowAt", ["id": $0.process.id, "stage": l.text("stage.\($0.stage.rawValue)")]) }
        return FormModel(title: l.text("form.move", ["name": name]), fields: [
            FormField(id: "process", label: l.text("field.process"), kind: .choice(labels), initial: labels.first ?? "", required: true,
                      help: now.joined(separator: ", ")),
            FormField(id: "stage", label: l.text("field.stage"), kind: .choice(workingStages), initial: next.rawValue, required: true,
                      choiceLabels: l.labels(workingStages, "stage")),
        ])
    }

    static func close(name: String, in participations: [Participation], _ l: UILanguage) -> FormModel {
        let labels = participations.map { label($0.process, l) }
        return FormModel(title: l.text("form.close", ["name": name]), fields: [
            FormField(id: "process", label: l.text("field.process"), kind: .choice(labels), initial: labels.first ?? "", required: true),
            FormField(id: "outcome", label: l.text("field.outcome"), kind: .choice(["not hired", "hired"]), initial: "not hired",
                      required: true, help: l.text("help.outcome", ["name": name]),
                      choiceLabels: ["not hired": l.text("choice.notHired"), "hired": l.text("choice.hired")]),
            FormField(id: "hired", label: l.text("field.othersHired"), help: l.text("help.othersHired")),
        ])
    }

    static func attachReport(name: String, _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.attachReport", ["name": name]), fields: [
            FormField(id: "author", label: l.text("field.author"), required: true, help: l.text("help.author")),
            FormField(id: "path", label: l.text("field.file"), required: true, help: l.text("help.reportFile")),
        ])
    }

    static func grant(name: String, usernames: [String], _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.grant", ["name": name]), fields: [
            FormField(id: "username", label: l.text("field.staff"), kind: .choice(usernames), required: true,
                      help: l.text("help.grantees")),
            FormField(id: "reason", label: l.text("field.reason"), required: true, help: l.text("help.grantReason")),
        ])
    }

    static func revoke(name: String, usernames: [String], _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.revoke", ["name": name]), fields: [
            FormField(id: "username", label: l.text("field.staff"), kind: .choice(usernames), required: true,
                      help: l.text("help.holders")),
        ])
    }
}
