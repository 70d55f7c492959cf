import Foundation
import RekryDomain

/// The register extract as Markdown, for the person to read.
public enum ExtractMarkdown {
    public static func render(_ e: RegisterExtract) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func day(_ d: Date?) -> String { d.map(DayFormat.day) ?? "—" }
        /// Table cells keep one line each and do not close the cell early.
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        line("# What we hold about you")
        line()
        line("Register extract (GDPR Art. 15) made \(DayFormat.minute(e.generatedAt)) UTC for \(e.subject.name ?? "you"). "
             + "Quote the reference **\(e.subject.reference)** in any request.")
        line()
        line("## Your data, why we hold it, where it came from and how long we keep it")
        for item in e.items {
            line()
            line("### \(item.label)")
            line()
            line("- Category: \(item.category); legal basis: \(item.basis.rawValue)")
            line("- Purpose: \(item.purpose)")
            line("- Source: \(item.source)")
            line("- Kept: \(item.retention.note)" + (item.retention.rule.map { $0.isEmpty ? "" : " (rule: \($0))" } ?? ""))
            line()
            // Short values in a table; a text (a CV, a statement) as its own quoted block, lines kept.
            let long = item.fields.filter { $0.value.contains("\n") || $0.value.count > 100 }
            let short = item.fields.filter { f in !long.contains(f) }
            if !short.isEmpty {
                line("| field | value |")
                line("|---|---|")
                for f in short { line("| \(cell(f.name)) | \(cell(f.value)) |") }
            }
            for f in long {
                line()
                line("**\(f.name)**:")
                line()
                for textLine in f.value.components(separatedBy: "\n") { line(textLine.isEmpty ? ">" : "> " + textLine) }
            }
        }
        line()
        line("## Your consents")
        line()
        if e.consents.isEmpty { line("None recorded.") }
        for c in e.consents {
            let end = c.withdrawnAt.map { "withdrawn \(day($0))" } ?? c.expiresAt.map { "valid until \(day($0))" } ?? "no end date"
            line("- \(c.purpose.rawValue): given \(day(c.givenAt)) by \(c.channel); \(end). You agreed to: “\(c.text)”")
        }
        line()
        line("## Who your data was shown to")
        line()
        if e.recipients.isEmpty { line("Nobody outside the firm.") }
        for r in e.recipients { line("- \(r.recipient), \(day(r.disclosedAt)): \(r.what)") }
        if let report = e.psychologistReport {
            line()
            line("## Psychologist report")
            line()
            line("Written by \(report.author) on \(day(report.writtenAt)) for \(report.process), added \(day(report.attachedAt)).")
            if let text = report.text {
                line()
                line(text)
            } else {
                line("Its text is encrypted and readable only by staff who hold a grant: "
                     + (report.textHeldBy.isEmpty ? "nobody holds one now; ask the firm." : report.textHeldBy.joined(separator: ", ") + " can add it on request."))
            }
        }
        line()
        line("## When your data was used, and why")
        line()
        line("| date (UTC) | what | purpose | by |")
        line("|---|---|---|---|")
        for a in e.accessLog { line("| \(DayFormat.minute(a.at)) | \(cell(a.action)) | \(cell(a.purpose)) | \(cell(a.role)) |") }
        line()
        line("## Transfers and automated decisions")
        line()
        line(e.transfersOutsideEEA)
        line()
        line(e.automatedDecisions)
        line()
        line("## Your rights")
        line()
        for r in e.rights { line("- **\(r.right)** (\(r.article)): \(r.how)") }
        if !e.withheld.isEmpty {
            line()
            line("## Not included, and why")
            line()
            for w in e.withheld { line("- \(w.item): \(w.reason)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
