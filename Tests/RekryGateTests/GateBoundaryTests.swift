import Foundation
import XCTest

/// The module boundaries that keep the gate the one road to personal data, checked on the sources:
/// the gate and the storage protocols hold no SQL and import no database module; the UI and the command
/// line import no backend; nothing outside the SQLite backend reaches its testing SPI or uses `@testable`.
final class GateBoundaryTests: XCTestCase {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    func files(under folder: String) throws -> [(String, String)] {
        let root = sources.appendingPathComponent(folder)
        let names = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try names.map { ("\(folder)/\($0)", try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    func imports(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let i = words.firstIndex(of: "import"), i + 1 < words.count else { return nil }
            return words[..<i].allSatisfy { $0.hasPrefix("@") } ? String(words[i + 1]) : nil
        })
    }

    let backends: Set<String> = ["GRDB", "GRDBSQLite", "RekrySQLite", "PostgresNIO", "RekryPostgres", "SQLite3", "CSQLiteTuning"]

    func testTheGateAndTheStorageProtocolsHoldNoSQL() throws {
        for folder in ["RekryGate", "RekryStorage"] {
            let all = try files(under: folder)
            XCTAssertGreaterThan(all.count, 5, folder)
            for (file, text) in all {
                XCTAssertTrue(imports(text).isDisjoint(with: backends), "\(file) imports a database module")
                for keyword in ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE"] {
                    XCTAssertFalse(text.contains(keyword), "\(file) holds SQL (\(keyword))")
                }
            }
        }
    }

    func testTheUIAndTheCommandLineImportNoBackend() throws {
        for folder in ["RekryTUI", "RekryCLI", "RekryTerminal", "RekryDemo"] {
            for (file, text) in try files(under: folder) {
                XCTAssertTrue(imports(text).isDisjoint(with: backends), "\(file) imports a backend: \(imports(text).intersection(backends))")
            }
        }
    }

    func testNothingReachesAroundTheGate() throws {
        let all = try ["RekryDomain", "RekryCrypto", "RekryStorage", "RekryGate", "RekryTUI", "RekryCLI", "RekryTerminal", "RekryDemo",
                       "RekryBackends", "rekry"].flatMap(files(under:))
        XCTAssertGreaterThan(all.count, 80)
        for (file, text) in all {
            XCTAssertFalse(text.contains("@_spi(Testing)"), file)
            XCTAssertFalse(text.contains("@testable"), file)
        }
    }
}

/// Package.swift declares every module each target imports, so that no target builds only by accident of
/// what another target pulled in.
final class PackageDependencyTests: XCTestCase {
    func testEveryImportIsADeclaredDependency() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Each target's declaration, from `.target(name:` / `.executableTarget(` / `.testTarget(` to the next one.
        let starts = ["\n        .target(name: \"", "\n        .executableTarget(name: \"", "\n        .testTarget(name: \"", "\n        .systemLibrary(name: \""]
        var blocks: [(String, String)] = []
        var rest = Substring(manifest)
        while let next = starts.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let after = rest[next.upperBound...]
            let name = String(after.prefix { $0 != "\"" })
            let end = starts.compactMap { after.range(of: $0)?.lowerBound }.min() ?? after.endIndex
            blocks.append((name, String(after[..<end])))
            rest = after[end...]
        }
        XCTAssertGreaterThan(blocks.count, 15)
        let system: Set<String> = ["Foundation", "XCTest", "Glibc", "Dispatch"]
        for (name, block) in blocks where !block.contains("systemLibrary") {
            let folder = block.contains("path: \"Tests/") ? "Tests/\(name)" : (name.hasSuffix("Tests") ? "Tests/\(name)" : "Sources/\(name)")
            let dir = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap({ $0 as? String }).filter({ $0.hasSuffix(".swift") }) else { continue }
            var imported = Set<String>()
            for file in files {
                let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if let i = words.firstIndex(of: "import"), i + 1 < words.count, words[..<i].allSatisfy({ $0.hasPrefix("@") }) {
                        imported.insert(String(words[i + 1]))
                    }
                }
            }
            for module in imported.subtracting(system) {
                XCTAssertTrue(block.contains("\"\(module)\""), "\(name) imports \(module) but Package.swift does not declare it")
            }
        }
    }
}
