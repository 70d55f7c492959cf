import Foundation
import RekryDomain
import RekryStorage

/// The DPO's breach log (Arts. 33, 34): recording a breach, the 72-hour clock, the notification, and the
/// people to inform. The DPO's alone. Every step is audited with counts, categories and pseudonyms, never
/// the description or the measures.
extension Gate {
    /// Records a breach and the candidates known to be affected.
    public func recordBreach(_ draft: BreachDraft) throws -> BreachSummary {
        try require([.dpo], for: "breach record")
        let what = try DeskText.line(draft.what, field: "--what", limit: 1000, required: true) ?? ""
        let measures = try DeskText.line(draft.measures, field: "--measures", limit: 1000, required: true) ?? ""
        guard !draft.categories.isEmpty else { throw RegisterError.invalid(field: "--categories", message: BreachCategoryError(word: "").description) }
        let now = clock.now()
        guard draft.discoveredAt <= now else {
            throw RegisterError.invalidBecause(field: "--discovered", Wording("gate.rule.inFuture", ["at": "\(DayFormat.minute(draft.discoveredAt))"]))
        }
        let ids = Array(Set(draft.affected)).sorted()
        guard draft.approxAffected >= ids.count else {
            throw RegisterError.invalidBecause(field: "--approx-affected", Wording("gate.rule.fewerAffected", ["n": "\(draft.approxAffected)", "listed": "\(ids.count)"]))
        }
        return try audited { tx in
            let s = tx.session
            var affected: [BreachAffectedRecord] = []
            for id in ids {
                guard let c = try s.candidate(id: id) else { throw RegisterError.invalidBecause(field: "--affected", Wording("gate.rule.noCandidate", ["id": "\(id)"])) }
                affected.append(BreachAffectedRecord(breachId: 0, subject: c.pseudonym, candidateId: id))
            }
            let record = BreachRecord(discoveredAt: draft.discoveredAt, what: what, categories: draft.categories,
                                      approxAffected: draft.approxAffected, measures: measures, recordedAt: now, recordedBy: actor.pseudonym)
            let id = try s.insertBreach(record)
            try tx.audit(.breachRecord, subject: nil, purpose: .dataSubjectRequest,
                         detail: "breach=\(id) discovered=\(DayFormat.timestamp(draft.discoveredAt)) categories=\(draft.categories.map(\.rawValue).joined(separator: ",")) approx=\(draft.approxAffected) linked=\(affected.count)")
            for var a in affected {
                a.breachId = id
                try s.insertBreachAffected(a)
                try tx.audit(.breachAffected, subject: a.subject, purpose: .dataSubjectRequest, detail: "breach=\(id)")
            }
            var stored = record
            stored.id = id
            return BreachSummary(stored, affected: affected.sorted { $0.subject < $1.subject }, now: now)
        }
    }

    /// The breach log, newest first, with the 72-hour badges as of now. An audited read.
    public func breaches() throws -> BreachList {
        try require([.dpo], for: "breach list")
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            let list = try s.breaches().map { BreachSummary($0, affected: try s.breachAffected(breachId: $0.id), now: now) }
            try tx.audit(.breachList, subject: nil, purpose: .dataSubjectRequest, detail: "count=\(list.count)")
            return BreachList(asOf: now, breaches: list)
        }
    }

    /// Marks the authority notified at `at` (default now); the badge stops counting.
    public func markBreachNotified(id: Int64, at: Date? = nil) throws -> BreachSummary {
        try require([.dpo], for: "breach notify")
        let now = clock.now()
        let at = at ?? now
        return try audited { tx in
            let s = tx.session
            guard var b = try s.breach(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.breach", ["id": "\(id)"])) }
            guard b.notifiedAt == nil else { throw RegisterError.refusedBecause(Wording("gate.breach.alreadyNotified", ["id": "\(id)", "at": "\(DayFormat.minute(b.notifiedAt!))"])) }
            guard at >= b.discoveredAt else {
                throw RegisterError.invalidBecause(field: "--at", Wording("gate.rule.beforeDiscovered", ["at": "\(DayFormat.minute(at))", "discovered": "\(DayFormat.minute(b.discoveredAt))"]))
            }
            guard at <= now else { throw RegisterError.invalidBecause(field: "--at", Wording("gate.rule.inFuture", ["at": "\(DayFormat.minute(at))"])) }
            try s.markBreachNotified(id: id, at: at)
            b.notifiedAt = at
            let summary = BreachSummary(b, affected: try s.breachAffected(breachId: id), now: now)
            let hours = Int((at.timeIntervalSince(b.discoveredAt) / 3600).rounded(.down))
            try tx.audit(.breachNotify, subject: nil, purpose: .dataSubjectRequest,
                         detail: "breach=\(id) hours=\(hours) late=\(summary.status == "notified-late" ? "yes" : "no")")
            return summary
        }
    }

    /// The people to write to about breach `id` (Art. 34): each one's name and contact details as the gate
    /// lets the DPO see them (withheld items with their reason), the erased marked as such. Each person read
    /// is audited under their pseudonym.
    public func breachRecipients(id: Int64) throws -> BreachRecipientList {
        try require([.dpo], for: "breach recipients")
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            guard try s.breach(id: id) != nil else { throw RegisterError.missingRecord(Wording("gate.what.breach", ["id": "\(id)"])) }
            var recipients: [BreachRecipient] = []
            for a in try s.breachAffected(breachId: id) {
                guard let cid = a.candidateId, let record = try s.candidate(id: cid) else {
                    recipients.append(BreachRecipient(subject: a.subject, candidateId: nil, erased: true, name: nil, contact: nil))
                    continue
                }
                let detail = try detail(record, session: s, purpose: .dataSubjectRequest, now: now)
                recipients.append(BreachRecipient(subject: a.subject, candidateId: cid, erased: false, name: detail.name, contact: detail.contact))
                let withheld = (detail.name.value == nil ? 1 : 0) + (detail.contact.value == nil ? 1 : 0)
                try tx.audit(.breachRecipients, subject: a.subject, purpose: .dataSubjectRequest, detail: "breach=\(id) withheld=\(withheld)")
            }
            return BreachRecipientList(breachId: id, recipients: recipients)
        }
    }
}
