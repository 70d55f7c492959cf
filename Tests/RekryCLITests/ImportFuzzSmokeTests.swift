import Foundation
import RekryImport
import XCTest

/// The CI smoke of the import fuzzing harness (`.ci/fuzz` runs libFuzzer for a million inputs each): the
/// same harness over seeded mutations of real inputs: flipped, cut, doubled and stray bytes, quotes,
/// separators, byte-order marks and line ends. Nothing may crash, and the seeds themselves read right.
final class ImportFuzzSmokeTests: XCTestCase {
    let csvSeeds = [
        Data([0xEF, 0xBB, 0xBF]) + Data("Namn;E-post;Telefon;Ort;CV\r\n\"Åsa; Öberg\";asa@example.se;+46 70 123 45 67;Malmö;\"Rad ett\r\nrad två\"\r\n".utf8),
        Data("Name,Email,Birth year,Country,Source,Basis,Link\nBo Ek,bo@x.se,1990,NO,applied,consent,https://x.se\n".utf8),
        Data([0xFF, 0xFE]) + "Name\tEmail\r\nUlla\tu@x.no\r\n".data(using: .utf16LittleEndian)!,
    ]
    let resumeSeeds = [
        Data(#"{"basics":{"name":"Pia","email":"p@x.se","location":{"countryCode":"NO"},"profiles":[{"network":"x","url":"https://x"}]},"work":[{"name":"A","position":"B","startDate":"2020"}],"education":[{"institution":"U","studyType":"MSc"}],"skills":[{"name":"Go","level":"good"}],"references":[{"name":"R","reference":"ok"}]}"#.utf8),
        Data(#"[{"basics":{"name":"Ola"}},{"basics":{"name":7}},{"meta":{"cvText":"Skills:\n- Go"}}]"#.utf8),
    ]

    func testTheSeedsReadAsTheyShould() {
        XCTAssertEqual(ImportFuzzing.csv(csvSeeds[0]).rows, 1)
        XCTAssertEqual(ImportFuzzing.csv(csvSeeds[0]).problems, 0)
        XCTAssertEqual(ImportFuzzing.csv(csvSeeds[1]).problems, 1, "a consent basis without its text is a problem")
        XCTAssertEqual(ImportFuzzing.csv(csvSeeds[2]).rows, 1)
        XCTAssertEqual(ImportFuzzing.resume(resumeSeeds[0]).problems, 0)
        XCTAssertEqual(ImportFuzzing.resume(resumeSeeds[1]).rows, 3)
        XCTAssertEqual(ImportFuzzing.resume(resumeSeeds[1]).problems, 2, "a number for a name, and no name at all")
    }

    func testThreeThousandMutationsOfEachMappingDoNotCrash() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        let tokens: [[UInt8]] = [[0x22], [0x3B], [0x2C], [0x09], [0x0D, 0x0A], [0x0A], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xC3], [0x00],
                                 Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("\"name\":".utf8), Array("null".utf8), Array("1e999".utf8)]
        func mutate(_ seed: Data) -> Data {
            var bytes = [UInt8](seed)
            for _ in 0..<(1 + next(4)) {
                switch next(5) {
                case 0 where !bytes.isEmpty: bytes[next(bytes.count)] ^= UInt8(1 << next(8))
                case 1 where !bytes.isEmpty: bytes.removeSubrange(next(bytes.count)..<bytes.count)
                case 2: bytes.insert(contentsOf: tokens[next(tokens.count)], at: next(bytes.count + 1))
                case 3 where !bytes.isEmpty: let i = next(bytes.count); bytes.insert(contentsOf: bytes[i..<min(bytes.count, i + next(40))], at: next(bytes.count))
                default: if !bytes.isEmpty { bytes.remove(at: next(bytes.count)) }
                }
            }
            return Data(bytes)
        }
        for i in 0..<3_000 {
            ImportFuzzing.csv(mutate(csvSeeds[i % csvSeeds.count]))
            ImportFuzzing.resume(mutate(resumeSeeds[i % resumeSeeds.count]))
        }
    }
}
