/// Whose public holidays move a deadline: the firm's country (the `country` line of its retention profile), or a request's own override.
public enum CalendarCountry: String, Sendable, CaseIterable, Codable {
    case sweden = "SE"
    case norway = "NO"

    /// The country a register uses when its firm has set none: Rekry was made for Swedish firms first.
    public static let fallback = CalendarCountry.sweden
}
