import RekryDomain

/// The form's date format, YYYY-MM-DD, checked against the Gregorian calendar (2026-02-30 is refused).
public enum FormDate {
    /// The calendar date `text` names, or nil when it is not a real YYYY-MM-DD date.
    public static func parse(_ text: String) -> CivilDate? {
        let chars = Array(text)
        guard chars.count == 10, chars[4] == "-", chars[7] == "-",
              let year = number(chars[0..<4]), let month = number(chars[5..<7]), let day = number(chars[8..<10]),
              year >= 1, (1...12).contains(month), (1...CivilDate.length(ofMonth: month, in: year)).contains(day)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// An error message, in `language`, for text that is not a real date, or nil for a good one.
    static func problem(with text: String, in language: UILanguage = .en) -> String? {
        if parse(text) != nil { return nil }
        let chars = Array(text)
        // A well-formed date that the calendar lacks gets a more useful message than the format.
        if chars.count == 10, chars[4] == "-", chars[7] == "-",
           let year = number(chars[0..<4]), let month = number(chars[5..<7]), number(chars[8..<10]) != nil,
           year >= 1, (1...12).contains(month) {
            return language.text("form.notADate", ["text": text, "month": language.text("month.\(month)"), "year": year,
                                                   "days": CivilDate.length(ofMonth: month, in: year)])
        }
        return language.text("form.dateFormat")
    }

    /// Exactly these ASCII digits: `Int(_:)` would also take a sign (`+1`), which is no part of a date.
    private static func number(_ digits: ArraySlice<Character>) -> Int? {
        var n = 0
        for c in digits {
            guard let a = c.asciiValue, (48...57).contains(a) else { return nil }
            n = n * 10 + Int(a - 48)
        }
        return n
    }
}
