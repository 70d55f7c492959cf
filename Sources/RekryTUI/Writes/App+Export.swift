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
            flash = t("flash.mayNotExport", ["role": roleName])
            return
        }
        let id = d.detail.id
        let folder = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        let codes = formats.map(\.rawValue)
        var fields = [FormField(id: "format", label: t("field.format"), kind: .choice(codes), initial: first.rawValue, required: true,
                                help: formats.map { t("exportHelp.\($0.rawValue)") }.joined(separator: "; "),
                                choiceLabels: language.labels(codes, "exportFormat"))]
        if formats.contains(.client) {
            fields.append(FormField(id: "recipient", label: t("field.recipient"), required: true, help: t("help.recipient")))
        }
        fields.append(FormField(id: "file", label: t("field.file"), help: t("help.exportFile", ["id": id, "folder": folder])))
        showForm(FormModel(title: t("form.export", ["name": displayName(d)]), fields: fields), aliases: ["--recipient": "recipient", "--out": "file"]) { [gate] v in
            let format = ExportFormat(rawValue: v["format"]!)!
            let path = v["file"].nonEmpty.map { ($0 as NSString).expandingTildeInPath }
                ?? folder + "/rekry-\(format.rawValue)-\(id).\(format == .extractMarkdown ? "md" : "json")"
            guard !FileManager.default.fileExists(atPath: path) else {
                throw FormRejection(field: "file", message: self.t("valid.fileExists", ["path": path]))
            }
            let prepared = try ExportPreparation.prepare(format, candidateId: id, recipient: v["recipient"] ?? "", gate: gate,
                                                         language: self.language)
            self.confirmExport(prepared, to: path, candidateId: id)
            return nil
        }
    }

    /// Shows what goes into the file, then writes it on `y`.
    func confirmExport(_ prepared: ExportPreparation, to path: String, candidateId: Int64) {
        var lines = prepared.summary
        lines.append(t("export.writtenTo", ["path": path]))
        if let presentation = prepared.presentation {
            lines.append(t("export.disclosure", ["recipient": presentation.recipient]))
        }
        confirmation = Confirmation(title: t("export.title", ["format": t("exportTitle.\(prepared.format.rawValue)")]), lines: lines, run: { [gate] in
            let warnings = try ExportWriter.write(prepared.data, to: path, force: false)
            if let presentation = prepared.presentation {
                do { try gate.recordDisclosure(of: presentation, candidateId: candidateId) } catch { unlink(path); throw error }
            }
            let wrote = self.t("flash.wrote", ["path": path, "bytes": self.language.grouped(prepared.data.count)])
            // The writer's warnings are the file system's (a group-readable folder); they stay as it words them.
            return wrote + (warnings.isEmpty ? "" : " " + self.t("flash.note", ["warnings": warnings.joined(separator: "; ")]))
        }, returnMode: .detail)
        mode = .confirm
    }
}

/// What the export form offers; its title and help are the catalogue's `exportTitle.` and `exportHelp.` keys.
enum ExportFormat: String, CaseIterable {
    case extract, extractMarkdown = "extract-markdown", resume, client
}

/// An export computed through the gate and not yet written: its bytes and a summary of what goes in.
struct ExportPreparation {
    var format: ExportFormat
    var data: Data
    var summary: [String]
    /// A client presentation, whose disclosure is recorded once it is written.
    var presentation: ClientPresentation?

    /// The summary's line of what the extract leaves out and why, in the reader's language.
    static func leftOut(_ withheld: [RegisterExtract.Withheld], _ l: UILanguage) -> String {
        let items = withheld.map { w in
            "\(w.itemWording.map(l.phrase) ?? w.item) (\(w.reasonCode.map { l == .en ? $0.explanation : l.withheld($0) } ?? w.reason))"
        }
        return l.text("export.leftOut", ["items": items.joined(separator: "; ")])
    }

    @MainActor
    static func prepare(_ format: ExportFormat, candidateId: Int64, recipient: String, gate: Gate,
                        language l: UILanguage = .en) throws -> ExportPreparation {
        switch format {
        case .extract, .extractMarkdown:
            let e = try gate.registerExtract(candidateId: candidateId)
            let categories = Dictionary(grouping: e.items, by: \.category).map { "\($0.key) \($0.value.count)" }.sorted()
            var summary = [l.text("export.extractItems", ["count": e.items.count, "categories": categories.joined(separator: ", ")]),
                           l.text("export.extractRest", ["consents": e.consents.count, "recipients": e.recipients.count, "uses": e.accessLog.count])]
            if let report = e.psychologistReport {
                let holders = report.textHeldBy.isEmpty ? l.text("export.nobodyNow") : report.textHeldBy.joined(separator: ", ")
                summary.append(report.text == nil ? l.text("export.reportListed", ["holders": holders]) : l.text("export.reportIncluded"))
            }
            // The extract itself is written in English for the person; its summary names what was left out, and
            // why, in the reader's language.
            if !e.withheld.isEmpty { summary.append(leftOut(e.withheld, l)) }
            let data = format == .extract ? try ExportJSON.data(e) + Data("\n".utf8) : Data(ExtractMarkdown.render(e).utf8)
            return ExportPreparation(format: format, data: data, summary: summary)
        case .resume:
            let r = try gate.resumeExport(candidateId: candidateId)
            let summary = [l.text("export.resumeIn", ["name": r.basics.name ?? l.text("export.theName"), "jobs": r.work?.count ?? 0,
                                                      "studies": r.education?.count ?? 0, "skills": r.skills?.count ?? 0,
                                                      "languages": r.languages?.count ?? 0]),
                           l.text("export.resumeOnly")]
            return ExportPreparation(format: format, data: try ExportJSON.data(r) + Data("\n".utf8), summary: summary)
        case .client:
            let p = try gate.clientPresentation(candidateId: candidateId, recipient: recipient)
            var summary = [l.text("export.clientShown", ["recipient": p.recipient, "name": p.name ?? l.text("export.theName"),
                                                         "jobs": p.experience.count, "studies": p.education.count, "skills": p.skills.count,
                                                         "languages": p.languages.count, "referees": p.references.count]),
                           l.text("export.clientNotShown")]
            if !p.notIncluded.isEmpty { summary.append(l.text("export.alsoLeftOut", ["items": p.notIncluded.joined(separator: "; ")])) }
            return ExportPreparation(format: format, data: try ExportJSON.data(p) + Data("\n".utf8), summary: summary, presentation: p)
        }
    }
}
