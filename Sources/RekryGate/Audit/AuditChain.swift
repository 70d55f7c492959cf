import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// The rules of the hash-chained audit log: how an entry is hashed, appended and verified.
///
/// The chain detects an edited, removed or reordered entry. Someone who can rewrite the database could
/// recompute the whole chain; the head kept outside the log (and the head that `audit verify` prints for
/// an operator to record) catches that unless they rewrite the head too.
enum AuditChain {
    /// The canonical text hashed for an entry: every field, in a fixed order, with the previous hash.
    static func canonical(seq: Int64, atMillis: Int64, actor: String, action: String, subject: String?,
                          purpose: String, detail: String, prevHash: String) -> String {
        [String(seq), String(atMillis), actor, action, subject ?? "-", purpose, detail, prevHash]
            .map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "|")
    }

    static func hash(of e: AuditEntry) -> String {
        Hashing.sha256Hex(canonical(seq: e.seq, atMillis: e.atMillis, actor: e.actor, action: e.action, subject: e.subject,
                                    purpose: e.purpose, detail: e.detail, prevHash: e.prevHash))
    }

    /// Appends an entry after the last one, signed by the actor's key when given, and returns the new head.
    static func append(_ store: any AuditStoring, actor: String, action: AuditAction, subject: String?,
                       purpose: Purpose, detail: String = "", at: Date, signer: Curve25519.Signing.PrivateKey?) throws -> AuditHead {
        let last = try store.lastAuditEntry()
        var entry = AuditEntry(seq: (last?.seq ?? 0) + 1, atMillis: Int64((at.timeIntervalSince1970 * 1000).rounded()),
                               actor: actor, action: action.rawValue, subject: subject, purpose: purpose.rawValue,
                               detail: detail, prevHash: last?.hash ?? AuditEntry.genesisHash, hash: "")
        entry.hash = hash(of: entry)
        if let signer { entry.signature = try Signing.sign(entry.hash, with: signer) }
        try store.appendAudit(entry)
        return AuditHead(seq: entry.seq, hash: entry.hash)
    }

    /// Walks the chain from the first entry and reports the first one that breaks it.
    static func verify(_ store: any AuditStoring, head recorded: AuditHead?, rootFingerprint: String?) throws -> AuditVerification {
        var expectedSeq: Int64 = 1
        var prevHash = AuditEntry.genesisHash
        var hashes: [Int64: String] = [:]
        var broken: AuditVerification?
        var keys = AuditKeyLog(rootFingerprint: rootFingerprint)
        try store.forEachAuditEntry { e in
            guard broken == nil else { return }
            if e.seq != expectedSeq {
                broken = .broken(seq: expectedSeq, problem: "entry \(expectedSeq) is missing (the log jumps from \(expectedSeq - 1) to \(e.seq)): removed")
            } else if hash(of: e) != e.hash {
                broken = .broken(seq: e.seq, problem: "entry \(e.seq) was changed (its content does not match its hash)")
            } else if e.prevHash != prevHash {
                broken = .broken(seq: e.seq, problem: "entry \(e.seq) does not follow entry \(e.seq - 1) (an entry before it was removed, replaced or reordered)")
            } else if let problem = keys.check(e) {
                broken = .broken(seq: e.seq, problem: problem)
            } else {
                prevHash = e.hash
                hashes[e.seq] = e.hash
                expectedSeq += 1
            }
        }
        if let broken { return broken }
        let count = expectedSeq - 1
        // Signatures sit beside the hash, so clearing them leaves a consistent chain: a register whose staff
        // records are signed must have a signed log.
        if rootFingerprint != nil, count > 0, !keys.signingStarted {
            return .broken(seq: 1, problem: "the log carries no signature while the staff records are signed: its signatures were stripped, and its entries cannot be trusted")
        }
        if let head = recorded {
            if head.seq > count {
                return .broken(seq: count + 1, problem: "entries \(count + 1) to \(head.seq) were removed from the end (the head file records \(head.seq) entries)")
            }
            if hashes[head.seq] != head.hash {
                return .broken(seq: head.seq, problem: "entry \(head.seq) does not match the head file: the chain was rewritten")
            }
        }
        return .intact(count: count, headHash: prevHash)
    }
}

