import Foundation
import GRDB
import RekryCrypto
import RekryDomain
import RekryBackends
@testable import RekryDemo
import RekryGate
@_spi(Testing) import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

final class DemoTests: XCTestCase {
    let day = Date(timeIntervalSince1970: 1_795_305_600)  // 2026-11-22

    func makeDemo(seed: UInt64, candidates: Int = 400) throws -> (String, SQLiteRegister) {
        let dir = NSTemporaryDirectory() + "rekry-demo-" + UUID().uuidString
        let path = dir + "/demo.sqlite"
        _ = try DemoRegister.create(at: path, options: .init(candidates: candidates, seed: seed, now: day, keysDirectory: dir + "/keys"))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return (dir, try SQLiteRegister.open(at: path))
    }

    /// Everything about the people, in id order: the part of a register a seed decides.
    func content(_ r: SQLiteRegister) throws -> [String] {
        try r.writer.read { db in
            var out: [String] = []
            for table in ["candidate", "consent", "document", "process", "participation", "reference", "referenceStatement",
                          "assessment", "searchToken", "candidateLink"] {
                out += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map(\.description)
            }
            return out
        }
    }

    func testSameSeedSameRegisterOtherSeedOther() throws {
        let (_, a) = try makeDemo(seed: 42)
        let (_, b) = try makeDemo(seed: 42)
        let (_, c) = try makeDemo(seed: 43)
        let ca = try content(a)
        XCTAssertEqual(ca, try content(b))
        XCTAssertNotEqual(ca, try content(c))
    }

    func testDemoIsConsistentAndCoversEveryState() throws {
        let (dir, r) = try makeDemo(seed: 1, candidates: 3000)
        try r.writer.read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, 0)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertEqual(try Set(String.fetchAll(db, sql: "SELECT DISTINCT source FROM candidate")), Set(DataSource.allCases.map(\.rawValue)))
            XCTAssertEqual(try Set(String.fetchAll(db, sql: "SELECT DISTINCT stage FROM participation")), Set(Stage.allCases.map(\.rawValue)))
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM process WHERE closedAt < ?", arguments: [day.timeIntervalSince1970 - 3 * 365 * 86_400])!, 0)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM psychReport")!, 0)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM referenceStatement")!, 0)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate WHERE fullName GLOB '*[王李张刘陈杨黄赵周吴徐孙马朱胡郭林何高罗]*'")!, 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM registerInfo WHERE key = 'candidateCount'"), 3000)
        }
        // Every badge state occurs, as the gate sees it on the demo's day.
        let identity = try Identity.load(from: dir + "/keys/recruiter.identity")
        let gate = try Register(backend: r).signIn(identity, clock: ManualTime(day))
        for state in BadgeState.allCases {
            XCTAssertFalse(try gate.page(CandidateQuery(badge: state), from: .start, limit: 1).isEmpty, "no candidate with \(state)")
        }
        // The staff: one identity file per member, mode 0600, matching the register's public keys.
        for user in ["recruiter", "recruiter2", "lead", "dpo", "admin"] {
            var st = stat()
            XCTAssertEqual(stat(dir + "/keys/\(user).identity", &st), 0)
            XCTAssertEqual(st.st_mode & 0o777, 0o600)
            XCTAssertEqual(try Register(backend: r).signIn(try Identity.load(from: dir + "/keys/\(user).identity")).actor.role.rawValue,
                           user == "recruiter2" ? "recruiter" : user)
        }
    }

    func testDemoRefusesToOverwriteAndLeavesNothingOnFailure() throws {
        let (dir, _) = try makeDemo(seed: 1, candidates: 10)
        XCTAssertThrowsError(try DemoRegister.create(at: dir + "/demo.sqlite", options: .init(candidates: 10, seed: 1, now: day, keysDirectory: dir + "/k2")))
        // Keys that exist already: refused before any register is written.
        XCTAssertThrowsError(try DemoRegister.create(at: dir + "/second.sqlite", options: .init(candidates: 10, seed: 1, now: day, keysDirectory: dir + "/keys")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/second.sqlite"))
    }
}
