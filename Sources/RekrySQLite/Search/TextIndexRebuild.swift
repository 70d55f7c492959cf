import Foundation
import GRDB
import RekryDomain
import RekryFullText

/// The one-time rebuild of a register's full-text file from the sharded design (before v10) into one index.
///
/// The shards' words cannot be read back (they are contentless), so the index is filled again from the
/// texts the register stores: the same texts the shards held (their row ids), folded as the write model
/// folds them. It is one transaction on the full-text file (every old table dropped, the index created and
/// filled), then a VACUUM through the scrubbing VFS; the register's mark goes only after, so a crash part-way
/// means another try at the next open, from nothing again.
enum TextIndexRebuild {
    /// The `registerInfo` key that marks a rebuild still to do (set by migration "v10 one full-text index").
    static let key = "textIndexRebuild"

    static func isPending(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registerInfo WHERE key = ?)", arguments: [key]) ?? false
    }

    /// Clears the mark (a new register's index is made as one index from the start).
    static func markDone(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM registerInfo WHERE key = ?", arguments: [key])
    }

    static func run(_ register: SQLiteRegister) throws {
        let file = try FullTextFile(path: register.textIndex.path)
        try file.transaction {
            // The texts the old file indexed: every `…_docsize` table lists its row ids.
            var indexed = Set<Int64>()
            for table in try file.tables() where table.hasSuffix("_docsize") {
                indexed.formUnion(try file.rowids(inTable: table))
            }
            try file.dropEverything()
            try file.prepare()
            try register.writer.read { db in
                var batch: [FullTextEntry] = []
                // In ascending row id order, so the index takes each batch as one run (FTS5 starts a new segment
                // whenever a row id is not above the last): assessments newest first (minus their ids), then
                // documents. Two primary-key scans; one sorted UNION would sort every text in a temp file.
                for sql in ["SELECT -id AS rowid, text FROM assessment ORDER BY id DESC", "SELECT id AS rowid, body AS text FROM document ORDER BY id"] {
                    let cursor = try Row.fetchCursor(db, sql: sql)
                    while let row = try cursor.next() {
                        let rowid: Int64 = row["rowid"]
                        guard indexed.contains(rowid) else { continue }
                        batch.append(FullTextEntry(rowid: rowid, folded: SearchFolding.fold(row["text"])))
                        if batch.count == 2_000 {
                            try file.insert(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                }
                try file.insert(batch)
            }
            // One segment: the fastest to search.
            try file.execute("INSERT INTO \(FullTextFile.table)(\(FullTextFile.table)) VALUES ('optimize')")
        }
        try file.vacuum()
        try file.checkpointTruncate()
        try register.writer.write(markDone)
    }
}
