import Foundation
import RekryStorage

/// The audit chain's latest head, kept in a small file beside the database so that rewriting the database
/// alone cannot silently rewrite history.
struct AuditHeadFile: AuditHeadStoring {
    let path: String
    /// The register file whose group and mode the head file takes.
    let likeFile: String

    func writeHead(_ head: AuditHead) throws {
        let tmp = path + ".tmp"
        try Data("\(head.seq) \(head.hash)\n".utf8).write(to: URL(fileURLWithPath: tmp))
        var st = stat()
        if stat(likeFile, &st) == 0 { chmod(tmp, st.st_mode & 0o770) }
        guard rename(tmp, path) == 0 else {
            throw RegisterError.unreadable(path: path, reason: "cannot write the audit head: \(String(cString: strerror(errno)))")
        }
    }

    func readHead() throws -> AuditHead? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let seq = Int64(parts[0]), parts[1].count == 64 else {
            throw RegisterError.invalid(field: path, message: "the audit head file is damaged (expected 'SEQ HASH')")
        }
        return AuditHead(seq: seq, hash: String(parts[1]))
    }
}
