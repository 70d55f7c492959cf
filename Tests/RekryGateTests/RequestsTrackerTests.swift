import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTestSupport
import XCTest

/// The DPO's requests tracker (Art. 12(3)) through the gate, on a manual clock: deadlines by the firm's
/// calendar, badges, extensions, closing against the audit entry of what was done, the second extract, and
/// a request that outlives its person's erasure without a byte of them.
final class RequestsTrackerTests: XCTestCase {
    var t: TestRegister!

    override func setUpWithError() throws { t = try TestRegister() }
    override func tearDown() { t = nil }

    func day(_ text: String) -> CivilDate { CivilDate(isoDay: text)! }
    /// 10:00 UTC on `text`.
    func morning(_ text: String) -> Date { day(text).date.addingTimeInterval(10 * 3600) }

    /// The candidate's pseudonym, read beneath the gate (as the register's owner) on either backend.
    func pseudonym(_ id: Int64) throws -> String { try XCTUnwrap(t.register.backend.read { try $0.candidate(id: id)?.pseudonym }) }

    func add(_ id: Int64, _ kind: RequestKind, received: String, note: String? = nil, country: CalendarCountry? = nil) throws -> RequestSummary {
        try t.gate("dpo").addRequest(RequestDraft(subject: .candidate(id), kind: kind, received: day(received), verifiedBy: .bankId,
                                                  note: note, reference: "DSR-\(received)", country: country))
    }

    func listed(_ id: Int64) throws -> RequestSummary {
        try XCTUnwrap(try t.gate("dpo").requests(openOnly: false).requests.first { $0.id == id })
    }

    func testOnlyTheDPORecordsListsExtendsAndClosesRequests() throws {
        t.clock.set(morning("2026-02-01"))
        let id = try t.addCandidate("Rita Request")
        let request = try add(id, .access, received: "2026-01-31")
        for user in ["recruiter", "lead", "admin"] {
            let gate = try t.gate(user)
            for attempt in [
                { _ = try gate.addRequest(RequestDraft(subject: .candidate(id), kind: .access, received: self.day("2026-01-31"), verifiedBy: .bankId)) },
                { _ = try gate.requests(openOnly: false) },
                { _ = try gate.extendRequest(id: request.id, months: 1, reason: "complex") },
                { _ = try gate.closeRequest(id: request.id, auditEntry: nil, outcome: .refused) },
            ] as [() throws -> Void] {
                XCTAssertThrowsError(try attempt(), user) { error in
                    guard case RegisterError.notPermitted = error else { return XCTFail("\(user): \(error)") }
                }
            }
        }
        XCTAssertEqual(try listed(request.id).status.urgency, .open, "nothing they tried changed it")
    }

    func testReceiptOn31JanuaryIsDueMonday2MarchAndTheBadgesFollowTheClock() throws {
        t.clock.set(morning("2026-02-01"))
        let id = try t.addCandidate("Rita Request")
        let request = try add(id, .erasure, received: "2026-01-31")
        XCTAssertEqual(request.due, "2026-03-02", "28 February 2026 is a Saturday")
        XCTAssertEqual(request.country, .sweden, "a profile naming no country: Sweden")
        XCTAssertEqual(request.subject, try pseudonym(id))
        XCTAssertEqual(request.status, RequestStatus(urgency: .open, extended: false))
        t.clock.set(morning("2026-02-22"))
        XCTAssertEqual(try listed(request.id).status.urgency, .open, "eight days left")
        t.clock.set(morning("2026-02-23"))
        XCTAssertEqual(try listed(request.id).status.urgency, .dueSoon, "seven days left")
        t.clock.set(morning("2026-03-02"))
        XCTAssertEqual(try listed(request.id).status.urgency, .dueSoon, "due today")
        t.clock.set(morning("2026-03-03"))
        XCTAssertEqual(try listed(request.id).status.urgency, .overdue)
        XCTAssertEqual(try t.gate("dpo").requests(openOnly: true).requests.map(\.id), [request.id], "an overdue request is still open")
        XCTAssertThrowsError(try add(id, .access, received: "2026-03-04")) { error in
            XCTAssertEqual("\(error)", "--received: 2026-03-04 is after today (2026-03-03)")
            XCTAssertEqual((error as? RegisterError)?.exitCode, 65)
        }
    }

