import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// Which staff records the register's signatures vouch for, and from which root.
///
/// The chain starts at the register's root: the first admin, made by `init`, whose record signs itself and
/// whose signing key's fingerprint every identity file issued since pins. Every other record is signed by
/// an admin whose own record verifies and who has not been removed. A row written by hand (a new member,
/// a changed role, a cleared removal) carries no signature that verifies, and the gate does not trust it.
/// Verdicts are worked out lazily and kept for the life of the value (one read or write).
final class StaffTrust {
    let byId: [Int64: StaffAccount]
    /// The register's root admin: the one record that signs itself. Nil on a register whose staff records
    /// were made before signing (release 0.4) or whose root is not unique.
    let root: StaffAccount?
    /// Whether any record carries a signature: a roster with none is from before signing.
    let isSigned: Bool
    /// Per member pseudonym, the log's latest staff.* entry about them: a record signed for an older entry
    /// is an old version put back (an un-removal, an undone re-key).
    let latestEntries: [String: Int64]
    private var verdicts: [Int64: Bool] = [:]

    init(roster: [StaffAccount], latestEntries: [String: Int64] = [:]) {
        self.latestEntries = latestEntries
        byId = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        isSigned = roster.contains { $0.signature != nil }
        let selfSigned = roster.filter { $0.signedBy == $0.id }
        root = selfSigned.count == 1 ? selfSigned[0] : nil
    }

    convenience init(_ s: any StaffStoring & AuditStoring) throws {
        let roster = try s.staffRoster()
        self.init(roster: roster, latestEntries: try s.latestStaffEntries(subjects: roster.map(\.pseudonym)))
    }

    /// The fingerprint identity files pin for this register.
    var rootFingerprint: String? { root?.signingKey.map(Signing.fingerprint) }

    /// Whether the record of `id` is vouched for by a chain of admin signatures from the root.
    func verifies(_ id: Int64) -> Bool {
        if let known = verdicts[id] { return known }
        verdicts[id] = false  // a cycle of signers vouches for nothing
        let verdict = check(id)
        verdicts[id] = verdict
        return verdict
    }

    private func check(_ id: Int64) -> Bool {
        guard let a = byId[id], let signedBy = a.signedBy, let signedAt = a.signedAt,
              let version = a.auditSeq, version >= latestEntries[a.pseudonym] ?? 0 else { return false }
        let statement = SignedStatement.staff(a, signedBy: signedBy, signedAt: signedAt)
        if signedBy == id {
            return root?.id == id && a.role == .admin && Signing.verify(a.signature, of: statement, by: a.signingKey)
        }
        guard let signer = byId[signedBy], signer.role == .admin, signer.removedAt == nil, verifies(signer.id) else { return false }
        return Signing.verify(a.signature, of: statement, by: signer.signingKey)
    }

    /// The account of `id` when its record verifies.
    func verified(_ id: Int64) -> StaffAccount? { verifies(id) ? byId[id] : nil }

    /// Whether an open grant is vouched for: signed, over the report's current sealing and the grantee's
    /// current key, by a lead whose record verifies (and, if since removed, listed it among the grants they
    /// vouched for at the removal), to
    /// a recruiter or lead whose record verifies. Grants carried over from before signing are vouched for by
    /// the root admin who signed the roster, for grants given before that.
    func grantVerifies(_ g: GrantRecord, sealed: Data) -> Bool {
        // A roster from before signing trusts its rows as release 0.4 did, until an admin's sign-in signs it.
        guard isSigned else { return g.revokedAt == nil }
        guard g.revokedAt == nil, let signedBy = g.signedBy, let grantee = verified(g.staffId), grantee.removedAt == nil,
              grantee.role == .recruiter || grantee.role == .lead, let signer = verified(signedBy) else { return false }
        if signer.role == .lead, signer.removedAt == nil || signer.vouchedGrants?.contains(g.id) == true {
            return Signing.verify(g.signature, of: SignedStatement.grant(g, granteeKey: grantee.publicKey, sealed: sealed, signedBy: signer.id),
                                  by: signer.signingKey)
        }
        if signer.id == root?.id, let rootSigned = signer.signedAt, g.grantedAt <= rootSigned {
            return Signing.verify(g.signature, of: SignedStatement.grant(g, granteeKey: grantee.publicKey, sealed: sealed,
                                                                         signedBy: signer.id, adopted: true),
                                  by: signer.signingKey)
        }
        return false
    }

    /// Whether an open grant may be carried through a re-key by a lead holding `dataKey`: it verifies, and
    /// its key proof shows that whoever signed it could open the report. A lead's signature alone is not
    /// enough: any lead (or an admin who makes one) could sign a grant for a report they never held.
    func grantCarries(_ g: GrantRecord, sealed: Data, dataKey: SymmetricKey) -> Bool {
        guard isSigned, grantVerifies(g, sealed: sealed), let signedBy = g.signedBy, let proof = g.keyProof,
              let grantee = byId[g.staffId] else { return false }
        let statement = SignedStatement.grant(g, granteeKey: grantee.publicKey, sealed: sealed, signedBy: signedBy)
        return HMAC<SHA256>.isValidAuthenticationCode(proof, authenticating: Data(statement.utf8), using: dataKey)
    }

    /// The problems `rekry check` reports: records that do not verify, or a root that is missing or not unique.
    func problems() -> [String] {
        guard isSigned else { return ["the staff records carry no signatures (made before release 0.5): an admin's next sign-in signs them"] }
        var problems: [String] = []
        let roots = byId.values.filter { $0.signedBy == $0.id }
        if roots.count != 1 { problems.append("the staff records have \(roots.count) roots where one admin must sign itself") }
        for a in byId.values.sorted(by: { $0.id < $1.id }) where !verifies(a.id) {
            problems.append("staff record \(a.id) (\(a.username), \(a.role.rawValue)) carries no valid admin signature: it was written or changed outside Rekry, and is not trusted")
        }
        return problems
    }
}
