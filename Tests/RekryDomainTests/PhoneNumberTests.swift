import RekryDomain
import XCTest

/// A phone number typed in any of the forms people use must find the stored number by prefix.
final class PhoneNumberTests: XCTestCase {
    func testSwedishNumberTokens() {
        for stored in ["+46 70 123 45 67", "070-123 45 67", "0046 70 123 45 67", "+46 (0)70 123 45 67", "0701234567"] {
            XCTAssertEqual(PhoneNumber.searchTokens(stored, country: "SE"), ["46701234567", "0701234567"], stored)
        }
    }

    func testNorwegianNumberTokens() {
        for stored in ["+47 912 34 567", "91234567", "0047 912 34 567"] {
            XCTAssertEqual(PhoneNumber.searchTokens(stored, country: "NO"), ["4791234567", "91234567"], stored)
        }
    }

    func testFinnishAndDanishNumberTokens() {
        XCTAssertEqual(PhoneNumber.searchTokens("040 123 4567", country: "FI"), ["358401234567", "0401234567"])
        XCTAssertEqual(PhoneNumber.searchTokens("+358 40 123 4567", country: "SE"), ["358401234567", "0401234567"])
        XCTAssertEqual(PhoneNumber.searchTokens("12 34 56 78", country: "dk"), ["4512345678", "12345678"])
    }

    func testTheNumbersOwnCallingCodeWinsOverTheCountry() {
        XCTAssertEqual(PhoneNumber.searchTokens("+47 912 34 567", country: "SE"), ["4791234567", "91234567"])
    }

    func testOtherCountriesKeepTheirDigits() {
        XCTAssertEqual(PhoneNumber.searchTokens("+49 30 1234567", country: "DE"), ["49301234567"])
        XCTAssertEqual(PhoneNumber.searchTokens("030 1234567", country: "DE"), ["0301234567"])
        XCTAssertEqual(PhoneNumber.searchTokens("030 1234567", country: nil), ["0301234567"])
        XCTAssertEqual(PhoneNumber.searchTokens("n/a", country: "SE"), [])
        XCTAssertEqual(PhoneNumber.callingCode(country: "fi"), "358")
        XCTAssertNil(PhoneNumber.callingCode(country: "DE"))
    }

    func testSwedishQueryFormsFindTheNumber() {
        let tokens = PhoneNumber.searchTokens("+46 70 123 45 67", country: "SE")
        let queries = [
            "+46 70 123 45 67", "+46701234567", "0046701234567", "070 123 45 67", "0701234567", "070-123 45 67",
            "070 12", "+46 70 123", "0046 70", "(070) 123.45/67",
        ]
        for query in queries {
            assertFinds(query, tokens)
        }
    }

    func testNorwegianQueryFormsFindTheNumber() {
        let tokens = PhoneNumber.searchTokens("912 34 567", country: "NO")
        for query in ["+47 912 34 567", "+4791234567", "912 34 567", "91234567", "0047 91234567", "912 3"] {
            assertFinds(query, tokens)
        }
    }

    func testQueryWords() {
        XCTAssertEqual(PhoneNumber.queryWord("+46 70 123"), "4670123")
        XCTAssertEqual(PhoneNumber.queryWord("0046 70"), "4670")
        XCTAssertEqual(PhoneNumber.queryWord("070-123 45"), "07012345")
        XCTAssertEqual(SearchFolding.queryWords("070-123 45"), ["07012345"])
        XCTAssertEqual(SearchFolding.queryWords("Åsa Öberg"), ["asa", "oberg"])
    }

    func testTextThatIsNotAPhoneNumber() {
        for text in ["anna", "Åsa Öberg", "12", "+46", "070 12a", "", "  ", "1,234"] {
            XCTAssertNil(PhoneNumber.queryWord(text), text)
        }
        XCTAssertEqual(SearchFolding.queryWords("12"), ["12"])
    }

    private func assertFinds(_ query: String, _ tokens: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard let word = PhoneNumber.queryWord(query) else {
            return XCTFail("\(query) is not read as a phone number", file: file, line: line)
        }
        XCTAssertEqual(SearchFolding.queryWords(query), [word], file: file, line: line)
        XCTAssertTrue(tokens.contains { $0.hasPrefix(word) }, "\(query) → \(word) is no prefix of \(tokens)",
                      file: file, line: line)
    }
}
