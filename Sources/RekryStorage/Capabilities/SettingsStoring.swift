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
