import RekryDomain
import RekryStorage

extension Gate {
    /// The firm's country, whose public holidays move request deadlines: the `country` line of the register's
    /// verified retention profile (`SE` when the profile names none).
    public func firmCountry() throws -> CalendarCountry {
        try reading { try Self.firmCountry($0, gate: self) }
    }

    /// The one place the firm's country is read: every deadline goes through here. It comes from the signed
    /// profile, so a country edited into the register file by hand is refused with the profile.
    static func firmCountry(_ s: any StorageSession, gate: Gate) throws -> CalendarCountry {
        guard let code = try gate.retentionProfile(s).policy.country else { return .fallback }
        guard let country = CalendarCountry(rawValue: code) else {
            throw RegisterError.invalid(field: "country", message: "'\(code)' in the retention profile: Rekry knows the public holidays of SE and NO")
        }
        return country
    }
}
