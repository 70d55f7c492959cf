import Foundation

/// The register's own settings: short named values about the register, never personal data (the retention
/// profile and its signature, the firm's country).
public protocol SettingsStoring {
    /// The value stored under `key`, or nil.
    func setting(_ key: String) throws -> String?
    /// Stores `value` under `key`; nil removes the key.
    func setSetting(_ key: String, _ value: String?) throws
    /// Candidate ids above `after`, in id order, at most `limit` (for work over every candidate in batches).
    func candidateIds(after: Int64, limit: Int) throws -> [Int64]
}

/// Setting keys more than one layer reads.
public enum SettingKey {
    /// Present while stored name-order keys (`DerivedColumns.collationKey`) may be missing or stale: set by the
    /// schema change that added them, for the gate to re-derive every row through the write model at the next
    /// sign-in and then remove.
    public static let collationRederive = "collationRederive"
}
