import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// Exports from the keyboard: `x` on a candidate offers the formats the actor may make (the DPO: the Art. 15
/// extract as JSON or Markdown and the JSON Resume; recruiters and leads: the client presentation), shows
/// what goes into the file, and writes it (0600, atomically, never over an existing file).
extension App {
    /// The formats this actor may export, as the form offers them.
    var exportFormats: [ExportFormat] {
        switch actor.role {
        case .dpo: [.extract, .extractMarkdown, .resume]
        case .recruiter, .lead: [.client]
        case .admin: []
        }
    }

    func askExport(_ d: DetailModel) {
        guard !readOnly else { return }
        let formats = exportFormats
        guard let first = formats.first else {
            flash = "Refused: \(roleName) may not export candidates (the DPO makes extracts; recruiters and leads, client presentations)."
            return
        }
        let id = d.detail.id
        let folder = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        var fields = [FormField(id: "format", label: "Format", kind: .choice(formats.map(\.rawValue)), initial: first.rawValue, required: true,
                                help: formats.map(\.help).joined(separator: "; "))]
        if formats.contains(.client) {
            fields.append(FormField(id: "recipient", label: "Recipient", required: true, help: "The client the profile is shown to"))
        }
        fields.append(FormField(id: "file", label: "File", help: "Empty: rekry-FORMAT-\(id).json (or .md) in \(folder)"))
        showForm(FormModel(title: "Export \(displayName(d))", fields: fields), aliases: ["--recipient": "recipient", "--out": "file"]) { [gate] v in
            let format = ExportFormat(rawValue: v["format"]!)!
            let path = v["file"].nonEmpty.map { ($0 as NSString).expandingTildeInPath }
                ?? folder + "/rekry-\(format.rawValue)-\(id).\(format == .extractMarkdown ? "md" : "json")"
            guard !FileManager.default.fileExists(atPath: path) else {
                throw FormRejection(field: "file", message: "\(path) already exists; name another file")
            }
            let prepared = try ExportPreparation.prepare(format, candidateId: id, recipient: v["recipient"] ?? "", gate: gate)
            self.confirmExport(prepared, to: path, candidateId: id)
            return nil
        }
    }

    /// Shows what goes into the file, then writes it on `y`.
    func confirmExport(_ prepared: ExportPreparation, to path: String, candidateId: Int64) {
        var lines = prepared.summary
        lines.append("Written to \(path), readable by you only (0600).")
        if let presentation = prepared.presentation {
            lines.append("Recorded as a disclosure to \(presentation.recipient): it shows on the candidate, in their Art. 15 extract and in an erasure's list of whom to tell.")
        }
        confirmation = Confirmation(title: "Write the \(prepared.format.title)?", lines: lines, run: { [gate] in
            let warnings = try ExportWriter.write(prepared.data, to: path, force: false)
            if let presentation = prepared.presentation {
                do { try gate.recordDisclosure(of: presentation, candidateId: candidateId) } catch { unlink(path); throw error }
            }
            return "Wrote \(path) (\(prepared.data.count) bytes)." + (warnings.isEmpty ? "" : " Note: " + warnings.joined(separator: "; "))
        }, returnMode: .detail)
        mode = .confirm
    }
}

/// What the export form offers.
enum ExportFormat: String, CaseIterable {
    case extract, extractMarkdown = "extract-markdown", resume, client

    var title: String {
        switch self {
        case .extract: "register extract (Art. 15, JSON)"
        case .extractMarkdown: "register extract (Art. 15, Markdown)"
        case .resume: "JSON Resume (Art. 20)"
        case .client: "client presentation"
        }
    }

    var help: String {
        switch self {
        case .extract: "extract: everything held, JSON"
        case .extractMarkdown: "extract-markdown: the same, for the person to read"
        case .resume: "resume: what the person gave, as JSON Resume"
        case .client: "client: a redacted profile for a client"
        }
    }
}

/// An export computed through the gate and not yet written: its bytes and a summary of what goes in.
struct ExportPreparation {
    var format: ExportFormat
    var data: Data
    var summary: [String]
    /// A client presentation, whose disclosure is recorded once it is written.
    var presentation: ClientPresentation?

    @MainActor
    static func prepare(_ format: ExportFormat, candidateId: Int64, recipient: String, gate: Gate) throws -> ExportPreparation {
        switch format {
        case .extract, .extractMarkdown:
            let e = try gate.registerExtract(candidateId: candidateId)
            let categories = Dictionary(grouping: e.items, by: \.category).map { "\($0.key) \($0.value.count)" }.sorted()
            var summary = ["Goes in: \(e.items.count) items (\(categories.joined(separator: ", "))), each with its basis, purpose, source and retention;",
                           "\(e.consents.count) consents with their text; \(e.recipients.count) recipients; \(e.accessLog.count) uses of the data (dates, purposes, roles); the rights and how to use them."]
            if let report = e.psychologistReport {
                summary.append(report.text == nil ? "The psychologist report is listed; its text is not included (held by \(report.textHeldBy.isEmpty ? "nobody now" : report.textHeldBy.joined(separator: ", ")))."
                                                  : "The psychologist report's text is included (you hold a grant).")
            }
            if !e.withheld.isEmpty { summary.append("Left out: " + e.withheld.map { "\($0.item) (\($0.reason))" }.joined(separator: "; ") + ".") }
            let data = format == .extract ? try ExportJSON.data(e) + Data("\n".utf8) : Data(ExtractMarkdown.render(e).utf8)
            return ExportPreparation(format: format, data: data, summary: summary)
        case .resume:
            let r = try gate.resumeExport(candidateId: candidateId)
            let summary = ["Goes in: \(r.basics.name ?? "the name"), \(r.work?.count ?? 0) jobs, \(r.education?.count ?? 0) studies, \(r.skills?.count ?? 0) skills, \(r.languages?.count ?? 0) languages and the CV text.",
                           "Only what the person gave; no notes, assessments or anything sourced elsewhere."]
            return ExportPreparation(format: format, data: try ExportJSON.data(r) + Data("\n".utf8), summary: summary)
        case .client:
            let p = try gate.clientPresentation(candidateId: candidateId, recipient: recipient)
            var summary = ["Shown to \(p.recipient): \(p.name ?? "the name"), title, employer, home town, \(p.experience.count) jobs, \(p.education.count) studies, \(p.skills.count) skills, \(p.languages.count) languages, \(p.references.count) referees (names and roles).",
                           "Not shown: contact details, the psychologist report, referees' contact details and statements, notes and assessments."]
            if !p.notIncluded.isEmpty { summary.append("Also left out: " + p.notIncluded.joined(separator: "; ") + ".") }
            return ExportPreparation(format: format, data: try ExportJSON.data(p) + Data("\n".utf8), summary: summary, presentation: p)
        }
    }
}
