/// The Art. 12(3) deadline: one calendar month from receipt, extendable by up to two further months.
///
/// The month ends on the same day number of the next month, or on that month's last day when it has no
/// such day (31 January → 28 or 29 February), as Regulation 1182/71 counts periods in months; a deadline
/// that falls on a weekend or a public holiday of the country moves to the next working day.
public enum RequestDeadline {
    /// The most further months an extension may add in all.
    public static let maxExtensionMonths = 2

    /// The answer is due on this day when the request was received on `received`.
    public static func due(received: CivilDate, country: CalendarCountry) -> CivilDate {
        due(received: received, months: 1, country: country)
    }

    /// The day the answer is due after `extensionMonths` further months (0: the first month's deadline).
    public static func due(received: CivilDate, extensionMonths: Int, country: CalendarCountry) -> CivilDate {
        due(received: received, months: 1 + extensionMonths, country: country)
    }

    private static func due(received: CivilDate, months: Int, country: CalendarCountry) -> CivilDate {
        let day = CivilDate(year: received.year, month: received.month, day: received.day)
        return WorkingDays.onOrAfter(day.adding(months: months), country: country)
    }
}
