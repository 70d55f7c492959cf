import Foundation
import RekryCrypto
import RekryStorage

/// The canonical texts that the register's signatures cover.
///
/// Each field is written with its length, so that no field's content can shift another's boundary, and
/// each statement opens with its kind and version, so that a signature over one kind never verifies as another.
enum SignedStatement {
    static func millis(_ date: Date) -> String { String(Int64((date.timeIntervalSince1970 * 1000).rounded())) }

    static func text(_ fields: [String]) -> String {
        fields.map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// A staff record as it stands: who the member is, their role and keys, whether removed, and who vouches.
    static func staff(_ a: StaffAccount, signedBy: Int64, signedAt: Date) -> String {
        text(["rekry-staff v1", String(a.id), a.username, a.displayName, a.role.rawValue,
              a.publicKey.base64EncodedString(), a.signingKey?.base64EncodedString() ?? "-", a.pseudonym,
              millis(a.createdAt), a.removedAt.map(millis) ?? "-",
              a.vouchedGrants.map { $0.map(String.init).joined(separator: ",") } ?? "-", a.auditSeq.map(String.init) ?? "-",
              String(signedBy), millis(signedAt)])
    }

    /// An open grant: which report (and which sealing of it), to whom (and to which of their keys), why,
    /// when, from whom, and who vouches. Bound to the sealed bytes, a grant dies with every re-key and is
    /// re-signed by the re-keying lead, so an old signed row put back after a revoke verifies no more.
    static func grant(_ g: GrantRecord, granteeKey: Data, sealed: Data, signedBy: Int64, adopted: Bool = false) -> String {
        text([adopted ? "rekry-grant-adopted v1" : "rekry-grant v1", String(g.id), String(g.reportId), String(g.staffId),
              granteeKey.base64EncodedString(), String(g.grantedBy), g.reason, millis(g.grantedAt),
              Signing.digest(sealed), String(signedBy)])
    }

    /// The register's retention profile: its name and whole text, who set it and when.
    static func policy(name: String, body: String, setBy: Int64, setAt: Date) -> String {
        text(["rekry-policy v1", name, body, String(setBy), millis(setAt)])
    }
}
