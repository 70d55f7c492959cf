import Foundation
import RekryDomain
import RekryStorage

/// The DPO's requests tracker (Art. 12(3)): recording, listing, extending and closing data subjects'
/// requests. The DPO's alone: nobody else records, reads, extends or closes one. Every step is audited with
/// the person's pseudonym, kinds, dates and counts, never a note or a reason.
extension Gate {
    /// Records a request; returns it as the list shows it.
    public func addRequest(_ draft: RequestDraft) throws -> RequestSummary {
        try require([.dpo], for: "request add")
        let note = try DeskText.line(draft.note, field: "--note", limit: 200, required: false)
        let ticket = try DeskText.ticket(draft.reference, field: "--ref")
        let now = clock.now()
        let today = CivilDate.day(of: now)
        guard draft.received.dayNumber <= today.dayNumber else {
            throw RegisterError.invalidBecause(field: "--received", Wording("gate.rule.afterToday", ["day": "\(draft.received.isoDay)", "today": "\(today.isoDay)"]))
        }
        return try audited { tx in
            let s = tx.session
            let country = try draft.country ?? Self.firmCountry(s, gate: self)
            var record: RequestRecord
            switch draft.subject {
            case .candidate(let id):
                guard let c = try s.candidate(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(id)"])) }
                record = RequestRecord(kind: draft.kind, subject: c.pseudonym, subjectKind: .candidate, candidateId: id, refereeId: nil,
                                       received: draft.received, verifiedBy: draft.verifiedBy, verificationNote: note, reference: ticket,
                                       country: country, recordedAt: now, recordedBy: actor.pseudonym)
            case .reference(let id):
                guard let match = try s.reference(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.reference", ["id": "\(id)"])) }
                record = RequestRecord(kind: draft.kind, subject: ErasureRules.refereeSubject(match.refereeId), subjectKind: .reference,
                                       candidateId: nil, refereeId: match.refereeId, received: draft.received, verifiedBy: draft.verifiedBy,
                                       verificationNote: note, reference: ticket, country: country, recordedAt: now,
                                       recordedBy: actor.pseudonym)
            }
            let earlier = try s.requests(subject: record.subject)
            record.id = try s.insertRequest(record)
            let summary = RequestSummary(record, secondExtract: Self.isSecondExtract(record, among: earlier), today: today)
            var detail = "request=\(record.id) kind=\(record.kind.rawValue) received=\(summary.received) verified=\(record.verifiedBy.rawValue) country=\(country.rawValue) due=\(summary.due)"
            if summary.secondExtractWithinYear { detail += " second-extract-within-year" }
            try tx.audit(.requestAdd, subject: record.subject, purpose: .dataSubjectRequest, detail: detail)
            return summary
        }
    }

    /// Every request (or the open ones), most urgent first, with badges as of today. An audited read.
    public func requests(openOnly: Bool) throws -> RequestList {
        try require([.dpo], for: "request list")
        let today = CivilDate.day(of: clock.now())
        return try audited { tx in
            let all = try tx.session.requests(openOnly: false)
            let bySubject = Dictionary(grouping: all, by: \.subject)
            let shown = all.filter { !openOnly || $0.closedAt == nil }
            let summaries = shown.map { RequestSummary($0, secondExtract: Self.isSecondExtract($0, among: bySubject[$0.subject] ?? []), today: today) }
                .sorted(by: Self.mostUrgentFirst)
            try tx.audit(.requestList, subject: nil, purpose: .dataSubjectRequest,
                         detail: "count=\(summaries.count)\(openOnly ? " open-only" : "")")
            return RequestList(asOf: today.isoDay, requests: summaries)
        }
    }

    /// Puts off the answer by `months` further months (Art. 12(3)): with a reason, and only when the person
    /// was told within the first month (`noticeGiven`, default today).
    public func extendRequest(id: Int64, months: Int, reason: String, noticeGiven: CivilDate? = nil) throws -> RequestSummary {
        try require([.dpo], for: "request extend")
        let reason = try DeskText.line(reason, field: "--reason", limit: 300, required: true) ?? ""
        let today = CivilDate.day(of: clock.now())
        return try audited { tx in
            let s = tx.session
            guard var r = try s.request(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.request", ["id": "\(id)"])) }
            guard r.closedAt == nil else { throw RegisterError.refusedBecause(Wording("gate.request.closedNoExtend", ["id": "\(id)"])) }
            let notice = noticeGiven ?? today
            switch RequestExtension.check(received: r.received, country: r.country, alreadyExtended: r.extensionMonths, months: months,
                                          reason: reason, noticeGiven: notice, today: today) {
            case .failure(let refusal): throw RegisterError.invalidBecause(field: refusal.field, refusal.wording)
            case .success(let total):
                try s.extendRequest(id: id, totalMonths: total, reason: reason, noticeGiven: notice)
                r.extensionMonths = total
                r.extensionReason = reason
                r.noticeGiven = notice
            }
            let summary = RequestSummary(r, secondExtract: Self.isSecondExtract(r, among: try s.requests(subject: r.subject)), today: today)
            try tx.audit(.requestExtend, subject: r.subject, purpose: .dataSubjectRequest,
                         detail: "request=\(id) months=\(months) total=\(r.extensionMonths) notice=\(notice.isoDay) due=\(summary.due)")
            return summary
        }
    }

    /// Closes a request, linking it to the audit entry of what was done (`auditEntry`): an entry about the
    /// same person, after the request was received, of a kind that answers it. A refusal needs no entry.
    public func closeRequest(id: Int64, auditEntry seq: Int64?, outcome: RequestOutcome = .done) throws -> RequestSummary {
        try require([.dpo], for: "request close")
        let now = clock.now()
        let today = CivilDate.day(of: now)
        return try audited { tx in
            let s = tx.session
            guard var r = try s.request(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.request", ["id": "\(id)"])) }
            guard r.closedAt == nil else { throw RegisterError.refusedBecause(Wording("gate.request.closedAlready", ["id": "\(id)"])) }
            if outcome == .done && seq == nil {
                throw RegisterError.invalidBecause(field: "--audit-entry", Wording("gate.rule.auditEntryRequired", ["subject": "\(r.subject)"]))
            }
            if let seq {
                guard let entry = try s.auditEntry(seq: seq) else { throw RegisterError.invalidBecause(field: "--audit-entry", Wording("gate.rule.noAuditEntry", ["seq": "\(seq)"])) }
                guard entry.subject == r.subject else {
                    throw RegisterError.invalidBecause(field: "--audit-entry", Wording("gate.rule.entrySomeoneElse", ["seq": "\(seq)", "subject": "\(r.subject)"]))
                }
                guard entry.at.timeIntervalSince1970 >= r.received.date.timeIntervalSince1970 else {
                    throw RegisterError.invalidBecause(field: "--audit-entry", Wording("gate.rule.entryBeforeRequest", ["seq": "\(seq)", "day": "\(r.received.isoDay)"]))
                }
                guard outcome == .refused || RequestClosing.fits(entry, kind: r.kind) else {
                    throw RegisterError.invalidBecause(field: "--audit-entry", Wording("gate.rule.entryNotAnswer.\(r.kind.rawValue)",
                                                                                     ["seq": "\(seq)", "action": "\(entry.action)"]))
                }
            }
            try s.closeRequest(id: id, at: now, by: actor.pseudonym, outcome: outcome, auditSeq: seq)
            r.closedAt = now
            r.closedBy = actor.pseudonym
            r.outcome = outcome
            r.auditSeq = seq
            let summary = RequestSummary(r, secondExtract: Self.isSecondExtract(r, among: try s.requests(subject: r.subject)), today: today)
            let due = RequestDeadline.due(received: r.received, extensionMonths: r.extensionMonths, country: r.country)
            let onTime = today.dayNumber <= due.dayNumber ? "yes" : "no"
            try tx.audit(.requestClose, subject: r.subject, purpose: .dataSubjectRequest,
                         detail: "request=\(id) kind=\(r.kind.rawValue) outcome=\(outcome.rawValue)\(seq.map { " entry=\($0)" } ?? "") on-time=\(onTime)")
            return summary
        }
    }

    /// The DPO's order: open requests by deadline (soonest first), then closed ones, newest received first.
    static func mostUrgentFirst(_ a: RequestSummary, _ b: RequestSummary) -> Bool {
        let aOpen = a.closedAt == nil, bOpen = b.closedAt == nil
        if aOpen != bOpen { return aOpen }
        if aOpen { return (a.due, a.id) < (b.due, b.id) }
        return (a.received, a.id) > (b.received, b.id)
    }

    /// Whether `r` is an access request received within a year of another of the same person's (not refused,
    /// received before it, or the same day and recorded before it).
    static func isSecondExtract(_ r: RequestRecord, among others: [RequestRecord]) -> Bool {
        guard r.kind == .access else { return false }
        let earlier = others.filter {
            $0.id != r.id && $0.kind == .access && $0.outcome != .refused
                && ($0.received.dayNumber < r.received.dayNumber || ($0.received.dayNumber == r.received.dayNumber && ($0.id < r.id || r.id == 0)))
        }
        return ExtractAllowance.isSecondWithinYear(received: r.received, earlier: earlier.map(\.received))
    }
}
