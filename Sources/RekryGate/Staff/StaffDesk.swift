import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

extension Gate {
    /// Adds a staff member and hands their new identity to `deliver` before the account commits. Admins only.
    ///
    /// `deliver` writes the identity file; if it throws, the account is not added, so a failure never
    /// leaves an account nobody holds the key to. The register keeps only the public key.
    public func addStaff(username: String, role: Role, displayName: String,
                         deliver: (Identity) throws -> Void) throws {
        try require([.admin], for: "staff add")
        let signer = try signer(for: "staff add")
        let identity = Identity(username: username, registerRoot: rootFingerprint)
        let now = clock.now()
        try audited { tx in
            let account = try StaffRoster.insert(tx.session, identity: identity, displayName: displayName, role: role, at: now)
            try RosterSigning.signStaff(tx.session, id: account.id, by: signer, at: now, newVersion: true)
            try tx.audit(.staffAdd, subject: account.pseudonym, purpose: .recruitment,
                         detail: "role=\(role.rawValue) \(RosterSigning.keyDetail(identity.signingPublicKey))")
            try deliver(identity)
        }
    }

    /// Every staff member (usernames and roles only), for admins and leads choosing a grantee.
    public func staffList() throws -> [StaffMember] {
        try require([.admin, .lead, .dpo], for: "staff list")
        return try reading { try $0.staffList().map(\.member) }
    }

    /// Removes a staff member's access: their account can no longer sign in, their report grants end and
    /// their wrapped report keys are deleted. Admins only; never the last admin, never yourself.
    public func removeStaff(username: String) throws {
        try require([.admin], for: "staff remove")
        guard username != actor.username else { throw RegisterError.refusedBecause(Wording("gate.staff.removeSelf")) }
        let signer = try signer(for: "staff remove")
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            guard let account = try s.staff(username: username) else { throw RegisterError.unknownStaff(username: username) }
            if account.role == .admin, try s.staffList().filter({ $0.role == .admin }).count <= 1 {
                throw RegisterError.refusedBecause(Wording("gate.staff.lastAdmin", ["user": "\(username)"]))
            }
            let trust = try self.trust(s)
            try StaffRoster.requireNotRoot(account, trust: trust, action: "remove")
            try StaffRoster.endReportAccess(s, staffId: account.id, at: now, by: actor.id)
            try RosterSigning.takeOverRecords(s, signedBy: account.id, trust: trust, by: signer, at: now)
            let vouched = try StaffRoster.verifiedGrants(s, signedBy: account.id, trust: trust).map(\.0.id)
            try s.deactivateStaff(id: account.id, at: now, vouchedGrants: vouched)
            try RosterSigning.signStaff(s, id: account.id, by: signer, at: now, newVersion: true)
            try tx.audit(.staffRemove, subject: account.pseudonym, purpose: .recruitment)
        }
        try backend.checkpoint()
    }

    /// Issues a new key pair for a staff member (a lost or leaked identity file), handing the identity to
    /// `deliver` before the change commits. Report keys wrapped for the old key are deleted and their grants
    /// end: a lead grants again. Admins only.
    public func rekeyStaff(username: String, deliver: (Identity) throws -> Void) throws {
        try require([.admin], for: "staff rekey")
        let signer = try signer(for: "staff rekey")
        let identity = Identity(username: username, registerRoot: rootFingerprint)
        let now = clock.now()
        try audited { tx in
            let s = tx.session
            guard let account = try s.staff(username: username) else { throw RegisterError.unknownStaff(username: username) }
            let trust = try self.trust(s)
            try StaffRoster.requireNotRoot(account, trust: trust, action: "re-key")
            try StaffRoster.endReportAccess(s, staffId: account.id, at: now, by: actor.id)
            try RosterSigning.takeOverRecords(s, signedBy: account.id, trust: trust, by: signer, at: now)
            // Grants this member gave stand: they are signed again with the new key (held here until delivered).
            let given = try StaffRoster.verifiedGrants(s, signedBy: account.id, trust: trust)
            try s.updateStaffKey(id: account.id, publicKey: identity.publicKey, signingKey: identity.signingPublicKey)
            try RosterSigning.signStaff(s, id: account.id, by: signer, at: now, newVersion: true)
            let renewed = Signer(id: account.id, key: identity.signingKey)
            for (grant, granteeKey, sealed) in given {
                // The statement is the same, so the key proof made by the old key's holder stands.
                let stamp = try RosterSigning.grantStamp(grant, granteeKey: granteeKey, sealed: sealed, by: renewed, dataKey: nil)
                try s.signGrant(id: grant.id, signedBy: account.id, signature: stamp.signature, keyProof: grant.keyProof)
            }
            try tx.audit(.staffRekey, subject: account.pseudonym, purpose: .recruitment, detail: RosterSigning.keyDetail(identity.signingPublicKey))
            try deliver(identity)
        }
        try backend.checkpoint()
    }
}

