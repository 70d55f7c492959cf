import Foundation
import RekryDomain
import RekryStorage

/// A consent as the person gave it: purpose, channel, the text agreed to, when, and until when.
public struct ConsentDraft: Sendable, Equatable {
    public var purpose: ConsentPurpose
    public var channel: String
    public var text: String
    /// Nil: now.
    public var givenAt: Date?
    public var expiresAt: Date?

    public init(purpose: ConsentPurpose, channel: String, text: String, givenAt: Date? = nil, expiresAt: Date? = nil) {
        self.purpose = purpose
        self.channel = channel
        self.text = text
        self.givenAt = givenAt
        self.expiresAt = expiresAt
    }

    func validate(now: Date) throws {
        guard try FieldRules.text(channel, field: "--channel", max: 100) != nil else {
            throw RegisterError.invalidBecause(field: "--channel", Wording("gate.rule.consentChannel"))
        }
        guard try FieldRules.text(text, field: "--text", max: 5_000, multiline: true) != nil else {
            throw RegisterError.invalidBecause(field: "--text", Wording("gate.rule.consentText"))
        }
        let given = givenAt ?? now
        if given > now { throw RegisterError.invalidBecause(field: "--given", Wording("gate.rule.consentFuture")) }
        if let e = expiresAt, e <= given {
            throw RegisterError.invalidBecause(field: "--expires", Wording("gate.rule.expiryBeforeGiven", ["day": "\(DayFormat.day(e))", "given": "\(DayFormat.day(given))"]))
        }
        // A consent that has already run out is no consent to record: it would badge the record as lapsed.
        if let e = expiresAt, e <= now {
            throw RegisterError.invalidBecause(field: "--expires", Wording("gate.rule.expiryPassed", ["day": "\(DayFormat.day(e))"]))
        }
    }

