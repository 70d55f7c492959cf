import Foundation

/// Whether the answer to a request may be put off (Art. 12(3)): by up to two further months in all, only
/// with a reason, and only when the person was told within the first month.
public enum RequestExtension {
    /// Why an extension is refused, in words the DPO can act on; the field named is the command's option.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var field: String
        public var message: String
        public var description: String { "\(field): \(message)" }
    }

    /// The total further months after this extension, or the refusal.
    ///
    /// - Parameters:
    ///   - alreadyExtended: further months granted before (0, 1 or 2).
    ///   - noticeGiven: the day the person was told of the extension and why.
    ///   - today: the day the extension is recorded (a notice cannot be dated after it).
    public static func check(received: CivilDate, country: CalendarCountry, alreadyExtended: Int, months: Int,
                             reason: String, noticeGiven: CivilDate, today: CivilDate) -> Result<Int, Refusal> {
        guard (1...RequestDeadline.maxExtensionMonths).contains(months) else {
            return .failure(Refusal(field: "--months", message: "an extension is 1 or 2 further months, not \(months)"))
        }
        let total = alreadyExtended + months
        guard total <= RequestDeadline.maxExtensionMonths else {
            return .failure(Refusal(field: "--months", message: "already extended by \(alreadyExtended) month\(alreadyExtended == 1 ? "" : "s"); Art. 12(3) allows two further months in all"))
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(Refusal(field: "--reason", message: "an extension needs its reason (the complexity or number of requests), told to the person"))
        }
        let firstMonthEnds = RequestDeadline.due(received: received, country: country)
        guard noticeGiven.dayNumber >= received.dayNumber else {
            return .failure(Refusal(field: "--notice-given", message: "\(noticeGiven.isoDay) is before the request was received (\(received.isoDay))"))
        }
        guard noticeGiven.dayNumber <= today.dayNumber else {
            return .failure(Refusal(field: "--notice-given", message: "\(noticeGiven.isoDay) is after today (\(today.isoDay)); record the extension once the notice is given"))
        }
        guard noticeGiven.dayNumber <= firstMonthEnds.dayNumber else {
            return .failure(Refusal(field: "--notice-given", message: "the notice was given on \(noticeGiven.isoDay), after the first month ended on \(firstMonthEnds.isoDay): Art. 12(3) allows an extension only when the person is told within the first month"))
        }
        return .success(total)
    }
}