/// Staff rules shared by the gate and by register set-up.
enum StaffRoster {
    /// Validates and inserts a staff account; returns it with its id.
    static func insert(_ s: any StaffStoring, identity: Identity, displayName: String, role: Role, at: Date) throws -> StaffAccount {
        let username = identity.username
        guard !username.isEmpty, username.count <= 64,
              username.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) else {
            throw RegisterError.invalidBecause(field: "USERNAME", Wording("gate.rule.username", ["value": "\(username)"]))
        }
        guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalidBecause(field: "--name", Wording("gate.rule.displayNameRequired"))
        }
        if try s.staff(username: username) != nil { throw RegisterError.refusedBecause(Wording("gate.staff.exists", ["user": "\(username)"])) }
        if try s.usernameTaken(username) {
            throw RegisterError.refusedBecause(Wording("gate.staff.usedBefore", ["user": "\(username)"]))
        }
        var account = StaffAccount(id: 0, username: username, displayName: displayName, role: role,
                                   publicKey: identity.publicKey, pseudonym: Hashing.randomPseudonym(prefix: "s-"), createdAt: at,
                                   signingKey: identity.signingPublicKey)
        account.id = try s.insertStaff(account)
        return account
    }

    /// The root admin's key is what every identity file pins: their account is neither removed nor re-keyed.
    static func requireNotRoot(_ account: StaffAccount, trust: StaffTrust, action: String) throws {
        if account.id == trust.root?.id {
            throw RegisterError.refusedBecause(Wording(action == "remove" ? "gate.staff.rootRemove" : "gate.staff.rootRekey", ["user": "\(account.username)"]))
        }
    }

    /// The open grants `signerId` signed that verify now, with what each is signed over.
    static func verifiedGrants(_ s: any StorageSession, signedBy signerId: Int64, trust: StaffTrust) throws -> [(GrantRecord, Data, Data)] {
        var found: [(GrantRecord, Data, Data)] = []
        for reportId in try s.reportsSigned(staffId: signerId) {
            guard let report = try s.reportById(reportId) else { continue }
            for grant in try s.grants(reportId: reportId) where grant.signedBy == signerId && trust.grantVerifies(grant, sealed: report.ciphertext) {
                guard let grantee = trust.byId[grant.staffId] else { continue }
                found.append((grant, grantee.publicKey, report.ciphertext))
            }
        }
        return found
    }

    /// Ends a staff member's report grants and deletes the report keys wrapped for them.
    static func endReportAccess(_ s: any StorageSession, staffId: Int64, at: Date, by: Int64) throws {
        for report in try s.reportsHeld(staffId: staffId) {
            try s.revokeGrants(reportId: report, staffId: staffId, at: at, by: by)
            try s.deleteKey(reportId: report, staffId: staffId)
        }
    }
}

extension Register {
    /// Creates the first admin of a new, empty register and hands the identity to `deliver` before the
    /// account commits. Refused once any staff exist.
    public func bootstrapAdmin(username: String, displayName: String, clock: any TimeSource = SystemTime(),
                               deliver: (Identity) throws -> Void = { _ in }) throws -> Identity {
        try bootstrap(staff: [(username, displayName, .admin)], clock: clock) { try deliver($0[0]) }[0]
    }

    /// Creates the first staff of a new, empty register (the first one must be an admin) and records the
    /// register's creation in the audit log; `deliver` receives the identities before anything commits.
    public func bootstrap(staff: [(username: String, displayName: String, role: Role)], clock: any TimeSource = SystemTime(),
                          detail: String = "", deliver: ([Identity]) throws -> Void = { _ in }) throws -> [Identity] {
        guard staff.first?.role == .admin else { throw RegisterError.invalidBecause(field: "staff", Wording("gate.rule.firstStaffAdmin")) }
        // The first admin is the root: their record signs itself, and every identity pins their key.
        let rootKey = Identity(username: staff[0].username)
        let pin = Signing.fingerprint(rootKey.signingPublicKey)
        var identities = [Identity(username: rootKey.username, privateKey: rootKey.privateKey, registerRoot: pin)]
        identities += staff.dropFirst().map { Identity(username: $0.username, registerRoot: pin) }
        let now = clock.now()
        var head: AuditHead?
        try backend.write { s in
            guard try s.staffRoster().isEmpty else {
                throw RegisterError.refusedBecause(Wording("gate.staff.alreadyHasStaff"))
            }
            var root: (account: StaffAccount, signer: Signer)?
            for (member, identity) in zip(staff, identities) {
                let account = try StaffRoster.insert(s, identity: identity, displayName: member.displayName, role: member.role, at: now)
                let signer = root?.signer ?? Signer(id: account.id, key: identity.signingKey)
                try RosterSigning.signStaff(s, id: account.id, by: signer, at: now, newVersion: true)
                if let root {
                    head = try AuditChain.append(s, actor: root.account.pseudonym, action: .staffAdd, subject: account.pseudonym,
                                                 purpose: .recruitment,
                                                 detail: "role=\(member.role.rawValue) \(RosterSigning.keyDetail(identity.signingPublicKey))",
                                                 at: now, signer: signer.key)
                } else {
                    root = (account, signer)
                    let creation = [detail, RosterSigning.keyDetail(identity.signingPublicKey)].filter { !$0.isEmpty }.joined(separator: " ")
                    head = try AuditChain.append(s, actor: account.pseudonym, action: .registerCreate, subject: nil,
                                                 purpose: .recruitment, detail: creation, at: now, signer: signer.key)
                }
            }
            try deliver(identities)
        }
        if let head { try backend.auditHead?.writeHead(head) }
        return identities
    }
}
