import Foundation
import RekryDomain
@testable import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// A search, a sort, a filter and a count are reads too: none may reveal, by matching, ordering or counting,
/// what the gate withholds from the actor.
final class SearchOracleTests: XCTestCase {
    var t: TestRegister!
    var withheld: [(id: Int64, name: String, email: String, phone: String)] = []
    var visible: [Int64] = []

    override func setUpWithError() throws {
        t = try TestRegister()
        let lapses: [(LegalBasis, TestRegister.ConsentSetup, Bool, Bool)] = [
            (.consent, .withdrawn, false, false), (.consent, .expired, false, false), (.consent, .none, false, false),
            (.contract, .none, true, false), (.legitimateInterest, .none, false, true),
        ]
        for i in 0..<50 {
            let (basis, consent, restricted, objected) = lapses[i % lapses.count]
            let name = "Hemlig Zorrovaara\(i)"
            let email = "zorro.secret\(i)@hidden.example"
            let phone = "+46 70 999 \(String(format: "%02d", i)) 77"
            let id = try t.addCandidate(name, basis: basis, consent: consent, email: email, phone: phone, title: "Spymaster",
                                        employer: "Cloak AB", source: .referral, restricted: restricted, objected: objected,
                                        cv: "CV of \(name): quintessentialzorro skills in clandestine work.")
            withheld.append((id, name, email, phone))
        }
        for name in ["Anna Andersson", "Ödön Zorrovaara", "Berit Berg"] {
            visible.append(try t.addCandidate(name, basis: .contract, consent: .none, title: "Spymaster", employer: "Cloak AB"))
        }
    }

    func prefixes(_ text: String) -> [String] {
        (2...text.count).map { String(text.prefix($0)) }
    }

    func testWithheldValuesAndEveryPrefixMatchNothing() throws {
        for user in ["recruiter", "lead", "dpo", "admin"] {
            let gate = try t.gate(user)
            let hidden = Set(withheld.map(\.id))
            for w in withheld.prefix(50) {
                var queries = prefixes(w.email) + prefixes(w.phone) + prefixes(String(w.name.split(separator: " ")[1]))
                queries.append(w.name)
                for q in Set(queries) {
                    let rows = try gate.page(CandidateQuery(text: q), from: .start, limit: 20)
                    XCTAssertTrue(rows.allSatisfy { !hidden.contains($0.id) }, "\(user) found a withheld row by '\(q)'")
                    if hidden.isEmpty { continue }
                }
            }
            // The same words still find the people the actor may see.
            if user != "admin" {
                XCTAssertEqual(Set(try gate.page(CandidateQuery(text: "zorrovaara"), from: .start, limit: 50).map(\.id)), [visible[1]], user)
                XCTAssertEqual(try gate.count(CandidateQuery(text: "zorrovaara")).value, 1, user)
                XCTAssertEqual(try gate.count(CandidateQuery(text: "spymaster")).value, 3, "\(user): a count counts what the search shows")
            }
        }
    }

    func testFullTextOfWithheldDocumentsFindsNothing() throws {
        for user in ["recruiter", "lead", "dpo", "admin"] {
            XCTAssertEqual(try t.gate(user).fullTextSearch("quintessentialzorro").map(\.id), [], user)
        }
        // The DPO answering a request finds them: the person is entitled to what is held.
        XCTAssertEqual(Set(try t.gate("dpo").fullTextSearch("quintessentialzorro", limit: 100, purpose: .dataSubjectRequest).map(\.id)),
                       Set(withheld.map(\.id)))
    }

    /// A visible person's withheld texts (an item on a withdrawn consent, one objected to) are decided on
    /// their own: their words find nobody, and they take no place among the results, so a short limit does
    /// not come back short because a withheld text ranked first (a red team found both).
    func testAWithheldTextNeitherFindsNorRanksItsOwner() throws {
        let shown = try t.addCandidate("Vera Visible", basis: .contract, consent: .none,
                                       cv: "CV with zqrankword once, and ordinary words about Swift and SQL.")
        let withdrawn = try t.addCandidate("Wilma Withdrawn", basis: .contract, consent: .withdrawn, cv: "An ordinary CV.")
        try t.addAssessment(withdrawn, text: "zqrankword zqrankword zqrankword zqburnoutword", basis: .consent)
        let objecting = try t.addCandidate("Olle Objecting", basis: .contract, consent: .none, objected: true, cv: "Another CV.")
        try t.addAssessment(objecting, text: "zqrankword zqrankword zqobjectword", basis: .legitimateInterest)
        for user in ["recruiter", "lead", "dpo"] {
            let gate = try t.gate(user)
            XCTAssertEqual(try gate.fullTextSearch("zqrankword", limit: 1).map(\.id), [shown], "\(user): the best visible match fills the one place")
            XCTAssertEqual(try gate.fullTextSearch("zqrankword").map(\.id), [shown], user)
            XCTAssertEqual(try gate.fullTextSearch("zqburnoutword").map(\.id), [], "\(user): a word of a withdrawn-consent assessment")
            XCTAssertEqual(try gate.fullTextSearch("zqobjectword").map(\.id), [], "\(user): a word of an item objected to")
            // The same people are found by the words of the texts they may read.
            XCTAssertEqual(try gate.fullTextSearch("ordinary CV").map(\.id).sorted(), [shown, withdrawn].sorted(), user)
        }
        XCTAssertEqual(Set(try t.gate("dpo").fullTextSearch("zqrankword", purpose: .dataSubjectRequest).map(\.id)),
                       [shown, withdrawn, objecting], "the DPO answering a request finds every text")
    }

