import Foundation
import RekryDomain
import RekryGate

/// A CV text composed from a JSON Resume that carries none of its own, in the layout `CVSections` reads back:
/// headings with a colon, `YYYY – YYYY  Position, Organisation, Place` lines, bullets for highlights and
/// skills, and `Language – fluency` lines.
enum ResumeCVText {
    static func compose(_ resume: [String: Any], work: [[String: Any]], problem: (String, String) -> ImportProblem) throws -> String? {
        func text(_ o: [String: Any], _ key: String, _ pointer: String) throws -> String? {
            guard let v = o[key], !(v is NSNull) else { return nil }
            guard let s = v as? String else { throw problem("\(pointer)/\(key)", "expected a string") }
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        func list(_ key: String) throws -> [[String: Any]] {
            guard let v = resume[key], !(v is NSNull) else { return [] }
            guard let a = v as? [Any] else { throw problem("/\(key)", "expected an array") }
            return try a.enumerated().map { i, e in
                guard let o = e as? [String: Any] else { throw problem("/\(key)/\(i)", "expected an object") }
                return o
            }
        }
        func range(_ o: [String: Any], _ pointer: String) throws -> String {
            let start = try text(o, "startDate", pointer) ?? ""
            let end = try text(o, "endDate", pointer) ?? "present"
            return start.isEmpty ? "" : "\(start) – \(end)"
        }
        var lines: [String] = []
        if let basics = resume["basics"] as? [String: Any], let summary = try text(basics, "summary", "/basics") {
            lines += ["Profile:", summary, ""]
        }
        if !work.isEmpty {
            lines.append("Experience:")
            for (i, w) in work.enumerated() {
                let head = [try text(w, "position", "/work/\(i)"), try text(w, "name", "/work/\(i)"), try text(w, "location", "/work/\(i)")]
                    .compactMap { $0 }.joined(separator: ", ")
                lines.append("\(try range(w, "/work/\(i)"))  \(head)".trimmingCharacters(in: .whitespaces))
                if let s = try text(w, "summary", "/work/\(i)") { lines.append(s) }
                if let highlights = w["highlights"] as? [Any] {
                    for h in highlights { if let h = h as? String { lines.append("- " + h) } }
                }
            }
            lines.append("")
        }
        let education = try list("education")
        if !education.isEmpty {
            lines.append("Education:")
            for (i, e) in education.enumerated() {
                let what = [try text(e, "studyType", "/education/\(i)"), try text(e, "area", "/education/\(i)")].compactMap { $0 }.joined(separator: " in ")
                let head = [what.isEmpty ? nil : what, try text(e, "institution", "/education/\(i)")].compactMap { $0 }.joined(separator: ", ")
                lines.append("\(try range(e, "/education/\(i)"))  \(head)".trimmingCharacters(in: .whitespaces))
            }
            lines.append("")
        }
        let skills = try list("skills")
        if !skills.isEmpty {
            lines.append("Skills:")
            for (i, s) in skills.enumerated() {
                guard let name = try text(s, "name", "/skills/\(i)") else { continue }
                lines.append("- " + name + ((try text(s, "level", "/skills/\(i)")).map { " – " + $0 } ?? ""))
            }
            lines.append("")
        }
        let languages = try list("languages")
        if !languages.isEmpty {
            lines.append("Languages:")
            for (i, l) in languages.enumerated() {
                guard let name = try text(l, "language", "/languages/\(i)") else { continue }
                lines.append(name + ((try text(l, "fluency", "/languages/\(i)")).map { " – " + $0 } ?? ""))
            }
        }
        let composed = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return composed.isEmpty ? nil : composed
    }
}
