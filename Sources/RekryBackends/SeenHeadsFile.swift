import Foundation
import RekryStorage

/// The highest audit heads this user has seen, one line per register (`IDENTITY SEQ HASH`), in a file only
/// they write: `$XDG_STATE_HOME/rekry/seen-heads` (default `~/.local/state`). See `SeenHeadStoring`.
public struct SeenHeadsFile: SeenHeadStoring {
    public let path: String

    public init(path: String) { self.path = path }

    /// The user's own file.
    public static var standard: SeenHeadsFile {
        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"] ?? NSHomeDirectory()
        let state = env["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        return SeenHeadsFile(path: state + "/rekry/seen-heads")
    }

    public func seenHead(register: String) throws -> AuditHead? {
        try lines()[register]
    }

    public func recordSeen(_ head: AuditHead, register: String) throws {
        var all = try lines()
        all[register] = head
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let text = all.keys.sorted().map { "\($0) \(all[$0]!.seq) \(all[$0]!.hash)\n" }.joined()
        let tmp = path + ".tmp-\(getpid())-\(UInt64.random(in: 0 ... .max))"
        let fd = Foundation.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RegisterError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw RegisterError.unreadable(path: path, reason: "cannot record the audit head seen: \(reason)")
        }
    }

    private func lines() throws -> [String: AuditHead] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var out: [String: AuditHead] = [:]
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let f = line.split(separator: " ")
            guard f.count == 3, let seq = Int64(f[1]), f[2].count == 64 else {
                throw RegisterError.invalid(field: "\(path):\(n + 1)", message: "expected 'REGISTER SEQ HASH'")
            }
            out[String(f[0])] = AuditHead(seq: seq, hash: String(f[2]))
        }
        return out
    }
}
