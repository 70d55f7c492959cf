import Crypto
import Foundation

/// Hashing and random ids used by the register.
public enum Hashing {
    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A random opaque id, `prefix` then 16 hex digits: the pseudonyms written to the audit log.
    public static func randomPseudonym(prefix: String) -> String {
        var g = SystemRandomNumberGenerator()
        return prefix + String(format: "%016llx", g.next() as UInt64)
    }
}
