import Foundation
import GRDB
import RekryCrypto
import RekryDomain

/// Appends to and verifies the hash-chained audit log.
///
/// The chain detects an edited, removed or reordered entry. Someone who can rewrite the database could
/// recompute the whole chain; the head file beside the database (and the head that `audit verify` prints
/// for an operator to record) catches that unless they rewrite the head file too.
enum AuditLog {
    static func append(_ db: Database, register: Register, actor: String, action: AuditAction, subject: String?,
                       purpose: Purpose, detail: String = "", at: Date) throws {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM auditEntry ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let prevHash: String = last?["hash"] ?? AuditEntry.genesisHash
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let hash = Digest.sha256Hex(AuditEntry.canonical(seq: seq, atMillis: millis, actor: actor, action: action.rawValue,
                                                          subject: subject, purpose: purpose.rawValue, detail: detail,
                                                          prevHash: prevHash))
        try db.execute(sql: """
            INSERT INTO auditEntry(seq, atMillis, actor, action, subject, purpose, detail, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, millis, actor, action.rawValue, subject, purpose.rawValue, detail, prevHash, hash])
        // Written while this transaction holds the write lock, so heads are written in chain order.
        if let headPath = register.auditHeadPath {
            try AuditHead(seq: seq, hash: hash).write(to: headPath, likeFile: register.path)
        }
    }

    static func entries(_ db: Database, subject: String?, limit: Int) throws -> [AuditEntry] {
        var sql = """
            SELECT a.*, s.username AS actorUsername FROM auditEntry a LEFT JOIN staff s ON s.pseudonym = a.actor
            """
        var arguments: StatementArguments = []
        if let subject {
            sql += " WHERE a.subject = ?"
            arguments += [subject]
        }
        sql += " ORDER BY a.seq DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(entry).reversed()
    }

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(seq: row["seq"], atMillis: row["atMillis"], actor: row["actor"], action: row["action"],
                   subject: row["subject"], purpose: row["purpose"], detail: row["detail"], prevHash: row["prevHash"],
                   hash: row["hash"], actorUsername: row["actorUsername"])
    }

    /// Walks the chain from the first entry and reports the first one that breaks it.
    static func verify(_ db: Database, headPath: String?) throws -> AuditVerification {
        var expectedSeq: Int64 = 1
        var prevHash = AuditEntry.genesisHash
        var hashes: [Int64: String] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM auditEntry ORDER BY seq")
        while let row = try cursor.next() {
            let e = entry(row)
            if e.seq != expectedSeq {
                return .broken(seq: expectedSeq, problem: "entry \(expectedSeq) is missing (the log jumps from \(expectedSeq - 1) to \(e.seq)): removed")
            }
            let recomputed = Digest.sha256Hex(AuditEntry.canonical(seq: e.seq, atMillis: e.atMillis, actor: e.actor,
                                                                    action: e.action, subject: e.subject, purpose: e.purpose,
                                                                    detail: e.detail, prevHash: e.prevHash))
            if recomputed != e.hash {
                return .broken(seq: e.seq, problem: "entry \(e.seq) was changed (its content does not match its hash)")
            }
            if e.prevHash != prevHash {
                return .broken(seq: e.seq, problem: "entry \(e.seq) does not follow entry \(e.seq - 1) (an entry before it was removed, replaced or reordered)")
            }
            prevHash = e.hash
            hashes[e.seq] = e.hash
            expectedSeq += 1
        }
        let count = expectedSeq - 1
        if let headPath, let head = try AuditHead.read(from: headPath) {
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

/// The latest chain head, kept in a small file beside the database so that rewriting the database
/// alone cannot silently rewrite history.
struct AuditHead: Equatable {
    var seq: Int64
    var hash: String

    func write(to path: String, likeFile reference: String) throws {
        let tmp = path + ".tmp"
        try Data("\(seq) \(hash)\n".utf8).write(to: URL(fileURLWithPath: tmp))
        var st = stat()
        if stat(reference, &st) == 0 { chmod(tmp, st.st_mode & 0o770) }
        guard rename(tmp, path) == 0 else {
            throw RegisterError.unreadable(path: path, reason: "cannot write the audit head: \(String(cString: strerror(errno)))")
        }
    }

    static func read(from path: String) throws -> AuditHead? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let seq = Int64(parts[0]), parts[1].count == 64 else {
            throw RegisterError.invalid(field: path, message: "the audit head file is damaged (expected 'SEQ HASH')")
        }
        return AuditHead(seq: seq, hash: String(parts[1]))
    }
}
