import Crypto
import Foundation

/// Envelope encryption for psychologist reports.
///
/// The text is sealed with AES-256-GCM under a fresh data key; the data key is wrapped once per grantee
/// with X25519 key agreement (an ephemeral key each time), HKDF-SHA256 and AES-GCM. Without a grantee's
/// private key, a copy of the database holds only ciphertext.
public enum ReportCipher {
    /// A data key wrapped for one recipient.
    public struct WrappedKey: Sendable, Equatable {
        public var ephemeralPublicKey: Data
        public var sealed: Data

        public init(ephemeralPublicKey: Data, sealed: Data) {
            self.ephemeralPublicKey = ephemeralPublicKey
            self.sealed = sealed
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A fresh random data key.
    public static func newDataKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// Marks a ciphertext sealed with its binding (below); older ones carry none.
    static let boundMagic = Data("RKB1".utf8)

    /// Seals `text`, authenticating `binding` with it (the report's id and its candidate's pseudonym), so that
    /// the ciphertext opens only as that report: moved to another report or person, with its keys, it fails.
    /// The result is the marker, then nonce, ciphertext and tag.
    public static func seal(_ text: String, with key: SymmetricKey, binding: Data) throws -> Data {
        boundMagic + (try AES.GCM.seal(Data(text.utf8), using: key, authenticating: binding).combined!)
    }

    /// Opens a report sealed for `binding`. A report sealed before bindings existed (by an earlier release)
    /// opens without one; it is sealed with its binding the next time it is re-keyed.
    public static func open(_ sealed: Data, with key: SymmetricKey, binding: Data) throws -> String {
        let plain: Data
        if sealed.starts(with: boundMagic) {
            plain = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed.dropFirst(boundMagic.count)), using: key, authenticating: binding)
        } else {
            plain = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key)
        }
        guard let text = String(data: plain, encoding: .utf8) else { throw Failure(description: "report is not UTF-8") }
        return text
    }

    /// What a report's ciphertext is bound to.
    public static func binding(reportId: Int64, candidatePseudonym: String) -> Data {
        Data("rekry report \(reportId) of \(candidatePseudonym)".utf8)
    }

    /// Wraps `dataKey` so that only the holder of `recipient`'s private key can unwrap it.
    public static func wrap(_ dataKey: SymmetricKey, for recipient: Data) throws -> WrappedKey {
        let recipientKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient)
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let wrapping = try wrappingKey(ephemeral.sharedSecretFromKeyAgreement(with: recipientKey),
                                       ephemeral: ephemeral.publicKey.rawRepresentation, recipient: recipient)
        let raw = dataKey.withUnsafeBytes { Data($0) }
        return WrappedKey(ephemeralPublicKey: ephemeral.publicKey.rawRepresentation,
                          sealed: try AES.GCM.seal(raw, using: wrapping).combined!)
    }

    /// Unwraps a data key with the recipient's private key.
    public static func unwrap(_ wrapped: WrappedKey, with privateKey: Curve25519.KeyAgreement.PrivateKey) throws -> SymmetricKey {
        let ephemeral = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: wrapped.ephemeralPublicKey)
        let wrapping = try wrappingKey(privateKey.sharedSecretFromKeyAgreement(with: ephemeral),
                                       ephemeral: wrapped.ephemeralPublicKey,
                                       recipient: privateKey.publicKey.rawRepresentation)
        let raw = try AES.GCM.open(AES.GCM.SealedBox(combined: wrapped.sealed), using: wrapping)
        return SymmetricKey(data: raw)
    }

    private static func wrappingKey(_ secret: SharedSecret, ephemeral: Data, recipient: Data) -> SymmetricKey {
        secret.hkdfDerivedSymmetricKey(using: SHA256.self, salt: ephemeral + recipient,
                                       sharedInfo: Data("rekry report key v1".utf8), outputByteCount: 32)
    }
}
