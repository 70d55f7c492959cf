import Foundation
import RekryDomain
import RekryStorage

/// One breach as the DPO's log shows it: the 72-hour badge, and the people affected by pseudonym only.
public struct BreachSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var discoveredAt: Date
    public var what: String
    public var categories: [DataCategory]
    public var approxAffected: Int
    public var measures: String
    /// When the authority must have been told (discovery + 72 hours).
    public var notifyBy: Date
    public var notifiedAt: Date?
    /// `due`, `overdue`, `notified` or `notified-late`.
    public var status: String
    /// The badge's words (`72h: 41h left`).
    public var badge: String
    /// The people to inform (Art. 34), by pseudonym.
    public var affected: [String]

    init(_ b: BreachRecord, affected: [BreachAffectedRecord], now: Date) {
        let status = BreachDeadline.status(discovered: b.discoveredAt, notifiedAt: b.notifiedAt, now: now)
        id = b.id
        discoveredAt = b.discoveredAt
        what = b.what
        categories = b.categories
        approxAffected = b.approxAffected
        measures = b.measures
        notifyBy = BreachDeadline.notifyBy(discovered: b.discoveredAt)
        notifiedAt = b.notifiedAt
        self.status = status.code
        badge = status.label
        self.affected = affected.map(\.subject)
    }
}

/// `rekry breach list --json`: the breach log.
public struct BreachList: Sendable, Codable {
    public static let schemaName = "rekry.breach-list/1"
    public var schema = BreachList.schemaName
    public var asOf: Date
    public var breaches: [BreachSummary]
}
