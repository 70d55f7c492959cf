import Foundation

/// A UTC date and time of day as Gregorian calendar fields, computed on plain integers.
///
/// Badges, retention deadlines and every date on screen need only UTC Gregorian arithmetic. Foundation's
/// `Calendar` gives the same answers, but its first use builds calendar and time-zone machinery that costs
/// about a millisecond of the first screen; this is H. Hinnant's days-from-civil algorithm, exact for every
/// proleptic Gregorian date. Tests hold it to `Calendar.utc` over thousands of dates.
public struct CivilDate: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since midnight, fractions kept.
    public var secondOfDay: Double

    public init(year: Int, month: Int, day: Int, secondOfDay: Double = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = secondOfDay
    }

    /// The fields of `date` in UTC.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        let days = Int((seconds / 86_400).rounded(.down))
        secondOfDay = seconds - Double(days) * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The instant these fields name, in UTC.
    public var date: Date {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400 + secondOfDay)
    }

    /// These fields `months` calendar months later (or earlier), the day clamped to the month's length
    /// (31 January + 1 month is 28 or 29 February), the time of day kept.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, Self.length(ofMonth: m, in: y)), secondOfDay: secondOfDay)
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Date {
    /// This instant `months` calendar months later in UTC (see `CivilDate.adding(months:)`).
    public func addingUTCMonths(_ months: Int) -> Date { CivilDate(self).adding(months: months).date }
}
