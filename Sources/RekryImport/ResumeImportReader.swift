import Foundation
import RekryDomain
import RekryGate

/// Reads JSON Resume 1.3.1 documents into import rows: a file holding one résumé or an array of them, or a
/// directory of `.json` files. Every value is checked for its JSON type, and a wrong one is named by its
/// JSON pointer (`anna.json#/basics/email`).
///
/// Mapped: `basics` (name, label as the title, email, phone, url and profiles as links, location: city,
/// countryCode, address), the current job (`work` with no end date) as the employer, `references` as
/// reference persons with their statement, and the CV: `meta.cvText` when the résumé came from Rekry,
/// otherwise a CV text composed from the summary, `work`, `education`, `skills` and `languages` in the
/// layout Rekry reads back into those sections.
public struct ResumeImportReader: Sequence {
    public let paths: [String]
    static let maxFileSize = 50_000_000

    /// `path`: a file, or a directory whose `.json` files are read in name order.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportProblem(location: path, field: "file", message: "no such file or directory")
        }
        if isDirectory.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.lowercased().hasSuffix(".json") }.sorted()
            guard !names.isEmpty else { throw ImportProblem(location: path, field: "file", message: "the directory holds no .json file") }
            paths = names.map { (path as NSString).appendingPathComponent($0) }
        } else {
            paths = [path]
        }
    }

    public func makeIterator() -> AnyIterator<Result<ImportRow, ImportProblem>> {
        var files = paths.makeIterator()
        var pending: [Result<ImportRow, ImportProblem>] = []
        return AnyIterator {
            while pending.isEmpty {
                guard let path = files.next() else { return nil }
                pending = Self.rows(in: path).reversed()
            }
            return pending.removeLast()
        }
    }

    /// The rows of one file (one document is read whole: a résumé is small).
    static func rows(in path: String) -> [Result<ImportRow, ImportProblem>] {
        // A résumé is read whole, so its size is capped: a few hundred files' worth in one array is plenty.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxFileSize else {
            return [.failure(ImportProblem(location: path, field: "file", message: "\(size / 1_000_000) MB is more than a JSON Resume file may be (\(maxFileSize / 1_000_000) MB); split it"))]
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return [.failure(ImportProblem(location: path, field: "file", message: "cannot be read"))]
        }
        return rows(in: data, name: path)
    }

    /// The rows of one document held in memory, named `path` in problems.
    static func rows(in data: Data, name path: String) -> [Result<ImportRow, ImportProblem>] {
        guard String(data: data, encoding: .utf8) != nil else {
            return [.failure(ImportProblem(location: path, field: "file", message: "not valid UTF-8 text"))]
        }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            return [.failure(ImportProblem(location: path, field: "file", message: "not JSON: \((error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)")"))]
        }
        if let array = json as? [Any] {
            return array.enumerated().map { i, element in Result { try row(element, location: "\(path)#/\(i)") }.mapError { $0 as! ImportProblem } }
        }
        return [Result { try row(json, location: path) }.mapError { $0 as! ImportProblem }]
    }

    /// One résumé object into a row; a value of the wrong type is a problem at its pointer.
    static func row(_ json: Any, location: String) throws -> ImportRow {
        let pointerBase = location.contains("#") ? "" : "#"
        func problem(_ pointer: String, _ message: String) -> ImportProblem {
            ImportProblem(location: location, field: pointerBase + pointer, message: message)
        }
        guard let resume = json as? [String: Any] else { throw problem("", "a résumé is a JSON object, not \(typeName(json))") }
        func object(_ value: Any?, _ pointer: String) throws -> [String: Any]? {
            guard let value, !(value is NSNull) else { return nil }
            guard let o = value as? [String: Any] else { throw problem(pointer, "expected an object, found \(typeName(value))") }
            return o
        }
        func array(_ value: Any?, _ pointer: String) throws -> [Any] {
            guard let value, !(value is NSNull) else { return [] }
            guard let a = value as? [Any] else { throw problem(pointer, "expected an array, found \(typeName(value))") }
            return a
        }
        func string(_ o: [String: Any]?, _ key: String, _ pointer: String) throws -> String? {
            guard let value = o?[key], !(value is NSNull) else { return nil }
            guard let s = value as? String else { throw problem("\(pointer)/\(key)", "expected a string, found \(typeName(value))") }
            return s
        }
        var row = ImportRow(location: location)
        func set(_ field: ImportField, _ value: String?, _ pointer: String) {
            guard let value else { return }
            row.fields[field] = value
            row.origins[field] = pointerBase + pointer
        }
        let basics = try object(resume["basics"], "/basics")
        set(.name, try string(basics, "name", "/basics"), "/basics/name")
        if row.fields[.name] == nil { row.origins[.name] = pointerBase + "/basics/name" }
        set(.email, try string(basics, "email", "/basics"), "/basics/email")
        set(.phone, try string(basics, "phone", "/basics"), "/basics/phone")
        set(.title, try string(basics, "label", "/basics"), "/basics/label")
        let location = try object(basics?["location"], "/basics/location")
        set(.homeTown, try string(location, "city", "/basics/location"), "/basics/location/city")
        set(.country, try string(location, "countryCode", "/basics/location"), "/basics/location/countryCode")
        set(.postalAddress, try string(location, "address", "/basics/location"), "/basics/location/address")
        var linkURLs = Set<String>()
        for (i, element) in try array(basics?["profiles"], "/basics/profiles").enumerated() {
            let p = try object(element, "/basics/profiles/\(i)")
            guard let url = try string(p, "url", "/basics/profiles/\(i)") else { continue }
            row.links.append(.init(kind: try string(p, "network", "/basics/profiles/\(i)") ?? "profile", url: url,
                                   origin: pointerBase + "/basics/profiles/\(i)/url"))
            linkURLs.insert(url)
        }
        if let url = try string(basics, "url", "/basics"), !linkURLs.contains(url) {
            row.links.insert(.init(kind: "website", url: url, origin: pointerBase + "/basics/url"), at: 0)
        }
        let work = try array(resume["work"], "/work").enumerated().map { i, e in try object(e, "/work/\(i)") ?? [:] }
        if let current = work.first(where: { $0["endDate"] == nil || $0["endDate"] is NSNull }) {
            let i = work.firstIndex { NSDictionary(dictionary: $0).isEqual(to: current) } ?? 0
            set(.employer, try string(current, "name", "/work/\(i)"), "/work/\(i)/name")
            if row.fields[.title] == nil { set(.title, try string(current, "position", "/work/\(i)"), "/work/\(i)/position") }
        }
        for (i, element) in try array(resume["references"], "/references").enumerated() {
            let r = try object(element, "/references/\(i)")
            guard let name = try string(r, "name", "/references/\(i)") else {
                throw problem("/references/\(i)/name", "a reference needs the referee's name")
            }
            row.references.append(ReferenceDraft(name: name, relationship: "referee", statement: try string(r, "reference", "/references/\(i)")))
            row.referenceOrigins.append(pointerBase + "/references/\(i)")
        }
        let meta = try object(resume["meta"], "/meta")
        if let cv = try string(meta, "cvText", "/meta") {
            set(.cv, cv, "/meta/cvText")
        } else if let composed = try ResumeCVText.compose(resume, work: work, problem: problem) {
            row.documents.append((.cv, "CV (JSON Resume)", composed))
        }
        return row
    }

    static func typeName(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "null"
        case is String: return "a string"
        case is NSNumber: return "a number or boolean"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "\(type(of: value!))"
        }
    }
}
