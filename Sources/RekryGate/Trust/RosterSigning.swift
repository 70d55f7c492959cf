import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// Who signs, in a write: a staff member's id and signing key.
struct Signer {
    let id: Int64
    let key: Curve25519.Signing.PrivateKey
}

/// Writing the signatures that `StaffTrust` checks. Nothing here signs a record or grant that does not
/// already verify: re-signing must never launder a row written by hand.
enum RosterSigning {
    /// Signs the account of `id` as it now stands in the register. `newVersion`: the record changed (added,
    /// removed, re-keyed), and the audit entry about to be appended records it; otherwise (another admin
    /// vouching for it instead) the record keeps the entry it was made for.
    static func signStaff(_ s: any StaffStoring & AuditStoring, id: Int64, by signer: Signer, at: Date, newVersion: Bool) throws {
        guard var account = try s.staffRoster().first(where: { $0.id == id }) else { throw RegisterError.missingRecord(Wording("gate.what.staff", ["id": "\(id)"])) }
        if newVersion { account.auditSeq = (try s.lastAuditEntry()?.seq ?? 0) + 1 }
        let signature = try Signing.sign(SignedStatement.staff(account, signedBy: signer.id, signedAt: at), with: signer.key)
        try s.signStaff(id: id, signedBy: signer.id, signedAt: at, auditSeq: account.auditSeq, signature: signature)
    }

    /// Re-signs, by `signer`, every record that `formerSigner` vouched for and that verifies now: done before
    /// the former signer is removed or re-keyed, whose signatures would then vouch for nothing.
    static func takeOverRecords(_ s: any StaffStoring & AuditStoring, signedBy formerSigner: Int64, trust: StaffTrust, by signer: Signer, at: Date) throws {
        for account in trust.byId.values where account.signedBy == formerSigner && account.id != formerSigner && trust.verifies(account.id) {
            try signStaff(s, id: account.id, by: signer, at: at, newVersion: false)
        }
    }

    /// Signs a grant over the report's current sealed bytes and, given the report's data key, proves with it
    /// that the signer could open the report (the proof does not depend on the signer's key, so a grant
    /// signed again after its signer's re-key keeps it).
    static func grantStamp(_ g: GrantRecord, granteeKey: Data, sealed: Data, by signer: Signer, dataKey: SymmetricKey?,
                           adopted: Bool = false) throws -> (signature: Data, proof: Data?) {
        let statement = SignedStatement.grant(g, granteeKey: granteeKey, sealed: sealed, signedBy: signer.id, adopted: adopted)
        let proof = dataKey.map { Data(HMAC<SHA256>.authenticationCode(for: Data(statement.utf8), using: $0)) }
        return (try Signing.sign(statement, with: signer.key), proof)
    }

    /// Inserts a grant signed by `signer`, who holds `dataKey`.
    static func insertGrant(_ s: any StorageSession, _ grant: GrantRecord, sealed: Data, dataKey: SymmetricKey?, by signer: Signer) throws {
        guard let grantee = try s.staff(id: grant.staffId) else { throw RegisterError.missingRecord(Wording("gate.what.staff", ["id": "\(grant.staffId)"])) }
        var g = grant
        g.id = try s.insertGrant(grant)
        let stamp = try grantStamp(g, granteeKey: grantee.publicKey, sealed: sealed, by: signer, dataKey: dataKey)
        try s.signGrant(id: g.id, signedBy: signer.id, signature: stamp.signature, keyProof: stamp.proof)
    }

    /// The audit detail that tells the log's verifier which key signs for a member from here on.
    static func keyDetail(_ key: Data?) -> String { "signing-key=\(key?.base64EncodedString() ?? "-")" }

    /// Signs a roster made before signing existed (release 0.4), with `admin` as its root: each record is
    /// signed as it stands. Only the admin's own signing key is known; the others gain one when an admin
    /// re-keys them, and until then sign nothing (their audit entries stay unsigned, and a lead among them
    /// cannot grant). Open grants are carried over under the root's signature, for reading only: with no key
    /// proof, they are not carried through the next re-key (the lead grants again). Returns the audit detail.
    static func adopt(_ s: any StorageSession, admin: StaffAccount, identity: Identity, at: Date) throws -> String {
        try s.updateStaffKey(id: admin.id, publicKey: identity.publicKey, signingKey: identity.signingPublicKey)
        let root = Signer(id: admin.id, key: identity.signingKey)
        let roster = try s.staffRoster()
        for account in roster { try signStaff(s, id: account.id, by: root, at: at, newVersion: true) }
        let keys = try s.staffRoster().filter { $0.removedAt == nil }
            .map { "\($0.pseudonym):\($0.signingKey?.base64EncodedString() ?? "-"):\($0.role.rawValue)" }
        for reportId in Set(try roster.flatMap { try s.reportsHeld(staffId: $0.id) }).sorted() {
            guard let report = try s.reportById(reportId) else { continue }
            for grant in try s.grants(reportId: reportId) where grant.revokedAt == nil {
                guard let grantee = roster.first(where: { $0.id == grant.staffId }) else { continue }
                let stamp = try grantStamp(grant, granteeKey: grantee.publicKey, sealed: report.ciphertext, by: root, dataKey: nil, adopted: true)
                try s.signGrant(id: grant.id, signedBy: root.id, signature: stamp.signature, keyProof: nil)
            }
        }
        return "\(keyDetail(identity.signingPublicKey)) members=\(keys.joined(separator: ","))"
    }
}
