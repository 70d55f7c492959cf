import Foundation

/// A request's badge: how its deadline stands today, and whether it was extended.
public struct RequestStatus: Equatable, Sendable, Codable {
    public enum Urgency: String, Sendable, Codable, CaseIterable {
        case open
        /// Due within `RequestStatus.dueSoonDays` days (today included).
        case dueSoon = "due-soon"
        /// Past its deadline and not closed.
        case overdue
        case closed
    }

    public var urgency: Urgency
    public var extended: Bool

    /// How many days ahead "due soon" starts.
    public static let dueSoonDays = 7

    public init(urgency: Urgency, extended: Bool) {
        self.urgency = urgency
        self.extended = extended
    }

    /// The badge of a request due on `due` (its deadline with any extension), as of `today`.
    public static func of(due: CivilDate, extended: Bool, closed: Bool, today: CivilDate) -> RequestStatus {
        let left = due.dayNumber - today.dayNumber
        let urgency: Urgency = closed ? .closed : left < 0 ? .overdue : left <= dueSoonDays ? .dueSoon : .open
        return RequestStatus(urgency: urgency, extended: extended)
    }

    /// The badge's words: `overdue`, `due soon, extended`.
    public var label: String {
        let words = extended && urgency != .closed ? [urgency.rawValue.replacingOccurrences(of: "-", with: " "), "extended"]
            : [urgency.rawValue.replacingOccurrences(of: "-", with: " ")]
        return words.joined(separator: ", ")
    }
}
