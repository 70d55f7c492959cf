/// The public holidays (and the days Swedish offices close as if they were) that move a deadline.
///
/// Sweden: New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, 1 May, Ascension, National Day
/// (6 June), Midsummer Eve (the Friday between 19 and 25 June) and Midsummer Day (the Saturday after), All
/// Saints' Day (the Saturday between 31 October and 6 November), Christmas Eve, Christmas Day, Boxing Day and
/// New Year's Eve. Norway: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, 1 May,
/// Constitution Day (17 May), Ascension, Whit Sunday and Monday, Christmas Day and Boxing Day.
public enum PublicHolidays {
    /// The holidays of `year` in `country`, each with its name, in date order.
    public static func holidays(in year: Int, country: CalendarCountry) -> [(day: CivilDate, name: String)] {
        let easter = Easter.sunday(in: year)
        func fixed(_ month: Int, _ day: Int, _ name: String) -> (CivilDate, String) { (CivilDate(year: year, month: month, day: day), name) }
        func easterPlus(_ days: Int, _ name: String) -> (CivilDate, String) { (easter.adding(days: days), name) }
        var list: [(CivilDate, String)]
        switch country {
        case .sweden:
            let midsummerEve = firstDay(weekday: 5, from: CivilDate(year: year, month: 6, day: 19))
            let allSaints = firstDay(weekday: 6, from: CivilDate(year: year, month: 10, day: 31))
            list = [
                fixed(1, 1, "New Year's Day"), fixed(1, 6, "Epiphany"), easterPlus(-2, "Good Friday"), easterPlus(0, "Easter Sunday"),
                easterPlus(1, "Easter Monday"), fixed(5, 1, "May Day"), easterPlus(39, "Ascension Day"), fixed(6, 6, "National Day"),
                (midsummerEve, "Midsummer Eve"), (midsummerEve.adding(days: 1), "Midsummer Day"), (allSaints, "All Saints' Day"),
                fixed(12, 24, "Christmas Eve"), fixed(12, 25, "Christmas Day"), fixed(12, 26, "Boxing Day"), fixed(12, 31, "New Year's Eve"),
            ]
        case .norway:
            list = [
                fixed(1, 1, "New Year's Day"), easterPlus(-3, "Maundy Thursday"), easterPlus(-2, "Good Friday"),
                easterPlus(0, "Easter Sunday"), easterPlus(1, "Easter Monday"), fixed(5, 1, "May Day"),
                fixed(5, 17, "Constitution Day"), easterPlus(39, "Ascension Day"), easterPlus(49, "Whit Sunday"),
                easterPlus(50, "Whit Monday"), fixed(12, 25, "Christmas Day"), fixed(12, 26, "Boxing Day"),
            ]
        }
        return list.sorted { $0.0.dayNumber < $1.0.dayNumber }.map { (day: $0.0, name: $0.1) }
    }

    /// The holiday's name when `day` is one in `country`.
    public static func holiday(on day: CivilDate, country: CalendarCountry) -> String? {
        holidays(in: day.year, country: country).first { $0.day.isSameDay(as: day) }?.name
    }

    /// The first day on or after `start` whose ISO weekday (1 Monday … 7 Sunday) is `weekday`.
    static func firstDay(weekday: Int, from start: CivilDate) -> CivilDate {
        start.adding(days: (weekday - start.isoWeekday + 7) % 7)
    }
}
