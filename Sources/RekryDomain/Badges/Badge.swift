import Foundation

/// The facts about one data item that its badge is computed from.
public struct BadgeFacts: Sendable, Equatable {
    public var basis: LegalBasis
    /// The latest consent record's dates for the purpose `basis` rests on (nil: never given).
    public var consent: ConsentDates?
    public var restricted: Bool
    public var objected: Bool
    public var retentionDueAt: Date?
    public var source: DataSource?
    public var collectedAt: Date?
    public var notifiedAt: Date?

    public init(basis: LegalBasis, consent: ConsentDates? = nil, restricted: Bool = false, objected: Bool = false,
                retentionDueAt: Date? = nil, source: DataSource? = nil, collectedAt: Date? = nil,
                notifiedAt: Date? = nil) {
        self.basis = basis
        self.consent = consent
        self.restricted = restricted
        self.objected = objected
        self.retentionDueAt = retentionDueAt
        self.source = source
        self.collectedAt = collectedAt
        self.notifiedAt = notifiedAt
    }
}

/// The dates of the consent record in force for a purpose.
public struct ConsentDates: Sendable, Equatable {
    public var givenAt: Date
    public var expiresAt: Date?
    public var withdrawnAt: Date?

    public init(givenAt: Date, expiresAt: Date?, withdrawnAt: Date?) {
        self.givenAt = givenAt
        self.expiresAt = expiresAt
        self.withdrawnAt = withdrawnAt
    }
}

/// Why an item may be held, and whether it may be used now: computed, never stored.
public struct Badge: Sendable, Equatable {
    public var basis: LegalBasis
    /// The consent state when the basis rests on consent.
    public var consent: ConsentState?
    public var consentExpiresAt: Date?
    /// Every state that applies, most severe first; never empty.
    public var states: [BadgeState]

    /// The state a list column shows.
    public var primary: BadgeState { states[0] }

    /// The reason the item must be withheld from ordinary use, if its basis has lapsed.
    public var lapse: WithholdReason? {
        for state in states {
            switch state {
            case .restricted: return .restricted
            case .objected: return .objected
            case .consentWithdrawn: return .consentWithdrawn
            case .consentExpired: return .consentExpired
            case .consentNeverGiven: return .consentNeverGiven
            default: continue
            }
        }
        return nil
    }

    /// The state that names the legal basis (a consent's state for consent), when the badge holds one.
    public var basisState: BadgeState? {
        states.first { [.consentWithdrawn, .consentExpired, .consentNeverGiven, .consentExpiring, .consentValid, .contract,
                        .legitimateInterest, .legalObligation].contains($0) }
    }

    public var isRetentionDue: Bool { states.contains(.retentionDue) }
    public var isRestricted: Bool { states.contains(.restricted) }

    /// Short forms of every state, joined: `✓ consent, ⌫ ret. due`.
    public func shortText(ascii: Bool = false) -> String {
        states.map { ascii ? $0.shortASCII : $0.short }.joined(separator: ", ")
    }

    /// The long form: each state's sentence, with the consent expiry date where there is one.
    public var longText: String {
        states.map { state -> String in
            if let at = consentExpiresAt, state == .consentValid || state == .consentExpiring || state == .consentExpired {
                return "\(state.long) (\(state == .consentExpired ? "expired" : "until") \(DayFormat.day(at)))"
            }
            return state.long
        }.joined(separator: "; ")
    }
}

/// The badge rules: pure functions of the facts and the time.
public enum BadgePolicy {
    /// The badge of an item with `facts` at `now`.
    public static func badge(for facts: BadgeFacts, at now: Date) -> Badge {
        var states: [BadgeState] = []
        var consentState: ConsentState?
        if facts.restricted { states.append(.restricted) }
        if facts.objected && facts.basis == .legitimateInterest { states.append(.objected) }
        if facts.basis.needsConsent {
            let state = facts.consent.map {
                ConsentState.of(expiresAt: $0.expiresAt, withdrawnAt: $0.withdrawnAt, at: now)
            } ?? .neverGiven
            consentState = state
            switch state {
            case .withdrawn: states.append(.consentWithdrawn)
            case .expired: states.append(.consentExpired)
            case .neverGiven: states.append(.consentNeverGiven)
            default: break
            }
        }
        if let due = facts.retentionDueAt, due <= now { states.append(.retentionDue) }
        if isArt14NoticeDue(facts, at: now) { states.append(.art14NoticeDue) }
        switch consentState {
        case .expiring: states.append(.consentExpiring)
        case .valid: states.append(.consentValid)
        default: break
        }
        switch facts.basis {
        case .contract: states.append(.contract)
        case .legitimateInterest: states.append(.legitimateInterest)
        case .legalObligation: states.append(.legalObligation)
        case .consent, .explicitConsent: break
        }
        let ordered = BadgeState.allCases.filter(states.contains)
        return Badge(basis: facts.basis, consent: consentState, consentExpiresAt: facts.consent?.expiresAt,
                     states: ordered)
    }

    /// Art. 14(3)(a): data not obtained from the person must be notified within one month of collection.
    public static func isArt14NoticeDue(_ facts: BadgeFacts, at now: Date) -> Bool {
        guard let source = facts.source, !source.providedByPerson, facts.notifiedAt == nil,
              let collected = facts.collectedAt else { return false }
        return now >= collected.addingUTCMonths(1)
    }
}

extension Badge: Codable {
    enum CodingKeys: String, CodingKey { case basis, primary, states, short, long, consent, consentExpires }

    /// Encoded with its derived forms (primary state, short and long text) so that a reader of the JSON
    /// needs no copy of the vocabulary's rules.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(basis, forKey: .basis)
        try c.encode(primary, forKey: .primary)
        try c.encode(states, forKey: .states)
        try c.encode(shortText(ascii: true), forKey: .short)
        try c.encode(longText, forKey: .long)
        try c.encodeIfPresent(consent, forKey: .consent)
        try c.encodeIfPresent(consentExpiresAt, forKey: .consentExpires)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let states = try c.decode([BadgeState].self, forKey: .states)
        guard !states.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .states, in: c, debugDescription: "a badge has at least one state")
        }
        self.init(basis: try c.decode(LegalBasis.self, forKey: .basis), consent: try c.decodeIfPresent(ConsentState.self, forKey: .consent),
                  consentExpiresAt: try c.decodeIfPresent(Date.self, forKey: .consentExpires), states: states)
    }
}
