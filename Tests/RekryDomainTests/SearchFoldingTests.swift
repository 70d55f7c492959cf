import RekryDomain
import XCTest

final class SearchFoldingTests: XCTestCase {
    func testNordicLettersFoldToASCII() {
        XCTAssertEqual(SearchFolding.fold("Åsa Öberg"), "asa oberg")
        XCTAssertEqual(SearchFolding.fold("Bjørn Ødegård"), "bjorn odegard")
        XCTAssertEqual(SearchFolding.fold("Æbbe Sæther"), "aebbe saether")
        XCTAssertEqual(SearchFolding.fold("Łukasz Müller"), "lukasz muller")
        XCTAssertEqual(SearchFolding.fold("Päivi Hämäläinen"), "paivi hamalainen")
        XCTAssertEqual(SearchFolding.fold("Straße"), "strasse")
    }

    func testCombiningMarksFoldLikePrecomposed() {
        let decomposed = "Rene\u{301}e"  // e + combining acute
        XCTAssertEqual(SearchFolding.fold(decomposed), "renee")
        XCTAssertEqual(SearchFolding.fold("Renée"), "renee")
    }

    func testCJKNamesFoldToPinyin() {
        XCTAssertEqual(SearchFolding.fold("王小明"), "wang xiao ming")
        XCTAssertEqual(SearchFolding.words("小明"), ["xiao", "ming"])
    }

    func testPunctuationSplitsWordsAndDuplicatesDrop() {
        XCTAssertEqual(SearchFolding.fold("anna.lindqvist@example.se"), "anna lindqvist example se")
        XCTAssertEqual(SearchFolding.words("Anna anna ANNA"), ["anna"])
        XCTAssertEqual(SearchFolding.fold("  --  "), "")
    }

    func testEmojiAndJoinersVanish() {
        XCTAssertEqual(SearchFolding.fold("Ada 👩‍💻 Lovelace"), "ada lovelace")
    }
}
