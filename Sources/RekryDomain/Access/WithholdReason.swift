/// Why the gate withheld an item: shown in place of its content.
public enum WithholdReason: String, Sendable, Equatable, CaseIterable, Codable {
    case consentWithdrawn = "consent-withdrawn"
    case consentExpired = "consent-expired"
    case consentNeverGiven = "no-consent"
    case restricted
    case objected
    case notGranted = "not-granted"
    case grantEnded = "grant-ended"
    case roleNotPermitted = "role-not-permitted"
    case purposeNotPermitted = "purpose-not-permitted"
    case retentionExpired = "retention-expired"

    /// The sentence shown instead of the withheld content.
    public var explanation: String {
        switch self {
        case .consentWithdrawn: "withheld: consent withdrawn"
        case .consentExpired: "withheld: consent expired"
        case .consentNeverGiven: "withheld: no valid basis (consent never given)"
        case .restricted: "withheld: processing restricted (Art. 18)"
        case .objected: "withheld: the person objected (Art. 21)"
        case .notGranted: "withheld: no grant for this psychologist report"
        case .grantEnded: "withheld: the grant ended when the process closed"
        case .roleNotPermitted: "withheld: your role has no need for this"
        case .purposeNotPermitted: "withheld: not permitted for this purpose"
        case .retentionExpired: "withheld: past retention (process closed, not hired)"
        }
    }
}
