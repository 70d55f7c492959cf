import CSQLiteScrub
import Foundation
import GRDB
import RekryFullText

/// The one-time rewrite of a register written before the scrubbing VFS (CSQLiteScrub).
///
/// SQLite leaves copies of cells it moved in a page's free space when it rebuilds the page, and
/// `secure_delete` does not zero them: in a file written without the scrubbing VFS, an erased person could
/// still be read there. A VACUUM rewrites every page through the VFS, so each file is vacuumed once; the
/// `scrubPending` row goes only after its VACUUM has committed, so a crash part-way means another try.
enum FreeSpaceScrub {
    /// The files of this register still to be rewritten: `register`, `text`, or none.
    static func pendingFiles(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT file FROM scrubPending ORDER BY file")
    }

    /// Records that every file is clean (a register created through the VFS).
    static func markDone(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM scrubPending")
    }

    /// VACUUMs each pending file, then checkpoints with TRUNCATE so the rewritten pages reach the files.
    static func rewrite(_ files: [String], of writer: any DatabaseWriter, registerPath: String) throws {
        for file in files {
            if file == "text" {
                // The full-text file is opened only by its own SQLite, and rewritten through that one's VFS.
                let text = try FullTextFile(path: TextIndex.path(forRegister: registerPath))
                try text.vacuum()
                try text.checkpointTruncate()
            } else {
                try writer.writeWithoutTransaction { db in
                    try db.execute(sql: "VACUUM main")
                    try db.execute(sql: "PRAGMA main.wal_checkpoint(TRUNCATE)")
                }
            }
            try writer.write { db in try db.execute(sql: "DELETE FROM scrubPending WHERE file = ?", arguments: [file]) }
        }
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA main.wal_checkpoint(TRUNCATE)") }
    }

    /// Counts the b-tree pages of a database file whose free space is not zeroed, reading the file itself.
    ///
    /// Every page Rekry writes passes through the scrubbing VFS, so in a checkpointed register this is 0;
    /// pages written by another SQLite program (the `sqlite3` shell checkpointing as it closes, say) are
    /// not scrubbed, and `rekry check` finds them here.
    static func pagesHoldingStaleBytes(inFile path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100 else { return 0 }
        var pageSize = Int(header[16]) << 8 | Int(header[17])
        if pageSize == 1 { pageSize = 65536 }
        let usable = pageSize - Int(header[20])
        guard pageSize >= 512, (try? handle.seek(toOffset: 0)) != nil else { return 0 }
        var stale = 0, pageNumber = 0
        while let chunk = try? handle.read(upToCount: pageSize * 256), !chunk.isEmpty {
            var bytes = [UInt8](chunk)
            bytes.withUnsafeMutableBufferPointer { buffer in
                var offset = 0
                while offset + pageSize <= buffer.count {
                    let page = buffer.baseAddress! + offset
                    if rekry_scrub_btree_page(page, pageNumber == 0 ? 100 : 0, Int32(usable)) > 0 { stale += 1 }
                    offset += pageSize
                    pageNumber += 1
                }
            }
        }
        return stale
    }
}
