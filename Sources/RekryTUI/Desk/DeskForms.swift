import Foundation
import RekryDomain
import RekryGate

/// The forms of the DPO's desk.
enum DeskForms {
    /// The calendar choice: the firm's own, or a country named for this request.
    static let firmCalendar = "firm's"

    static func addRequest(candidateId: Int64?, today: CivilDate, firm: CalendarCountry, _ l: UILanguage) -> FormModel {
        let kinds = RequestKind.allCases.map(\.rawValue), methods = VerificationMethod.allCases.map(\.rawValue)
        let calendars = [firmCalendar] + CalendarCountry.allCases.map(\.rawValue)
        let positive = l.text("valid.positive")
        return FormModel(title: l.text("form.addRequest"), fields: [
            FormField(id: "person", label: l.text("field.from"), kind: .choice(["candidate", "referee"]), initial: "candidate", required: true,
                      help: l.text("help.from"), choiceLabels: l.labels(["candidate", "referee"], "choice")),
            FormField(id: "id", label: l.text("field.id"), initial: candidateId.map(String.init) ?? "", required: true,
                      help: l.text("help.subjectId"),
                      validator: { Int64($0).map { $0 > 0 } == true ? nil : positive }),
            FormField(id: "kind", label: l.text("field.request"), kind: .choice(kinds), initial: RequestKind.access.rawValue,
                      required: true, help: l.text("help.request"), choiceLabels: l.labels(kinds, "request")),
            FormField(id: "received", label: l.text("field.received"), kind: .date, initial: today.isoDay, required: true,
                      help: l.text("help.received")),
            FormField(id: "verified", label: l.text("field.identity"), kind: .choice(methods),
                      initial: VerificationMethod.bankId.rawValue, required: true, help: l.text("help.identity"),
                      choiceLabels: l.labels(methods, "verified")),
            FormField(id: "note", label: l.text("field.note"), help: l.text("help.requestNote")),
            FormField(id: "ref", label: l.text("field.ticket"), help: l.text("help.ticket")),
            FormField(id: "country", label: l.text("field.calendar"), kind: .choice(calendars),
                      initial: firmCalendar, required: true, help: l.text("help.calendar", ["country": firm.rawValue]),
                      choiceLabels: [firmCalendar: l.text("choice.firmCalendar")]),
        ])
    }

    static func extend(_ r: RequestSummary, today: CivilDate, _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.extend", ["id": r.id, "due": r.due]), fields: [
            FormField(id: "months", label: l.text("field.months"), kind: .choice(["1", "2"]), initial: "1", required: true,
                      help: l.text("help.months")),
            FormField(id: "reason", label: l.text("field.reason"), required: true, help: l.text("help.extendReason")),
            FormField(id: "notice", label: l.text("field.toldOn"), kind: .date, initial: today.isoDay, required: true,
                      help: l.text("help.toldOn", ["due": r.firstMonthDue])),
        ])
    }

    static func close(_ r: RequestSummary, _ l: UILanguage) -> FormModel {
        let outcomes = RequestOutcome.allCases.map(\.rawValue), positive = l.text("valid.positive")
        return FormModel(title: l.text("form.closeRequest", ["id": r.id, "kind": l.text("request.\(r.kind.rawValue)"), "subject": r.subject]), fields: [
            FormField(id: "outcome", label: l.text("field.outcome"), kind: .choice(outcomes), initial: RequestOutcome.done.rawValue,
                      required: true, help: l.text("help.requestOutcome"), choiceLabels: l.labels(outcomes, "outcome")),
            FormField(id: "entry", label: l.text("field.auditEntry"), help: l.text("help.auditEntry"),
                      validator: { Int64($0).map { $0 > 0 } == true ? nil : positive }),
        ])
    }

    static func notified(_ b: BreachSummary, now: String, _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.notified", ["id": b.id]), fields: [
            FormField(id: "at", label: l.text("field.when"), initial: now, required: true, help: l.text("help.minute")),
        ])
    }

    static func recordBreach(now: String, _ l: UILanguage) -> FormModel {
        let minuteFormat = l.text("valid.minute"), count = l.text("valid.count"), ids = l.text("valid.ids")
        return FormModel(title: l.text("form.recordBreach"), fields: [
            FormField(id: "discovered", label: l.text("field.discovered"), initial: now, required: true,
                      help: l.text("help.discovered"),
                      validator: { minute($0) == nil ? minuteFormat : nil }),
            FormField(id: "what", label: l.text("field.whatHappened"), required: true, help: l.text("help.whatHappened")),
            // The codes are what the field takes (comma-separated), so the help names them as they are typed.
            FormField(id: "categories", label: l.text("field.categories"), initial: DataCategory.contact.rawValue, required: true,
                      help: DataCategory.allCases.map(\.rawValue).joined(separator: ","),
                      validator: { text in
                          if case .failure(let e) = BreachCategories.parse(text) { return e.description }
                          return nil
                      }),
            FormField(id: "approx", label: l.text("field.approx"), required: true, help: l.text("help.approx"),
                      validator: { Int($0).map { $0 >= 0 } == true ? nil : count }),
            FormField(id: "measures", label: l.text("field.measures"), required: true, help: l.text("help.measures")),
            FormField(id: "affected", label: l.text("field.affected"), help: l.text("help.affected"),
                      validator: { text in
                          text.split(separator: ",").allSatisfy { Int64($0.trimmingCharacters(in: .whitespaces)).map { $0 > 0 } == true }
                              ? nil : ids
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
