import Crypto
import Foundation
import RekryCrypto
import RekryStorage

/// Writing a grant signed by the granting lead, for loaders that write a register outside the gate (the demo).
public enum SignedGrant {
    /// Inserts `grant`, signed by `lead` over the report's sealed bytes and the grantee's public key.
    public static func insert(_ s: any StorageSession, _ grant: GrantRecord, sealed: Data, dataKey: SymmetricKey, granteeKey: Data,
                              by lead: Identity) throws {
        var g = grant
        g.id = try s.insertGrant(grant)
        let stamp = try RosterSigning.grantStamp(g, granteeKey: granteeKey, sealed: sealed, by: Signer(id: grant.grantedBy, key: lead.signingKey),
                                                 dataKey: dataKey)
        try s.signGrant(id: g.id, signedBy: grant.grantedBy, signature: stamp.signature, keyProof: stamp.proof)
    }
}
