import Foundation

/// Whole-day arithmetic on `CivilDate`, for deadlines that are calendar days, not instants.
extension CivilDate {
    /// The calendar day of `date` in UTC, at midnight.
    public static func day(of date: Date) -> CivilDate {
        var c = CivilDate(date)
        c.secondOfDay = 0
        return c
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// The day `days` later (or earlier), at midnight.
    public func adding(days: Int) -> CivilDate {
        CivilDate(Date(timeIntervalSince1970: Double(dayNumber + days) * 86_400))
    }

    /// ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let n = (dayNumber + 3) % 7
        return (n < 0 ? n + 7 : n) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The same calendar day, ignoring the time of day.
    public func isSameDay(as other: CivilDate) -> Bool { year == other.year && month == other.month && day == other.day }

    /// `2026-02-28`.
    public var isoDay: String { DayFormat.day(date) }

    /// Parses `YYYY-MM-DD` (a real day of the Gregorian calendar); nil otherwise.
    public init?(isoDay text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CivilDate.length(ofMonth: m, in: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
