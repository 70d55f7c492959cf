/// A sentence the gate composes for a person to read, kept as a message key with its arguments rather than as
/// finished English, so that each reader gets it in their own language.
///
/// `description` is the English, from `GateWords.en`, word for word what the gate wrote before it raised keys
/// (scripts and tests read it). The terminal UI's catalogues hold the same keys in Swedish and Norwegian and
/// word it there (`UILanguage.phrase`); the command line uses the same catalogues.
public struct Wording: Sendable, Equatable, CustomStringConvertible {
    /// One argument of a wording.
    public enum Part: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
        /// Shown as given in every language: a name, an id, a path, a date, a fingerprint.
        case text(String)
        /// A word of the register's vocabulary: the catalogue's message `key` in Swedish and Norwegian,
        /// `english` as it is in English (a role's code, a withheld reason's sentence, an action's name).
        case term(key: String, english: String)
        /// A sentence of its own, worded in the same language as the one it is part of.
        case wording(Wording)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

        /// The part in English.
        public var english: String {
            switch self {
            case .text(let s): s
            case .term(_, let english): english
            case .wording(let w): w.description
            }
        }

        /// A register code (`stage`, `purpose`, `role`…): the catalogue's `kind.code` word, the code itself in English.
        public static func code(_ kind: String, _ code: String) -> Part { .term(key: "\(kind).\(code)", english: code) }
        /// A role as the screen names it: `role.recruiter`, in English the code.
        public static func role(_ role: Role) -> Part { code("role", role.rawValue) }
        /// What the gate refused on: a withheld reason without its `withheld: ` lead (`consent withdrawn`).
        public static func reason(_ reason: WithholdReason) -> Part {
            .term(key: "refused.\(reason.rawValue)", english: String(reason.explanation.dropFirst("withheld: ".count)))
        }
        /// A withheld reason's whole sentence (`withheld: consent withdrawn`).
        public static func withheld(_ reason: WithholdReason) -> Part {
            .term(key: "withheld.\(reason.rawValue)", english: reason.explanation)
        }
        /// A write's name (`erase a candidate`): the catalogue's `action.eraseCandidate`.
        public static func action(_ action: WriteAction) -> Part {
            .term(key: "action.\(String(describing: action))", english: action.rawValue)
        }
    }

    /// The message key, the same in every language's catalogue (`gate.staff.lastAdmin`).
    public let key: String
    public let parts: [String: Part]

    public init(_ key: String, _ parts: [String: Part] = [:]) {
        self.key = key
        self.parts = parts
    }

    /// The English, as the gate has always worded it.
    public var description: String {
        Self.fill(GateWords.en[key] ?? key, parts.mapValues(\.english))
    }

    /// `message` with each `{name}` replaced by `values[name]` (a name without a value stays as written).
    public static func fill(_ message: String, _ values: [String: String]) -> String {
        guard !values.isEmpty else { return message }
        var out = "", rest = Substring(message)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