    func record(now: Date) -> ConsentRecord {
        ConsentRecord(id: 0, purpose: purpose, givenAt: givenAt ?? now, expiresAt: expiresAt, withdrawnAt: nil,
                      channel: channel.trimmingCharacters(in: .whitespacesAndNewlines),
                      text: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

extension Gate {
    /// Records a consent (or its renewal: a new record for the same purpose). The history is append-only.
    public func recordConsent(candidateId: Int64, _ consent: ConsentDraft) throws {
        let now = clock.now()
        try consent.validate(now: now)
        try audited { tx in
            let record = try changeCandidate(tx, id: candidateId, action: .recordConsent) { _ in
                _ = try tx.session.insertConsent(candidateId: candidateId, consent.record(now: now))
            }
            try tx.audit(.consentRecord, subject: record.pseudonym, purpose: .recruitment, detail: "purpose=\(consent.purpose.rawValue)")
        }
    }

    /// Records the withdrawal of the candidate's latest consent for `purpose` (Art. 7(3)): as easy as giving it.
    ///
    /// The history stays (the record gains a withdrawal date; the schema forbids any other change), and
    /// every item held on that consent is withheld from then on. Recruiters, leads and the DPO.
    public func withdrawConsent(candidateId: Int64, purpose consentPurpose: ConsentPurpose) throws {
        try requireWrite(.withdrawConsent)
        let now = clock.now()
        try audited { tx in
            let record = try changeCandidate(tx, id: candidateId, action: .withdrawConsent) { r in
                let latest = try tx.session.consents(candidateId: candidateId)
                    .filter { $0.purpose == consentPurpose && $0.givenAt <= now }.max { $0.givenAt < $1.givenAt }
                // Withdrawal is the person's right, so whoever takes the call records it; but someone who may not
                // see the history (a recruiter on a restricted record) gets the same answer whatever it holds:
                // a consent in force is withdrawn, anything else is left as it is, and neither is told apart.
                if !mayRead(.consent, of: r) {
                    if let latest, latest.withdrawnAt == nil { try tx.session.withdrawConsent(id: latest.id, at: now) }
                    return
                }
                guard let latest else {
                    throw RegisterError.refusedBecause(Wording("gate.consent.neverGiven", ["id": "\(candidateId)", "purpose": .code("purpose", consentPurpose.rawValue)]))
                }
                if latest.withdrawnAt != nil {
                    throw RegisterError.refusedBecause(Wording("gate.consent.alreadyWithdrawn", ["id": "\(candidateId)", "purpose": .code("purpose", consentPurpose.rawValue)]))
                }
                try tx.session.withdrawConsent(id: latest.id, at: now)
            }
            try tx.audit(.consentWithdraw, subject: record.pseudonym, purpose: .recruitment, detail: "purpose=\(consentPurpose.rawValue)")
        }
    }

    /// Restricts processing (Art. 18: kept, not used) or lifts the restriction, with a reason. DPO and leads.
    public func setRestriction(candidateId: Int64, restricted: Bool, reason: String) throws {
        try setFlag(candidateId: candidateId, field: "restricted", on: restricted, reason: reason, action: .setRestriction,
                    audit: restricted ? .restrictionSet : .restrictionLift) { $0.restricted = restricted }
    }

    /// Records an objection to legitimate-interest processing (Art. 21) or lifts it, with a reason. DPO and leads.
    public func setObjection(candidateId: Int64, objected: Bool, reason: String) throws {
        try setFlag(candidateId: candidateId, field: "objected", on: objected, reason: reason, action: .setObjection,
                    audit: objected ? .objectionSet : .objectionLift) { $0.objected = objected }
    }

    private func setFlag(candidateId: Int64, field: String, on: Bool, reason: String, action: WriteAction, audit: AuditAction,
                         _ apply: @escaping (inout CandidateRecord) -> Void) throws {
        guard let why = try FieldRules.text(reason, field: "--reason", max: 1_000, multiline: true) else {
            throw RegisterError.invalidBecause(field: "--reason", Wording("gate.rule.reasonRequired"))
        }
        let now = clock.now()
        try audited { tx in
            let record = try changeCandidate(tx, id: candidateId, action: action) { r in
                let current = field == "restricted" ? r.restricted : r.objected
                guard current != on else {
                    throw RegisterError.refusedBecause(Wording(field == "restricted" ? (on ? "gate.restriction.already" : "gate.restriction.not") : (on ? "gate.objection.already" : "gate.objection.not"),
                                                                  ["id": "\(candidateId)"]))
                }
                apply(&r)
            }
            try tx.session.logChange(candidateId: candidateId, RecordChange(field: field, changedAt: now, changedBy: actor.pseudonym,
                                                                            note: (on ? "set: " : "lifted: ") + why))
            try tx.audit(audit, subject: record.pseudonym, purpose: .recruitment)
        }
    }

    /// Marks the Art. 14 notice sent (data not obtained from the person must be notified within a month).
    public func markNoticeSent(candidateId: Int64, at sentAt: Date? = nil, channel: String) throws {
        guard let via = try FieldRules.text(channel, field: "--channel", max: 100) else {
            throw RegisterError.invalidBecause(field: "--channel", Wording("gate.rule.noticeChannel"))
        }
        let now = clock.now()
        let sent = sentAt ?? now
        guard sent <= now else { throw RegisterError.invalidBecause(field: "--sent", Wording("gate.rule.noticeFuture")) }
        try audited { tx in
            let record = try changeCandidate(tx, id: candidateId, action: .markNoticeSent) { r in
                // Source and collection date are the profile: whoever may not see it (a restricted record, for a
                // recruiter or lead) may not probe them through this write's answers either. The DPO marks it.
                if !mayRead(.profile, of: r) {
                    let reason = BadgePolicy.badge(for: r.badgeFacts, at: now).lapse ?? .roleNotPermitted
                    throw RegisterError.refusedBecause(Wording("gate.notice.refused", ["action": .action(.markNoticeSent), "id": "\(candidateId)", "reason": .reason(reason)]))
                }
                guard !r.source.providedByPerson else {
                    throw RegisterError.refusedBecause(Wording("gate.notice.notDue", ["id": "\(candidateId)", "source": .term(key: "source.\(r.source.rawValue)", english: r.source.label)]))
                }
                guard sent >= r.collectedAt else {
                    throw RegisterError.invalidBecause(field: "--sent", Wording("gate.rule.noticeBeforeCollected", ["day": "\(DayFormat.day(r.collectedAt))"]))
                }
                r.notifiedAt = sent
            }
            try tx.session.logChange(candidateId: candidateId, RecordChange(field: "art14-notice", changedAt: now, changedBy: actor.pseudonym, note: via))
            try tx.audit(.noticeSent, subject: record.pseudonym, purpose: .recruitment)
        }
    }

    /// Whether the actor may see `category` of `record` now: the DPO as when answering a request, others
    /// for daily recruitment work. Writes use it so that their answers reveal nothing a read would withhold.
    func mayRead(_ category: DataCategory, of record: CandidateRecord) -> Bool {
        let badge = BadgePolicy.badge(for: record.badgeFacts, at: clock.now())
        return decide(category, purpose: actor.role == .dpo ? .dataSubjectRequest : .recruitment, badge: badge) == .allow
    }

    /// Runs `body`; when the actor may not see one of `categories` of `candidate`, a refusal from `body` is
    /// replaced by one that names only the lapse, so that a write's answer reveals nothing a read withholds.
    func masking<T>(_ candidate: CandidateRecord?, hiding categories: [DataCategory], action: String,
                    _ body: () throws -> T) throws -> T {
        guard let candidate, !categories.allSatisfy({ mayRead($0, of: candidate) }) else { return try body() }
        do {
            return try body()
        } catch let error as RegisterError where error.refusalText != nil {
            let reason = BadgePolicy.badge(for: candidate.badgeFacts, at: clock.now()).lapse ?? .roleNotPermitted
            throw RegisterError.refusedBecause(Wording("gate.refusedFor", ["action": "\(action)", "id": "\(candidate.id)", "reason": .reason(reason)]))
        }
    }
}
