import Foundation
import RekryPostgres
import RekryTestSupport
import XCTest

/// The list's search, orders, counts and full text on the server, tried with raw psql sessions as each role
/// (migration `v3 search`): the key indexes are reachable only through functions that decide each row first.
final class PostgresSearchRLSTests: XCTestCase {

    /// rhea a recruiter, lars a lead, dana the DPO, axel an admin.
    static let logins = ["rhea", "lars", "dana", "axel"]
    static let members = ["rhea", "lars", "dana"]

    var pg: PostgresCluster!

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
        pg = try FixtureClusters.cluster(for: "PostgresSearchRLSTests", logins: Self.logins) {
            PostgresMigrations.all.map(PostgresMigrations.transaction) + [Self.fixture]
        }
    }

    override class func tearDown() {
        FixtureClusters.stop("PostgresSearchRLSTests")
        super.tearDown()
    }

    /// Four people: two open (contract), one restricted, one whose consent was withdrawn; each with a CV holding
    /// "zqsecret" on the person's own basis. Every withheld one is findable by "z…" words.
    static let fixture = #"""
    CREATE ROLE rhea LOGIN IN ROLE rekry_recruiter;
    CREATE ROLE lars LOGIN IN ROLE rekry_lead;
    CREATE ROLE dana LOGIN IN ROLE rekry_dpo;
    CREATE ROLE axel LOGIN IN ROLE rekry_admin;
    INSERT INTO rekry.staff (id, login, display_name, role, public_key, pseudonym) VALUES
      (1, 'rhea', 'Rhea', 'recruiter', decode(repeat('01', 32), 'hex'), 's-rhea'),
      (2, 'lars', 'Lars', 'lead', decode(repeat('02', 32), 'hex'), 's-lars'),
      (3, 'dana', 'Dana', 'dpo', decode(repeat('03', 32), 'hex'), 's-dana'),
      (4, 'axel', 'Axel', 'admin', decode(repeat('04', 32), 'hex'), 's-axel');
    INSERT INTO rekry.candidate (id, pseudonym, basis, consent_purpose, restricted, source, collected_at, last_activity_at,
                                 consent_given_at, consent_withdrawn_at) VALUES
      (1, 'c-anna', 'contract', NULL, false, 'applied', now(), now() - interval '3 days', NULL, NULL),
      (2, 'c-zed', 'contract', NULL, true, 'applied', now(), now(), NULL, NULL),
      (3, 'c-zack', 'consent', 'talent-pool', false, 'network', now(), now() - interval '1 day',
       now() - interval '10 days', now() - interval '1 day'),
      (4, 'c-zoe', 'contract', NULL, false, 'applied', now(), now() - interval '2 days', NULL, NULL);
    INSERT INTO rekry.consent (candidate_id, purpose, given_at, withdrawn_at, channel, text) VALUES
      (3, 'talent-pool', now() - interval '10 days', now() - interval '1 day', 'web', 'I agree');
    INSERT INTO rekry.candidate_personal (candidate_id, full_name, email, collation_key, search_tokens, stage, stage_rank) VALUES
      (1, 'Anna Open', 'anna@open.example', 'open anna', '{anna,anna@open.example,open}', 'offer', 5),
      (2, 'Zed Hidden', 'zed@hidden.example', 'hidden zed', '{hidden,zed,zed@hidden.example}', 'offer', 5),
      (3, 'Zack Withdrawn', 'zack@withdrawn.example', 'withdrawn zack', '{withdrawn,zack,zack@withdrawn.example}', 'offer', 5),
      (4, 'Zoe Visible', 'zoe@visible.example', 'visible zoe', '{visible,zoe,zoe@visible.example}', 'screening', 1);
    INSERT INTO rekry.document (id, candidate_id, kind, title, body, received_at, basis)
      SELECT id, id, 'cv', 'CV', 'zqsecret cv of ' || pseudonym, now(), basis FROM rekry.candidate ORDER BY id;
    SELECT rekry.index_text(id, body) FROM rekry.document ORDER BY id;
    SELECT setval(pg_get_serial_sequence('rekry.candidate', 'id'), 100);
    SELECT setval(pg_get_serial_sequence('rekry.document', 'id'), 100);
    """#

    /// `rekry.list_page` for one segment of a browse or a search, as `login`: the ids, comma-separated.
    func page(_ login: String, order: String = "name", words: [String] = [], segment: Int = 0, apart: Bool = true,
              stage: String? = nil, purpose: String = "recruitment") throws -> String {
        let w = "ARRAY[" + words.map { "'\($0)'" }.joined(separator: ",") + "]::text[]"
        let u = "ARRAY[" + words.map { "'\($0)' || chr(1114111)" }.joined(separator: ",") + "]::text[]"
        let s = stage.map { "'\($0)'" } ?? "NULL"
        return try pg.query(as: login, """
            BEGIN; SELECT FROM set_config('rekry.purpose', '\(purpose)', true);
            SELECT coalesce(string_agg(id::text, ',' ORDER BY n), '') FROM rekry.list_page('\(order)', \(w), \(u), \(s), NULL,
              false, NULL, now(), now() + interval '30 days', now() - interval '27 days', \(segment), \(apart), 'start',
              NULL, NULL, NULL, 50) WITH ORDINALITY AS l(id, key_text, key_number, n);
            COMMIT;
            """)
    }

    func count(_ login: String, words: [String] = [], stage: String? = nil, purpose: String = "recruitment") throws -> String {
        let w = "ARRAY[" + words.map { "'\($0)'" }.joined(separator: ",") + "]::text[]"
        let u = "ARRAY[" + words.map { "'\($0)' || chr(1114111)" }.joined(separator: ",") + "]::text[]"
        let s = stage.map { "'\($0)'" } ?? "NULL"
        return try pg.query(as: login, """
            BEGIN; SELECT FROM set_config('rekry.purpose', '\(purpose)', true);
            SELECT rekry.list_count(\(w), \(u), \(s), NULL, false, NULL, now(), now() + interval '30 days',
              now() - interval '27 days', true, 1000);
            COMMIT;
            """)
    }

    func testMembersReachTheKeyIndexesOnlyThroughTheFunctions() throws {
        for login in Self.logins {
            for table in ["search_token", "list_key", "text_entry"] {
                XCTAssertNotEqual(try pg.psql(as: login, "SELECT count(*) FROM rekry.\(table);").status, 0, "\(login) read \(table)")
                // No plan to read "Rows Removed by Filter" from either.
                XCTAssertNotEqual(try pg.psql(as: login, "EXPLAIN ANALYZE SELECT * FROM rekry.\(table) WHERE true;").status, 0,
                                  "\(login) explained \(table)")
                XCTAssertNotEqual(try pg.psql(as: login, "DELETE FROM rekry.\(table);").status, 0, "\(login) deleted from \(table)")
            }
            // The query builder runs as the owner only.
            XCTAssertNotEqual(try pg.psql(as: login, "SELECT rekry.list_sql('name', 0, false, false, false, NULL, 0, true, 'start', false);").status, 0)
        }
        // The superuser sees that the tables hold the keys.
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.search_token WHERE token LIKE 'z%';"), "6")
    }

    func testAWithheldRowIsFoundByNoPrefixOfItsWordsAndCountsForNoSearch() throws {
        for login in Self.members {
            for word in ["z", "ze", "zed", "zed@hidden.example", "hidden", "za", "zack", "withdrawn"] where !"zoe".hasPrefix(word) {
                XCTAssertEqual(try page(login, words: [word]), "", "\(login) found a withheld row by '\(word)'")
                XCTAssertEqual(try page(login, words: [word], apart: false), "", "\(login) asking for every row by '\(word)'")
                XCTAssertEqual(try count(login, words: [word]), "0", "\(login) counted '\(word)'")
            }
            XCTAssertEqual(try page(login, words: ["z"]), "4,4", "\(login): once per matching token, as on SQLite")
            XCTAssertEqual(try page(login, words: ["zo", "visible"]), "4,4", login)
            XCTAssertEqual(try page(login, words: ["zo", "open"]), "", "\(login): every word must match")
            XCTAssertEqual(try count(login, words: ["z"]), "1", login)
        }
        // The DPO answering a request finds everyone; an admin nobody.
        XCTAssertEqual(try page("dana", words: ["zed"], apart: false, purpose: "dsr"), "2,2")
        XCTAssertEqual(try page("dana", words: ["z"], apart: false, purpose: "dsr"), "3,3,2,2,4,4", "by token: zack…, zed…, zoe…")
        XCTAssertEqual(try page("axel", words: ["z"]), "")
        XCTAssertEqual(try page("axel"), "")
        XCTAssertEqual(try count("axel"), "0")
    }

    func testWithheldRowsAreListedApartByIdInEveryOrder() throws {
        for login in Self.members {
            XCTAssertEqual(try page(login, order: "name"), "1,4", login)
            XCTAssertEqual(try page(login, order: "activity"), "4,1", login)
            XCTAssertEqual(try page(login, order: "stage"), "4,1", login)
            for order in ["name", "activity", "stage"] {
                XCTAssertEqual(try page(login, order: order, segment: 1), "2,3", "\(login) \(order)")
            }
            // Browsing counts every row; a stage filter neither lists nor counts a row whose stage is withheld.
            XCTAssertEqual(try count(login), "4", login)
            XCTAssertEqual(try page(login, stage: "offer") + "|" + (try page(login, segment: 1, stage: "offer")), "1|", login)
            XCTAssertEqual(try count(login, stage: "offer"), "1", login)
        }
        XCTAssertEqual(try page("dana", order: "name", apart: false, purpose: "dsr"), "2,1,4,3", "the DPO's request: by name")
    }

    func testFullTextFindsOnlyTheTextsTheLoginMayRead() throws {
        func found(_ login: String, purpose: String = "recruitment") throws -> String {
            try pg.query(as: login, """
                BEGIN; SELECT FROM set_config('rekry.purpose', '\(purpose)', true);
                SELECT coalesce(string_agg(candidate_id::text, ',' ORDER BY candidate_id), '') FROM rekry.search_texts('{zqsecret}', 10);
                COMMIT;
                """)
        }
        for login in Self.members { XCTAssertEqual(try found(login), "1,4", login) }
        XCTAssertEqual(try found("dana", purpose: "dsr"), "1,2,3,4")
        XCTAssertEqual(try found("axel"), "")
        // A limit is filled with readable texts only: a withheld text takes no place.
        XCTAssertEqual(try pg.query(as: "rhea", "SELECT count(*) FROM rekry.search_texts('{zqsecret}', 2);"), "2")
    }

    func testATextIsIndexedOnlyInTheTransactionThatWroteIt() throws {
        for login in Self.logins {
            XCTAssertNotEqual(try pg.psql(as: login, "SELECT rekry.index_text(1, 'forged words');").status, 0, login)
        }
        XCTAssertEqual(try pg.query(as: "rhea", "SELECT count(*) FROM rekry.search_texts('{forged}', 10);"), "0")
        // A recruiter's own new document is indexed in its own transaction.
        XCTAssertEqual(try pg.query(as: "rhea", """
            BEGIN;
            INSERT INTO rekry.document (id, candidate_id, kind, title, body, received_at, basis)
              VALUES (50, 1, 'cv', 'CV', 'zqfresh words', now(), 'contract');
            SELECT rekry.index_text(50, 'zqfresh words');
            ROLLBACK;
            """), "")
    }

    func testTheCountersMoveWithEveryCommitAndCountCandidates() throws {
        func counter(_ login: String, _ name: String) throws -> String {
            try pg.query(as: login, "SELECT coalesce((SELECT value::text FROM rekry.register_counter WHERE name = '\(name)'), 'none');")
        }
        XCTAssertEqual(try counter("rhea", "candidates"), "4")
        XCTAssertEqual(try counter("axel", "candidates"), "none", "an admin is not told how many candidates there are")
        let before = Int(try counter("axel", "changes"))!
        try pg.query(as: "rhea", "UPDATE rekry.candidate_personal SET current_title = 'Engineer' WHERE candidate_id = 1;")
        XCTAssertEqual(Int(try counter("axel", "changes")), before + 1)
        // A rolled-back change moves nothing; members never write the counter themselves.
        try pg.query(as: "rhea", "BEGIN; UPDATE rekry.candidate_personal SET current_title = 'X' WHERE candidate_id = 1; ROLLBACK;")
        XCTAssertEqual(Int(try counter("rhea", "changes")), before + 1)
        for login in Self.logins {
            XCTAssertNotEqual(try pg.psql(as: login, "UPDATE rekry.register_counter SET value = 0;").status, 0, login)
        }
        try pg.query(as: pg.superuser, """
            INSERT INTO rekry.candidate (pseudonym, basis, source, collected_at, last_activity_at)
              SELECT 'c-bulk-' || i, 'contract', 'applied', now(), now() FROM generate_series(1, 3) i;
            """)
        XCTAssertEqual(try counter("lars", "candidates"), "7")
        try pg.query(as: pg.superuser, "DELETE FROM rekry.candidate WHERE pseudonym LIKE 'c-bulk-%';")
        XCTAssertEqual(try counter("lars", "candidates"), "4")
    }
}