    func testTheFirmsCountryMovesTheDeadlineAndARequestMayOverrideIt() throws {
        t.clock.set(morning("2026-05-20"))
        let id = try t.addCandidate("Nora Norsk")
        XCTAssertEqual(try t.gate("dpo").firmCountry(), .sweden)
        // A deadline on Midsummer Eve (Friday 19 June 2026) in Sweden moves past Midsummer Day and the Sunday.
        XCTAssertEqual(try add(id, .access, received: "2026-05-19").due, "2026-06-22")
        try t.gate("dpo").setRetentionProfile(name: "no.policy", text: "firm Norsk AS\ncountry NO\nunused last-activity 5y\n")
        XCTAssertEqual(try t.gate("dpo").firmCountry(), .norway)
        let norwegian = try add(id, .rectification, received: "2026-05-19")
        XCTAssertEqual(norwegian.country, .norway)
        XCTAssertEqual(norwegian.due, "2026-06-19", "Midsummer Eve is a working day in Norway")
        // A month from 17 April 2026 is Sunday 17 May, Constitution Day: due Monday 18 May.
        let constitution = try add(id, .objection, received: "2026-04-17")
        XCTAssertEqual(constitution.due, "2026-05-18")
        // Whit Monday (25 May 2026) is Norwegian only: the override keeps Sweden's calendar.
        XCTAssertEqual(try add(id, .restriction, received: "2026-04-25").due, "2026-05-26")
        XCTAssertEqual(try add(id, .restriction, received: "2026-04-25", country: .sweden).due, "2026-05-25")
        // The country comes from the signed profile: edited into the file by hand, it is refused, not used.
        try t.execute("UPDATE registerInfo SET value = replace(value, 'country NO', 'country SE') WHERE key = 'policy.text'")
        XCTAssertThrowsError(try add(id, .access, received: "2026-05-01")) { error in
            guard let reason = (error as? RegisterError)?.refusalText else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("does not carry a valid signature"), reason)
        }
    }

    func testAnExtensionWithinTheFirstMonthMovesTheDeadlineAndOneAfterItIsRefused() throws {
        t.clock.set(morning("2026-02-10"))
        let id = try t.addCandidate("Erik Extended")
        let request = try add(id, .access, received: "2026-01-31")
        let dpo = try t.gate("dpo")
        let extended = try dpo.extendRequest(id: request.id, months: 2, reason: "thousands of emails to search")
        XCTAssertEqual(extended.due, "2026-04-30")
        XCTAssertEqual(extended.firstMonthDue, "2026-03-02")
        XCTAssertEqual(extended.noticeGiven, "2026-02-10")
        XCTAssertEqual(extended.status, RequestStatus(urgency: .open, extended: true))
        XCTAssertThrowsError(try dpo.extendRequest(id: request.id, months: 1, reason: "more"), "two further months in all")

        let late = try add(id, .rectification, received: "2026-01-20")  // due Friday 20 February
        XCTAssertEqual(late.due, "2026-02-20")
        t.clock.set(morning("2026-02-23"))
        XCTAssertThrowsError(try dpo.extendRequest(id: late.id, months: 1, reason: "complex")) { error in
            guard let (field, message) = (error as? RegisterError)?.invalidValue else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "--notice-given")
            XCTAssertTrue(message.contains("after the first month ended on 2026-02-20"), message)
        }
        XCTAssertEqual(try listed(late.id).status, RequestStatus(urgency: .overdue, extended: false), "the refusal changed nothing")
        // Told in time (the 18th), recorded later: allowed.
        let recorded = try dpo.extendRequest(id: late.id, months: 1, reason: "complex", noticeGiven: day("2026-02-18"))
        XCTAssertEqual(recorded.due, "2026-03-20")
        XCTAssertEqual(recorded.status, RequestStatus(urgency: .open, extended: true))
        XCTAssertThrowsError(try dpo.extendRequest(id: 999, months: 1, reason: "x"))
    }

    func testClosingLinksToAFittingAuditEntryAboutTheSamePerson() throws {
        t.clock.set(morning("2026-03-02"))
        let rita = try t.addCandidate("Rita Request", basis: .contract, consent: .none)
        let other = try t.addCandidate("Olle Other", basis: .contract, consent: .none)
        let dpo = try t.gate("dpo")
        let access = try add(rita, .access, received: "2026-03-02")
        t.clock.advance(by: 3600)
        _ = try dpo.registerExtract(candidateId: other)
        _ = try dpo.registerExtract(candidateId: rita)
        let ritasExport = try XCTUnwrap(dpo.auditEntries(subjectCandidate: rita).last { $0.action == "candidate.export" }).seq
        let othersExport = try XCTUnwrap(dpo.auditEntries(subjectCandidate: other).last { $0.action == "candidate.export" }).seq
        let ritasAdd = try XCTUnwrap(dpo.auditEntries().first { $0.action == "request.add" }).seq

        func refusal(_ seq: Int64?, _ outcome: RequestOutcome = .done) -> String? {
            do {
                _ = try dpo.closeRequest(id: access.id, auditEntry: seq, outcome: outcome)
                return nil
            } catch let error as RegisterError where error.invalidValue != nil {
                XCTAssertEqual(error.invalidValue!.field, "--audit-entry")
                return error.invalidValue!.message
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(refusal(nil)?.contains("name the audit entry") == true)
        XCTAssertTrue(refusal(99_999)?.contains("there is no audit entry 99999") == true)
        XCTAssertTrue(refusal(othersExport)?.contains("about someone else") == true, "Olle's extract does not answer Rita")
        XCTAssertTrue(refusal(ritasAdd)?.contains("request.add; an access request is answered by a register extract") == true)
        XCTAssertEqual(try listed(access.id).status.urgency, .open, "no refusal closed it")

        let closed = try dpo.closeRequest(id: access.id, auditEntry: ritasExport)
        XCTAssertEqual(closed.status.urgency, .closed)
        XCTAssertEqual(closed.auditEntry, ritasExport)
        XCTAssertEqual(closed.outcome, .done)
        XCTAssertThrowsError(try dpo.closeRequest(id: access.id, auditEntry: ritasExport), "closed once")
        XCTAssertEqual(try dpo.requests(openOnly: true).requests.map(\.id), [])

        // Rectification answered by an edit; an extract does not answer it; a refusal needs no entry.
        let rectify = try add(rita, .rectification, received: "2026-03-02")
        XCTAssertThrowsError(try dpo.closeRequest(id: rectify.id, auditEntry: ritasExport))
        try t.gate("lead").editCandidate(rita, changes: [.currentEmployer: "Beta AB"])
        let edit = try XCTUnwrap(dpo.auditEntries(subjectCandidate: rita).last { $0.action == "candidate.edit" }).seq
        XCTAssertEqual(try dpo.closeRequest(id: rectify.id, auditEntry: edit).auditEntry, edit)
        let objection = try add(rita, .objection, received: "2026-03-02")
        XCTAssertEqual(try dpo.closeRequest(id: objection.id, auditEntry: nil, outcome: .refused).outcome, .refused)

        let closes = try dpo.auditEntries().filter { $0.action == "request.close" }
        XCTAssertEqual(closes.count, 3)
        XCTAssertEqual(closes[0].detail, "request=\(access.id) kind=access outcome=done entry=\(ritasExport) on-time=yes")
        XCTAssertEqual(Set(closes.map(\.subject)), [try pseudonym(rita)])
    }

    func testTheSecondExtractWithinAYearIsFlagged() throws {
        t.clock.set(morning("2026-03-01"))
        let id = try t.addCandidate("Agnes Again")
        let first = try add(id, .access, received: "2025-06-10")
        XCTAssertFalse(first.secondExtractWithinYear)
        let erasure = try add(id, .erasure, received: "2026-02-01")
        XCTAssertFalse(erasure.secondExtractWithinYear, "only extracts count")
        let second = try add(id, .access, received: "2026-03-01")
        XCTAssertTrue(second.secondExtractWithinYear)
        let list = try t.gate("dpo").requests(openOnly: false).requests
        XCTAssertEqual(list.filter(\.secondExtractWithinYear).map(\.id), [second.id])
        XCTAssertTrue(try t.gate("dpo").auditEntries().contains { $0.action == "request.add" && $0.detail.contains("second-extract-within-year") })
        // Someone else's extract does not count, and neither does a refused one.
        let other = try t.addCandidate("Olle Other")
        let othersFirst = try add(other, .access, received: "2026-03-01")
        XCTAssertFalse(othersFirst.secondExtractWithinYear)
        let earlier = try add(other, .access, received: "2026-02-27")
        XCTAssertFalse(earlier.secondExtractWithinYear, "the earlier of two is the first")
        XCTAssertTrue(try listed(othersFirst.id).secondExtractWithinYear, "recorded later, received after another: the second")
        _ = try t.gate("dpo").closeRequest(id: earlier.id, auditEntry: nil, outcome: .refused)
        XCTAssertFalse(try listed(othersFirst.id).secondExtractWithinYear, "a refused request does not count")
    }

    func testARequestOutlivesTheErasureWithoutItsNoteReasonOrLink() throws {
        t.clock.set(morning("2026-03-02"))
        let id = try t.addCandidate("Zqvxname Erasewanted", basis: .contract, consent: .none)
        let subject = try pseudonym(id)
        let request = try add(id, .erasure, received: "2026-03-02", note: "passport Zqvxnotemarker checked at the desk")
        _ = try t.gate("dpo").extendRequest(id: request.id, months: 1, reason: "Zqvxreasonmarker archives")
        try t.gate("dpo").checkpointJournals()
        XCTAssertFalse(t.filesContain("Zqvxnotemarker").isEmpty, "the control: the note was written")
        let stays = try XCTUnwrap(t.gate("dpo").erasurePreview(candidateIds: [id]).first).stays.map(\.what)
        XCTAssertTrue(stays.contains("1 data subject request (pseudonymous)"), "\(stays)")
        let leadSees = try XCTUnwrap(t.gate("lead").erasurePreview(candidateIds: [id]).first).stays.map(\.what)
        XCTAssertFalse(leadSees.contains { $0.contains("request") }, "requests are the DPO's: a lead's preview does not count them")
        _ = try t.gate("dpo").erase(candidateIds: [id], request: "DSR-9")
        let after = try listed(request.id)
        XCTAssertEqual(after.subject, subject, "the request stays as proof, under the pseudonym")
        XCTAssertNil(after.candidateId)
        XCTAssertFalse(after.onRegister)
        XCTAssertEqual(after.extensionMonths, 1)
        // On PostgreSQL the bytes go with the database administrator's job (docs/postgres.md); on SQLite this does nothing.
        try t.runDatabaseAdministratorsErasureJob()
        for marker in ["Zqvxnotemarker", "Zqvxreasonmarker", "Zqvxname"] { XCTAssertEqual(t.filesContain(marker), [], marker) }
        let erasure = try XCTUnwrap(t.gate("dpo").auditEntries().last { $0.action == "candidate.erase" })
        XCTAssertEqual(try t.gate("dpo").closeRequest(id: request.id, auditEntry: erasure.seq).status.urgency, .closed)
    }

    func testARefereesRequestIsTheirsAndLosesItsLinkWhenTheyAreErased() throws {
        t.clock.set(morning("2026-03-02"))
        let id = try t.addCandidate("Cara Candidate", basis: .contract, consent: .none)
        try t.addReference(id, name: "Rolf Referee")
        let referenceId: Int64 = try XCTUnwrap(t.register.backend.read { try $0.references(candidateId: id).first?.id })
        let dpo = try t.gate("dpo")
        let request = try dpo.addRequest(RequestDraft(subject: .reference(referenceId), kind: .erasure, received: day("2026-03-02"),
                                                      verifiedBy: .knownEmail, note: "Zqvxrefnote replied from the known address"))
        XCTAssertTrue(request.subject.hasPrefix("r-"), request.subject)
        XCTAssertTrue(request.onRegister)
        _ = try dpo.eraseReferee(referenceId: referenceId, request: "DSR-10")
        let after = try listed(request.id)
        XCTAssertFalse(after.onRegister)
        // On PostgreSQL the bytes go with the database administrator's job (docs/postgres.md); on SQLite this does nothing.
        try t.runDatabaseAdministratorsErasureJob()
        XCTAssertEqual(t.filesContain("Zqvxrefnote"), [])
        let erased = try XCTUnwrap(dpo.auditEntries().last { $0.action == "referee.erase" })
        XCTAssertEqual(erased.subject, request.subject)
        XCTAssertEqual(try dpo.closeRequest(id: request.id, auditEntry: erased.seq).outcome, .done)
        XCTAssertNotNil(try t.register.backend.read { try $0.candidate(id: id) }, "the candidate stays")
    }

    func testEveryStepIsAuditedWithoutPersonalData() throws {
        t.clock.set(morning("2026-03-02"))
        let id = try t.addCandidate("Zqvxaudit Person")
        let request = try add(id, .access, received: "2026-03-02", note: "Zqvxauditnote")
        let dpo = try t.gate("dpo")
        _ = try dpo.requests(openOnly: true)
        _ = try dpo.extendRequest(id: request.id, months: 1, reason: "Zqvxauditreason")
        _ = try dpo.closeRequest(id: request.id, auditEntry: nil, outcome: .refused)
        let entries = try dpo.auditEntries().filter { $0.action.hasPrefix("request.") }
        XCTAssertEqual(entries.map(\.action), ["request.add", "request.list", "request.extend", "request.close"])
        XCTAssertEqual(entries.map(\.subject), [try pseudonym(id), nil, try pseudonym(id), try pseudonym(id)])
        XCTAssertTrue(entries[0].detail.contains("kind=access received=2026-03-02 verified=bankid country=SE due=2026-04-02"), entries[0].detail)
        XCTAssertEqual(entries[1].detail, "count=1 open-only")
        for e in entries {
            XCTAssertFalse(e.detail.contains("Zqvx"), e.detail)
            XCTAssertEqual(e.purpose, "dsr")
        }
        guard case .intact = try dpo.verifyAudit() else { return XCTFail("the chain must verify") }
    }

    func testTheListPutsTheMostUrgentFirstAndClosedRequestsLast() throws {
        t.clock.set(morning("2026-03-02"))
        let id = try t.addCandidate("Olle Order")
        let later = try add(id, .access, received: "2026-03-01")      // due 1 April
        let sooner = try add(id, .rectification, received: "2026-02-10")  // due 10 March
        let closed = try add(id, .objection, received: "2026-02-20")
        _ = try t.gate("dpo").closeRequest(id: closed.id, auditEntry: nil, outcome: .refused)
        let soonest = try add(id, .restriction, received: "2026-02-05")  // due 5 March
        XCTAssertEqual(try t.gate("dpo").requests(openOnly: false).requests.map(\.id), [soonest.id, sooner.id, later.id, closed.id])
        XCTAssertEqual(try t.gate("dpo").requests(openOnly: true).requests.map(\.id), [soonest.id, sooner.id, later.id])
    }

    func testOnlyTheDPOReadsTheDesksAuditEntriesAndTheCountTellsNothing() throws {
        let id = try t.addCandidate("Olga Objection")
        let pseudonym: String = try self.pseudonym(id)
        _ = try add(id, .objection, received: "2026-02-27")
        _ = try t.gate("recruiter").candidate(id)
        for user in ["lead", "admin"] {
            let entries = try t.gate(user).auditEntries(limit: 1_000)
            XCTAssertFalse(entries.contains { $0.action.hasPrefix("request.") || $0.action.hasPrefix("breach.") }, user)
            // A page of two is filled from further back: it never comes back short because a desk entry was hidden.
            XCTAssertEqual(try t.gate(user).auditEntries(limit: 2).count, 2, user)
        }
        XCTAssertFalse(try XCTUnwrap(t.gate("lead").activity(candidateId: id).value).contains { $0.action.hasPrefix("request.") },
                       "a lead's Activity tab leaves the request out")
        XCTAssertTrue(try t.gate("dpo").auditEntries(limit: 1_000).contains { $0.action == "request.add" && $0.subject == pseudonym })
    }
}
