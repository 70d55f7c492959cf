import Crypto
import Foundation

/// Ed25519 signatures over the register's signed statements: staff records, report grants and audit entries.
///
/// A staff member's signing key is derived from their identity's X25519 key (HKDF with a label of its
/// own), so one identity file holds one secret and files issued before signing existed still sign.
public enum Signing {
    /// The Ed25519 key derived from an identity's X25519 private key.
    public static func signingKey(from agreementKey: Curve25519.KeyAgreement.PrivateKey) -> Curve25519.Signing.PrivateKey {
        let seed = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: agreementKey.rawRepresentation),
                                          salt: Data("rekry".utf8), info: Data("rekry signing key v1".utf8), outputByteCount: 32)
        // 32 bytes are always a valid Ed25519 seed.
        return try! Curve25519.Signing.PrivateKey(rawRepresentation: seed.withUnsafeBytes { Data($0) })
    }

    /// Signs a statement's canonical text.
    public static func sign(_ statement: String, with key: Curve25519.Signing.PrivateKey) throws -> Data {
        try key.signature(for: Data(statement.utf8))
    }

    /// Whether `signature` is `publicKey`'s signature of `statement`; false for a malformed key or signature.
    public static func verify(_ signature: Data?, of statement: String, by publicKey: Data?) -> Bool {
        guard let signature, let publicKey, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Data(statement.utf8))
    }

    /// The fingerprint an identity file pins for its register's root admin: hex SHA-256 of the signing key.
    public static func fingerprint(_ publicKey: Data) -> String {
        Hashing.hex(SHA256.hash(data: publicKey))
    }

    /// Hex SHA-256 of bytes (a sealed report, which a grant is bound to).
    public static func digest(_ data: Data) -> String {
        Hashing.hex(SHA256.hash(data: data))
    }
}
