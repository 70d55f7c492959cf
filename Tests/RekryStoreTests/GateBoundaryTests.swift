import Foundation
import XCTest

/// The raw store is reachable only through the gate: no module under Sources may import the store's
/// testing SPI or use `@testable`; only the test helpers do.
final class GateBoundaryTests: XCTestCase {
    func testNoSourceModuleReachesAroundTheGate() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 50)
        for file in files where !file.hasPrefix("RekryStore/") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.contains("@_spi(Testing)"), file)
            XCTAssertFalse(text.contains("@testable"), file)
            XCTAssertFalse(text.contains("import GRDB") && !file.hasPrefix("RekryBench/"), "\(file) imports GRDB: only the store (and the benchmark's raw baseline) may")
        }
    }
}
