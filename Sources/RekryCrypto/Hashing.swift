import Crypto
import Foundation

/// Hashing and random ids used by the register.
public enum Hashing {
    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Lower-case hex of `bytes`. By table, not `String(format:)`: an import hashes every row three times, and
    /// Foundation's formatter was most of each hash's cost.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A random opaque id, `prefix` then 16 hex digits: the pseudonyms written to the audit log.
    public static func randomPseudonym(prefix: String) -> String {
        var g = SystemRandomNumberGenerator()
        return prefix + String(format: "%016llx", g.next() as UInt64)
    }
}
