import Foundation
import RekryDomain
import RekryCrypto
import RekryStorage

/// Which key signs for which actor at each point of the audit log, replayed from the log itself.
///
/// The entries that create or change a staff member's key (the register's creation, a staff member added
/// or re-keyed, a roster signed after an upgrade) name the new signing key in their detail and are signed
/// by an admin whose key the log already knows, so the log carries its own key history: an entry signed by
/// a key later replaced still verifies, and a forged entry verifies under no key. Entries from before
/// signing existed are unsigned; after the first signed entry, only members who have no signing key yet
/// (carried over from before signing, until re-keyed) may write unsigned ones.
struct AuditKeyLog {
    /// Per actor pseudonym: their signing key, or nil for a member known to have none.
    private var keys: [String: Data?] = [:]
    /// Actors the log shows as admins: only they introduce keys.
    private var admins: Set<String> = []
    private var removed: Set<String> = []
    private(set) var signingStarted = false
    /// The root admin's key fingerprint the reader's identity pins (through the roster): the entry that
    /// starts signing must be signed by that key, or the whole log was rewritten under another.
    let rootFingerprint: String?

    init(rootFingerprint: String?) { self.rootFingerprint = rootFingerprint }

    /// The problem with `e`'s signature, or nil; then takes in any key the entry introduces.
    mutating func check(_ e: AuditEntry) -> String? {
        // Only the entry that starts signing introduces its own signer: the register's creation, or the
        // signing of a roster carried over from before signing. Later, every key is introduced by an admin.
        if !signingStarted, e.signature != nil,
           e.action == AuditAction.registerCreate.rawValue || e.action == AuditAction.rosterSign.rawValue,
           case .some(.some(let key)) = Self.key(in: e.detail) {
            if let rootFingerprint, Signing.fingerprint(key) != rootFingerprint {
                return "entry \(e.seq) starts signing under a key that is not the register's root admin's: the log was rewritten"
            }
            keys.updateValue(key, forKey: e.actor)
            admins.insert(e.actor)
        }
        if removed.contains(e.actor) {
            return "entry \(e.seq) is by a staff member the log shows as removed: it was forged"
        }
        if let signature = e.signature {
            guard case .some(.some(let key)) = keys[e.actor] else {
                return "entry \(e.seq) is signed by an actor whose key the log never introduced: it was forged"
            }
            guard Signing.verify(signature, of: e.hash, by: key) else {
                return "entry \(e.seq)'s signature does not verify: it was forged or changed"
            }
            let starting = !signingStarted
            signingStarted = true
            return learn(from: e, starting: starting)
        } else if signingStarted, keys[e.actor] != .some(nil) {
            return "entry \(e.seq) is not signed, where its actor signs every entry: it was forged"
        }
        return nil
    }

    /// Takes in the keys, roles and removals a signed entry records; an entry that introduces a key without
    /// an admin's authority is named.
    private mutating func learn(from e: AuditEntry, starting: Bool) -> String? {
        switch e.action {
        case AuditAction.staffAdd.rawValue, AuditAction.staffRekey.rawValue:
            guard admins.contains(e.actor) else { return "entry \(e.seq) changes a staff key but its actor is not an admin: it was forged" }
            if let subject = e.subject, let key = Self.key(in: e.detail) {
                keys.updateValue(key, forKey: subject)
                if Self.field("role", in: e.detail) == Role.admin.rawValue { admins.insert(subject) }
            }
        case AuditAction.staffRemove.rawValue:
            guard admins.contains(e.actor) else { return "entry \(e.seq) removes a staff member but its actor is not an admin: it was forged" }
            if let subject = e.subject { removed.insert(subject); admins.remove(subject) }
        case AuditAction.rosterSign.rawValue:
            guard starting else { return "entry \(e.seq) signs a roster that was already signed: it was forged" }
            for member in Self.field("members", in: e.detail)?.split(separator: ",") ?? [] {
                let parts = member.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2, parts[0] != e.actor else { continue }
                keys.updateValue(parts[1] == "-" ? nil : Data(base64Encoded: parts[1]), forKey: parts[0])
                if parts.count > 2, parts[2] == Role.admin.rawValue { admins.insert(parts[0]) }
            }
        default:
            break
        }
        return nil
    }

    /// The signing key an entry's detail introduces: `.some(nil)` for "-" (none), nil when it names none.
    static func key(in detail: String) -> Data?? {
        guard let value = field("signing-key", in: detail) else { return nil }
        return value == "-" ? .some(nil) : Data(base64Encoded: value).map { .some($0) }
    }

    static func field(_ name: String, in detail: String) -> String? {
        detail.split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }
}
