import Foundation
import RekryDomain

/// A breach as the DPO records it (Art. 33(5)).
public struct BreachDraft: Sendable {
    public var discoveredAt: Date
    /// What happened, without naming anyone (the people affected are linked by id).
    public var what: String
    public var categories: [DataCategory]
    public var approxAffected: Int
    public var measures: String
    /// Candidates known to be affected (Art. 34: the people to inform).
    public var affected: [Int64]

    public init(discoveredAt: Date, what: String, categories: [DataCategory], approxAffected: Int, measures: String, affected: [Int64] = []) {
        self.discoveredAt = discoveredAt
        self.what = what
        self.categories = categories
        self.approxAffected = approxAffected
        self.measures = measures
        self.affected = affected
    }
}
