import Foundation
import RekryDomain
import RekryStorage

/// The demo's word lists, read from `data/demo` (bundled with the store), each entry folded once up front.
struct DemoWords {
    struct Entry {
        var text: String
        var folded: [String]
        var country: String

        init(_ text: String, country: String = "XX") {
            self.text = text
            self.folded = SearchFolding.words(text)
            self.country = country
        }
    }

    struct Town {
        var name: String
        var street: String
        var postcode: String
        var country: String
    }

    var given: [String: [Entry]]
    var family: [String: [Entry]]
    var cjk: [Entry]
    var combining: [Entry]
    var towns: [String: [Town]]
    var titles: [Entry]
    var employers: [Entry]
    var skills: [Entry]
    var clients: [String]

    static func load() throws -> DemoWords {
        func lines(_ name: String) throws -> [String] {
            guard let url = Bundle.module.url(forResource: "Resources/demo/\(name)", withExtension: nil) else {
                throw RegisterError.notFound(what: "demo word list data/demo/\(name)")
            }
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        func byCountry(_ name: String) throws -> [String: [Entry]] {
            var out: [String: [Entry]] = [:]
            for (i, line) in try lines(name).enumerated() {
                let f = line.split(separator: "\t").map(String.init)
                guard f.count == 2 else {
                    throw RegisterError.invalid(field: "data/demo/\(name):\(i + 1)", message: "expected COUNTRY<TAB>NAME")
                }
                out[f[0], default: []].append(Entry(f[1], country: f[0]))
            }
            return out
        }
        var towns: [String: [Town]] = [:]
        for (i, line) in try lines("towns.tsv").enumerated() {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 4 else {
                throw RegisterError.invalid(field: "data/demo/towns.tsv:\(i + 1)", message: "expected COUNTRY<TAB>TOWN<TAB>STREET<TAB>POSTCODE")
            }
            towns[f[0], default: []].append(Town(name: f[1], street: f[2], postcode: f[3], country: f[0]))
        }
        return DemoWords(given: try byCountry("given-names.tsv"), family: try byCountry("family-names.tsv"),
                         cjk: try lines("cjk-names.txt").map { Entry($0, country: "SE") },
                         combining: try lines("combining-names.txt").map { Entry($0.precomposedStringWithCanonicalMapping.decomposedStringWithCanonicalMapping, country: "SE") },
                         towns: towns, titles: try lines("titles.txt").map { Entry($0) },
                         employers: try lines("employers.txt").map { Entry($0) },
                         skills: try lines("skills.txt").map { Entry($0) }, clients: try lines("clients.txt"))
    }
}

/// SplitMix64: a tiny, fast, seedable generator, so that a seed always yields the same register.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ array: [T]) -> T { array[int(0..<array.count)] }
    mutating func days(_ range: ClosedRange<Int>) -> TimeInterval { TimeInterval(Int.random(in: range, using: &self)) * 86_400 }
}
