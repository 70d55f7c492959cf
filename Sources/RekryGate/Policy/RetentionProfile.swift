import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// The retention profile a register uses: a firm's policy file as it was set, and who set it.
///
/// The register keeps the whole text (so the rules in force can always be shown and re-parsed), signed by
/// the member who set it. Anyone who can write the register file could otherwise edit a period or delete a
/// rule, so the profile is used only when its signature verifies against a DPO's (or, at creation, an
/// admin's) verified key; a register with no profile uses `DefaultRetentionPolicy`.
public struct RetentionProfile: Sendable, Equatable {
    /// The file name it was set from, without folders (`it-consultancy-se.policy`), or `default`.
    public var name: String
    public var text: String
    public var policy: RetentionPolicy
    /// The username of the member who set it; nil for the built-in default.
    public var setBy: String?
    public var setAt: Date?

    public var isDefault: Bool { setBy == nil }

    /// The built-in default profile.
    public static let builtIn = RetentionProfile(name: "default", text: DefaultRetentionPolicy.text,
                                                 policy: DefaultRetentionPolicy.policy, setBy: nil, setAt: nil)

    /// The keys under which the register stores it.
    enum Key {
        static let name = "policy.name", text = "policy.text", setBy = "policy.setBy", setAt = "policy.setAt"
        static let signature = "policy.signature"
        /// The signer's public signing key when it signed (so a re-key is told apart from a forgery).
        static let signerKey = "policy.signerKey"
    }
}

extension Gate {
    /// The register's retention profile, verified; refused when it was tampered with.
    public func retentionProfile() throws -> RetentionProfile {
        try reading { s in try retentionProfile(s) }
    }

    /// The profile as it stands in this transaction.
    func retentionProfile(_ s: any StorageSession) throws -> RetentionProfile {
        let K = RetentionProfile.Key.self
        guard let name = try s.setting(K.name), let text = try s.setting(K.text) else {
            // A register that once had a profile must not fall back to the default because its rows were
            // deleted: the audit log (signed, chained) remembers that one was set.
            if let set = try s.auditEntries(subject: "policy", limit: 1).first(where: { $0.action == AuditAction.policySet.rawValue }) {
                throw RegisterError.refusedBecause(Wording("gate.policy.removed", ["day": "\(DayFormat.day(set.at))"]))
            }
            return .builtIn
        }
        let tampered = RegisterError.refusedBecause(Wording("gate.policy.unsigned", ["name": "\(name)"]))
        guard let setByText = try s.setting(K.setBy), let setBy = Int64(setByText),
              let setAtText = try s.setting(K.setAt), let millis = Int64(setAtText),
              let signatureText = try s.setting(K.signature), let signature = Data(base64Encoded: signatureText),
              let setter = try trust(s).verified(setBy), setter.role == .dpo || setter.role == .admin else { throw tampered }
        let setAt = Date(timeIntervalSince1970: Double(millis) / 1000)
        let statement = SignedStatement.policy(name: name, body: text, setBy: setBy, setAt: setAt)
        guard Signing.verify(signature, of: statement, by: setter.signingKey) else {
            // Signed with the key the setter held before a re-key: genuine, but no longer provable here.
            if let old = try s.setting(K.signerKey).flatMap({ Data(base64Encoded: $0) }), old != setter.signingKey,
               Signing.verify(signature, of: statement, by: old) {
                throw RegisterError.refusedBecause(Wording("gate.policy.oldKey", ["name": "\(name)", "user": "\(setter.username)"]))
            }
            throw tampered
        }
        // A member removed before the profile's time cannot have set it (an old identity file used on a copy).
        if let removed = setter.removedAt, removed <= setAt { throw tampered }
        // The newest `policy.set` entry of the signed, chained audit log must name these very rows: an older
        // signed profile put back, or rows carried over from a copy of the register, name other ones.
        guard let entry = try s.auditEntries(subject: "policy", limit: 1).first, entry.action == AuditAction.policySet.rawValue,
              entry.actor == setter.pseudonym, ErasureRules.value("profile", in: entry.detail) == Signing.digest(Data(statement.utf8)) else {
            throw tampered
        }
        // An admin sets a profile only on a register with no candidates yet (its creation), as its entry says.
        if setter.role == .admin && ErasureRules.value("candidates", in: entry.detail) != "0" { throw tampered }
        let policy: RetentionPolicy
        do { policy = try RetentionPolicy.parse(text, file: name) } catch { throw tampered }
        return RetentionProfile(name: name, text: text, policy: policy, setBy: setter.username, setAt: setAt)
    }

    /// The write model under the register's profile, in this transaction.
    func writeModel(_ s: any StorageSession) throws -> WriteModel {
        WriteModel(policy: try retentionProfile(s).policy)
    }

    /// The write model under the register's profile.
    func writeModel() throws -> WriteModel {
        try reading { s in try writeModel(s) }
    }

    /// Sets the register's retention profile from a policy file's text (the DPO; an admin only on a register
    /// with no candidates yet, as `rekry init --policy` does), and re-derives every candidate's retention
    /// date under it in the same transaction. Returns how many candidates were re-derived.
    ///
    /// The text must parse: the error names the file, line and field, and nothing is changed.
    @discardableResult
    public func setRetentionProfile(name: String, text: String) throws -> Int {
        try require([.dpo, .admin], for: "policy set")
        let policy = try RetentionPolicy.parse(text, file: name)
        let signer = try signer(for: "policy set")
        let now = clock.now()
        let model = WriteModel(policy: policy)
        return try audited { tx in
            let s = tx.session
            if actor.role == .admin, try !s.candidateIds(after: 0, limit: 1).isEmpty {
                throw RegisterError.notPermitted(action: "policy set on a register that holds candidates (the DPO's)", role: actor.role.rawValue)
            }
            let K = RetentionProfile.Key.self
            let statement = SignedStatement.policy(name: name, body: text, setBy: signer.id, setAt: now)
            let signature = try Signing.sign(statement, with: signer.key)
            try s.setSetting(K.name, name)
            try s.setSetting(K.text, text)
            try s.setSetting(K.setBy, String(signer.id))
            try s.setSetting(K.setAt, SignedStatement.millis(now))
            try s.setSetting(K.signature, signature.base64EncodedString())
            try s.setSetting(K.signerKey, signer.key.publicKey.rawRepresentation.base64EncodedString())
            // Every retention date comes from the write model; a new profile changes them all.
            var rederived = 0, after: Int64 = 0
            while true {
                let ids = try s.candidateIds(after: after, limit: 1_000)
                guard let last = ids.last else { break }
                for id in ids {
                    guard let record = try s.candidate(id: id) else { continue }
                    let updated = model.rederive(record, facts: try writeFacts(s, record, activity: record.derived.lastActivityAt))
                    if updated.derived != record.derived { try s.updateCandidate(updated) }
                    rederived += 1
                }
                after = last
            }
            // The entry names the exact rows (their signed statement's digest): the profile is used only while
            // the newest such entry names them.
            try tx.audit(.policySet, subject: "policy", purpose: .recruitment,
                         detail: "name=\(name) profile=\(Signing.digest(Data(statement.utf8))) candidates=\(rederived)")
            return rederived
        }
    }
}
