import CSV
import Foundation
import RekryGate

/// Reads a spreadsheet export row by row into import rows: Excel's Nordic dialect (UTF-8 with a byte-order
/// mark, `;`, CRLF, quoted fields holding newlines and separators), plain `,` or tab files, and UTF-16
/// ("Unicode text"). The parsing is CSV.swift's; this finds the encoding and separator, maps the headers,
/// and keeps count of lines so that every problem names its line.
public final class CSVImportReader: Sequence {
    public let path: String
    /// Headers the table does not know: reported, not silently dropped.
    public private(set) var unknownColumns: [String] = []
    public let separator: Unicode.Scalar
    public let encoding: String
    private let overrides: [String: ImportField]

    /// Bytes held in memory instead of a file (the fuzzing harness); `path` then only names them.
    private let data: Data?

    /// Opens `path`, sniffing its encoding and separator from the first 64 KiB; refuses an empty or unreadable file.
    public convenience init(path: String, overrides: [String: ImportField] = [:]) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportProblem(location: path, field: "file", message: "cannot be read (missing, or not readable by you)")
        }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        try? handle.close()
        try self.init(path: path, head: head, data: nil, overrides: overrides)
    }

    /// Reads `data` as if it were a file named `name`.
    public convenience init(data: Data, name: String, overrides: [String: ImportField] = [:]) throws {
        try self.init(path: name, head: data.prefix(65_536), data: data, overrides: overrides)
    }

    private init(path: String, head: Data, data: Data?, overrides: [String: ImportField]) throws {
        self.path = path
        self.overrides = overrides
        self.data = data
        guard !head.isEmpty else { throw ImportProblem(location: path, field: "file", message: "the file is empty") }
        let sniffed = Self.sniff(head)
        encoding = sniffed.encoding
        guard let text = sniffed.firstLine else {
            throw ImportProblem(location: "\(path):1", field: "file", message: "not text in UTF-8 or UTF-16")
        }
        separator = Self.separator(in: text)
    }

    /// The encoding from the byte-order mark (or from zero bytes, for UTF-16 without one), and the first line decoded.
    static func sniff(_ head: Data) -> (encoding: String, firstLine: String?) {
        let bytes = [UInt8](head)
        func line(_ s: String?) -> String? { s.map { String($0.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") } }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf16le", line(String(data: Data(bytes.dropFirst(2).prefix(bytes.count & ~1)), encoding: .utf16LittleEndian))) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf16be", line(String(data: Data(bytes.dropFirst(2).prefix(bytes.count & ~1)), encoding: .utf16BigEndian))) }
        if bytes.count >= 4, bytes[1] == 0, bytes[3] == 0, bytes[0] != 0 {
            return ("utf16le", line(String(data: Data(bytes.prefix(bytes.count & ~1)), encoding: .utf16LittleEndian)))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        // The first line only: a cut in the middle of a character at 64 KiB must not fail the sniff.
        let firstLine = body.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first.map(Array.init) ?? []
        return ("utf8", String(bytes: firstLine, encoding: .utf8))
    }

    /// The separator the header line uses most, outside quotes: `;`, `,` or tab.
    static func separator(in line: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for scalar in line.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key == "," }!.key
    }

    /// The longest field read, in bytes: a million characters (the longest CV), each up to four bytes, and room
    /// for doubled quotes.
    static let fieldLimit = 8_000_000

    public func makeIterator() -> AnyIterator<Result<ImportRow, ImportProblem>> {
        let reader: CSVReader
        do {
            guard let file = data.map({ InputStream(data: $0) }) ?? InputStream(fileAtPath: path) else {
                throw ImportProblem(location: path, field: "file", message: "cannot be read")
            }
            let stream = FieldLimitedStream(file, limit: Self.fieldLimit, separator: separator, encoding: encoding)
            switch encoding {
            case "utf16le": reader = try CSVReader(stream: stream, codecType: UTF16.self, endian: .little, hasHeaderRow: false, delimiter: separator)
            case "utf16be": reader = try CSVReader(stream: stream, codecType: UTF16.self, endian: .big, hasHeaderRow: false, delimiter: separator)
            default: reader = try CSVReader(stream: stream, codecType: UTF8.self, hasHeaderRow: false, delimiter: separator)
            }
        } catch let problem as ImportProblem {
            return AnyIterator([Result<ImportRow, ImportProblem>.failure(problem)].makeIterator())
        } catch {
            return AnyIterator([Result<ImportRow, ImportProblem>.failure(ImportProblem(location: path, field: "file", message: "\(error)"))].makeIterator())
        }
        var line = 1
        var columns: [(header: String, meaning: ImportHeaders.Meaning?)]?
        var seenHeaders = Set<String>()
        var finished = false
        return AnyIterator { [self] in
            while !finished {
                guard let fields = reader.next() else {
                    finished = true
                    // Foundation's file stream on Linux says it has bytes at the end of the file, so CSV.swift's
                    // last read comes back short and reports `cannotReadFile`: that is the end, not an error.
                    if let error = reader.error, !self.isEndOfFile(error, encoding: encoding, path: path) {
                        let what: String = switch error {
                        case CSVError.streamErrorHasOccurred(let error as FieldLimitedStream.FieldTooLong):
                            "\(error) (a CV may hold a million characters)"
                        case CSVError.unicodeDecoding: "not valid \(encoding == "utf8" ? "UTF-8" : "UTF-16") text"
                        case CSVError.stringEncodingMismatch: "not valid UTF-16 text (an odd number of bytes)"
                        default: "cannot be read (\(error))"
                        }
                        return .failure(ImportProblem(location: "\(path):\(line)", field: "file", message: what + " (nothing after this line was read)"))
                    }
                    return nil
                }
                let here = line
                // A decoding error (or a field past the limit) ends the row early: the row is not trusted, and
                // nothing after it is read.
                if let error = reader.error, !self.isEndOfFile(error, encoding: encoding, path: path) {
                    finished = true
                    let what = if case CSVError.streamErrorHasOccurred(let tooLong as FieldLimitedStream.FieldTooLong) = error {
                        "\(tooLong) (a CV may hold a million characters)"
                    } else {
                        "not valid \(encoding == "utf8" ? "UTF-8" : "UTF-16") text"
                    }
                    return .failure(ImportProblem(location: "\(path):\(here)", field: "file", message: what + " (nothing from here on was read)"))
                }
                line += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : ($1 == "\r\n" ? $0 + 1 : $0) } }
                if fields.allSatisfy(\.isBlank) { continue }
                guard let header = columns else {
                    // The BOM, if CSV.swift left it, is not part of the first header.
                    let names = fields.enumerated().map { $0.offset == 0 ? $0.element.replacingOccurrences(of: "\u{FEFF}", with: "") : $0.element }
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    columns = names.map { ($0, ImportHeaders.meaning(of: $0, overrides: overrides)) }
                    var seenFields: [ImportHeaders.Meaning: String] = [:]
                    for (name, meaning) in columns! {
                        if let meaning, let other = seenFields.updateValue(name, forKey: meaning) {
                            finished = true
                            return .failure(ImportProblem(location: "\(path):\(here)", field: name,
                                                          message: "holds the same field as the column '\(other)'; keep one, or --map one elsewhere"))
                        }
                        if !seenHeaders.insert(ImportHeaders.key(name)).inserted {
                            finished = true
                            return .failure(ImportProblem(location: "\(path):\(here)", field: name, message: "this column appears twice"))
                        }
                        if meaning == nil && !name.isEmpty { unknownColumns.append(name) }
                    }
                    if !columns!.contains(where: { $0.meaning == .field(.name) || $0.meaning == .namePart(.first) }) {
                        finished = true
                        return .failure(ImportProblem(location: "\(path):\(here)", field: "header",
                                                      message: "no name column (Name, Namn, Navn, or First name and Last name); map one with --map COLUMN=name"))
                    }
                    continue
                }
                guard fields.count <= header.count else {
                    return .failure(ImportProblem(location: "\(path):\(here)", field: "row",
                                                  message: "\(fields.count) fields, but the header has \(header.count) columns (a separator inside an unquoted field?)"))
                }
                var row = ImportRow(location: "\(path):\(here)")
                var first = "", last = ""
                for (i, value) in fields.enumerated() {
                    switch header[i].meaning {
                    case .field(let f)?:
                        row.fields[f] = value
                        row.origins[f] = header[i].header
                    case .namePart(.first)?: first = value; row.origins[.name] = header[i].header
                    case .namePart(.last)?: last = value; row.origins[.name] = row.origins[.name] ?? header[i].header
                    case nil: break
                    }
                }
                if row.fields[.name] == nil, !(first + last).trimmingCharacters(in: .whitespaces).isEmpty {
                    row.fields[.name] = [first, last].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
                }
                return .success(row)
            }
            return nil
        }
    }

    /// Whether CSV.swift's error is only its short read at the end of the file (UTF-16 reports that as an
    /// encoding mismatch; a file of an odd length really is one).
    func isEndOfFile(_ error: any Error, encoding: String, path: String) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        if case CSVError.stringEncodingMismatch = error, encoding != "utf8" {
            let size = data?.count ?? (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 1
            return size % 2 == 0
        }
        return false
    }
}
