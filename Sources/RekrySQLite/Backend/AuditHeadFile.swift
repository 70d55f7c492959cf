import Foundation
import RekryStorage

/// The audit chain's latest head, kept in a small file beside the database so that rewriting the database
/// alone cannot silently rewrite history.
struct AuditHeadFile: AuditHeadStoring {
    let path: String
    /// The register file whose group and mode the head file takes.
    let likeFile: String

    /// Writes the head through a temporary file of its own (two processes, or two threads of one, may write
    /// heads at once): created exclusively, never through a planted link, with the register's mode, then
    /// renamed over the head.
    func writeHead(_ head: AuditHead) throws {
        var st = stat()
        let mode = stat(likeFile, &st) == 0 ? st.st_mode & 0o660 : 0o600
        let tmp = path + ".tmp-\(getpid())-\(UInt64.random(in: 0 ... .max))"
        let fd = Foundation.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw RegisterError.unreadable(path: path, reason: "cannot write the audit head: \(String(cString: strerror(errno)))")
        }
        let bytes = Array("\(head.seq) \(head.hash)\n".utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, mode)
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0, rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw RegisterError.unreadable(path: path, reason: "cannot write the audit head: \(reason)")
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
