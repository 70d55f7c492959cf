import Foundation
import RekryDomain

/// A personal data breach as the `breach` table stores it (Art. 33(5): the facts, effects and measures).
/// `what` and `measures` describe the incident, never a person: the people affected are linked apart.
public struct BreachRecord: Sendable, Equatable {
    public var id: Int64
    public var discoveredAt: Date
    public var what: String
    public var categories: [DataCategory]
    public var approxAffected: Int
    public var measures: String
    public var recordedAt: Date
    public var recordedBy: String
    public var notifiedAt: Date?

    public init(id: Int64 = 0, discoveredAt: Date, what: String, categories: [DataCategory], approxAffected: Int, measures: String,
                recordedAt: Date, recordedBy: String, notifiedAt: Date? = nil) {
        self.id = id
        self.discoveredAt = discoveredAt
        self.what = what
        self.categories = categories
        self.approxAffected = approxAffected
        self.measures = measures
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.notifiedAt = notifiedAt
    }
}
