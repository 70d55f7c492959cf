import GRDB
import RekryDomain
@testable import RekryGate
import RekryStorage
@_spi(Testing) import RekrySQLite
import RekryTestSupport
import XCTest

/// The list's name order on a register: surname, then given names, in the firm's alphabet (see
/// `NameCollationTests` for the key itself), walked page by page on the stored key.
final class NameOrderTests: XCTestCase {
    static let swedish = ["Aino Andersson", "Oskar Berg", "Anna Berg-Holm", "Bo Bergman", "Élise Ek", "Carl af Ekenstam",
                          "Ebba von Essen", "Ulla Lind", "Ülla Lind", "Yngve Lind", "Olle", "Lars Oskarsson", "Zara Zetterberg",
                          "Anders Åkesson", "Åsa Åkesson", "Märta Ährling", "Æbbe Ærlig", "Örjan Öberg", "Øystein Østby"]
    static let norwegian = ["Kari Berg", "Ebba von Essen", "Ola de Geer", "Oskar Nordmann", "Ulla Ruud", "Ülla Ruud",
                            "Yngve Ruud", "Zakarias Zahl", "Märta Ährling", "Æbbe Ærø", "Örjan Öberg", "Bjørn Ødegård",
                            "Øystein Østby", "Anders Åkesson", "Åsa Åkesson", "Aino Aas"]

    /// Every name in the list's name order, walked in pages of `limit` forwards (and checked backwards).
    func listed(_ gate: Gate, order: CandidateQuery.Order = .name, limit: Int = 4) throws -> [String] {
        var seen: [String] = [], anchor = PageAnchor.start
        while true {
            let page = try gate.page(CandidateQuery(order: order), from: anchor, limit: limit)
            seen += page.compactMap(\.name.value)
            guard page.count == limit, let last = page.last else { break }
            anchor = .after(last.key)
        }
        var back: [String] = []
        anchor = .end
        while true {
            let page = try gate.page(CandidateQuery(order: order), from: anchor, limit: limit)
            back = page.compactMap(\.name.value) + back
            guard page.count == limit, let first = page.first else { break }
            anchor = .before(first.key)
        }
        XCTAssertEqual(back, seen, "backwards")
        return seen
    }

    func testSwedishRegisterListsBySurnameInSwedishOrder() throws {
        let t = try TestRegister()
        for name in Self.swedish.reversed() { try t.addCandidate(name, basis: .contract, consent: .none) }
        XCTAssertEqual(try listed(t.gate("recruiter")), Self.swedish)
    }

    func testANorwegianProfileReordersEveryRowAndNewOnes() throws {
        let t = try TestRegister()
        for name in Self.norwegian.dropLast().reversed() { try t.addCandidate(name, basis: .contract, consent: .none) }
        try t.gate("dpo").setRetentionProfile(name: "no.policy", text: "firm Norsk AS\ncountry NO\nunused last-activity 5y\n")
        let recruiter = try t.gate("recruiter")
        // Added through the gate's write model, under the Norwegian profile.
        _ = try recruiter.addCandidate(CandidateDraft(fullName: Self.norwegian.last!, country: "NO", source: .applied, basis: .contract))
        XCTAssertEqual(try listed(recruiter), Self.norwegian)
    }

    func testStageOrderSortsByNameWithinAStage() throws {
        let t = try TestRegister()
        let ids = try ["Åsa Åkesson", "Aino Andersson", "Oskar Berg"].map { try t.addCandidate($0, basis: .contract, consent: .none) }
        for id in ids { try t.addToProcess(id, stage: .interview) }
        XCTAssertEqual(try listed(t.gate("recruiter"), order: .stage, limit: 2), ["Aino Andersson", "Oskar Berg", "Åsa Åkesson"])
    }

    /// Rows stored before migration "v11 name collation" have no key and the register carries the mark: the next
    /// sign-in derives every key through the write model and removes the mark.
    func testMarkedRowsGetTheirKeysAtSignIn() throws {
        let t = try TestRegister()
        for name in Self.swedish.reversed() { try t.addCandidate(name, basis: .contract, consent: .none) }
        try t.execute("UPDATE candidate SET collationKey = ''")
        try t.execute("INSERT INTO registerInfo(key, value) VALUES ('\(SettingKey.collationRederive)', 'pending')")
        XCTAssertEqual(try listed(t.gate("recruiter")), Self.swedish)
        XCTAssertNil(try t.scalar("SELECT value FROM registerInfo WHERE key = ?", [SettingKey.collationRederive]) as String?)
        XCTAssertEqual(try t.scalar("SELECT count(*) FROM candidate WHERE collationKey = ''") as Int?, 0)
        XCTAssertEqual(try t.scalar("SELECT collationKey FROM candidate WHERE fullName = 'Ebba von Essen'") as String?, "essen ebba von")
        // Search still folds the name as typed: "asa" finds Åsa.
        XCTAssertEqual(try t.gate("recruiter").page(CandidateQuery(text: "asa"), from: .start, limit: 5).compactMap(\.name.value), ["Åsa Åkesson"])
    }

    /// The list walks the index on the key, whichever way.
    func testTheNameOrderUsesTheIndex() throws {
        let t = try TestRegister()
        let details = try t.sqlite.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT c.* FROM candidate c WHERE (c.collationKey, c.id) > ('m', 0) ORDER BY c.collationKey ASC, c.id ASC LIMIT 10")
                .map { $0["detail"] as String }
        }
        XCTAssertTrue(details.contains { $0.contains("candidate_name") } && !details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
    }
}
