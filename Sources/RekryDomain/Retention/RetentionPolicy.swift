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
        case employmentStart = "employment-start"
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

    public var category: RetentionCategory
    public var event: Event
    public var period: Period
    /// ISO country code, or `*` for every country.
    public var country: String

    public init(category: RetentionCategory, event: Event, period: Period, country: String) {
        self.category = category
        self.event = event
        self.period = period
        self.country = country
    }
}

/// A firm's retention policy (its profile): who the firm is, and one rule per data category and country,
/// parsed from a small text file.
///
/// Format: `#` starts a comment. Two optional settings, each once: `firm NAME…` and `country CC` (the firm's
/// own country, whose public holidays move request deadlines and whose alphabet `NameCollation` sorts names
/// in). Then one rule a line,
/// `CATEGORY EVENT PERIOD [COUNTRY]`: PERIOD is a whole number followed by `d`, `m` or `y`; COUNTRY
/// defaults to `*`.
public struct RetentionPolicy: Sendable, Equatable {
    public var rules: [RetentionRule]
    /// The firm the profile is for (`firm` line), if it names one.
    public var firm: String?
    /// The firm's own country (`country` line), if it names one.
    public var country: String?

    public init(rules: [RetentionRule], firm: String? = nil, country: String? = nil) {
        self.rules = rules
        self.firm = firm
        self.country = country
    }

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
        var firm: String?, homeCountry: String?
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            let number = index + 1
            func fail(_ field: String, _ message: String) -> ParseError {
                ParseError(file: file, line: number, field: field, message: message)
            }
            switch fields[0] {
            case "firm":
                guard firm == nil else { throw fail("firm", "the firm is named twice") }
                guard fields.count > 1 else { throw fail("firm", "expected the firm's name after 'firm'") }
                firm = fields.dropFirst().joined(separator: " ")
                continue
            case "country":
                guard homeCountry == nil else { throw fail("country", "the firm's country is given twice") }
                guard fields.count == 2, CalendarCountry(rawValue: fields[1].uppercased()) != nil else {
                    throw fail("country", "expected SE or NO after 'country' (the countries whose public holidays Rekry knows)")
                }
                homeCountry = fields[1].uppercased()
                continue
            default: break
            }
            guard fields.count == 3 || fields.count == 4 else {
                throw fail("rule", "expected CATEGORY EVENT PERIOD [COUNTRY], found \(fields.count) fields")
            }
            guard let category = RetentionCategory(rawValue: fields[0]) else {
                throw fail("category", "unknown category '\(fields[0])' (known: \(RetentionCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
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
            // A category may be kept from more than one event (contact details: right after the process, or a
            // year after passive contact); whichever falls due first applies. The same event twice is a mistake.
            guard seen.insert("\(fields[0])/\(fields[1])/\(country)").inserted else {
                throw fail("event", "a second rule for '\(fields[0])' from '\(fields[1])' in country \(country)")
            }
            rules.append(RetentionRule(category: category, event: event, period: period, country: country))
        }
        return RetentionPolicy(rules: rules, firm: firm, country: homeCountry)
    }

    /// The rules for a category in a country: the country's own if it has any, else the `*` rules.
    public func rules(for category: RetentionCategory, country: String = "*") -> [RetentionRule] {
        let own = rules.filter { $0.category == category && $0.country == country.uppercased() }
        return own.isEmpty ? rules.filter { $0.category == category && $0.country == "*" } : own
    }

    /// The first rule for a category in a country (see `rules(for:country:)`).
    public func rule(for category: RetentionCategory, country: String = "*") -> RetentionRule? {
        rules(for: category, country: country).first
    }

    /// When a candidate's profile falls due under the two oldest whole-person rules ("profile kept N after
    /// the process ends", "unused for N"); see `personDue(_:country:)` for every rule.
    public func candidateDue(lastProcessClosedAt: Date?, lastActivityAt: Date, country: String = "*") -> Date? {
        personDue(RetentionEvents(processClosed: lastProcessClosedAt, lastActivity: lastActivityAt), country: country)
    }

    /// When a whole person falls due: the earliest of the whole-person rules that apply to them whose event
    /// has happened. Nil when none has.
    public func personDue(_ events: RetentionEvents, country: String = "*") -> Date? {
        personDueRule(events, country: country)?.dueAt
    }

    /// The whole-person rule that falls due first for these events, with its date: the rule a retention run
    /// names for erasing the person.
    public func personDueRule(_ events: RetentionEvents, country: String = "*") -> (rule: RetentionRule, dueAt: Date)? {
        var best: (rule: RetentionRule, dueAt: Date)?
        for category in RetentionCategory.allCases where category.scope == .wholePerson && events.applies(category) {
            for rule in rules(for: category, country: country) {
                guard let from = events.date(of: rule.event) else { continue }
                let due = rule.period.after(from)
                if best == nil || due < best!.dueAt { best = (rule, due) }
            }
        }
        return best
    }
}

/// The dates of the events a retention rule can count from, for one person, as the register records them.
public struct RetentionEvents: Sendable, Equatable {
    /// The close of the person's last process, when none is open.
    public var processClosed: Date?
    /// The close of their last recruitment process (the role filled), when none is open.
    public var roleFilled: Date?
    /// The close of their last assessment assignment, when none is open.
    public var assignmentDone: Date?
    public var lastActivity: Date
    /// The end (expiry or withdrawal) of the consent their talent-pool place rests on.
    public var consentExpiry: Date?
    public var employmentStart: Date?
    public var employmentEnd: Date?
    /// Whether the person's profile rests on consent to the talent pool.
    public var inTalentPool: Bool

    public init(processClosed: Date? = nil, roleFilled: Date? = nil, assignmentDone: Date? = nil, lastActivity: Date,
                consentExpiry: Date? = nil, employmentStart: Date? = nil, employmentEnd: Date? = nil, inTalentPool: Bool = false) {
        self.processClosed = processClosed
        self.roleFilled = roleFilled
        self.assignmentDone = assignmentDone
        self.lastActivity = lastActivity
        self.consentExpiry = consentExpiry
        self.employmentStart = employmentStart
        self.employmentEnd = employmentEnd
        self.inTalentPool = inTalentPool
    }

    public func date(of event: RetentionRule.Event) -> Date? {
        switch event {
        case .processClosed: processClosed
        case .roleFilled: roleFilled
        case .assignmentDone: assignmentDone
        // Rekry records no contact apart from the work it does with a person: a contact is an activity.
        case .lastContact, .lastActivity: lastActivity
        case .consentExpiry: consentExpiry
        case .employmentStart: employmentStart
        case .employmentEnd: employmentEnd
        }
    }

    /// Whether a whole-person category describes this person (an applicant applied to a role, and so on).
    public func applies(_ category: RetentionCategory) -> Bool {
        switch category {
        case .applicant: roleFilled != nil
        case .assessmentCandidate: assignmentDone != nil
        case .talentPool: inTalentPool
        default: true
        }
    }
}
