import Foundation

/// The parts of a CV's plain text that a résumé carries: profile, jobs, studies, skills and languages.
///
/// CVs arrive as text in many layouts. This reads the common ones: a heading line ending in a colon opens a
/// section (known headings in English, Swedish and Norwegian), a year range (`2019 – 2022`, `2022–now`,
/// `Mar 2021 - present`) opens a job or a study, bullets or commas list skills, and `Language (level)`,
/// `Language – level` or `Language: level` name a language. What it cannot place stays in the CV text,
/// which travels with the résumé whole.
public struct CVSections: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// `YYYY` or `YYYY-MM`.
        public var start: String?
        /// Nil while ongoing.
        public var end: String?
        public var title: String?
        public var organisation: String?
        public var place: String?
        public var summary: String?
        /// Bulleted lines under the entry, bullets removed.
        public var highlights: [String] = []
    }
    public struct Skill: Sendable, Equatable {
        public var name: String
        public var level: String?
    }
    public struct Language: Sendable, Equatable {
        public var language: String
        public var fluency: String?
    }

    public var profile: String?
    public var work: [Entry] = []
    public var education: [Entry] = []
    public var skills: [Skill] = []
    public var languages: [Language] = []

    enum Kind { case profile, work, education, skills, languages, other }

    /// Headings, lowercased without the colon, and the section each opens.
    static let headings: [String: Kind] = {
        var map: [String: Kind] = [:]
        for h in ["profile", "summary", "professional summary", "personal profile", "about me", "in brief", "profil", "sammanfattning", "om mig", "om meg"] { map[h] = .profile }
        for h in ["experience", "work experience", "professional experience", "employment", "employment history", "career history",
                  "arbetslivserfarenhet", "erfarenhet", "yrkeserfaring", "arbeidserfaring"] { map[h] = .work }
        for h in ["education", "studies", "academic background", "education and training", "utbildning", "utdanning"] { map[h] = .education }
        for h in ["skills", "key skills", "competencies", "core competencies", "expertise", "skills and tools", "key competencies", "kompetens", "kompetanse",
                  "färdigheter", "ferdigheter"] { map[h] = .skills }
        for h in ["languages", "language skills", "språk", "språkkunskaper", "språkkunnskaper"] { map[h] = .languages }
        return map
    }()

    static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
                         "maj": 5, "okt": 10, "des": 12]
    static let ongoing: Set<String> = ["present", "now", "today", "ongoing", "nu", "nå", "pågående", "dags dato"]
    static let bullets: [String] = ["- ", "• ", "* ", "– ", "· "]

    public init(text: String) {
        var kind: Kind = .other
        var blocks: [Kind: [String]] = [:]
        var lines = text.components(separatedBy: "\n")
        // A setext heading ("Skills" over "------") reads as "Skills:".
        for i in lines.indices.dropFirst() {
            let rule = lines[i].trimmingCharacters(in: .whitespaces)
            let above = lines[i - 1].trimmingCharacters(in: .whitespaces)
            if rule.count >= 3, rule.allSatisfy({ $0 == "-" || $0 == "=" }), !above.isEmpty, above.count <= 40, !above.hasSuffix(":") {
                lines[i - 1] = above + ":"
                lines[i] = ""
            }
        }
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            // "== Skills ==" and "SKILLS" headings read as "Skills:".
            if line.hasPrefix("=="), line.hasSuffix("=="), line.count > 4 {
                line = line.trimmingCharacters(in: CharacterSet(charactersIn: "= ")) + ":"
            } else if line.hasPrefix("#") {
                line = line.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) + ":"   // Markdown "## Skills"
            } else if line.count > 3, line.count <= 40, line == line.uppercased(), line.contains(where: \.isLetter),
                      Self.headings[line.lowercased()] != nil {
                line += ":"
            }
            if line.hasSuffix(":"), line.count <= 42, let k = Self.headings[String(line.dropLast()).lowercased()] {
                kind = k
                continue
            }
            if line.hasSuffix(":"), line.count <= 42, !line.dropLast().contains(":"), line.first?.isUppercase == true,
               !line.contains(where: \.isNumber) {
                kind = .other   // a heading this reader does not know: its lines are not a job or a skill
                continue
            }
            blocks[kind, default: []].append(raw)
        }
        profile = blocks[.profile].map { $0.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ") }
            .flatMap { $0.isEmpty ? nil : $0 }
        work = Self.entries(blocks[.work] ?? [])
        // A study line reads "Degree, School": the degree is the title, the school the organisation.
        education = Self.entries(blocks[.education] ?? [])
        skills = Self.skills(blocks[.skills] ?? [])
        languages = Self.languages(blocks[.languages] ?? [])
    }

    /// A year range in `line`: its start, end (nil: ongoing), and the text before and after it.
    static func yearRange(_ line: String) -> (start: String, end: String?, before: String, after: String)? {
        let pattern = #"(?i)(?:([a-zåäö]{3})[a-zåäö]*\.?\s+)?((?:19|20)\d\d)\s*(?:–|-|—|to|till)\s*(?:([a-zåäö]{3})[a-zåäö]*\.?\s+)?((?:19|20)\d\d|present|now|today|ongoing|nu|nå|pågående)"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        func group(_ i: Int) -> String? { Range(m.range(at: i), in: line).map { String(line[$0]) } }
        func date(_ year: String?, _ month: String?) -> String? {
            guard let year, Int(year) != nil else { return nil }
            if let month, let n = months[month.lowercased()] { return year + "-" + (n < 10 ? "0\(n)" : "\(n)") }
            return year
        }
        guard let start = date(group(2), group(1)), let whole = Range(m.range, in: line) else { return nil }
        let end = date(group(4), group(3))
        return (start, end, String(line[..<whole.lowerBound]), String(line[whole.upperBound...]))
    }

    /// Splits "Title, Organisation, Place", "Title – Organisation (Place)" and the like.
    static func headline(_ text: String) -> (title: String?, organisation: String?, place: String?) {
        var s = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,–-|·"))
        guard !s.isEmpty else { return (nil, nil, nil) }
        var place: String?
        if s.hasSuffix(")"), let open = s.lastIndex(of: "(") {
            place = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
            s = s[..<open].trimmingCharacters(in: .whitespaces)
        }
        let parts = s.components(separatedBy: s.contains(" – ") ? " – " : s.contains(" | ") ? " | " : ", ")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,")) }.filter { !$0.isEmpty }
        let title = parts.first
        let organisation = parts.count > 1 ? parts[1] : nil
        if place == nil, parts.count > 2 { place = parts[2...].joined(separator: ", ") }
        return (title, organisation, place)
    }

    static func entries(_ lines: [String]) -> [Entry] {
        var entries: [Entry] = []
        var previous: String?
        var summary: [String] = []
        func closeSummary() {
            defer { summary = [] }
            guard !entries.isEmpty else { return }
            var prose: [String] = []
            for line in summary {
                if let bullet = bullets.first(where: { line.hasPrefix($0) }) {
                    entries[entries.count - 1].highlights.append(String(line.dropFirst(bullet.count)).trimmingCharacters(in: .whitespaces))
                } else {
                    prose.append(line)
                }
            }
            let text = prose.joined(separator: " ")
            if !text.isEmpty { entries[entries.count - 1].summary = text }
        }
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let range = yearRange(line) {
                var head = headline(range.after)
                if head.title == nil { head = headline(range.before) }
                // "Title – Employer (Town)" on the line above the dates, or "Employer, Town" above "Title, dates":
                // never a bullet or a sentence, which belong to the entry before.
                if head.title == nil || head.organisation == nil, let prev = previous,
                   !bullets.contains(where: { prev.hasPrefix($0) }), !prev.hasSuffix(".") {
                    let above = headline(prev)
                    if head.title == nil { head = above } else { head.organisation = above.title; head.place = head.place ?? above.organisation }
                    if !summary.isEmpty { summary.removeLast() }
                }
                closeSummary()
                entries.append(Entry(start: range.start, end: range.end, title: head.title, organisation: head.organisation,
                                     place: head.place, summary: nil))
                previous = nil
                continue
            }
            if !line.isEmpty { summary.append(line) }
            previous = line.isEmpty ? previous : line
        }
        closeSummary()
        return entries
    }

    static func skills(_ lines: [String]) -> [Skill] {
        var skills: [Skill] = []
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            var bulleted = false
            for b in bullets where line.hasPrefix(b) { line = String(line.dropFirst(b.count)); bulleted = true; break }
            if let colon = line.firstIndex(of: ":"), !bulleted {
                line = String(line[line.index(after: colon)...])   // "Also: VAT and Visma"
            }
            if bulleted, let dash = line.range(of: " – ") ?? line.range(of: " - ") {
                let name = line[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
                let level = line[dash.upperBound...].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { skills.append(Skill(name: name, level: level.isEmpty ? nil : level)) }
                continue
            }
            for item in line.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " · ", with: ", ")
                .replacingOccurrences(of: " | ", with: ", ").components(separatedBy: ",") {
                let name = item.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
                if !name.isEmpty && name.count <= 60 { skills.append(Skill(name: name, level: nil)) }
            }
        }
        return skills
    }

    static func languages(_ lines: [String]) -> [Language] {
        var found: [Language] = []
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            for b in bullets where line.hasPrefix(b) { line = String(line.dropFirst(b.count)) }
            line = line.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            guard !line.isEmpty else { continue }
            if line.contains("(") {
                // "Finnish (native speaker), Swedish (conversational) and English (fluent)".
                for item in line.replacingOccurrences(of: ") and ", with: "), ").components(separatedBy: "), ") {
                    // The last parenthesis is the level: "Chinese (Mandarin) (elementary)".
                    let open = item.range(of: "(", options: .backwards)
                    let language = (open.map { String(item[..<$0.lowerBound]) } ?? item).trimmingCharacters(in: .whitespaces)
                    let fluency = open.map { item[$0.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " )")) }
                    if !language.isEmpty { found.append(Language(language: language, fluency: fluency)) }
                }
            } else if let sep = line.range(of: " – ") ?? line.range(of: ": ") ?? line.range(of: " - ") {
                let language = line[..<sep.lowerBound].trimmingCharacters(in: .whitespaces)
                let fluency = line[sep.upperBound...].trimmingCharacters(in: .whitespaces)
                if !language.isEmpty { found.append(Language(language: language, fluency: fluency.isEmpty ? nil : fluency)) }
            } else {
                found.append(Language(language: line, fluency: nil))
            }
        }
        return found
    }
}
