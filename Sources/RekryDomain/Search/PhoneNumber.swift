/// A phone number as search sees it: the digit words a stored number is found by and a query becomes.
///
/// People type the same number as "+46 70 123 45 67", "070-123 45 67" or "0046701234567". Search matches
/// words by prefix, so a stored number is indexed under both its international digits (`46701234567`) and
/// its national form as dialled at home (`0701234567`), and a query is reduced to a single digit word in
/// whichever of the two forms it was typed. Then every form above, and any prefix of one, finds the number.
public struct PhoneNumber: Hashable, Sendable {
    /// Calling code and subscriber number, no trunk prefix: `46701234567`.
    ///
    /// Nil when the number was written nationally and its country's calling code is not known.
    public let international: String?
    /// The number as dialled inside its country: `0701234567` in Sweden, `91234567` in Norway.
    ///
    /// Nil when it was written internationally with a calling code whose national rules are not known.
    public let national: String?

    /// Reads a phone number as entered by a person in `country` (ISO 3166 alpha-2, such as "SE").
    ///
    /// Nil when the text holds no digits. A number written with "+" or "00" carries its own calling code,
    /// which wins over `country` (a Swede may have a Norwegian mobile); one written nationally is placed by
    /// `country`.
    public init?(_ text: String, country: String?) {
        let (digits, isInternational) = Self.digits(of: text)
        guard !digits.isEmpty else { return nil }
        if isInternational {
            // Calling codes are prefix-free, so the one known code the digits start with is theirs.
            guard let plan = Self.plans.first(where: { digits.hasPrefix($0.callingCode) }) else {
                // Where the national part starts, and what trunk prefix goes before it, is unknown.
                international = digits
                national = nil
                return
            }
            let subscriber = plan.subscriber(of: digits.dropFirst(plan.callingCode.count))
            international = plan.callingCode + subscriber
            national = plan.trunkPrefix + subscriber
        } else {
            guard let country, let plan = Self.plans.first(where: { $0.country == country.uppercased() }) else {
                international = nil
                national = digits
                return
            }
            let subscriber = plan.subscriber(of: Substring(digits))
            international = plan.callingCode + subscriber
            national = plan.trunkPrefix + subscriber
        }
    }

    /// The words the number is indexed under: its international and national digits, each once.
    public var searchTokens: [String] {
        var out: [String] = []
        for token in [international, national].compactMap({ $0 }) where !out.contains(token) { out.append(token) }
        return out
    }

    /// The words a stored `text` in the person's `country` is indexed under; empty when it has no digits.
    public static func searchTokens(_ text: String, country: String?) -> [String] {
        PhoneNumber(text, country: country)?.searchTokens ?? []
    }

    /// The one search word `text` becomes if it looks like a phone number, else nil.
    ///
    /// It looks like one when it holds only digits and the punctuation numbers are written with (space,
    /// `+ - ( ) . /`) and at least four digits; fewer are more likely a year's end or a house number, and
    /// the folded words serve those. The word is the digits; a leading "+" or "00" makes them
    /// international digits (`+46 70 123` and `0046 70 123` → `4670123`), otherwise they stay national
    /// (`070-123 45` → `07012345`), matching the two forms `searchTokens` stores.
    public static func queryWord(_ text: String) -> String? {
        var digitCount = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digitCount += 1
            case " ", "+", "-", "(", ")", ".", "/": continue
            default: return nil
            }
        }
        guard digitCount >= 4 else { return nil }
        let (digits, isInternational) = Self.digits(of: text)
        guard isInternational, let plan = Self.plans.first(where: { digits.hasPrefix($0.callingCode) }) else {
            return digits
        }
        // "+46 (0)70…": the trunk 0 some write after the calling code is not part of the stored digits.
        return plan.callingCode + plan.subscriber(of: digits.dropFirst(plan.callingCode.count))
    }

    /// The calling code of a country (ISO 3166 alpha-2), for the countries whose numbering this type knows.
    public static func callingCode(country: String) -> String? {
        plans.first { $0.country == country.uppercased() }?.callingCode
    }

    // MARK: - Numbering plans

    /// What search needs of a country's numbering: its calling code and the trunk prefix dialled at home.
    private struct Plan: Sendable {
        let country: String
        let callingCode: String
        /// "0" where a national number starts with one that international dialling drops; "" where none.
        let trunkPrefix: String

        /// The subscriber digits of `national`, with the trunk prefix taken off where it was written.
        func subscriber(of national: Substring) -> String {
            guard !trunkPrefix.isEmpty, national.hasPrefix(trunkPrefix) else { return String(national) }
            return String(national.dropFirst(trunkPrefix.count))
        }
    }

    /// The numbering plans of the Nordic countries the register's people mostly live in.
    ///
    /// Any other number is indexed by its digits as written; an international one by its international
    /// digits only, as where its national part starts and whether a trunk prefix goes before it is unknown.
    private static let plans: [Plan] = [
        Plan(country: "SE", callingCode: "46", trunkPrefix: "0"),
        Plan(country: "NO", callingCode: "47", trunkPrefix: ""),
        Plan(country: "DK", callingCode: "45", trunkPrefix: ""),
        Plan(country: "FI", callingCode: "358", trunkPrefix: "0"),
    ]

    /// The digits of `text`, and whether it was written internationally.
    ///
    /// International means a leading "+" (dropped with the other punctuation) or a leading "00" (dropped
    /// from the digits, being the international call prefix of every Nordic country).
    private static func digits(of text: String) -> (digits: String, isInternational: Bool) {
        var digits = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 >= "0" && $0 <= "9" }))
        let plus = text.unicodeScalars.first(where: { $0 != " " }) == "+"
        if plus { return (digits, true) }
        if digits.hasPrefix("00") {
            digits.removeFirst(2)
            return (digits, true)
        }
        return (digits, false)
    }
}
