import RekryDomain
import RekryStorage

extension Gate {
    /// The `registerInfo` key the firm's policy profile sets to `SE` or `NO`.
    static let firmCountryKey = "firm.country"

    /// The firm's country, whose public holidays move request deadlines (`SE` when the firm set none).
    public func firmCountry() throws -> CalendarCountry {
        try reading { try Self.firmCountry($0) }
    }

    /// The one place the setting is read: every deadline goes through here.
    static func firmCountry(_ s: any StorageSession) throws -> CalendarCountry {
        guard let value = try s.registerInfo(key: firmCountryKey) else { return .fallback }
        guard let country = CalendarCountry(rawValue: value) else {
            throw RegisterError.invalid(field: firmCountryKey, message: "'\(value)' is not SE or NO; the firm's policy profile sets it")
        }
        return country
    }
}
