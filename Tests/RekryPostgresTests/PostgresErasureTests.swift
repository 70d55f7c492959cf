import Foundation
import RekryPostgres
import RekryTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Erasure on PostgreSQL, measured: markers planted in every personal field of a person, the person erased through
/// `rekry.erase_candidate` as a lead in a raw psql session, and then every file of the cluster (the data directory,
/// its WAL, the server's log) searched for each marker's bytes after each step an operator can take. The asserts are
/// the claims of docs/postgres.md ("Erasure on PostgreSQL: what remains"): when one stops being true, the test fails.
final class PostgresErasureTests: XCTestCase {
    /// lena is a lead, dora the DPO, alice a recruiter, adam an admin.
    static let logins = ["alice", "lena", "dora", "adam"]

    override func setUpWithError() throws {
        try XCTSkipUnless(PostgresCluster.isAvailable, "PostgreSQL 15 is not installed in \(PostgresCluster.binDirectory)")
    }

    static func makeCluster(settings: [String] = ["fsync=off", "full_page_writes=off"]) throws -> PostgresCluster {
        let c = try PostgresCluster(logins: logins, settings: settings)
        try c.setUp(PostgresMigrations.all.map(PostgresMigrations.transaction) + [staff])
        return c
    }

    static let staff = #"""
    CREATE ROLE alice LOGIN IN ROLE rekry_recruiter;
    CREATE ROLE lena LOGIN IN ROLE rekry_lead;
    CREATE ROLE dora LOGIN IN ROLE rekry_dpo;
    CREATE ROLE adam LOGIN IN ROLE rekry_admin;
    INSERT INTO rekry.staff (id, login, display_name, role, public_key, pseudonym) VALUES
      (1, 'alice', 'Alice', 'recruiter', decode(repeat('01', 32), 'hex'), 's-alice'),
      (3, 'lena', 'Lena', 'lead', decode(repeat('03', 32), 'hex'), 's-lena'),
      (4, 'dora', 'Dora', 'dpo', decode(repeat('04', 32), 'hex'), 's-dora'),
      (5, 'adam', 'Adam', 'admin', decode(repeat('05', 32), 'hex'), 's-adam');
    INSERT INTO rekry.process (id, title, opened_at) VALUES (1, 'Backend developer', now() - interval '20 days');
    """#

    /// The personal fields of person `i`, each holding a marker of its own: `MK<i>-<FIELD>-ZQ`.
    static let fields = ["NAME", "EMAIL", "PHONE", "ADDRESS", "LINK", "CONSENT", "CV", "NOTE", "ASSESSMENT", "REFEREE",
                         "STATEMENT", "DISCLOSURE", "REPORT", "GIVEN"]

    static func marker(_ person: Int, _ field: String) -> String { "MK\(person)-\(field)-ZQ" }

    /// Forty people with a row in every personal table each (so that pages are shared: person 20's rows sit between
    /// others'), a CV long enough to be stored out of line (TOAST, uncompressed: random hex), a psychologist report
    /// with its sealed text, key and grant for 20 and 30, and a reference that 20 gave for 21 (with 20's email), the
    /// last row of its page.
    static let people = #"""
    INSERT INTO rekry.candidate (id, pseudonym, basis, consent_purpose, source, collected_at, last_activity_at)
      SELECT i, 'c-' || i, 'consent', 'talent-pool', 'applied', now(), now() FROM generate_series(1, 40) i;
    INSERT INTO rekry.candidate_personal (candidate_id, full_name, email, phone, postal_address)
      SELECT i, 'MK' || i || '-NAME-ZQ', 'MK' || i || '-EMAIL-ZQ@example.com', '+46 MK' || i || '-PHONE-ZQ', 'MK' || i || '-ADDRESS-ZQ'
      FROM generate_series(1, 40) i;
    INSERT INTO rekry.candidate_link (candidate_id, kind, url, source)
      SELECT i, 'linkedin', 'https://example.com/MK' || i || '-LINK-ZQ', 'applied' FROM generate_series(1, 40) i;
    INSERT INTO rekry.consent (candidate_id, purpose, given_at, channel, text)
      SELECT i, 'talent-pool', now() - interval '1 day', 'web', 'MK' || i || '-CONSENT-ZQ: I agree' FROM generate_series(1, 40) i;
    INSERT INTO rekry.document (candidate_id, kind, title, body, received_at, basis)
      SELECT i, 'cv', 'CV', 'CV of MK' || i || '-CV-ZQ ' || (SELECT string_agg(md5(i || ':' || k), '') FROM generate_series(1, 200) k),
             now(), 'consent'
      FROM generate_series(1, 40) i;
    INSERT INTO rekry.assessment (candidate_id, kind, title, text, recorded_at, basis)
      SELECT i, 'interview-note', 'Interview', 'MK' || i || '-NOTE-ZQ', now(), 'consent' FROM generate_series(1, 40) i
      UNION ALL
      SELECT i, 'recruiter-assessment', 'Fit', 'MK' || i || '-ASSESSMENT-ZQ', now(), 'consent' FROM generate_series(1, 40) i;
    INSERT INTO rekry.reference (candidate_id, name, relationship, email, basis, collected_at)
      SELECT i, 'MK' || i || '-REFEREE-ZQ', 'manager', 'referee' || i || '@example.com', 'consent', now() FROM generate_series(1, 40) i;
    INSERT INTO rekry.reference_statement (reference_id, given_at, text)
      SELECT id, now(), 'MK' || candidate_id || '-STATEMENT-ZQ' FROM rekry.reference ORDER BY id;
    INSERT INTO rekry.participation (id, candidate_id, process_id, stage, started_at, stage_changed_at, basis)
      SELECT i, i, 1, 'interview', now(), now(), 'consent' FROM generate_series(1, 40) i;
    INSERT INTO rekry.disclosure (candidate_id, recipient, disclosed_at, what)
      SELECT i, 'Client AB', now(), 'MK' || i || '-DISCLOSURE-ZQ' FROM generate_series(1, 40) i;
    INSERT INTO rekry.psych_report (id, candidate_id, participation_id, author, written_at, attached_at, attached_by)
      SELECT i, i, i, 'Dr Psych', now(), now(), 3 FROM unnest(ARRAY[20, 30]) i;
    INSERT INTO rekry.psych_report_text
      SELECT i, convert_to('sealed MK' || i || '-REPORT-ZQ sealed', 'UTF8') FROM unnest(ARRAY[20, 30]) i;
    INSERT INTO rekry.report_grant (report_id, staff_login, granted_by, reason, granted_at)
      SELECT i, 'lena', 'lena', 'assessment', now() FROM unnest(ARRAY[20, 30]) i;
    INSERT INTO rekry.report_key SELECT i, 'lena', decode(repeat('0a', 32), 'hex'), '\xaa' FROM unnest(ARRAY[20, 30]) i;
    -- 20 and 30 as referees of 21 and 31 (matched by their email): those rows are theirs too.
    INSERT INTO rekry.reference (candidate_id, name, relationship, email, basis, collected_at) VALUES
      (21, 'MK20-GIVEN-ZQ', 'colleague', 'MK20-EMAIL-ZQ@example.com', 'consent', now()),
      (31, 'MK30-GIVEN-ZQ', 'colleague', 'MK30-EMAIL-ZQ@example.com', 'consent', now());
    ANALYZE;
    """#

    // MARK: - The measurement

    func testWhatAnErasureLeavesInTheDataDirectory() throws {
        // Full-page writes on, as on any production cluster: the WAL then also holds whole pages.
        let pg = try Self.makeCluster(settings: ["fsync=off", "full_page_writes=on"])
        defer { pg.stop() }
        try pg.query(as: pg.superuser, Self.people)
        // The CV is stored out of line and uncompressed, so its marker's bytes are whole in the TOAST table.
        XCTAssertEqual(try pg.query(as: pg.superuser, """
            SELECT pg_column_compression(body) IS NULL AND pg_column_size(body) > 2032 FROM rekry.document WHERE candidate_id = 20;
            """), "t")
        // A refused call whose text names the person: the server log keeps the statement (log_min_error_statement).
        let refused = try pg.psql(as: "lena", "SELECT * FROM rekry.erase_candidate(20, 'Anna \(Self.marker(20, "LOG"))');")
        XCTAssertNotEqual(refused.status, 0)
        try pg.query(as: pg.superuser, "CHECKPOINT; SELECT pg_switch_wal(); CHECKPOINT;")

        let erased = Self.fields.map { Self.marker(20, $0) } + [Self.marker(20, "LOG")]
        let kept = Self.fields.filter { $0 != "GIVEN" && $0 != "REPORT" }.map { Self.marker(21, $0) }
        var report: [String] = []
        func step(_ name: String) throws -> Scan {
            let scan = try Scan(pg, markers: erased + kept)
            report.append("\(name):\n" + scan.describe(erased))
            // Scans find what is there: the person kept is in the table files after every step.
            for m in kept { XCTAssertTrue(scan.kinds(m).contains("table") || scan.kinds(m).contains("toast"), "\(name): \(m) \(scan.kinds(m))") }
            // No index holds a personal field (indexes are on ids only), no catalog (no statistics of personal or
            // sealed columns), nothing outside base/, pg_wal/ and the log.
            for m in erased + kept {
                XCTAssertTrue(scan.kinds(m).isDisjoint(with: ["index", "catalog", "other"]), "\(name): \(m) in \(scan.files(m))")
            }
            XCTAssertTrue(scan.kinds(Self.marker(20, "LOG")).contains("log"), "\(name): the log")
            return scan
        }

        let planted = try step("planted, CHECKPOINT")
        for m in erased.dropLast() { XCTAssertFalse(planted.kinds(m).isDisjoint(with: ["table", "toast"]), "\(m) planted") }
        XCTAssertEqual(planted.kinds(Self.marker(20, "CV")), ["toast", "wal"])

        // The erasure, as a lead in a raw psql session.
        let segmentBefore = try pg.query(as: pg.superuser, "SELECT pg_walfile_name(pg_current_wal_lsn());")
        let row = try pg.query(as: "lena", "SELECT subject, detail, array_to_string(vacuum, ',') FROM rekry.erase_candidate(20, 'T-20');")
            .split(separator: "|").map(String.init)
        XCTAssertEqual(row.count, 3, "\(row)")
        XCTAssertEqual(row[0], "c-20")
        XCTAssertEqual(row[1], "request=T-20 assessments=2 consents=1 disclosures=1 documents=1 links=1 participations=1 profile=1 "
                       + "psych-reports=1 references=1 references-given=1 report-keys=1 statements=1")
        let touched = row[2].split(separator: ",").map(String.init)
        XCTAssertEqual(Set(touched), ["rekry.assessment", "rekry.candidate", "rekry.candidate_link", "rekry.candidate_personal",
                                      "rekry.consent", "rekry.disclosure", "rekry.document", "rekry.participation", "rekry.psych_report",
                                      "rekry.psych_report_text", "rekry.reference", "rekry.reference_statement", "rekry.report_grant",
                                      "rekry.report_key"])
        try pg.query(as: pg.superuser, "CHECKPOINT;")
        let deleted = try step("erase_candidate as a lead, CHECKPOINT")
        // Deleted rows stay in their pages until VACUUM: every field is still in a table or TOAST file.
        for m in erased.dropLast() { XCTAssertFalse(deleted.kinds(m).isDisjoint(with: ["table", "toast"]), "\(m) after DELETE") }
        // The erasure's own WAL holds the person: full-page images of the pages it changed (taken after the checkpoint).
        XCTAssertTrue(deleted.files(Self.marker(20, "NAME")).contains("wal " + segmentBefore), "\(deleted.files(Self.marker(20, "NAME")))")

        // VACUUM as the owner (the maintenance login), the tables the function named.
        try pg.query(as: pg.superuser, "SET ROLE rekry_owner;\nVACUUM (INDEX_CLEANUP ON, ANALYZE) \(touched.joined(separator: ", "));\nRESET ROLE;\nCHECKPOINT;")
        let vacuumed = try step("VACUUM (INDEX_CLEANUP ON, ANALYZE) of the touched tables, CHECKPOINT")
        // A plain VACUUM frees the space but does not zero it: a dead tuple that no live one is moved over stays
        // (the last row of a page, TOAST chunks).
        XCTAssertTrue(vacuumed.kinds(Self.marker(20, "CV")).contains("toast"), "\(vacuumed.files(Self.marker(20, "CV")))")
        XCTAssertTrue(vacuumed.kinds(Self.marker(20, "GIVEN")).contains("table"), "\(vacuumed.files(Self.marker(20, "GIVEN")))")

        // VACUUM FULL rewrites each table into a new file; the old file is emptied at once and unlinked at the checkpoint.
        try pg.query(as: pg.superuser, "SET ROLE rekry_owner;\nVACUUM FULL \(touched.joined(separator: ", "));\nRESET ROLE;\nCHECKPOINT;")
        let full = try step("VACUUM FULL of the touched tables, CHECKPOINT")
        for m in erased {
            XCTAssertTrue(full.kinds(m).isDisjoint(with: ["table", "toast"]), "\(m) after VACUUM FULL: \(full.files(m))")
        }
        // The WAL still holds them (a marker split by a WAL page header is not found: grep finds most, not all).
        XCTAssertTrue(full.kinds(Self.marker(20, "NAME")).contains("wal"), "the WAL still holds the name")
        XCTAssertGreaterThan(erased.filter { full.kinds($0).contains("wal") }.count, erased.count / 2)

        // WAL segments: switch and checkpoint until none holds a marker. A checkpoint recycles an old segment by
        // renaming it for the future, its old bytes inside; they go when it becomes current and is filled or switched.
        var rounds = 0
        var sawRecycled = false
        while rounds < 6 {
            rounds += 1
            try pg.query(as: pg.superuser, "SELECT pg_switch_wal();\nCHECKPOINT;")
            let current = try pg.query(as: pg.superuser, "SELECT pg_walfile_name(pg_current_wal_lsn());")
            let scan = try step("pg_switch_wal() + CHECKPOINT, round \(rounds) (current segment \(current))")
            let segments = Set(erased.flatMap { scan.files($0) }.filter { $0.hasPrefix("wal ") }.map { String($0.dropFirst(4)) })
            if segments.contains(where: { $0 > current }) { sawRecycled = true }
            if segments.isEmpty { break }
        }
        XCTAssertTrue(sawRecycled, "a recycled segment, named for the future, held the old bytes")
        XCTAssertGreaterThan(rounds, 1, "one switch and checkpoint is not enough with recycling")
        XCTAssertLessThanOrEqual(rounds, 4, "the markers left pg_wal within four rounds")

        // wal_recycle = off: a checkpoint unlinks old segments instead of renaming them. Person 30, erased by the DPO.
        try pg.query(as: pg.superuser, "ALTER SYSTEM SET wal_recycle = off;\nSELECT pg_reload_conf();")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SHOW wal_recycle;"), "off")
        let thirty = Self.fields.map { Self.marker(30, $0) }
        let touched30 = try pg.query(as: "dora", "SELECT array_to_string(vacuum, ', ') FROM rekry.erase_candidate(30, 'T-30');")
        try pg.query(as: pg.superuser, "SET ROLE rekry_owner;\nVACUUM FULL \(touched30);\nRESET ROLE;\nCHECKPOINT;")
        let full30 = try Scan(pg, markers: thirty)
        report.append("person 30, wal_recycle = off, erase_candidate as the DPO, VACUUM FULL, CHECKPOINT:\n" + full30.describe(thirty))
        for m in thirty { XCTAssertTrue(full30.kinds(m).isSubset(of: ["wal"]), "\(m): \(full30.files(m))") }
        XCTAssertTrue(full30.kinds(Self.marker(30, "NAME")).contains("wal"))
        try pg.query(as: pg.superuser, "SELECT pg_switch_wal();\nCHECKPOINT;")
        let gone30 = try Scan(pg, markers: thirty)
        report.append("person 30, one pg_switch_wal() + CHECKPOINT:\n" + gone30.describe(thirty))
        for m in thirty { XCTAssertEqual(gone30.files(m), [], "\(m) after one round without recycling") }

        // The audit log holds no personal data: its entries name the pseudonym and counts only.
        XCTAssertEqual(try pg.query(as: "dora", "SELECT count(*) FROM rekry.audit_entry WHERE detail LIKE '%MK%' OR subject LIKE '%MK%';"), "0")
        XCTAssertEqual(try pg.query(as: "dora", "SELECT first_broken IS NULL FROM rekry.verify_audit();"), "t")
        print("PostgresErasureTests: what remains\n" + report.joined(separator: "\n"))
    }

    // MARK: - Who may erase, and what goes

    func testOnlyLeadsAndTheDPOEraseAndEveryRowOfThePersonGoes() throws {
        let pg = try Self.makeCluster()
        defer { pg.stop() }
        try pg.query(as: pg.superuser, Self.people + """
            UPDATE rekry.candidate SET restricted = true WHERE id = 5;
            UPDATE rekry.document SET basis = 'legal-obligation' WHERE candidate_id = 6;
            """)
        // Recruiters and admins may not call it at all; a lead may not erase a restricted record, nor anyone one held
        // under a legal obligation; a request is a ticket id, not a name.
        for (login, id, request, expected) in [("alice", 20, "T-1", "permission denied"), ("adam", 20, "T-1", "permission denied"),
                                                ("lena", 5, "T-1", "restricted"), ("dora", 6, "T-1", "legal obligation"),
                                                ("lena", 6, "T-1", "legal obligation"), ("lena", 20, "Anna Svensson", "ticket id"),
                                                ("lena", 99, "T-1", "no candidate")] {
            let (status, output) = try pg.psql(as: login, "SELECT * FROM rekry.erase_candidate(\(id), '\(request)');")
            XCTAssertNotEqual(status, 0, "\(login) \(id): \(output)")
            XCTAssertTrue(output.contains(expected), "\(login) \(id): \(output)")
        }
        // Nothing went by any refused call.
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.candidate;"), "40")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.audit_entry;"), "0")

        // The DPO erases the restricted record; a lead an ordinary one.
        XCTAssertEqual(try pg.query(as: "dora", "SELECT subject FROM rekry.erase_candidate(5);"), "c-5")
        try pg.query(as: "lena", "SELECT 1 FROM rekry.erase_candidate(20, 'T-20');")
        // Every row of 20 went, in every table, and the reference 20 gave for 21 with it; 21's own reference stays.
        let left = try pg.query(as: pg.superuser, """
            SELECT (SELECT count(*) FROM rekry.candidate WHERE id = 20) + (SELECT count(*) FROM rekry.candidate_personal WHERE candidate_id = 20)
              + (SELECT count(*) FROM rekry.candidate_link WHERE candidate_id = 20) + (SELECT count(*) FROM rekry.consent WHERE candidate_id = 20)
              + (SELECT count(*) FROM rekry.document WHERE candidate_id = 20) + (SELECT count(*) FROM rekry.assessment WHERE candidate_id = 20)
              + (SELECT count(*) FROM rekry.participation WHERE candidate_id = 20) + (SELECT count(*) FROM rekry.reference WHERE candidate_id = 20)
              + (SELECT count(*) FROM rekry.reference_statement WHERE text LIKE 'MK20-%')
              + (SELECT count(*) FROM rekry.disclosure WHERE candidate_id = 20) + (SELECT count(*) FROM rekry.psych_report WHERE candidate_id = 20)
              + (SELECT count(*) FROM rekry.psych_report_text WHERE report_id = 20) + (SELECT count(*) FROM rekry.report_key WHERE report_id = 20)
              + (SELECT count(*) FROM rekry.report_grant WHERE report_id = 20) + (SELECT count(*) FROM rekry.reference WHERE name LIKE 'MK20-%');
            """)
        XCTAssertEqual(left, "0")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT string_agg(name, ',') FROM rekry.reference WHERE candidate_id = 21;"), "MK21-REFEREE-ZQ")
        XCTAssertEqual(try pg.query(as: pg.superuser, "SELECT count(*) FROM rekry.candidate;"), "38")
        // One pseudonymous entry each, actor from session_user, purpose dsr, chained.
        XCTAssertEqual(try pg.query(as: "dora", "SELECT string_agg(actor || ' ' || action || ' ' || subject || ' ' || purpose || ' ' || detail, E'\\n' ORDER BY seq) FROM rekry.audit_entry;"), """
            s-dora candidate.erase c-5 dsr assessments=2 consents=1 disclosures=1 documents=1 links=1 participations=1 profile=1 references=1 statements=1
            s-lena candidate.erase c-20 dsr request=T-20 assessments=2 consents=1 disclosures=1 documents=1 links=1 participations=1 profile=1 psych-reports=1 references=1 references-given=1 report-keys=1 statements=1
            """)
        XCTAssertEqual(try pg.query(as: "lena", "SELECT first_broken IS NULL FROM rekry.verify_audit();"), "t")
        // A staff login cannot VACUUM the owner's tables (it is skipped with a warning): a maintenance login must.
        let (_, warning) = try pg.psql(as: "lena", "VACUUM rekry.candidate;")
        XCTAssertTrue(warning.contains("skipping"), warning)
    }
}

/// Which files of a cluster hold which markers, each file named by its kind: `table <name>` (rekry's),
/// `catalog <name>` (any other table: pg_statistic, …), `toast <table>`,
/// `index <name>`, `wal <segment>`, `log`, `other <path>` (free space map, visibility map and anything else).
struct Scan {
    private var found: [String: Set<String>] = [:]

    init(_ pg: PostgresCluster, markers: [String]) throws {
        // The relations' files, by path relative to the data directory.
        var names: [String: String] = [:]
        let rows = try pg.query(as: pg.superuser, """
            SELECT pg_relation_filepath(c.oid) || '|' || CASE c.relkind WHEN 'r' THEN CASE WHEN c.relnamespace = 'rekry'::regnamespace
              THEN 'table ' ELSE 'catalog ' END || c.relname WHEN 'i' THEN 'index ' || c.relname
              WHEN 't' THEN 'toast ' || coalesce((SELECT p.relname FROM pg_class p WHERE p.reltoastrelid = c.oid), c.relname)
              ELSE 'other ' || c.relname END
            FROM pg_class c WHERE pg_relation_filepath(c.oid) IS NOT NULL;
            """)
        for line in rows.split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            if parts.count == 2 { names[parts[0]] = parts[1] }
        }
        let needles = markers.map { Array($0.utf8) }
        let root = pg.directory
        guard let walk = FileManager.default.enumerator(atPath: root) else { return }
        for case let path as String in walk {
            let full = root + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !path.hasPrefix(".s.PGSQL"), !path.hasPrefix("script-"),
                  let data = FileManager.default.contents(atPath: full) else { continue }
            let kind = Self.kind(path, names)
            for (marker, needle) in zip(markers, needles) where Self.contains(data, needle) {
                found[marker, default: []].insert(kind)
            }
        }
    }

    static func kind(_ path: String, _ names: [String: String]) -> String {
        if path == "log" { return "log" }
        if path.hasPrefix("data/pg_wal/") { return "wal " + (path as NSString).lastPathComponent }
        let relative = String(path.dropFirst("data/".count))
        // A relation's main fork, or a further 1 GB segment of it (`.1`); `_fsm`, `_vm` are "other".
        let base = relative.split(separator: ".").first.map(String.init) ?? relative
        if let name = names[base] { return name }
        return "other " + relative
    }

    static func contains(_ data: Data, _ needle: [UInt8]) -> Bool {
        // memchr for the first byte, memcmp for the rest (Glibc's memmem needs _GNU_SOURCE).
        data.withUnsafeBytes { (h: UnsafeRawBufferPointer) -> Bool in
            guard let base = h.baseAddress, let first = needle.first, h.count >= needle.count else { return false }
            var offset = 0
            let last = h.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(hit, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// The files holding `marker`.
    func files(_ marker: String) -> Set<String> { found[marker] ?? [] }

    /// The kinds of file holding `marker`: table, toast, index, wal, log, other.
    func kinds(_ marker: String) -> Set<String> { Set(files(marker).map { String($0.split(separator: " ").first ?? "") }) }

    func describe(_ markers: [String]) -> String {
        markers.map { "  \($0): \(files($0).sorted().joined(separator: ", "))" }.joined(separator: "\n")
    }
}
