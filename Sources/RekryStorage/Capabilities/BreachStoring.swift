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
}
