import Foundation

/// Reads a document or report the user names by path: UTF-8 text only, so that what is stored is what can be
/// shown, searched and exported.
enum TextFile {
    /// Larger files are refused before they are read (a CV is a few KB; the gate takes at most a million characters).
    static let maxBytes = 4_000_000

    /// The text of the file at `path` (`~/` is the home folder), or a rejection naming `field`.
    static func read(_ path: String, field: String) throws -> String {
        let full = expand(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
            throw FormRejection(field: field, message: "No file at \(full)")
        }
        guard !isFolder.boolValue else { throw FormRejection(field: field, message: "\(full) is a folder, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int) ?? 0
        guard size <= maxBytes else {
            throw FormRejection(field: field, message: "\(full) is \(size / 1_000_000) MB; at most \(maxBytes / 1_000_000) MB of text")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw FormRejection(field: field, message: "\(full) cannot be read (permissions?)")
        }
        // A NUL byte is valid UTF-8 but never part of a text document: it marks a binary file (PDF, Word).
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            throw FormRejection(field: field, message: "\(full) is not UTF-8 text (a PDF or Word file? save it as text first)")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FormRejection(field: field, message: "\(full) is empty")
        }
        return text
    }

    static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
