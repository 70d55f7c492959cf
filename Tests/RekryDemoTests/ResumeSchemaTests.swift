import Foundation
import GRDB
import RekryCrypto
import RekryDemo
import RekryDomain
import RekryGate
@_spi(Testing) import RekrySQLite
import RekryStorage
import RekryTestSupport
import XCTest

/// Every JSON Resume the demo register can export validates against the JSON Resume 1.3.1 schema, checked
/// by a real JSON Schema validator (Python's `jsonschema`, formats included), and names come back whole.
final class ResumeSchemaTests: XCTestCase {
    let day = Date(timeIntervalSince1970: 1_795_305_600)  // 2026-11-22

    func testEveryDemoResumeValidatesAndNamesSurviveTheRoundTrip() throws {
        let dir = NSTemporaryDirectory() + "rekry-resume-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/demo.sqlite"
        // The demo `rekry demo` makes: 5,000 candidates.
        _ = try DemoRegister.create(at: path, options: .init(candidates: 5_000, seed: 1, now: day, keysDirectory: dir + "/keys"))
        let register = Register(backend: try SQLiteRegister.open(at: path))
        let dpo = try register.signIn(try Identity.load(from: dir + "/keys/dpo.identity"), clock: ManualTime(day))
        let stored: [(Int64, String, DataSource)] = try (register.backend as! SQLiteRegister).writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, fullName, source FROM candidate ORDER BY id").map {
                ($0["id"], $0["fullName"], DataSource(rawValue: $0["source"])!)
            }
        }
        var resumes: [JSONResume] = [], names: [String] = [], refused = 0
        for (id, name, source) in stored {
            do {
                resumes.append(try dpo.resumeExport(candidateId: id))
                names.append(name)
                XCTAssertTrue(source.providedByPerson, "candidate \(id): exported, but their data came from \(source)")
            } catch RegisterError.refusedBecause {
                refused += 1
                XCTAssertFalse(source.providedByPerson, "candidate \(id) gave their own data, yet the export was refused")
            }
        }
        XCTAssertGreaterThan(resumes.count, 1_000)
        XCTAssertGreaterThan(refused, 100, "sourced candidates are not exported for portability")
        // The fields Rekry fills are filled (passing the schema alone proves little: it requires nothing).
        XCTAssertGreaterThan(resumes.filter { !($0.work ?? []).isEmpty }.count, resumes.count * 9 / 10)
        XCTAssertGreaterThan(resumes.filter { !($0.education ?? []).isEmpty }.count, resumes.count / 2)
        XCTAssertGreaterThan(resumes.filter { !($0.skills ?? []).isEmpty }.count, resumes.count * 9 / 10)
        XCTAssertGreaterThan(resumes.filter { !($0.languages ?? []).isEmpty }.count, resumes.count * 9 / 10)
        XCTAssertTrue(resumes.allSatisfy { $0.meta.cvText != nil && $0.basics.name != nil })

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let exported = dir + "/resumes.json", echoed = dir + "/names.json"
        try encoder.encode(resumes).write(to: URL(fileURLWithPath: exported))
        let schema = try XCTUnwrap(Self.schemaPath())
        let script = """
            json, sys = __import__("json"), __import__("sys")
            sys.stderr = sys.stdout
            jsonschema = __import__("jsonschema")
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
            resumes = json.load(open(sys.argv[2], encoding="utf-8"))
            bad = [(i, e.message) for i, r in enumerate(resumes) for e in validator.iter_errors(r)]
            json.dump([r["basics"]["name"] for r in resumes], open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
            print(len(resumes), "checked;", len(bad), "invalid;", ascii(bad[:5]))
            sys.exit(1 if bad else 0)
            """
        // The python3 on PATH: `.ci/run` makes sure it has `jsonschema`.
        let run = try Spawn.run("/usr/bin/env", ["python3", "-c", script, schema, exported, echoed])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("\(resumes.count) checked; 0 invalid"), run.output)
        // Back from a foreign parser, each name is the same sequence of code points as the register holds,
        // decomposed Nordic letters and CJK included.
        let back = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: echoed)))
        XCTAssertEqual(back.count, names.count)
        for (a, b) in zip(back, names) { XCTAssertEqual(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        XCTAssertTrue(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "a CJK name was exported")
        XCTAssertTrue(names.contains { $0.contains(where: { "åäöæøÅÄÖÆØ".contains($0) }) }, "a Nordic name was exported")
    }

    /// The shared JSON Resume schema: `../shared/data/jsonresume/schema.json` beside the repository.
    static func schemaPath() -> String? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let candidates = [url.appendingPathComponent("data/jsonresume/schema.json").path,
                          url.deletingLastPathComponent().appendingPathComponent("shared/data/jsonresume/schema.json").path]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
