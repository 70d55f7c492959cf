import Foundation
import RekryDomain

/// Reading the DPO desk's arguments: days, minutes, lists and ids, each refusal naming the argument (exit 65).
enum DeskInput {
    /// `YYYY-MM-DD` as a civil day.
    static func day(_ text: String, argument: String) throws -> CivilDate {
        guard let day = CivilDate(isoDay: text) else { throw CommandFailure.badData(say("input.notDate", ["argument": argument, "text": text])) }
        return day
    }

    /// `YYYY-MM-DDTHH:MM` (UTC) as an instant.
    static func minute(_ text: String, argument: String) throws -> Date {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        let time = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false) : []
        guard parts.count == 2, let day = CivilDate(isoDay: String(parts[0])), time.count == 2, time.allSatisfy({ $0.count == 2 }),
              let h = Int(time[0]), let m = Int(time[1]), (0..<24).contains(h), (0..<60).contains(m) else {
            throw CommandFailure.badData(say("input.notTime", ["argument": argument, "text": text]))
        }
        return CivilDate(year: day.year, month: day.month, day: day.day, secondOfDay: Double(h * 3600 + m * 60)).date
    }

    /// A value of a string enumeration, or a message listing the values it can take.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, argument: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: text) else {
            throw CommandFailure.badData(say("input.oneOf", ["argument": argument, "values": T.allCases.map(\.rawValue).joined(separator: ", "), "text": text]))
        }
        return v
    }

    /// `12,40,7` as positive ids.
    static func ids(_ text: String, argument: String) throws -> [Int64] {
        try text.split(separator: ",").map { part in
            let word = part.trimmingCharacters(in: .whitespaces)
            guard let id = Int64(word), id > 0 else { throw CommandFailure.badData(say("input.notId", ["argument": argument, "text": word])) }
            return id
        }
    }
}
