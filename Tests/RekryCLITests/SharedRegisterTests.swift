import Foundation
import RekryTestSupport
import XCTest

/// `rekry init --group TEAM`: a register a team shares on one host is the group's, and nobody else's.
final class SharedRegisterTests: XCTestCase {
    func testInitWithAGroupMakesTheFolderAndFilesTheGroups() throws {
        let dir = NSTemporaryDirectory() + "rekry-shared-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let entry = getgrgid(getgid()) else { throw XCTSkip("no group entry for this process") }
        let group = String(cString: entry.pointee.gr_name)
        let db = dir + "/team/r.sqlite"
        let r = try RekryBinary.run(["init", "--db", db, "--admin", "boss", "--name", "Boss", "--out", dir + "/boss.identity", "--group", group])
        XCTAssertEqual(r.status, 0, r.stderr)
        var st = stat()
        XCTAssertEqual(stat(dir + "/team", &st), 0)
        XCTAssertEqual(st.st_mode & 0o7777, 0o2770, "setgid folder, the group's")
        XCTAssertEqual(st.st_gid, getgid())
        for file in [db, db + ".text", db + ".audit-head"] {
            XCTAssertEqual(stat(file, &st), 0, file)
            XCTAssertEqual(st.st_mode & 0o777, 0o660, file)
            XCTAssertEqual(st.st_gid, getgid(), file)
        }
        // The team's register opens for its members; the identity file stays the person's own.
        XCTAssertEqual(stat(dir + "/boss.identity", &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        XCTAssertEqual(try RekryBinary.run(["staff", "list", "--db", db, "--identity", dir + "/boss.identity"]).status, 0)

        let unknown = try RekryBinary.run(["init", "--db", dir + "/other/r.sqlite", "--admin", "a", "--name", "A", "--out", dir + "/a.identity",
                                           "--group", "no-such-team-here"])
        XCTAssertEqual(unknown.status, 65, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("--group"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/other/r.sqlite"), "nothing half-made")
    }
}
