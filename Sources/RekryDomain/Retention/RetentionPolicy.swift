import Foundation

/// How long one category of data is kept, counted from an event, for a country (or every country).
public struct RetentionRule: Sendable, Equatable {
    /// The events a retention period is counted from.
    public enum Event: String, CaseIterable, Sendable {
        case processClosed = "process-closed"
        case roleFilled = "role-filled"
        case assignmentDone = "assignment-done"
        case lastContact = "last-contact"
        case lastActivity = "last-activity"
        case consentExpiry = "consent-expiry"
        case employmentEnd = "employment-end"
    }

    /// A period in calendar units.
    public struct Period: Sendable, Equatable, CustomStringConvertible {
        public enum Unit: String, Sendable { case day = "d", month = "m", year = "y" }
        public var amount: Int
        public var unit: Unit

        public init(amount: Int, unit: Unit) {
            self.amount = amount
            self.unit = unit
        }

        public init?(_ text: String) {
            guard let last = text.last, let unit = Unit(rawValue: String(last)),
                  let amount = Int(text.dropLast()), amount >= 0 else { return nil }
            self.init(amount: amount, unit: unit)
        }

        /// `date` plus this period, in UTC calendar arithmetic (so 29 Feb + 1y is 28 Feb).
        public func after(_ date: Date) -> Date {
            switch unit {
            case .day: date.addingTimeInterval(Double(amount) * 86_400)  // UTC days are all 24 hours
            case .month: date.addingUTCMonths(amount)
            case .year: date.addingUTCMonths(amount * 12)
            }
        }

        public var description: String { "\(amount)\(unit.rawValue)" }
    }

    public var category: String
    public var event: Event
    public var period: Period
    /// ISO country code, or `*` for every country.
    public var country: String

    public init(category: String, event: Event, period: Period, country: String) {
        self.category = category
        self.event = event
        self.period = period
        self.country = country
    }
}

/// A firm's retention policy: one rule per data category and country, parsed from a small text file.
///
/// Format: one rule a line, `CATEGORY EVENT PERIOD [COUNTRY]`, `#` starts a comment. PERIOD is a whole
/// number followed by `d`, `m` or `y`. COUNTRY defaults to `*`.
public struct RetentionPolicy: Sendable, Equatable {
    public var rules: [RetentionRule]

    public init(rules: [RetentionRule]) { self.rules = rules }

    /// The data categories a policy may name.
    public static let categories: Set<String> = [
        "contact-details", "applicant", "assessment-candidate", "candidate-profile", "unused", "reference-report",
        "psych-report", "talent-pool",
    ]

    /// A parse failure that names the file, line and field.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var field: String
        public var message: String
        public var description: String { "\(file):\(line): \(field): \(message)" }
    }

    public static func parse(_ text: String, file: String) throws -> RetentionPolicy {
        var rules: [RetentionRule] = []
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            let number = index + 1
            func fail(_ field: String, _ message: String) -> ParseError {
                ParseError(file: file, line: number, field: field, message: message)
            }
            guard fields.count == 3 || fields.count == 4 else {
                throw fail("rule", "expected CATEGORY EVENT PERIOD [COUNTRY], found \(fields.count) fields")
            }
            guard categories.contains(fields[0]) else {
                throw fail("category", "unknown category '\(fields[0])' (known: \(categories.sorted().joined(separator: ", ")))")
            }
            guard let event = RetentionRule.Event(rawValue: fields[1]) else {
                throw fail("event", "unknown event '\(fields[1])' (known: \(RetentionRule.Event.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let period = RetentionRule.Period(fields[2]) else {
                throw fail("period", "'\(fields[2])' is not a period such as 30d, 12m or 2y")
            }
            let country = fields.count == 4 ? fields[3].uppercased() : "*"
            guard country == "*" || (country.count == 2 && country.allSatisfy(\.isLetter)) else {
                throw fail("country", "'\(fields[3])' is not a two-letter country code or *")
            }
            guard seen.insert("\(fields[0])/\(country)").inserted else {
                throw fail("category", "a second rule for '\(fields[0])' in country \(country)")
            }
            rules.append(RetentionRule(category: fields[0], event: event, period: period, country: country))
        }
        return RetentionPolicy(rules: rules)
    }

    /// The rule for a category in a country: the country's own, else the `*` rule.
    public func rule(for category: String, country: String = "*") -> RetentionRule? {
        rules.first { $0.category == category && $0.country == country.uppercased() }
            ?? rules.first { $0.category == category && $0.country == "*" }
    }

    /// When a candidate's profile falls due: the earlier of "profile kept N after the process ends" and
    /// "unused for N". Nil when no rule applies.
    public func candidateDue(lastProcessClosedAt: Date?, lastActivityAt: Date, country: String = "*") -> Date? {
        var dues: [Date] = []
        if let closed = lastProcessClosedAt, let r = rule(for: "candidate-profile", country: country) {
            dues.append(r.period.after(closed))
        }
        if let r = rule(for: "unused", country: country) { dues.append(r.period.after(lastActivityAt)) }
        return dues.min()
    }
}
