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
}
