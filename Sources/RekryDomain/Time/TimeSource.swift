import Foundation

/// The source of "now" for every time-dependent decision (badges, grants, retention).
///
/// Injected everywhere so that tests pin time with `ManualTime` instead of sleeping.
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to: the test double for every time-dependent rule.
public final class ManualTime: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var observers: [@Sendable (Date) -> Void] = []

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) { changed(lock.withLock { current += seconds; return current }) }

    public func set(_ date: Date) { changed(lock.withLock { current = date; return current }) }

    /// Calls `body` with the new time whenever the clock is moved (a test register on a server moves the
    /// server's clock for its policies with it).
    public func onChange(_ body: @escaping @Sendable (Date) -> Void) { lock.withLock { observers.append(body) } }

    private func changed(_ date: Date) {
        for observer in lock.withLock({ observers }) { observer(date) }
    }
}

/// Dates as the register writes them: ISO 8601 in UTC, to the second.
public enum DayFormat {
    /// `2026-11-22`, in UTC.
    public static func day(_ date: Date) -> String {
        let c = CivilDate(date)
        return "\(padded(c.year, 4))-\(padded(c.month, 2))-\(padded(c.day, 2))"
    }

    /// `2026-11-22 03:14`, in UTC.
    public static func minute(_ date: Date) -> String {
        let c = CivilDate(date)
        let minutes = Int(c.secondOfDay) / 60
        return "\(day(date)) \(padded(minutes / 60, 2)):\(padded(minutes % 60, 2))"
    }

    /// `2026-11-22 04:14 UTC+1`: the minute as a clock in `zone` shows it, with the zone named, for people
    /// reading a screen (the register and its files keep UTC). The zone is named by its offset: Foundation on
    /// Linux has no names such as CET to give.
    public static func localMinute(_ date: Date, zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let shifted = date.addingTimeInterval(TimeInterval(offset))
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        let label = offset == 0 ? "UTC" : "UTC\(offset < 0 ? "-" : "+")\(hours)" + (minutes == 0 ? "" : ":\(padded(minutes, 2))")
        return "\(minute(shifted)) \(label)"
    }

    /// `2026-11-22T03:14:05`, in UTC (ISO 8601 without a zone, as JSON Resume's `lastModified` asks).
    public static func timestamp(_ date: Date) -> String {
        let c = CivilDate(date)
        let seconds = Int(c.secondOfDay)
        return "\(day(date))T\(padded(seconds / 3600, 2)):\(padded(seconds / 60 % 60, 2)):\(padded(seconds % 60, 2))"
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Calendar {
    /// A Gregorian calendar fixed to UTC, so that dates never depend on the machine's zone.
    public static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}
