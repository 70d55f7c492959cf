/// One person a breach affects, as the `breachAffected` table stores it: their pseudonym, and the link to the
/// candidate that their erasure clears (the row stays, so the count of people to inform stays true).
public struct BreachAffectedRecord: Sendable, Equatable {
    public var breachId: Int64
    public var subject: String
    public var candidateId: Int64?

    public init(breachId: Int64, subject: String, candidateId: Int64?) {
        self.breachId = breachId
        self.subject = subject
        self.candidateId = candidateId
    }
}
