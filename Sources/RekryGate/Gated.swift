import RekryDomain

/// An item as the gate returns it: shown with its badge, or withheld with its badge and the reason.
///
/// There is no way to get at a withheld value: the gate never loaded it into this value.
public enum Gated<Value: Sendable>: Sendable {
    case shown(Value, Badge)
    case withheld(Badge, WithholdReason)

    public var badge: Badge {
        switch self {
        case .shown(_, let b), .withheld(let b, _): b
        }
    }

    public var value: Value? {
        if case .shown(let v, _) = self { return v }
        return nil
    }

    public var reason: WithholdReason? {
        if case .withheld(_, let r) = self { return r }
        return nil
    }

    /// Builds the gated form of a value by asking the access policy; `load` runs only when allowed.
    static func decide(_ decision: AccessDecision, badge: Badge, load: () throws -> Value) rethrows -> Gated<Value> {
        switch decision {
        case .allow: return .shown(try load(), badge)
        case .withhold(let reason): return .withheld(badge, reason)
        }
    }
}

extension Gated: Codable where Value: Codable {
    enum CodingKeys: String, CodingKey { case badge, value, withheld, explanation }

    /// `{"badge": …, "value": …}` when shown; `{"badge": …, "withheld": reason, "explanation": …}` when not.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .shown(let v, let b):
            try c.encode(b, forKey: .badge)
            try c.encode(v, forKey: .value)
        case .withheld(let b, let r):
            try c.encode(b, forKey: .badge)
            try c.encode(r, forKey: .withheld)
            try c.encode(r.explanation, forKey: .explanation)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let badge = try c.decode(Badge.self, forKey: .badge)
        if let reason = try c.decodeIfPresent(WithholdReason.self, forKey: .withheld) {
            self = .withheld(badge, reason)
        } else {
            self = .shown(try c.decode(Value.self, forKey: .value), badge)
        }
    }
}
