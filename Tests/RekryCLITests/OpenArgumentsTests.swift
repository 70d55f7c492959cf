import ArgumentParser
@testable import RekryCLI
import XCTest

/// The start-up path reads the UI's arguments by hand; it must read them exactly as ArgumentParser does,
/// and hand everything else to ArgumentParser.
final class OpenArgumentsTests: XCTestCase {
    func testReadsTheUIsOptionsAsArgumentParserDoes() throws {
        let cases: [[String]] = [
            [],
            ["--read-only"],
            ["--db", "/tmp/r.sqlite"],
            ["--db=/tmp/r.sqlite", "--identity", "/tmp/me.identity"],
            ["--identity", "/tmp/me.identity", "--read-only", "--db", "/tmp/a b/r.sqlite"],
            ["--read-only", "--identity=/tmp/x=y.identity"],
            ["--lang", "sv"], ["--lang=nb", "--read-only"], ["--db", "/tmp/r.sqlite", "--lang", "en"],
        ]
        for arguments in cases {
            let quick = try XCTUnwrap(OpenArguments(arguments), "\(arguments)")
            let full = try XCTUnwrap(RekryCommand.parseAsRoot(arguments) as? OpenCommand, "\(arguments)")
            XCTAssertEqual(quick.files, full.global.files, "\(arguments)")
            XCTAssertEqual(quick.readOnly, full.readOnly, "\(arguments)")
            XCTAssertEqual(quick.language, full.language, "\(arguments)")
        }
    }

    func testLeavesEverythingElseToArgumentParser() {
        let cases: [[String]] = [
            ["list"], ["open", "--db", "x"], ["try"], ["--help"], ["-h"], ["help"], ["--version"],
            ["--db"], ["--db", "--read-only"], ["--db="], ["--db", "a", "--db", "b"], ["--read-only=yes"],
            ["--bogus"], ["stray"], ["-r"], ["--identity", "-"],
            ["--lang", "de"], ["--lang"], ["--lang", "sv", "--lang", "nb"],
        ]
        for arguments in cases {
            XCTAssertNil(OpenArguments(arguments), "\(arguments)")
        }
    }
}
