import Foundation

/// One consent event. The history is append-only: a withdrawal is recorded on the record it ends.
public struct ConsentRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var purpose: ConsentPurpose
    public var givenAt: Date
    public var expiresAt: Date?
    public var withdrawnAt: Date?
    /// How it was given: web form, email, phone, in person.
    public var channel: String
    /// The text the person agreed to, verbatim.
    public var text: String

    public init(id: Int64, purpose: ConsentPurpose, givenAt: Date, expiresAt: Date?, withdrawnAt: Date?,
                channel: String, text: String) {
        self.id = id
        self.purpose = purpose
        self.givenAt = givenAt
        self.expiresAt = expiresAt
        self.withdrawnAt = withdrawnAt
        self.channel = channel
        self.text = text
    }
}

/// The state of consent for one purpose at one instant.
public enum ConsentState: String, Sendable, Equatable, CaseIterable, Codable {
    case valid, expiring, withdrawn, expired, neverGiven = "never-given"

    /// The state of the latest record for a purpose at `now`.
    ///
    /// Expiry is exclusive: a consent expiring at instant T is valid before T and expired from T on.
    /// "Expiring" means it expires within `ConsentState.expiringWindow` of `now`.
    public static func of(_ records: [ConsentRecord], purpose: ConsentPurpose, at now: Date) -> ConsentState {
        let latest = records.filter { $0.purpose == purpose && $0.givenAt <= now }.max { $0.givenAt < $1.givenAt }
        guard let latest else { return .neverGiven }
        return of(expiresAt: latest.expiresAt, withdrawnAt: latest.withdrawnAt, at: now)
    }

    /// The state from the latest record's dates alone (the form the store denormalises).
    public static func of(expiresAt: Date?, withdrawnAt: Date?, at now: Date) -> ConsentState {
        if let withdrawnAt, withdrawnAt <= now { return .withdrawn }
        guard let expiresAt else { return .valid }
        if expiresAt <= now { return .expired }
        if expiresAt.timeIntervalSince(now) <= expiringWindow { return .expiring }
        return .valid
    }

    /// Thirty days, the window the brief calls "consent expiring".
    public static let expiringWindow: TimeInterval = 30 * 86_400

    public var isUsable: Bool { self == .valid || self == .expiring }
}
