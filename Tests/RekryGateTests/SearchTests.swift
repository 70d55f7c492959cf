import RekryDomain
import GRDB
@testable import RekryGate
import RekryStorage
@_spi(Testing) import RekrySQLite
import RekryTestSupport
import XCTest

final class SearchTests: XCTestCase {
    var t: TestRegister!
    var gate: Gate!

    override func setUpWithError() throws {
        t = try TestRegister()
        for name in ["Åsa Öberg", "Bjørn Ødegård", "Björn Lindqvist", "王小明", "Renée Dubois", "Anna Asplund"] {
            try t.addCandidate(name, basis: .contract, consent: .none, email: SearchFolding.words(name).joined(separator: ".") + "@example.se",
                               phone: "+46 70 123 45 67")
        }
        gate = try t.gate("recruiter")
    }

    func names(_ text: String) throws -> [String] {
        try gate.page(CandidateQuery(text: text), from: .start, limit: 50).compactMap(\.name.value)
    }

    func testNordicFoldedSearch() throws {
        XCTAssertEqual(try names("asa"), ["Åsa Öberg"])
        XCTAssertEqual(try names("oberg"), ["Åsa Öberg"])
        XCTAssertEqual(Set(try names("bjorn")), ["Bjørn Ødegård", "Björn Lindqvist"])
        XCTAssertEqual(try names("odegard"), ["Bjørn Ødegård"])
        XCTAssertEqual(try names("ØDEGÅRD"), ["Bjørn Ødegård"])
    }

    func testCJKAndCombiningSearch() throws {
        XCTAssertEqual(try names("xiao"), ["王小明"])
        XCTAssertEqual(try names("小明"), ["王小明"])
        XCTAssertEqual(try names("wangxiaoming"), ["王小明"])
        XCTAssertEqual(try names("renee"), ["Renée Dubois"])
        XCTAssertEqual(try names("Rene\u{301}e"), ["Renée Dubois"])
    }

    func testEveryWordMustMatchAndOtherFieldsCount() throws {
        XCTAssertEqual(try names("a ob"), ["Åsa Öberg"])
        XCTAssertEqual(try names("bjorn lind"), ["Björn Lindqvist"])
        XCTAssertEqual(try names("nobody"), [])
        XCTAssertEqual(try names("0701234567").count, 6, "national phone form")
        XCTAssertEqual(try names("acme developer").count, 6, "title and employer")
        XCTAssertEqual(try gate.count(CandidateQuery(text: "bjorn")), CappedCount(value: 2, capped: false))
    }

    func testFullTextSearchOfCVs() throws {
        let rows = try gate.fullTextSearch("passion privacy")
        XCTAssertEqual(rows.count, 6)
        XCTAssertTrue(try gate.fullTextSearch("nonexistentword").isEmpty)
        XCTAssertEqual(try gate.fullTextSearch("ødegård").compactMap(\.name.value), ["Bjørn Ødegård"])
    }

    /// The index lives in a file of its own, opened by sqlite-nio's SQLite: the register's connections never
    /// attach it, so opening the register parses none of it.
    func testFullTextIndexLivesOutsideTheRegisterSchema() throws {
        let mainIndex: Int? = try t.scalar("SELECT count(*) FROM main.sqlite_master WHERE name LIKE 'textIndex%'")
        XCTAssertEqual(mainIndex, 0)
        let reopened = try SQLiteRegister.open(at: t.path)
        let schemaObjects = try reopened.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        XCTAssertLessThan(schemaObjects ?? .max, 70, "the register's own schema stays small")
        let fresh = try Register(backend: reopened).signIn(t.identities["recruiter"]!, clock: t.clock)
        XCTAssertEqual(try fresh.fullTextSearch("ødegård").compactMap(\.name.value), ["Bjørn Ødegård"])
        let attached = try reopened.writer.read { db in try String.fetchAll(db, sql: "SELECT file FROM pragma_database_list") }
        XCTAssertFalse(attached.contains { $0.hasSuffix(".text") }, "\(attached)")
    }
}
