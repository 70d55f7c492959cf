/// Working days: neither a weekend nor a public holiday of the country.
public enum WorkingDays {
    public static func isWorkingDay(_ day: CivilDate, country: CalendarCountry) -> Bool {
        !day.isWeekend && PublicHolidays.holiday(on: day, country: country) == nil
    }

    /// `day` when it is a working day, else the next one (a deadline that falls on a closed day moves on).
    public static func onOrAfter(_ day: CivilDate, country: CalendarCountry) -> CivilDate {
        var d = CivilDate(year: day.year, month: day.month, day: day.day)
        while !isWorkingDay(d, country: country) { d = d.adding(days: 1) }
        return d
    }
}
