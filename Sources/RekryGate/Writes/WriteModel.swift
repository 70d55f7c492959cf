import Foundation
import RekryDomain
import RekryStorage

/// Computes every derived column and index entry the register stores, once, in Swift.
///
/// The demo, the gate's writes (add, edit, consent, processes), import and erasure all hand their facts
/// here and store what comes back; no backend and no other code computes a derived value. That is what
/// keeps the name key, the search tokens, the full-text rows, the consent copies and the retention date
/// agreeing with each other whoever wrote the row.
public struct WriteModel: Sendable {
    public let policy: RetentionPolicy
    /// The alphabet the name order sorts in: the firm's, from its retention profile's `country` line
    /// (Norwegian for NO, Swedish for SE and when the profile names no country). Setting another profile
    /// re-derives every row, so the stored keys follow it.
    public let collation: NameCollation.Language

    public init(policy: RetentionPolicy) {
        self.policy = policy
        self.collation = NameCollation.Language(country: policy.country)
    }

    /// The write model with the firm's default retention policy (`data/policies/default.policy`).
    public static let standard = WriteModel(policy: DefaultRetentionPolicy.policy)

    /// What the register holds about a candidate that their derived columns depend on.
    public struct Facts: Sendable {
        /// The consent history (any order).
        public var consents: [ConsentRecord]
        /// Participations with their processes.
        public var participations: [Participation]
        /// The latest time the firm did anything with the person.
        public var lastActivityAt: Date

        public init(consents: [ConsentRecord], participations: [Participation], lastActivityAt: Date) {
            self.consents = consents
            self.participations = participations
            self.lastActivityAt = lastActivityAt
        }
    }

    /// The derived columns of a candidate row with these fields and facts.
    public func derive(fullName: String, email: String?, phone: String?, country: String, title: String?,
                       employer: String?, consentPurpose: ConsentPurpose?, facts: Facts) -> DerivedColumns {
        let latest = facts.participations.max { $0.startedAt < $1.startedAt }
        var activity = facts.lastActivityAt
        for p in facts.participations { activity = max(activity, p.stageChangedAt) }
        let consent = consentPurpose.flatMap { Gate.latestConsent(facts.consents, purpose: $0) }
        let events = Self.events(facts, activity: activity, talentPool: consentPurpose == .talentPool ? consent : nil)
        return DerivedColumns(
            nameKey: SearchFolding.fold(fullName),
            collationKey: collationKey(fullName: fullName),
            searchTokens: SearchTokens.tokens(fullName: fullName, email: email, phone: phone, country: country,
                                              title: title, employer: employer),
            stage: latest?.stage, stageRank: latest?.stage.rank ?? -1, lastActivityAt: activity,
            retentionDueAt: policy.personDue(events, country: country),
            consent: consent)
    }

    /// The key the name order sorts by (`NameCollation`): surname, then given names, in the firm's alphabet.
    public func collationKey(fullName: String) -> String {
        NameCollation.key(fullName, language: collation)
    }

    /// The dates a retention rule can count from, out of the person's processes and consents.
    static func events(_ facts: Facts, activity: Date, talentPool consent: ConsentDates?) -> RetentionEvents {
        /// The last close among `ps`, when none of them is open.
        func lastClose(_ ps: [Participation]) -> Date? {
            ps.isEmpty || ps.contains { $0.process.isOpen } ? nil : ps.compactMap(\.process.closedAt).max()
        }
        let hires = facts.participations.filter { $0.stage == .hired }
        return RetentionEvents(
            processClosed: lastClose(facts.participations),
            roleFilled: lastClose(facts.participations.filter { $0.process.kind == .recruitment }),
            assignmentDone: lastClose(facts.participations.filter { $0.process.kind == .assessment }),
            lastActivity: activity,
            consentExpiry: consent.flatMap(Self.consentEnd),
            employmentStart: hires.compactMap(\.employmentStartAt).max(),
            // Ended only when every recorded employment has an end.
            employmentEnd: hires.contains { $0.employmentStartAt != nil && $0.employmentEndAt == nil } ? nil : hires.compactMap(\.employmentEndAt).max(),
            inTalentPool: consent != nil)
    }

    /// When a consent stops counting: its withdrawal or its expiry, whichever is first; nil if it has neither.
    static func consentEnd(_ c: ConsentDates) -> Date? {
        [c.withdrawnAt, c.expiresAt].compactMap { $0 }.min()
    }

    /// Re-derives a stored record's columns from its own fields and `facts`.
    public func rederive(_ record: CandidateRecord, facts: Facts) -> CandidateRecord {
        var r = record
        r.derived = derive(fullName: r.fullName, email: r.email, phone: r.phone, country: r.country, title: r.currentTitle,
                           employer: r.currentEmployer, consentPurpose: r.consentPurpose, facts: facts)
        return r
    }

    /// The full-text entry of a document.
    public func textEntry(candidateId: Int64, documentId: Int64, body: String) -> TextIndexEntry {
        TextIndexEntry(candidateId: candidateId, rowid: documentId, folded: SearchFolding.fold(body))
    }

    /// The full-text entry of an assessment's text (interview notes and the like), under minus its id.
    public func textEntry(candidateId: Int64, assessmentId: Int64, text: String) -> TextIndexEntry {
        TextIndexEntry(candidateId: candidateId, rowid: -assessmentId, folded: SearchFolding.fold(text))
    }
}
