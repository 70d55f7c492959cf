import Foundation
import RekryStorage

/// Writes an export file atomically and privately: a temporary file beside it (O_EXCL, mode 0600), synced,
/// then moved into place; an existing file is never replaced unless `force` says so.
///
/// A reader never sees half a file, and a crash leaves at most the temporary file (named `.NAME.rekry-tmp-…`).
public enum ExportWriter {
    /// Writes `data` to `path`; returns warnings to show (a folder others can read).
    @discardableResult
    public static func write(_ data: Data, to path: String, force: Bool) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var st = stat()
        guard stat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw RegisterError.cannotWrite(path: path, reason: "the folder \(folder) does not exist")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw RegisterError.cannotWrite(path: path, reason: "the folder \(folder) is not writable by you")
        }
        var warnings: [String] = []
        if st.st_mode & (S_IROTH | S_IXOTH) != 0 {
            warnings.append("\(folder) can be listed by other users of this machine; the file itself is private (0600), but its name shows there")
        }
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) == S_IFDIR {
            throw RegisterError.cannotWrite(path: path, reason: "it is a directory; name a file in it")
        }
        if exists && !force { throw RegisterError.alreadyExists(path: path) }
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            throw RegisterError.cannotWrite(path: path, reason: "it is not a regular file")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".rekry-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw RegisterError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var ok = fchmod(fd, 0o600) == 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while ok && offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { ok = false } else { offset += n }
            }
        }
        let reason = ok ? "" : String(cString: strerror(errno))
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok else {
            unlink(temporary)
            throw RegisterError.cannotWrite(path: path, reason: reason.isEmpty ? "the disk refused it" : reason)
        }
        if force {
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw RegisterError.cannotWrite(path: path, reason: reason)
            }
        } else {
            // link(2) fails if the name was taken meanwhile: no race can make this overwrite a file.
            guard link(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                if code == EEXIST { throw RegisterError.alreadyExists(path: path) }
                throw RegisterError.cannotWrite(path: path, reason: String(cString: strerror(code)))
            }
            unlink(temporary)
        }
        return warnings
    }
}
