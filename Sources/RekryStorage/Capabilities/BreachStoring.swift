import Foundation

/// The breach log (Art. 33(5)) and the people each breach affects (Art. 34).
public protocol BreachStoring {
    func insertBreach(_ breach: BreachRecord) throws -> Int64
    func breach(id: Int64) throws -> BreachRecord?
    /// Every breach, newest discovered first.
    func breaches() throws -> [BreachRecord]
    func insertBreachAffected(_ affected: BreachAffectedRecord) throws
    /// The people one breach affects, by pseudonym.
    func breachAffected(breachId: Int64) throws -> [BreachAffectedRecord]
    func markBreachNotified(id: Int64, at: Date) throws
    /// Replaces a breach's description and measures (an erased person's details taken out of them).
    func updateBreachTexts(id: Int64, what: String, measures: String) throws
    /// Whether a lead's or recruiter's erasure leaves the breach log's redaction to the DPO (PostgreSQL, where the
    /// log is the DPO's alone and no one else's login reads it) instead of reading and rewriting the log itself
    /// (SQLite, where the gate reads every row). False by default.
    var breachRedactionWaitsForTheDPO: Bool { get }
    /// Leaves the candidate's details, copied by the storage from their rows, for the DPO's redaction of the
    /// breach log (before the erasure, or the retention run that takes their contact details, deletes them).
    func oweBreachRedaction(candidateId: Int64, contactOnly: Bool) throws
    /// The redactions owed to the breach log, oldest first: the DPO's.
    func owedBreachRedactions() throws -> [OwedBreachRedaction]
    /// Removes an owed redaction once it is done.
    func settleBreachRedaction(id: Int64) throws
}

extension BreachStoring {
    public var breachRedactionWaitsForTheDPO: Bool { false }
    public func oweBreachRedaction(candidateId: Int64, contactOnly: Bool) throws {}
    public func owedBreachRedactions() throws -> [OwedBreachRedaction] { [] }
    public func settleBreachRedaction(id: Int64) throws {}
}
