import Foundation

/// The Art. 33(1) clock: the supervisory authority is told within 72 hours of the breach becoming known.
public enum BreachDeadline {
    public static let hours: TimeInterval = 72

    /// The instant the authority must have been notified by.
    public static func notifyBy(discovered: Date) -> Date { discovered.addingTimeInterval(hours * 3600) }

    /// The badge until the breach is marked notified.
    public static func status(discovered: Date, notifiedAt: Date?, now: Date) -> BreachStatus {
        if let notifiedAt { return notifiedAt <= notifyBy(discovered: discovered) ? .notified : .notifiedLate }
        let left = notifyBy(discovered: discovered).timeIntervalSince(now)
        return left < 0 ? .overdue : .due(hoursLeft: Int((left / 3600).rounded(.down)))
    }
}

/// Where a breach stands with the authority.
public enum BreachStatus: Equatable, Sendable {
    /// Not notified; this many whole hours are left of the 72.
    case due(hoursLeft: Int)
    /// Not notified and the 72 hours have passed: the notification must say why it is late (Art. 33(1)).
    case overdue
    case notified
    /// Notified after the 72 hours.
    case notifiedLate

    /// The badge's words: `72h: 41h left`, `72h overdue`, `notified`.
    public var label: String {
        switch self {
        case .due(let h): "72h: \(h)h left"
        case .overdue: "72h overdue"
        case .notified: "notified"
        case .notifiedLate: "notified late"
        }
    }

    /// A word for JSON and filters.
    public var code: String {
        switch self {
        case .due: "due"
        case .overdue: "overdue"
        case .notified: "notified"
        case .notifiedLate: "notified-late"
        }
    }
}
