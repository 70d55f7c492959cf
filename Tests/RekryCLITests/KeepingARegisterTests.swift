import Foundation
import RekryTestSupport
import XCTest

/// Keeping a register from the command line alone, with the real binary: from `init` to closing a process,
/// with the psychologist report reaching only its grantee and leaving no byte behind when it is destroyed,
/// and every failure exiting with its sysexits code.
final class KeepingARegisterTests: XCTestCase {
    var dir: String!
    var db: String { dir + "/r.sqlite" }
    func key(_ user: String) -> String { dir + "/\(user).identity" }

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "rekry-keeping-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    @discardableResult
    func rekry(_ args: [String], as user: String, expect status: Int32 = 0, file: StaticString = #filePath,
               line: UInt = #line) throws -> RekryBinary.Result {
        let r = try RekryBinary.run(args + ["--db", db, "--identity", key(user)])
        XCTAssertEqual(r.status, status, "rekry \(args.joined(separator: " ")) as \(user): \(r.stderr)", file: file, line: line)
        return r
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs SQL on the register with the sqlite3 shell (as anyone holding a copy of the file could).
    func sql(_ query: String) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, query]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Every file of the register, by name, as bytes.
    func registerFiles() -> [String: Data] {
        var out: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm", ".text", ".text-wal", ".text-shm", ".audit-head"] {
            if let d = FileManager.default.contents(atPath: db + suffix) { out[db + suffix] = d }
        }
        return out
    }

    func hexData(_ hex: String) -> Data {
        var data = Data()
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            data.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        return data
    }

    func testTheWholeScenario() throws {
        let marker = "KEEPING-MARKER-\(UUID().uuidString.prefix(8))-psych-summary"
        // init, and the staff.
        let created = try RekryBinary.run(["init", "--db", db, "--admin", "boss", "--name", "Britt Boss", "--out", key("boss")])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("staff add"), "says what to do next: \(created.stdout)")
        try rekry(["staff", "add", "lena", "--role", "lead", "--name", "Lena Lead", "--out", key("lena")], as: "boss")
        try rekry(["staff", "add", "rasmus", "--role", "recruiter", "--name", "Rasmus Recruiter", "--out", key("rasmus")], as: "boss")
        let staff = try rekry(["staff", "list"], as: "boss").stdout
        XCTAssertTrue(staff.contains("lena\tlead") && staff.contains("rasmus\trecruiter"), staff)

        // A candidate who applied, with a CV and explicit consent to a psychological assessment.
        let add = try rekry(["add", "--name", "Oskarina Vrethammar", "--email", "oskarina.v@example.se", "--phone", "+46 70 555 12 34",
                             "--source", "applied", "--basis", "contract"], as: "rasmus")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(Int(id), add.stdout)
        try rekry(["doc", "add", id, try write("cv.txt", "Controller with ten years in group reporting."), "--kind", "cv"], as: "rasmus")
        try rekry(["consent", "record", id, "--purpose", "psych-assessment", "--channel", "signed form",
                   "--text", "I consent to a psychological assessment for this role."], as: "rasmus")

        // A process, the candidate in it at the final stage.
        let opened = try rekry(["process", "open", "--title", "Group controller", "--client", "Client AB"], as: "lena")
        let pid = opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(Int(pid), opened.stdout)
        try rekry(["process", "add", pid, id], as: "rasmus")
        try rekry(["process", "move", pid, id, "--stage", "final"], as: "rasmus")
        XCTAssertTrue(try rekry(["process", "list", "--open"], as: "rasmus").stdout.contains("Group controller"))

        // The lead attaches the report and grants the recruiter; only then does the recruiter read it.
        let reportFile = try write("report.txt", "Summary: \(marker). Analytical and steady.")
        try rekry(["report", "attach", id, reportFile, "--author", "Leg. psykolog Ylva Qvarnström"], as: "lena")
        XCTAssertFalse(try rekry(["show", id], as: "rasmus").stdout.contains(marker), "not before the grant")
        try rekry(["grant", id, "--to", "rasmus", "--reason", "runs the final interview"], as: "lena")
        let shown = try rekry(["show", id], as: "rasmus").stdout
        XCTAssertTrue(shown.contains(marker), shown)
        XCTAssertTrue(shown.contains("Oskarina Vrethammar"), shown)
        // The text is sealed on disk the whole time.
        for (path, bytes) in registerFiles() { XCTAssertNil(bytes.range(of: Data(marker.utf8)), "plaintext in \(path)") }

        // Rectification: the old name finds nobody any more, the new one does.
        try rekry(["edit", id, "--name", "Oskarina Lindholm"], as: "rasmus")
        XCTAssertEqual(try rekry(["list", "--search", "vrethammar"], as: "rasmus").stdout, "")
        XCTAssertTrue(try rekry(["list", "--search", "lindholm"], as: "rasmus").stdout.contains("\(id)\tOskarina Lindholm"))
        XCTAssertTrue(try rekry(["list", "--search", "oskarina"], as: "rasmus").stdout.contains("Oskarina Lindholm"))
        for (path, bytes) in registerFiles() {
            XCTAssertNil(bytes.range(of: Data("Vrethammar".utf8)), "the old name is still in \(path)")
            XCTAssertNil(bytes.range(of: Data("vrethammar".utf8)), "the old name (folded) is still in \(path)")
        }

        // What the report is on disk before the close: its ciphertext and the keys wrapped for lead and recruiter.
        let blobs = (try sql("SELECT hex(ciphertext) FROM psychReport") + sql("SELECT hex(sealedKey) FROM reportKey")
            + sql("SELECT hex(ephemeralPublicKey) FROM reportKey")).map(hexData)
        XCTAssertEqual(blobs.count, 5, "one ciphertext, two wrapped keys")

        // Only a lead closes; nobody hired, so the report is destroyed.
        try rekry(["process", "close", pid], as: "rasmus", expect: 1)
        let closed = try rekry(["process", "close", pid], as: "lena")
        XCTAssertTrue(closed.stdout.contains("1 psychologist report(s) destroyed"), closed.stdout)
        let afterClose = try rekry(["show", id], as: "lena").stdout
        XCTAssertTrue(afterClose.contains("Psychologist report:\n  none"), afterClose)
        XCTAssertTrue(afterClose.contains("rejected"), afterClose)
        XCTAssertFalse(try rekry(["show", id], as: "rasmus").stdout.contains(marker))

        let files = registerFiles()
        XCTAssertTrue(files.keys.contains(db) && files.keys.contains(db + ".text") && files.keys.contains(db + ".audit-head"), "\(files.keys)")
        for (path, bytes) in files {
            XCTAssertNil(bytes.range(of: Data(marker.utf8)), "the marker is in \(path)")
            XCTAssertNil(bytes.range(of: Data("Qvarnström".utf8)), "the report's author is in \(path)")
            for blob in blobs { XCTAssertNil(bytes.range(of: blob), "a destroyed report's ciphertext or key is in \(path)") }
        }
        XCTAssertEqual(try sql("SELECT count(*) FROM psychReport UNION ALL SELECT count(*) FROM reportKey UNION ALL SELECT count(*) FROM reportGrant"),
                       ["0", "0", "0"])

        // The audit log tells what happened and names nobody.
        let audit = try rekry(["audit", "show"], as: "lena").stdout
        for action in ["candidate.add", "candidate.edit", "report.attach", "report.grant", "report.read", "report.destroy", "process.close"] {
            XCTAssertTrue(audit.contains(action), "\(action) in \(audit)")
        }
        for name in ["Oskarina", "Lindholm", "Vrethammar", "Qvarnström", "runs the final interview", "example.se"] {
            XCTAssertFalse(audit.contains(name), "\(name) in the audit log")
        }
        // As stored, the log names staff by pseudonym only.
        let stored = try sql("SELECT actor || ' ' || ifnull(subject, '-') || ' ' || detail FROM auditEntry").joined(separator: "\n")
        for name in ["Oskarina", "Lindholm", "rasmus", "lena", "boss"] { XCTAssertFalse(stored.contains(name), "\(name) in \(stored)") }
        XCTAssertTrue(try rekry(["audit", "verify"], as: "boss").stdout.contains("intact"))
    }

    func testExitCodes() throws {
        XCTAssertEqual(try RekryBinary.run(["init", "--db", db, "--admin", "boss", "--name", "Britt Boss", "--out", key("boss")]).status, 0)
        try rekry(["staff", "add", "lena", "--role", "lead", "--name", "Lena Lead", "--out", key("lena")], as: "boss")
        try rekry(["staff", "add", "rasmus", "--role", "recruiter", "--name", "Rasmus Recruiter", "--out", key("rasmus")], as: "boss")
        let id = try rekry(["add", "--name", "Exit Code", "--source", "applied", "--basis", "contract"], as: "rasmus")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try rekry(["process", "open", "--title", "Role"], as: "lena").stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // 64: usage.
        try rekry(["list", "--limit", "0"], as: "rasmus", expect: 64)
        try rekry(["list", "--no-such-option"], as: "rasmus", expect: 64)
        try rekry(["add", "--name", "No Source"], as: "rasmus", expect: 64)
        // 66: no input.
        let missing = try rekry(["doc", "add", id, dir + "/missing.txt", "--kind", "cv"], as: "rasmus", expect: 66)
        XCTAssertTrue(missing.stderr.contains("missing.txt"), missing.stderr)
        // 65: bad data (not UTF-8; an invalid field).
        let binary = dir + "/binary.doc"
        FileManager.default.createFile(atPath: binary, contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xFF, 0xFE, 0x00, 0x41]))
        let notText = try rekry(["doc", "add", id, binary, "--kind", "cv"], as: "rasmus", expect: 65)
        XCTAssertTrue(notText.stderr.contains("UTF-8"), notText.stderr)
        let badEmail = try rekry(["add", "--name", "Bad Mail", "--email", "nope", "--source", "applied", "--basis", "contract"], as: "rasmus", expect: 65)
        XCTAssertTrue(badEmail.stderr.contains("--email"), badEmail.stderr)
        try rekry(["show", "987654"], as: "rasmus", expect: 65)
        // A report file is read as every other file is.
        try rekry(["report", "attach", id, dir + "/missing-report.txt", "--author", "Psychologist"], as: "lena", expect: 66)
        try rekry(["report", "attach", id, binary, "--author", "Psychologist"], as: "lena", expect: 65)
        // 73: cannot create over an existing register, which is left as it was.
        let again = try RekryBinary.run(["init", "--db", db, "--admin", "other", "--name", "Other Admin", "--out", dir + "/other.identity"])
        XCTAssertEqual(again.status, 73, again.stderr)
        XCTAssertTrue(try rekry(["list"], as: "rasmus").stdout.contains("Exit Code"), "init refused without harming the register")
        // 1: refused by policy.
        try rekry(["process", "close", pid], as: "rasmus", expect: 1)
        try rekry(["restrict", id, "--reason", "asked"], as: "rasmus", expect: 1)
        try rekry(["staff", "add", "x", "--role", "admin", "--name", "X", "--out", dir + "/x.identity"], as: "lena", expect: 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.identity"), "no identity handed out on a refusal")
        // 77: an identity this register does not know, or whose key does not match.
        let elsewhere = dir + "/elsewhere.sqlite"
        XCTAssertEqual(try RekryBinary.run(["init", "--db", elsewhere, "--admin", "boss", "--name", "Other Boss", "--out", dir + "/boss2.identity"]).status, 0)
        let wrongKey = try RekryBinary.run(["list", "--db", db, "--identity", dir + "/boss2.identity"])
        XCTAssertEqual(wrongKey.status, 77, wrongKey.stderr)
        XCTAssertTrue(wrongKey.stderr.contains("does not match"), wrongKey.stderr)
        let stranger = try RekryBinary.run(["list", "--db", elsewhere, "--identity", key("rasmus")])
        XCTAssertEqual(stranger.status, 77, stranger.stderr)
        // Removed staff are strangers from then on.
        try rekry(["staff", "remove", "rasmus"], as: "boss")
        try rekry(["list"], as: "rasmus", expect: 77)
        // --version, and a missing register's message, which names init.
        let version = try RekryBinary.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertNotNil(version.stdout.range(of: #"^\d+\.\d+\.\d+\s*$"#, options: .regularExpression), version.stdout)
        let none = try RekryBinary.run(["list", "--db", dir + "/none.sqlite", "--identity", key("lena")])
        XCTAssertEqual(none.status, 66, none.stderr)
        XCTAssertTrue(none.stderr.contains("rekry init"), none.stderr)
    }
}
