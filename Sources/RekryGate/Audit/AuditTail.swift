import Foundation
import RekryStorage

/// Whether the log still holds what its head, and the heads its readers saw, say it held.
///
/// A head one or more entries behind a consistent log is what a crash between a commit and its head write
/// leaves (heads are written after the commit): the next write repairs it. A head ahead of the log, or one
/// whose entry differs, means entries were removed or rewritten: writers refuse to append, so that the head
/// is never overwritten to agree with a shortened log.
enum AuditTail {
    /// The problem with the log against `head`, or nil when the log holds it.
    static func problem(_ store: any AuditStoring, head: AuditHead?) throws -> String? {
        let last = try store.lastAuditEntry()
        guard let head else {
            return last == nil ? nil : "the audit head file is missing while the log holds \(last!.seq) entries"
        }
        guard let last, last.seq >= head.seq else {
            return "the log ends at entry \(try store.lastAuditEntry()?.seq ?? 0) but its head file records \(head.seq): entries were removed from the end"
        }
        guard try store.auditEntry(seq: head.seq)?.hash == head.hash else {
            return "entry \(head.seq) does not match the head file: the log was rewritten"
        }
        return nil
    }

    /// The register's identity for the seen-heads record: the hash of its first audit entry (the register's
    /// creation), the same in every copy of the file and unknowable before it existed.
    static func registerIdentity(_ store: any AuditStoring) throws -> String? {
        try store.auditEntry(seq: 1)?.hash
    }

    /// The problem with the log against the highest head `seen` by this user, or nil.
    static func problem(_ store: any AuditStoring, seen: AuditHead) throws -> String? {
        guard let entry = try store.auditEntry(seq: seen.seq) else {
            return "the log ends before entry \(seen.seq), which you saw: entries were removed from the end"
        }
        return entry.hash == seen.hash ? nil : "entry \(seen.seq), which you saw, was rewritten"
    }
}
