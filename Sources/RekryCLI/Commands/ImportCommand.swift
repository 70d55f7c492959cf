import ArgumentParser
import Foundation
import RekryDomain
import RekryGate
import RekryImport
import RekryStorage

/// `rekry import FILE…`: candidates from spreadsheets (Excel-Nordic CSV and the like) and JSON Resume files,
/// validated, all or nothing, honouring suppression (recruiters and leads).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import candidates from CSV or JSON Resume files: validated, all or nothing (recruiters, leads).",
        discussion: """
            CSV: UTF-8 (with or without a byte-order mark) or UTF-16, separated by ; , or tab, CRLF or LF, quoted fields \
            with newlines; English, Swedish and Norwegian headers (Namn/Navn, E-post, Telefon, Ort/Sted, …); --map COLUMN=field \
            for the rest (fields: \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))). JSON Resume 1.3.1: a file, an \
            array, or a directory of files. Every problem names the file, the line or JSON pointer, the field and the rule; if \
            any row is invalid nothing is written (exit 65) unless --skip-invalid. People erased at their request are refused \
            and counted, never named. A row matching someone on the register by email or phone is skipped, or merged as an \
            audited rectification with --on-duplicate update.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, resume }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "CSV or JSON Resume files (a directory: every .json in it).") var files: [String]
    @Option(help: "csv or resume; default: read from the content.") var format: Format?
    @Option(help: "Where the data came from, for rows without a source column: \(DataSource.allCases.map(\.rawValue).joined(separator: ", ")).") var source: String?
    @Option(help: "Legal basis for rows without a basis column: \(LegalBasis.allCases.map(\.rawValue).joined(separator: ", ")).") var basis: String?
    @Flag(help: "Validate everything and report what would be written; write nothing.") var dryRun = false
    @Option(help: "A row matching a candidate on the register by email or phone: skip it, or update (merge as a rectification).") var onDuplicate: String = "skip"
    @Flag(help: "Write the valid rows and list the invalid ones, instead of writing nothing.") var skipInvalid = false
    @Option(help: ArgumentHelp("A column the header table does not know: COLUMN=field (repeatable).", valueName: "COLUMN=field")) var map: [String] = []
    @Flag(help: "Print the report as JSON (rekry.import-report/1).") var json = false

    func run() throws {
        let source = try self.source.map { try CommandInput.choice($0, DataSource.self, argument: "--source") }
        let basis = try self.basis.map { try CommandInput.choice($0, LegalBasis.self, argument: "--basis") }
        guard let duplicates = ImportOptions.OnDuplicate(rawValue: onDuplicate) else {
            throw ValidationError(say("import.onDuplicate", ["value": onDuplicate]))
        }
        let overrides: [String: ImportField]
        do { overrides = try ImportHeaders.overrides(map) } catch let p as ImportProblem { throw CommandFailure(description: p.description, code: 64) }
        // Every file is opened (and its encoding and separator found) before anything is read from the register.
        var readers: [(path: String, rows: AnySequence<Result<ImportRow, ImportProblem>>, csv: CSVImportReader?)] = []
        var formats = Set<String>()
        for path in files {
            guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure.noInput(say("input.noSuchFile", ["path": path, "argument": "FILE"])) }
            let kind = try format ?? Self.detect(path)
            formats.insert(kind.rawValue)
            do {
                switch kind {
                case .csv:
                    let reader = try CSVImportReader(path: path, overrides: overrides)
                    readers.append((path, AnySequence(reader), reader))
                case .resume:
                    readers.append((path, AnySequence(try ResumeImportReader(path: path)), nil))
                }
            } catch let p as ImportProblem {
                throw CommandFailure.badData(p.description)
            }
        }
        let gate = try global.signIn()
        let progress = ImportProgress(quiet: json)
        let rows = readers.lazy.flatMap(\.rows)
        var report = try gate.importCandidates(rows, options: ImportOptions(
            source: source, basis: basis, onDuplicate: duplicates, skipInvalid: skipInvalid, dryRun: dryRun,
            format: formats.sorted().joined(separator: "+")), progress: progress.update)
        progress.finish()
        let unknown = readers.flatMap { r in (r.csv?.unknownColumns ?? []).map { "\(r.path): \($0)" } }
        if json {
            struct Output: Encodable { var report: ImportReport; var unknownColumns: [String] }
            print(try JSONOutput.string(Output(report: report, unknownColumns: unknown)))
        } else {
            for problem in report.problems { FileHandle.standardError.write(Data("rekry: \(ImportWording.problem(problem))\n".utf8)) }
            if report.invalid > report.problems.count {
                FileHandle.standardError.write(Data("rekry: \(say("import.moreInvalid", ["n": report.invalid - report.problems.count]))\n".utf8))
            }
            for column in unknown { FileHandle.standardError.write(Data("rekry: \(say("import.unknownColumn", ["column": column]))\n".utf8)) }
            print(Self.summary(report))
        }
        report.problems = []
        if report.invalid > 0 && !skipInvalid { throw ExitCode(65) }
    }

    /// JSON (`{` or `[` first, or a directory) is a résumé; anything else, CSV.
    static func detect(_ path: String) throws -> Format {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return .resume }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure.noInput(say("import.cannotRead", ["path": path])) }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4_096)) ?? Data())
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        let first = body.first { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x0D) || ($0 == 0x09)) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .resume : .csv
    }

    static func summary(_ r: ImportReport) -> String {
        // The seconds keep their decimal point: a figure of the run, not a sentence (and `%.1f` is not localised).
        let counts = say("import.counts", ["rows": r.rows, "added": r.added, "updated": r.updated, "skipped": r.skippedDuplicates,
                                           "suppressed": r.suppressed, "invalid": r.invalid, "seconds": String(format: "%.1f", r.seconds)])
        if r.dryRun { return say("import.dryRun", ["counts": counts]) }
        if !r.written { return say("import.notWritten", ["counts": counts]) }
        return say("import.imported", ["counts": counts])
    }
}

/// Progress on standard error for imports longer than a second: a line rewritten in place on a terminal,
/// plain lines (at most one a second) otherwise.
final class ImportProgress: @unchecked Sendable {
    private let started = Date()
    private var lastShown = Date.distantPast
    private var shown = false
    private let terminal = isatty(STDERR_FILENO) != 0
    private let quiet: Bool

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ rows: Int) {
        let now = Date()
        guard !quiet, now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastShown) >= (terminal ? 0.2 : 1) else { return }
        lastShown = now
        shown = true
        let rate = Double(rows) / now.timeIntervalSince(started)
        let text = say("import.progress", ["rows": rows, "rate": Int(rate)])
        FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    func finish() {
        if shown && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
