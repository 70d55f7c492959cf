import Foundation

/// Whether the answer to a request may be put off (Art. 12(3)): by up to two further months in all, only
/// with a reason, and only when the person was told within the first month.
public enum RequestExtension {
    /// Why an extension is refused, in words the DPO can act on; the field named is the command's option.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var field: String
        /// The message as a key with arguments, for the reader's language.
        public var wording: Wording
        /// The message in English.
        public var message: String { wording.description }
        public var description: String { "\(field): \(message)" }

        init(field: String, _ key: String, _ parts: [String: Wording.Part] = [:]) {
            self.field = field
            wording = Wording(key, parts)
        }
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
            return .failure(Refusal(field: "--months", "gate.extend.months", ["n": "\(months)"]))
        }
        let total = alreadyExtended + months
        guard total <= RequestDeadline.maxExtensionMonths else {
            return .failure(Refusal(field: "--months", alreadyExtended == 1 ? "gate.extend.already.one" : "gate.extend.already.other", ["n": "\(alreadyExtended)"]))
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(Refusal(field: "--reason", "gate.extend.reason"))
        }
        let firstMonthEnds = RequestDeadline.due(received: received, country: country)
        guard noticeGiven.dayNumber >= received.dayNumber else {
            return .failure(Refusal(field: "--notice-given", "gate.extend.noticeBeforeReceived", ["day": "\(noticeGiven.isoDay)", "received": "\(received.isoDay)"]))
        }
        guard noticeGiven.dayNumber <= today.dayNumber else {
            return .failure(Refusal(field: "--notice-given", "gate.extend.noticeAfterToday", ["day": "\(noticeGiven.isoDay)", "today": "\(today.isoDay)"]))
        }
        guard noticeGiven.dayNumber <= firstMonthEnds.dayNumber else {
            return .failure(Refusal(field: "--notice-given", "gate.extend.noticeLate", ["day": "\(noticeGiven.isoDay)", "ended": "\(firstMonthEnds.isoDay)"]))
        }
        return .success(total)
    }
}