    /// A withheld row carries no date of last activity (the JSON list printed it outright before).
    func testAWithheldRowTellsNothingOfItsActivity() throws {
        let rows = try t.gate("recruiter").page(CandidateQuery(), from: .start, limit: 100)
        let hidden = Set(withheld.map(\.id))
        XCTAssertEqual(rows.filter { hidden.contains($0.id) }.count, withheld.count)
        for row in rows {
            XCTAssertEqual(row.lastActivityAt == nil, hidden.contains(row.id), "row \(row.id)")
        }
    }

    /// Withheld rows are listed after the others, by id, in every order: their place depends on nothing hidden.
    func testAWithheldRowsPlaceDependsOnNothingItHides() throws {
        let gate = try t.gate("recruiter")
        for order in CandidateQuery.Order.allCases {
            var rows: [CandidateRow] = []
            var anchor = PageAnchor.start
            while true {
                let page = try gate.page(CandidateQuery(order: order), from: anchor, limit: 7)
                rows += page
                guard page.count == 7, let last = page.last else { break }
                anchor = .after(last.key)
            }
            XCTAssertEqual(rows.count, 53, "\(order): every row is listed")
            XCTAssertEqual(Array(rows.suffix(50).map(\.id)), withheld.map(\.id).sorted(), "\(order): withheld rows last, by id")
            XCTAssertEqual(Set(rows.prefix(3).map(\.id)), Set(visible), "\(order)")
            // Backwards from the end gives the same rows in the same order.
            var back: [CandidateRow] = []
            anchor = .end
            while true {
                let page = try gate.page(CandidateQuery(order: order), from: anchor, limit: 7)
                back = page + back
                guard page.count == 7, let first = page.first else { break }
                anchor = .before(first.key)
            }
            XCTAssertEqual(back.map(\.id), rows.map(\.id), "\(order) backwards")
        }
        // Renaming a withheld candidate (the DPO rectifies) does not move them.
        let before = try gate.page(CandidateQuery(), from: .start, limit: 60).map(\.id)
        try t.gate("dpo").editCandidate(withheld[7].id, changes: [.fullName: "Aaron Aardvark"])
        XCTAssertEqual(try gate.page(CandidateQuery(), from: .start, limit: 60).map(\.id), before)
    }

    func testAStageTheActorMayNotSeeDoesNotFilter() throws {
        let restricted = withheld[3].id  // the contract basis, restricted
        try t.addToProcess(restricted, stage: .offer)
        try t.addToProcess(visible[0], stage: .offer)
        let gate = try t.gate("recruiter")
        XCTAssertEqual(try gate.page(CandidateQuery(stage: .offer), from: .start, limit: 10).map(\.id), [visible[0]])
        XCTAssertEqual(try gate.count(CandidateQuery(stage: .offer)).value, 1)
    }

    func testTheAdminSeesNoCandidateRowsAtAll() throws {
        let admin = try t.gate("admin")
        XCTAssertEqual(try admin.page(CandidateQuery(), from: .start, limit: 50).count, 0)
        XCTAssertEqual(try admin.count(CandidateQuery()).value, 0)
        XCTAssertEqual(try admin.count(CandidateQuery(badge: .restricted)).value, 0)
    }

    func testTheDPOAnsweringARequestFindsEveryone() throws {
        let rows = try t.gate("dpo").page(CandidateQuery(text: "zorro.secret7@"), from: .start, limit: 10, purpose: .dataSubjectRequest)
        XCTAssertEqual(rows.map(\.id), [withheld[7].id])
    }
}
