/// One word of the badge vocabulary, the same on screen, on the command line and in exports.
///
/// Cases are declared most severe first; `Badge.primary` is the first that applies.
public enum BadgeState: String, CaseIterable, Sendable, Codable {
    case restricted
    case objected
    case consentWithdrawn = "consent-withdrawn"
    case consentExpired = "consent-expired"
    case consentNeverGiven = "no-consent"
    case retentionDue = "retention-due"
    case art14NoticeDue = "art14-notice-due"
    case consentExpiring = "consent-expiring"
    case consentValid = "consent-valid"
    case contract
    case legitimateInterest = "legitimate-interest"
    case legalObligation = "legal-obligation"

    /// The short form, at most 11 columns, for a list column.
    public var short: String { glyph + " " + code }

    /// The short form in plain ASCII, for terminals without Unicode and for scripts.
    public var shortASCII: String { asciiGlyph + " " + code }

    /// The code word inside the short form.
    public var code: String {
        switch self {
        case .restricted: "restricted"
        case .objected: "objected"
        case .consentWithdrawn: "withdrawn"
        case .consentExpired: "expired"
        case .consentNeverGiven: "no consent"
        case .retentionDue: "ret. due"
        case .art14NoticeDue: "art14 due"
        case .consentExpiring: "expiring"
        case .consentValid: "consent"
        case .contract: "contract"
        case .legitimateInterest: "legit.int"
        case .legalObligation: "legal obl"
        }
    }

    /// The long form, a sentence fragment for detail views and exports.
    public var long: String {
        switch self {
        case .restricted: "Processing restricted (Art. 18): kept, not used"
        case .objected: "Objected to legitimate-interest processing (Art. 21)"
        case .consentWithdrawn: "Consent withdrawn"
        case .consentExpired: "Consent expired"
        case .consentNeverGiven: "Consent never given"
        case .retentionDue: "Retention period passed: due for deletion"
        case .art14NoticeDue: "Art. 14 notice due: data not from the person, not yet notified"
        case .consentExpiring: "Consent expiring within 30 days"
        case .consentValid: "Consent valid"
        case .contract: "Contract or steps before one (Art. 6(1)(b))"
        case .legitimateInterest: "Legitimate interest (Art. 6(1)(f))"
        case .legalObligation: "Legal obligation (Art. 6(1)(c))"
        }
    }

    /// Whether the state means the item must be withheld from ordinary use.
    public var isLapse: Bool {
        switch self {
        case .restricted, .objected, .consentWithdrawn, .consentExpired, .consentNeverGiven: true
        default: false
        }
    }

    /// Whether the state asks for someone's attention (drawn as a warning).
    public var isWarning: Bool { self == .retentionDue || self == .art14NoticeDue || self == .consentExpiring }

    /// The sign before the code word (a screen in another language keeps it and translates the word).
    public var glyph: String {
        switch self {
        case .restricted: "⊘"
        case .objected: "⊗"
        case .consentWithdrawn, .consentExpired, .consentNeverGiven: "✗"
        case .retentionDue: "⌫"
        case .art14NoticeDue: "§"
        case .consentExpiring: "◷"
        case .consentValid: "✓"
        case .contract: "≡"
        case .legitimateInterest: "•"
        case .legalObligation: "¶"
        }
    }

    /// The sign in plain ASCII.
    public var asciiGlyph: String {
        switch self {
        case .restricted: "#"
        case .objected: "%"
        case .consentWithdrawn, .consentExpired, .consentNeverGiven: "x"
        case .retentionDue: "!"
        case .art14NoticeDue: "$"
        case .consentExpiring: "~"
        case .consentValid: "+"
        case .contract: "="
        case .legitimateInterest: "*"
        case .legalObligation: "&"
        }
    }

    /// Parses a state from its raw value or its code word (`--filter expiring`).
    public init?(word: String) {
        let w = word.lowercased()
        if let s = BadgeState(rawValue: w) { self = s; return }
        if let s = BadgeState.allCases.first(where: { $0.code == w }) { self = s; return }
        return nil
    }
}
