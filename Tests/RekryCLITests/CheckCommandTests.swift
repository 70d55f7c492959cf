import Foundation
import RekryTestSupport
import XCTest

/// `rekry check`: SQLite's integrity check on both files and the audit chain, with sysexits codes.
final class CheckCommandTests: XCTestCase {
    func testASoundRegisterPassesAndADamagedPageIsNamed() throws {
        let dir = NSTemporaryDirectory() + "rekry-check-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/r.sqlite"
        XCTAssertEqual(try RekryBinary.run(["demo", "--db", db, "--candidates", "400", "--seed", "5"]).status, 0)
        func check(_ user: String) throws -> RekryBinary.Result {
            try RekryBinary.run(["check", "--db", db, "--identity", dir + "/keys/\(user).identity"])
        }
        let sound = try check("dpo")
        XCTAssertEqual(sound.status, 0, sound.stdout + sound.stderr)
        XCTAssertEqual(sound.stdout.components(separatedBy: ": ok").count - 1, 3, sound.stdout)
        XCTAssertTrue(sound.stdout.contains("audit log: intact"), sound.stdout)
        XCTAssertEqual(try check("recruiter").status, 1, "recruiters do not run checks")

        // Random bytes over a page in the middle of the register (as a failing disk would leave them).
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as! NSNumber).intValue
        let page = min(512, size / 4096 / 2)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: db))
        try handle.seek(toOffset: UInt64(page * 4096 + 100))
        var rng = SystemRandomNumberGenerator()
        handle.write(Data((0..<3000).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        try handle.close()
        let damaged = try check("dpo")
        XCTAssertEqual(damaged.status, 65, damaged.stdout + damaged.stderr)
        XCTAssertTrue(damaged.stdout.contains("DAMAGED"), damaged.stdout)
    }
}
