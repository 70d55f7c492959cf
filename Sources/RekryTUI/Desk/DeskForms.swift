import Foundation
import RekryDomain
import RekryGate

/// The forms of the DPO's desk.
enum DeskForms {
    /// The calendar choice: the firm's own, or a country named for this request.
    static let firmCalendar = "firm's"

    static func addRequest(candidateId: Int64?, today: CivilDate, firm: CalendarCountry) -> FormModel {
        FormModel(title: "Record a data subject's request", fields: [
            FormField(id: "person", label: "From", kind: .choice(["candidate", "referee"]), initial: "candidate", required: true,
                      help: "A candidate, or a referee (by one of their reference ids)"),
            FormField(id: "id", label: "Id", initial: candidateId.map(String.init) ?? "", required: true,
                      help: "The candidate id, or the reference id for a referee",
                      validator: { Int64($0).map { $0 > 0 } == true ? nil : "a positive number" }),
            FormField(id: "kind", label: "Request", kind: .choice(RequestKind.allCases.map(\.rawValue)), initial: RequestKind.access.rawValue,
                      required: true, help: "What the person asks for"),
            FormField(id: "received", label: "Received", kind: .date, initial: today.isoDay, required: true,
                      help: "The day it reached the firm: the month runs from here"),
            FormField(id: "verified", label: "Identity", kind: .choice(VerificationMethod.allCases.map(\.rawValue)),
                      initial: VerificationMethod.bankId.rawValue, required: true, help: "How identity was verified"),
            FormField(id: "note", label: "Note", help: "Optional, one line; erased with the person"),
            FormField(id: "ref", label: "Ticket", help: "The firm's ticket id (letters, digits, - _ . / #), never a name"),
            FormField(id: "country", label: "Calendar", kind: .choice([firmCalendar] + CalendarCountry.allCases.map(\.rawValue)),
                      initial: firmCalendar, required: true, help: "Whose holidays move the deadline; the firm's is \(firm.rawValue)"),
        ])
    }

    static func extend(_ r: RequestSummary, today: CivilDate) -> FormModel {
        FormModel(title: "Extend request \(r.id) (due \(r.due))", fields: [
            FormField(id: "months", label: "Months", kind: .choice(["1", "2"]), initial: "1", required: true,
                      help: "Further months; two in all at most (Art. 12(3))"),
            FormField(id: "reason", label: "Reason", required: true, help: "The complexity or number of requests, as told to the person"),
            FormField(id: "notice", label: "Told on", kind: .date, initial: today.isoDay, required: true,
                      help: "The day the person was told; by \(r.firstMonthDue) at the latest"),
        ])
    }

    static func close(_ r: RequestSummary) -> FormModel {
        FormModel(title: "Close request \(r.id) (\(r.kind.rawValue), \(r.subject))", fields: [
            FormField(id: "outcome", label: "Outcome", kind: .choice(RequestOutcome.allCases.map(\.rawValue)), initial: RequestOutcome.done.rawValue,
                      required: true, help: "done: linked to what was done; refused: Art. 12(5), no entry needed"),
            FormField(id: "entry", label: "Audit entry", help: "The sequence number of the entry of what was done (rekry audit show)",
                      validator: { Int64($0).map { $0 > 0 } == true ? nil : "a positive number" }),
        ])
    }

    static func notified(_ b: BreachSummary, now: String) -> FormModel {
        FormModel(title: "Breach \(b.id): the authority notified", fields: [
            FormField(id: "at", label: "When", initial: now, required: true, help: "YYYY-MM-DD HH:MM, UTC"),
        ])
    }

    static func recordBreach(now: String) -> FormModel {
        FormModel(title: "Record a personal data breach", fields: [
            FormField(id: "discovered", label: "Discovered", initial: now, required: true,
                      help: "YYYY-MM-DD HH:MM, UTC: the 72 hours run from here",
                      validator: { minute($0) == nil ? "write YYYY-MM-DD HH:MM (UTC)" : nil }),
            FormField(id: "what", label: "What happened", required: true, help: "One line; name nobody (link the people below)"),
            FormField(id: "categories", label: "Categories", initial: DataCategory.contact.rawValue, required: true,
                      help: DataCategory.allCases.map(\.rawValue).joined(separator: ","),
                      validator: { text in
                          if case .failure(let e) = BreachCategories.parse(text) { return e.description }
                          return nil
                      }),
            FormField(id: "approx", label: "People, about", required: true, help: "The approximate number of people affected",
                      validator: { Int($0).map { $0 >= 0 } == true ? nil : "a count" }),
            FormField(id: "measures", label: "Measures", required: true, help: "Taken or proposed, one line"),
            FormField(id: "affected", label: "Affected ids", help: "Candidate ids known to be affected, comma-separated (the people to inform)",
                      validator: { text in
                          text.split(separator: ",").allSatisfy { Int64($0.trimmingCharacters(in: .whitespaces)).map { $0 > 0 } == true }
                              ? nil : "candidate ids, comma-separated"
                      }),
        ])
    }

    /// `2026-03-01 14:05` (UTC), as `DayFormat.minute` writes it.
    static func minute(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = FormDate.parse(String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count == 2, hm.allSatisfy({ $0.count == 2 }), let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return CivilDate(year: day.year, month: day.month, day: day.day, secondOfDay: Double(h * 3600 + m * 60)).date
    }
}
