import Foundation
import RekryDomain
import RekryTestSupport
import XCTest

/// The name order's key (`NameCollation`, the write model's) against the server's own ICU collations: the written-out
/// Swedish and Norwegian names, turned surname first as the key reads them and sorted by PostgreSQL with
/// `COLLATE "sv-x-icu"` and `COLLATE "nb-x-icu"`, come out in the order the key gives. The list walks the stored key
/// bytewise (docs/postgres.md, "Order by name"); this is what makes that the Nordic order ICU would give.
final class NameOrderICUTests: XCTestCase {
    var pg: PostgresCluster!

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        pg = try FixtureClusters.cluster(for: "NameOrderICUTests", logins: []) { [] }
    }

    override class func tearDown() {
        FixtureClusters.stop("NameOrderICUTests")
        super.tearDown()
    }

    /// `name` as the key reads it, in plain words: surname, given names, particles.
    func surnameFirst(_ name: String) -> String {
        let p = NameCollation.parts(name)
        return ([p.surname] + p.given + p.particles).joined(separator: " ")
    }

    /// The server's order of `names` under `collation`, by their surname-first text.
    func icuOrder(_ names: [String], _ collation: String) throws -> [String] {
        let literals = names.map { "('\($0.replacingOccurrences(of: "'", with: "''"))', '\(surnameFirst($0).replacingOccurrences(of: "'", with: "''"))')" }
        let sql = "SELECT n FROM (VALUES \(literals.joined(separator: ", "))) AS v(n, s) ORDER BY s COLLATE \"\(collation)\", n;"
        return try pg.query(as: pg.superuser, sql).split(separator: "\n").map(String.init)
    }

    /// `names` in the key's order.
    func keyOrder(_ names: [String], _ language: NameCollation.Language) -> [String] {
        names.sorted { (NameCollation.key($0, language: language), $0) < (NameCollation.key($1, language: language), $1) }
    }

    static let swedish = ["Aino Andersson", "Oskar Berg", "Anna Berg-Holm", "Bo Bergman", "Élise Ek", "Carl af Ekenstam",
                          "Ebba von Essen", "Ulla Lind", "Ülla Lind", "Yngve Lind", "Olle", "Lars Oskarsson", "Zara Zetterberg",
                          "Anders Åkesson", "Åsa Åkesson", "Märta Ährling", "Æbbe Ærlig", "Örjan Öberg", "Øystein Østby"]
    static let norwegian = ["Kari Berg", "Ebba von Essen", "Ola de Geer", "Oskar Nordmann", "Ulla Ruud", "Ülla Ruud",
                            "Yngve Ruud", "Zakarias Zahl", "Märta Ährling", "Æbbe Ærø", "Örjan Öberg", "Bjørn Ødegård",
                            "Øystein Østby", "Anders Åkesson", "Åsa Åkesson", "Aino Aas", "Haakon Aasen"]

    func testTheSwedishKeyOrderIsSvICU() throws {
        XCTAssertEqual(keyOrder(Self.swedish.reversed(), .swedish), Self.swedish)
        XCTAssertEqual(try icuOrder(Self.swedish.reversed(), "sv-x-icu"), Self.swedish)
    }

    func testTheNorwegianKeyOrderIsNbICU() throws {
        XCTAssertEqual(keyOrder(Self.norwegian.reversed(), .norwegian), Self.norwegian)
        XCTAssertEqual(try icuOrder(Self.norwegian.reversed(), "nb-x-icu"), Self.norwegian)
    }
}
