import ArgumentParser
import Foundation
import RekryGate
import RekryStorage

/// `rekry export ID --format extract|resume|client`: the Art. 15 register extract, a JSON Resume for
/// portability, or the redacted presentation shown to a client.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a candidate: the Art. 15 extract (DPO), a JSON Resume (DPO) or a client presentation (recruiters, leads).",
        discussion: """
            extract: everything held about the person with its basis, purpose, source and retention, the consent history, \
            the recipients, the access log (dates, purposes, roles) and their rights; JSON, or Markdown with --markdown \
            (--both writes FILE and FILE.md side by side). resume: JSON Resume 1.3.1 of what the person provided. client: \
            a redacted profile for --recipient (needs a valid client-sharing consent), recorded as a disclosure. \
            Files are written 0600, atomically, and never over an existing file without --force; --out - prints.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case extract, resume, client }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "extract, resume or client.") var format: Format
    @Option(help: "With --format client: the client the profile is shown to.") var recipient: String?
    @Option(help: ArgumentHelp("Where to write it; - for standard output. Default: a file named after the format and the candidate's reference, here.",
                               valueName: "FILE|-")) var out: String?
    @Flag(help: "With --format extract: Markdown for the person to read instead of JSON.") var markdown = false
    @Flag(help: "With --format extract and a file: the JSON in FILE and the Markdown beside it in FILE.md.") var both = false
    @Flag(help: "Replace an existing file.") var force = false

    func validate() throws {
        if format == .client && (recipient ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--format client needs --recipient NAME: the client the profile is shown to")
        }
        if format != .client && recipient != nil { throw ValidationError("--recipient goes with --format client") }
        if (markdown || both) && format != .extract { throw ValidationError("--markdown and --both go with --format extract") }
        if markdown && both { throw ValidationError("--markdown or --both, not both") }
        if both && out == "-" { throw ValidationError("--both writes two files; name the JSON file with --out FILE") }
        if out?.isEmpty == true { throw ValidationError("--out needs a file name, or - for standard output") }
    }

    func run() throws {
        // Checked before anything is read, so a bad path costs no audit entry and no disclosure.
        if let out, out != "-" {
            try ExportTarget.check(out, force: force)
            if both { try ExportTarget.check(out + ".md", force: force) }
        }
        let gate = try global.signIn()
        var files: [(suffix: String, text: String)] = []
        var presentation: ClientPresentation?
        let reference: String
        switch format {
        case .extract:
            let extract = try gate.registerExtract(candidateId: id.value)
            reference = extract.subject.reference
            if !markdown { files.append(("", try JSONOutput.string(extract) + "\n")) }
            if markdown || both { files.append((both ? ".md" : "", ExtractMarkdown.render(extract))) }
        case .resume:
            let resume = try gate.resumeExport(candidateId: id.value)
            reference = "c\(id.value)"
            files.append(("", try JSONOutput.string(resume) + "\n"))
        case .client:
            let prepared = try gate.clientPresentation(candidateId: id.value, recipient: recipient ?? "")
            presentation = prepared
            reference = prepared.reference
            files.append(("", try JSONOutput.string(prepared) + "\n"))
        }
        // A client presentation counts as disclosed once it is out: recorded after the write, and the file
        // taken back if the record cannot be made.
        func disclose(undo: () -> Void) throws {
            guard let presentation else { return }
            do { try gate.recordDisclosure(of: presentation, candidateId: id.value) } catch { undo(); throw error }
        }
        if out == "-" {
            // Recorded first: once bytes are in a pipe they cannot be taken back, and a reader that stops early
            // must not make the disclosure go unrecorded.
            try disclose {}
            for file in files {
                do { try FileHandle.standardOutput.write(contentsOf: Data(file.text.utf8)) } catch {
                    throw CommandFailure.cannotCreate(say("export.stdoutFailed", ["error": error.localizedDescription]))
                }
            }
            return
        }
        let base = out ?? "rekry-\(format.rawValue)-\(reference).\(markdown ? "md" : "json")"
        var written: [String] = []
        do {
            for file in files {
                let path = base + file.suffix
                for warning in try ExportWriter.write(Data(file.text.utf8), to: path, force: force) {
                    FileHandle.standardError.write(Data("rekry: warning: \(warning)\n".utf8))
                }
                written.append(path)
            }
            try disclose { written.forEach { unlink($0) } }
        } catch {
            // Both files or neither: the first is taken back when the second cannot be written.
            if !force { written.forEach { unlink($0) } }
            throw error
        }
        for (file, path) in zip(files, written) { print(say("export.wrote", ["path": path, "bytes": file.text.utf8.count])) }
    }
}

/// Checks an export's target before anything is read.
enum ExportTarget {
    static func check(_ path: String, force: Bool) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RegisterError.cannotWrite(path: path, reason: "the folder \(folder) does not exist")
        }
        guard access(folder, W_OK | X_OK) == 0 else { throw RegisterError.cannotWrite(path: path, reason: "the folder \(folder) is not writable by you") }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw RegisterError.cannotWrite(path: path, reason: "it is a directory; name a file in it") }
            if !force { throw RegisterError.alreadyExists(path: path) }
        }
        guard (path as NSString).lastPathComponent.utf8.count <= 200 else {
            throw RegisterError.cannotWrite(path: path, reason: "the file name is too long (at most 200 bytes)")
        }
    }
}
