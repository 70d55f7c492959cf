import RekryDomain
import XCTest

/// The name order: surname, then given names, in the register's Nordic alphabet (`NameCollation`).
final class NameCollationTests: XCTestCase {
    /// Swedish order, written out: … Z Å Ä Ö, Æ as Ä, Ø as Ö, Ü as Y, particles kept but not sorted on.
    static let swedish = [
        "Aino Andersson",
        "Oskar Berg",
        "Anna Berg-Holm",
        "Bo Bergman",
        "Élise Ek",
        "Carl af Ekenstam",
        "Ebba von Essen",
        "Ulla Lind",
        "Ülla Lind",
        "Yngve Lind",
        "Olle",
        "Lars Oskarsson",
        "Zara Zetterberg",
        "Anders Åkesson",
        "Åsa Åkesson",
        "Märta Ährling",
        "Æbbe Ærlig",
        "Örjan Öberg",
        "Øystein Østby",
    ]

    /// Norwegian bokmål order, written out: … Z Æ Ø Å, Ä as Æ, Ö as Ø, Ü as Y, AA as Å.
    static let norwegian = [
        "Kari Berg",
        "Ebba von Essen",
        "Ola de Geer",
        "Oskar Nordmann",
        "Ulla Ruud",
        "Ülla Ruud",
        "Yngve Ruud",
        "Zakarias Zahl",
        "Märta Ährling",
        "Æbbe Ærø",
        "Örjan Öberg",
        "Bjørn Ødegård",
        "Øystein Østby",
        "Anders Åkesson",
        "Åsa Åkesson",
        "Aino Aas",
    ]

    /// `names` sorted as the list sorts them: by key, ties by position (the register's id).
    func sorted(_ names: [String], _ language: NameCollation.Language) -> [String] {
        names.enumerated().map { (key: NameCollation.key($0.element, language: language), index: $0.offset, name: $0.element) }
            .sorted { ($0.key, $0.index) < ($1.key, $1.index) }
            .map(\.name)
    }

    /// A fixed shuffle (reversed, then every other one first), so no input is already in order.
    func scrambled(_ names: [String]) -> [String] {
        let r = Array(names.reversed())
        return r.enumerated().filter { $0.offset % 2 == 1 }.map(\.element) + r.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }

    func testSwedishOrder() {
        XCTAssertEqual(sorted(scrambled(Self.swedish), .swedish), Self.swedish)
    }

    func testNorwegianOrder() {
        XCTAssertEqual(sorted(scrambled(Self.norwegian), .norwegian), Self.norwegian)
    }

    func testTheTwoAlphabetsDifferAfterZ() {
        let names = ["Åsa Åkesson", "Märta Ährling", "Æbbe Ærlig", "Örjan Öberg", "Øystein Østby", "Zara Zetterberg"]
        XCTAssertEqual(sorted(names, .swedish), ["Zara Zetterberg", "Åsa Åkesson", "Märta Ährling", "Æbbe Ærlig", "Örjan Öberg", "Øystein Østby"])
        XCTAssertEqual(sorted(names, .norwegian), ["Zara Zetterberg", "Märta Ährling", "Æbbe Ærlig", "Örjan Öberg", "Øystein Østby", "Åsa Åkesson"])
    }

    func testSurnameParticles() {
        XCTAssertEqual(NameCollation.parts("Ebba von Essen"), .init(given: ["Ebba"], particles: ["von"], surname: "Essen"))
        XCTAssertEqual(NameCollation.parts("Maria de la Cruz"), .init(given: ["Maria"], particles: ["de", "la"], surname: "Cruz"))
        XCTAssertEqual(NameCollation.parts("Anna Maria Berg"), .init(given: ["Anna", "Maria"], particles: [], surname: "Berg"))
        // Capitalised, it is a name of its own; alone before the surname, it is the given name.
        XCTAssertEqual(NameCollation.parts("Ebba Von Essen"), .init(given: ["Ebba", "Von"], particles: [], surname: "Essen"))
        XCTAssertEqual(NameCollation.parts("de Geer"), .init(given: ["de"], particles: [], surname: "Geer"))
        XCTAssertEqual(NameCollation.parts("Olle"), .init(given: [], particles: [], surname: "Olle"))
        XCTAssertEqual(NameCollation.parts("  "), .init(given: [], particles: [], surname: ""))
        // Sorted under E (after Ek), not under V.
        XCTAssertEqual(sorted(["Frida Falk", "Ebba von Essen", "Adam Ek"], .swedish), ["Adam Ek", "Ebba von Essen", "Frida Falk"])
    }

    func testKeysIgnoreCaseAccentsAndSpelling() {
        for language in NameCollation.Language.allCases {
            XCTAssertEqual(NameCollation.key("ÅSA ÅKESSON", language: language), NameCollation.key("åsa åkesson", language: language))
            // A decomposed "å" (a + combining ring) is the same letter.
            XCTAssertEqual(NameCollation.key("A\u{30A}sa A\u{30A}kesson", language: language), NameCollation.key("Åsa Åkesson", language: language))
            XCTAssertEqual(NameCollation.key("Élise Lefèvre", language: language), "lefevre elise")
            XCTAssertEqual(NameCollation.key("Liam O'Brien", language: language), "obrien liam")
            XCTAssertEqual(NameCollation.key("Anna-Karin  Berg", language: language), "berg anna-karin")
            XCTAssertEqual(NameCollation.key("Olle", language: language), "olle")
        }
        XCTAssertEqual(NameCollation.key("Ebba von Essen", language: .swedish), "essen ebba von")
    }

    func testNorwegianDoubleAIsÅ() {
        let nb = NameCollation.Language.norwegian
        XCTAssertEqual(NameCollation.key("Aino Aas", language: nb), NameCollation.key("Aino Ås", language: nb))
        XCTAssertEqual(NameCollation.key("Haakon AASEN", language: nb), NameCollation.key("Håkon Åsen", language: nb))
        XCTAssertEqual(NameCollation.key("Aaa", language: nb), "}a", "the first two letters make the å")
        // Not across words, and not in Swedish.
        XCTAssertEqual(NameCollation.key("Ola Aa", language: nb), "} ola")
        XCTAssertEqual(NameCollation.key("Anna-Aase Berg", language: nb), "berg anna-}se")
        XCTAssertEqual(NameCollation.key("Aino Aas", language: .swedish), "aas aino")
        XCTAssertEqual(sorted(["Aino Aas", "Zakarias Zahl", "Åsa Åkesson", "Bjørn Ødegård"], nb),
                       ["Zakarias Zahl", "Bjørn Ødegård", "Åsa Åkesson", "Aino Aas"])
    }

    func testLanguageFollowsTheFirmsCountry() {
        XCTAssertEqual(NameCollation.Language(country: "SE"), .swedish)
        XCTAssertEqual(NameCollation.Language(country: "NO"), .norwegian)
        XCTAssertEqual(NameCollation.Language(country: "dk"), .norwegian)
        XCTAssertEqual(NameCollation.Language(country: nil), .swedish)
    }
}
