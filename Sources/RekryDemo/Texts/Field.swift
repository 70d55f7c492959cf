extension DemoTexts {
    /// The professional field a title belongs to; it selects the field phrase banks (duties, degrees, …).
    enum Field: Int, CaseIterable, Sendable {
        case general, tech, data, finance, people, sales, management, project, logistics, engineering, health,
             education, design

        /// The field of a job title, by keyword; titles the demo uses are looked up in a table built once.
        static func of(_ title: String) -> Field {
            if let f = known[title] { return f }
            return classify(title)
        }

        private static let known: [String: Field] = {
            var t: [String: Field] = [:]
            for title in DemoTexts.commonTitles { t[title] = classify(title) }
            return t
        }()

        /// Keyword rules, most specific first. Keywords are matched in the lower-cased title, with a space
        /// added at both ends so that " hr " matches a word.
        private static let rules: [(String, Field)] = [
            ("nurse", .health), ("physician", .health), ("doctor", .health), ("midwife", .health),
            ("physiotherap", .health), ("health", .health), ("care ", .health), ("pharmac", .health),
            ("teacher", .education), ("lecturer", .education), ("educat", .education), ("tutor", .education),
            ("school", .education), ("pedagog", .education),
            (" ux ", .design), (" ui ", .design), ("design", .design),
            ("data", .data), ("analytics", .data), ("machine learning", .data), (" bi ", .data),
            ("scien", .data), ("statistic", .data),
            ("security", .tech), ("cyber", .tech), ("developer", .tech), ("software", .tech), ("devops", .tech),
            ("site reliability", .tech), ("systems architect", .tech), ("solution architect", .tech),
            ("programmer", .tech), (" it ", .tech), (" sre ", .tech), ("cloud", .tech), ("network", .tech),
            ("cfo", .finance), ("controller", .finance), ("accountant", .finance), ("audit", .finance),
            ("payroll", .finance), ("financ", .finance), ("treasur", .finance), (" tax ", .finance),
            ("bookkeep", .finance), ("economist", .finance),
            (" hr ", .people), ("human resources", .people), ("recruit", .people), ("talent", .people),
            ("people", .people),
            ("sales", .sales), ("account manager", .sales), ("business developer", .sales), ("marketing", .sales),
            ("customer success", .sales),
            ("project", .project), ("product owner", .project), ("scrum", .project), ("agile", .project),
            ("programme manager", .project), ("product manager", .project),
            ("logistic", .logistics), ("supply", .logistics), ("warehouse", .logistics), ("transport", .logistics),
            ("purchas", .logistics), ("procure", .logistics),
            ("civil", .engineering), ("electrical", .engineering), ("mechanical", .engineering),
            ("structural", .engineering), ("construction", .engineering), ("engineer", .engineering),
            ("chief", .management), ("ceo", .management), ("coo", .management), ("director", .management),
            ("head of", .management), ("managing", .management), ("operations manager", .management),
            ("manager", .management),
        ]

        static func classify(_ title: String) -> Field {
            var lower: [UInt8] = [32]
            lower.reserveCapacity(title.utf8.count + 2)
            for b in title.utf8 { lower.append(b >= 65 && b <= 90 ? b | 0x20 : b) }
            lower.append(32)
            for (key, field) in rules where DemoTexts.bytes(lower, contain: key.utf8) { return field }
            return .general
        }
    }

    /// How a referee relates to the candidate, from the free-text relationship ("former manager", …).
    enum Relation: Int, Sendable {
        case manager, colleague, client, report, other

        static func of(_ relationship: String) -> Relation {
            switch relationship {
            case "former manager", "manager": return .manager
            case "colleague", "former colleague": return .colleague
            case "client": return .client
            case "direct report": return .report
            default: break
            }
            var lower: [UInt8] = []
            lower.reserveCapacity(relationship.utf8.count)
            for b in relationship.utf8 { lower.append(b >= 65 && b <= 90 ? b | 0x20 : b) }
            func has(_ words: String...) -> Bool { words.contains { DemoTexts.bytes(lower, contain: $0.utf8) } }
            if has("report", "subordinate", "employee") { return .report }
            if has("manager", "supervisor", "boss", "head", "director", "lead") { return .manager }
            if has("client", "customer") { return .client }
            if has("colleague", "peer", "team", "partner") { return .colleague }
            return .other
        }
    }

    /// Titles seen in the demo word lists, classified once up front.
    static let commonTitles = [
        "Backend developer", "Frontend developer", "Systems architect", "Data engineer", "Site reliability engineer",
        "Project manager", "Product owner", "Controller", "Accountant", "Auditor", "Payroll specialist", "CFO",
        "HR business partner", "Sales director", "Key account manager", "Chief executive officer",
        "Operations manager", "Logistics coordinator", "Civil engineer", "Electrical engineer", "Nurse", "Teacher",
        "UX designer", "Security analyst", "Scrum master",
    ]
}

extension DemoTexts {
    /// Tools and methods of the field a title belongs to ("Backend developer" → Go, Kubernetes, …), for
    /// generators that want a person's skills to agree with their title. Plain strings, no template syntax.
    static func skillPool(forTitle title: String) -> [String] {
        FieldPhrases.of(Field.of(title)).tool
    }

    /// Whether `hay` contains `needle` as a contiguous run of bytes.
    static func bytes(_ hay: [UInt8], contain needle: String.UTF8View) -> Bool {
        let n = needle.count
        guard n > 0, n <= hay.count else { return n == 0 }
        let first = needle.first!
        var i = 0
        while i + n <= hay.count {
            if hay[i] == first {
                var j = 1
                var k = needle.index(after: needle.startIndex)
                while j < n && hay[i + j] == needle[k] { j += 1; k = needle.index(after: k) }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