/// The result of walking the audit chain.
public enum AuditVerification: Sendable, Equatable {
    case intact(count: Int64, headHash: String)
    case broken(seq: Int64, problem: String)
}

extension Gate {
    /// The audit log, newest last, optionally for one candidate. Leads, the DPO and admins only.
    public func auditEntries(subjectCandidate: Int64? = nil, limit: Int = 200) throws -> [AuditEntry] {
        try require([.lead, .dpo, .admin], for: "audit show")
        return try reading { s in
            var subject: String?
            if let id = subjectCandidate {
                guard let c = try s.candidate(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(id)"])) }
                // One person's entries are their Activity: the same rule as the Activity tab, so that linking
                // an id to what was done with them (a report read, a hire) needs what the tab needs.
                let badge = BadgePolicy.badge(for: c.badgeFacts, at: clock.now())
                if case .withhold(let reason) = decide(.activity, purpose: .recruitment, badge: badge) {
                    throw RegisterError.refusedBecause(Wording("gate.audit.entriesWithheld", ["id": "\(id)", "reason": .withheld(reason)]))
                }
                subject = c.pseudonym
            }
            return try visibleAuditEntries(s, subject: subject, limit: limit)
        }
    }

    /// The newest `limit` audit entries (of `subject`) this actor may read. Requests and breaches are the DPO's
    /// alone: their entries are left out for everyone else, and the page is filled from further back, so that
    /// how many came back tells nothing of them either.
    func visibleAuditEntries(_ s: any StorageSession, subject: String?, limit: Int) throws -> [AuditEntry] {
        guard actor.role != .dpo else { return try s.auditEntries(subject: subject, limit: limit) }
        var batch = limit, kept: [AuditEntry] = []
        while true {
            let fetched = try s.auditEntries(subject: subject, limit: batch)
            kept = fetched.filter { !Self.isDeskAction($0.action) }
            if kept.count >= limit || fetched.count < batch { break }
            batch *= 4
        }
        return Array(kept.prefix(limit))
    }

    /// Whether an audit action is the DPO desk's (a data subject's request, a breach).
    static func isDeskAction(_ action: String) -> Bool { action.hasPrefix("request.") || action.hasPrefix("breach.") }

    /// Walks the audit chain; the result names the first broken entry. Leads, the DPO and admins only.
    public func verifyAudit() throws -> AuditVerification {
        try require([.lead, .dpo, .admin], for: "audit verify")
        let head: AuditHead?
        do {
            head = try backend.auditHead?.readHead()
        } catch {
            return .broken(seq: 0, problem: "the audit head file cannot be read (\(error)): the log cannot be checked against it")
        }
        let result = try reading { s in
            if backend.auditHead != nil, head == nil, let last = try s.lastAuditEntry() {
                return AuditVerification.broken(seq: last.seq, problem: "the audit head file is missing while the log holds \(last.seq) entries: the end of the log cannot be checked")
            }
            return try AuditChain.verify(s, head: head, rootFingerprint: rootFingerprint)
        }
        // A log that agrees with its head file can still be shorter than a head this user saw: the head file
        // was put back to match the cut.
        if case .intact = result, let auditAlarm {
            return .broken(seq: 0, problem: "\(auditAlarm) (against the head recorded in your state directory; the head file beside the register was made to match)")
        }
        return result
    }
}

extension Register {
    /// The register's last audit entry's head, without signing in (it holds no personal data).
    public func lastAuditHead() throws -> AuditHead? {
        try backend.read { s in try s.lastAuditEntry().map { AuditHead(seq: $0.seq, hash: $0.hash) } }
    }

    /// Walks the whole chain as `rekry audit verify` does, without signing in, against `head` (a register
    /// moved to another backend must end exactly where the source's log ended). The connection must see every
    /// entry: the deploying administrator's does.
    public func verifyChain(endingAt head: AuditHead?) throws -> AuditVerification {
        try backend.read { s in try AuditChain.verify(s, head: head, rootFingerprint: try StaffTrust(s).rootFingerprint) }
    }
}
