import Foundation
import RekryDomain
import RekryGate
import RekryTestSupport
import XCTest

/// The erasure marker test on both backends: a person with a unique marker in every kind of field (planted
/// through the gate: profile, contact details, link, CV, letter, note, assessment, consent, referee and
/// statement, the sealed report, the DPO's request note and a breach description), erased through the gate,
/// and then no byte of any marker in any file `TestRegister.fileBytes` reads.
///
/// SQLite is trace-free when `erase` returns. PostgreSQL is not, and says so (docs/postgres.md, "Erasure on
/// PostgreSQL"): the rows go at once, but their bytes stay in heap pages and the WAL until the database
/// administrator's job (VACUUM FULL as the owner, CHECKPOINT, `pg_switch_wal()`, CHECKPOINT, with
/// `wal_recycle = off`), and a lead's erasure leaves the breach log's redaction to the DPO's next sign-in. Until
/// then the receipt says the bytes are not gone and the files still hold the person; after it, no file of the
/// database nor any WAL segment does.
final class ErasureMarkerContractTests: XCTestCase {
    func eraseAndLookForTheMarkers(as eraser: String, tag: String) throws {
        let t = try TestRegister()
        let planted = try ErasureMarkers.plant(in: t, tag: tag)
        let other = try t.addCandidate("Bo Other", basis: .contract, consent: .none)
        try t.gate(eraser).checkpointJournals()
        planted.assertPresent(in: t)

        let receipts = try t.gate(eraser).erase(candidateIds: [planted.candidateId], request: "DSR-\(tag)")
        XCTAssertEqual(receipts.count, 1)
        XCTAssertFalse(receipts[0].categories.isEmpty)
        XCTAssertThrowsError(try t.gate(eraser).candidate(planted.candidateId), "the person's rows are gone at once")
        if t.isPostgres {
            // Before the administrator's job: the receipt is honest (the bytes are not gone), and says so once: the
            // eraser's next sign-in ends the erasure and their next checkpoint (closing a process) is not refused.
            XCTAssertEqual(receipts.map(\.bytesGone), [false], "no byte-level claim before the VACUUM FULL")
            XCTAssertNoThrow(try t.gate(eraser).checkpointJournals())
            let files = t.fileBytes()
            let remaining = planted.needles.filter { needle in files.values.contains { $0.range(of: Data(needle.needle.utf8)) != nil } }
            XCTAssertFalse(remaining.isEmpty, "the control: dead rows and WAL hold the person until the job runs")
            // A lead's erasure leaves the breach log (which names the person) to the DPO: their next sign-in takes
            // the person out of it, as the DPO's own erasure does at once (docs/postgres.md, "v4 breach redaction by
            // the DPO"); then the job.
            if eraser != "dpo" { _ = try t.gate("dpo") }
            try t.runDatabaseAdministratorsErasureJob()
        } else {
            XCTAssertEqual(receipts.map(\.bytesGone), [true])
        }
        XCTAssertEqual(try t.register.backend.read { try $0.pendingErasures() }, [], "the erasure is finished")
        planted.assertGone(from: t)

        // What stays is pseudonymous: the erasure log, the audit entry, the request without its note or link.
        let subject = receipts[0].subject
        XCTAssertTrue(subject.hasPrefix("c-"), subject)
        let dpo = try t.gate("dpo")
        XCTAssertTrue(try dpo.auditEntries().contains { $0.action == "candidate.erase" && $0.subject == subject })
        let request = try XCTUnwrap(try dpo.requests(openOnly: false).requests.first { $0.subject == subject })
        XCTAssertNil(request.candidateId)
        for (_, marker) in planted.markers where !marker.contains(" ") {
            XCTAssertEqual(try dpo.fullTextSearch(marker, purpose: .dataSubjectRequest).count, 0, marker)
        }
        XCTAssertNoThrow(try t.gate("lead").candidate(other), "the others stay")
        guard case .intact = try dpo.verifyAudit() else { return XCTFail("the log does not verify after an erasure") }
    }

    func testALeadsErasureLeavesNoMarkerOnSQLite() throws { try eraseAndLookForTheMarkers(as: "lead", tag: "K") }
    func testTheDPOsErasureLeavesNoMarkerOnSQLite() throws { try eraseAndLookForTheMarkers(as: "dpo", tag: "L") }
    func testALeadsErasureLeavesNoMarkerOnPostgresAfterTheAdministratorsJob() throws {
        try onPostgres { try eraseAndLookForTheMarkers(as: "lead", tag: "M") }
    }
    func testTheDPOsErasureLeavesNoMarkerOnPostgresAfterTheAdministratorsJob() throws {
        try onPostgres { try eraseAndLookForTheMarkers(as: "dpo", tag: "N") }
    }
}
