import Foundation
import GRDB
import RekryDomain
import RekryFullText
import RekryGate
@_spi(Testing) @testable import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

/// The full-text file: one FTS5 index with `secure-delete`, opened only by sqlite-nio's SQLite; words leave it
/// the moment a text is erased, without a merge; additions wait for the register's commit; a register from
/// the sharded design is rebuilt into it.
final class FullTextIndexTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }

    var textPath: String { t.path + ".text" }

    func testTheIndexIsOneTableWithSecureDeleteOnASQLiteThatHasIt() throws {
        let parts = FullTextFile.libraryVersion.split(separator: ".").compactMap { Int($0) }
        XCTAssertTrue(parts.count >= 2 && (parts[0], parts[1]) >= (3, 42), "FTS5 secure-delete needs SQLite 3.42: \(FullTextFile.libraryVersion)")
        _ = try t.addCandidate("Index Person", cv: "A CV.")
        let file = try FullTextFile(path: textPath)
        XCTAssertEqual(try file.tables().sorted(), ["textIndex", "textIndex_config", "textIndex_data", "textIndex_docsize", "textIndex_idx"])
        XCTAssertEqual(try file.matches("\"cv\"", limit: 5).count, 1)
        // The setting lives in the index's config table: every connection that opens the file deletes securely.
        XCTAssertTrue(try file.deletesSecurely())
    }

    /// Erased words leave the file's bytes at once: no merge, no VACUUM, only the erasure and its checkpoint,
    /// even when the text sat in a big segment among many others.
    func testAnErasedTextsWordsLeaveTheFileWithoutAMerge() throws {
        let gate = try t.gate("lead")
        var ids: [Int64] = []
        for i in 0..<300 {
            ids.append(try t.addCandidate("Filler Person\(i)", cv: "Filler CV number \(i) about Swift, SQL, Kubernetes and leadership."))
        }
        let marked = try t.addCandidate("Marked Person", cv: "CV holding zqsecuredeletemarker among ordinary words about Swift.")
        ids.append(try t.addCandidate("After Person", cv: "Written after the marker: Swift and more."))
        // Merge everything into one big segment, so the marker's entry sits among the others' words.
        try FullTextFile(path: textPath).execute("INSERT INTO textIndex(textIndex) VALUES ('optimize')")
        try gate.checkpointJournals()
        XCTAssertFalse(t.filesContain("zqsecuredeletemarker").isEmpty, "the marker is indexed before the erasure")
        _ = try gate.erase(candidateIds: [marked])
        XCTAssertEqual(t.filesContain("zqsecuredeletemarker"), [], "no byte of the marker in any file")
        XCTAssertTrue(try gate.fullTextSearch("zqsecuredeletemarker").isEmpty)
        XCTAssertEqual(try gate.fullTextSearch("filler").count, 100, "the others are still found (limit 100)")
        XCTAssertEqual(try FullTextFile(path: textPath).integrityProblems(), [])
    }

    /// A page's split key in `%_idx` is a prefix of its first term. FTS5's secure-delete leaves the key when
    /// the first term goes and others stay on the page (a red team found a CV's word so); the erasure
    /// replaces it, so no prefix of the person's words stays, and the index stays sound and searchable.
    func testAnErasedWordThatStartedAPageLeavesNoSplitKeyBehind() throws {
        let gate = try t.gate("lead")
        func word(_ person: Int, _ j: Int) -> String { "pfx\(String(format: "%04d", person))w\(String(format: "%02d", j))" }
        for person in 0..<150 {
            _ = try t.addCandidate("Split Person\(person)", cv: (0..<50).map { word(person, $0) }.joined(separator: " "))
        }
        // One big segment of many pages, with keys inside people's runs of words.
        let file = try FullTextFile(path: textPath)
        try file.execute("INSERT INTO textIndex(textIndex) VALUES ('optimize')")
        let keys = try file.splitKeys()
        // A key naming one person (`0pfx0042…`), on a page that keeps other people's words.
        guard let key = keys.first(where: { $0.count >= 8 && $0.hasPrefix("0pfx") && !$0.hasPrefix("0pfx0149") }) else {
            return XCTFail("no page starts inside a person's words: \(keys)")
        }
        let person = Int(key.dropFirst(4).prefix(4))!
        let id = try XCTUnwrap(try gate.fullTextSearch(word(person, 0)).first?.id)
        _ = try gate.erase(candidateIds: [id])
        try gate.checkpointJournals()
        let name = "pfx" + String(format: "%04d", person)
        XCTAssertEqual(t.filesContain(name), [], "no prefix of the erased words in any file (the split key was \(key))")
        XCTAssertFalse(try FullTextFile(path: textPath).splitKeys().contains { $0.hasPrefix("0" + name) })
        XCTAssertEqual(try FullTextFile(path: textPath).integrityProblems(), [])
        // Every other person's words are still found, the next person's first word included.
        for other in [person - 1, person + 1] where other >= 0 {
            XCTAssertEqual(try gate.fullTextSearch(word(other, 0)).count, 1, "person \(other)")
            XCTAssertEqual(try gate.fullTextSearch(word(other, 49)).count, 1, "person \(other)")
        }
    }

    /// The register commits first, then the index: a transaction that fails indexes nothing, so no row id is
    /// ever indexed before the register has given it out.
    func testATextIsIndexedOnlyOnceItsTransactionCommits() throws {
        struct Abort: Error {}
        XCTAssertThrowsError(try t.sqlite.write(indexingText: true) { s in
            try s.indexText(TextIndexEntry(candidateId: 1, rowid: 999_999, folded: "zqrolledback"))
            throw Abort()
        })
        XCTAssertTrue(try FullTextFile(path: textPath).matches("\"zqrolledback\"", limit: 5).isEmpty)
        XCTAssertTrue(try FullTextFile(path: textPath).held([999_999]).isEmpty)
    }

    /// Words are taken out before the register's transaction commits: if it then fails, the row keeps its old
    /// text unindexed (a search misses it), never words in the index for a text that is gone.
    func testRemovalsGoFirstAndAFailedTransactionLeavesTheTextUnindexedNotLeft() throws {
        struct Abort: Error {}
        let id = try t.addCandidate("Replaced Person", cv: "Old text with zqoldword in it.")
        let documentId: Int64 = try XCTUnwrap(try t.scalar("SELECT id FROM document WHERE candidateId = ?", [id]))
        XCTAssertThrowsError(try t.sqlite.write(indexingText: true) { s in
            try s.replaceText(candidateId: id, rowid: documentId, body: "New text with zqnewword.",
                              entry: TextIndexEntry(candidateId: id, rowid: documentId, folded: "new text with zqnewword"))
            throw Abort()
        })
        let file = try FullTextFile(path: textPath)
        XCTAssertTrue(try file.matches("\"zqoldword\"", limit: 5).isEmpty)
        XCTAssertTrue(try file.matches("\"zqnewword\"", limit: 5).isEmpty)
        XCTAssertEqual(try t.scalar("SELECT body FROM document WHERE id = ?", [documentId]) as String?, "Old text with zqoldword in it.")
        // Done again, it goes through: the text the index no longer holds is skipped, the new one added.
        try t.sqlite.write(indexingText: true) { s in
            try s.replaceText(candidateId: id, rowid: documentId, body: "New text with zqnewword.",
                              entry: TextIndexEntry(candidateId: id, rowid: documentId, folded: "new text with zqnewword"))
        }
        XCTAssertEqual(try file.matches("\"zqnewword\"", limit: 5).map(\.rowid), [documentId])
        XCTAssertEqual(file.integrityProblems(), [])
    }

    /// A transaction that adds more text than memory should hold (an import of a whole file) keeps row ids
    /// past the limit and indexes their stored texts after the commit: everything is found, each text once.
    func testAdditionsPastTheMemoryLimitAreReadBackFromTheRegister() throws {
        let ids = try (0..<40).map { try t.addCandidate("Bulk Person\($0)", cv: "Bulk CV \($0) with zqbulkword\($0) and zqshared.") }
        let file = try FullTextFile(path: textPath)
        let stored = try t.sqlite.writer.read { db in try TextIndex.storedTexts(db, candidateIds: ids) }
        try TextIndexWork(file: file).remove(stored)
        XCTAssertEqual(try file.count(), 0)
        let work = TextIndexWork(file: file, heldBytesLimit: 200)
        for entry in stored { work.add(entry) }
        work.add(stored[3])  // the same text twice in one transaction: indexed once
        try work.commitAdditions { rowids in try t.sqlite.writer.read { db in try TextIndex.storedTexts(db, rowids: rowids) } }
        XCTAssertEqual(try file.count(), 40)
        XCTAssertEqual(try t.sqlite.searchText(words: ["zqshared"], limit: 100).count, 40)
        XCTAssertEqual(try t.sqlite.searchText(words: ["zqbulkword39"], limit: 5), [ids[39]])
        XCTAssertEqual(file.integrityProblems(), [])
    }

    /// A register whose text file still has the shards (made before v10) is rebuilt into the one index at its
    /// next open, from the texts the shards held; a rebuild interrupted part-way is simply run again.
    func testARegisterMarkedForRebuildGetsTheSameIndexBack() throws {
        let a = try t.addCandidate("Rebuild Alpha", cv: "Alpha knows zqalphaword and Swift.")
        let b = try t.addCandidate("Rebuild Beta", cv: "Beta knows zqbetaword and SQL.")
        try t.gate("lead").checkpointJournals()
        // A shard as the old release made it, holding only Alpha's CV (Beta's indexing was lost to a crash).
        let alphaDoc: Int64 = try XCTUnwrap(try t.scalar("SELECT id FROM document WHERE candidateId = ?", [a]))
        let file = try FullTextFile(path: textPath)
        try file.transaction {
            try file.dropEverything()
            try file.execute("CREATE VIRTUAL TABLE textIndex_0 USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')")
            try file.execute("INSERT INTO textIndex_0(rowid, body) VALUES (\(alphaDoc), 'alpha knows zqalphaword and swift')")
        }
        try t.execute("INSERT INTO registerInfo(key, value) VALUES ('textIndexRebuild', 'pending')")
        let reopened = try SQLiteRegister.open(at: t.path)
        XCTAssertFalse(try reopened.writer.read(TextIndexRebuild.isPending))
        XCTAssertEqual(try file.tables().filter { $0.hasPrefix("textIndex_0") }, [])
        XCTAssertEqual(try reopened.searchText(words: ["zqalphaword"], limit: 5), [a])
        XCTAssertEqual(try reopened.searchText(words: ["zqbetaword"], limit: 5), [], "only what the old index held")
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(file.integrityProblems(), [])
    }

    /// Nothing of the system SQLite ever opens the full-text file: it is never attached, and the register's
    /// connections list only their own file.
    func testTheRegistersConnectionsNeverOpenTheFullTextFile() throws {
        _ = try t.addCandidate("Search Person", cv: "zqsearchword")
        XCTAssertEqual(try t.sqlite.searchText(words: ["zqsearchword"], limit: 5).count, 1)
        let files = try t.sqlite.writer.read { db in try String.fetchAll(db, sql: "SELECT file FROM pragma_database_list") }
        XCTAssertEqual(files.filter { $0.hasSuffix(".text") }, [])
    }
}
