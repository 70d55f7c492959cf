import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

extension Gate {
    /// The preview of erasing each of `candidateIds`: what goes per category, what stays and why, the
    /// recipients to tell. Recruiters, leads and the DPO.
    public func erasurePreview(candidateIds: [Int64]) throws -> [ErasurePreview] {
        try requireWrite(.eraseCandidate)
        return try reading { s in try candidateIds.map { try preview(s, candidateId: $0) } }
    }

    func preview(_ s: any StorageSession, candidateId id: Int64) throws -> ErasurePreview {
        let missing = RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(id)"]))
        guard let record = try s.candidate(id: id) else { throw missing }
        let badge = BadgePolicy.badge(for: record.badgeFacts, at: clock.now())
        // The gate decides before it asks the storage for the inventory: a server that checks the eraser itself
        // (PostgreSQL's `rekry.check_eraser`) refuses the inventory of a record this member may not erase, and
        // its refusal would end the transaction, so the preview is then the gate's own refusal. Where the gate
        // alone decides (SQLite), the inventory is read and a legal obligation is worded first, as before.
        var policyRefusal: Wording?
        if case .withhold(let reason) = WritePolicy.decide(role: actor.role, action: .eraseCandidate, badge: badge) {
            policyRefusal = Wording("gate.refusedFor", ["action": .action(.eraseCandidate), "id": "\(id)", "reason": .reason(reason)])
        }
        if policyRefusal == nil { policyRefusal = withheldProfileRefusal(s, record, action: .eraseCandidate) }
        if policyRefusal != nil && s.refusesInventoryToWhomPolicyRefuses {
            return ErasurePreview(candidateId: id, subject: record.pseudonym, goes: [.init(category: "profile", count: 1)],
                                  stays: [.init(what: Wording("gate.erase.auditEntries"), why: Wording("gate.erase.auditEntriesWhy")),
                                          .init(what: Wording("gate.erase.suppression"), why: Wording("gate.erase.suppressionWhy"))],
                                  recipients: [], refusal: policyRefusal)
        }
        guard let inventory = try s.erasureInventory(candidateId: id) else { throw missing }
        func seen(_ category: DataCategory, _ count: Int) -> Int? { mayRead(category, of: record) ? count : nil }
        var goes: [ErasurePreview.Line] = [
            .init(category: "profile", count: 1),
            .init(category: "contact details", count: seen(.contact, inventory.contactDetails + inventory.links)),
            .init(category: "documents", count: seen(.documents, inventory.documents)),
            .init(category: "notes", count: seen(.assessments, inventory.notes)),
            .init(category: "assessments", count: seen(.assessments, inventory.assessments)),
            .init(category: "references and their statements", count: seen(.references, inventory.references + inventory.referenceStatements)),
            .init(category: "consents", count: seen(.consent, inventory.consents)),
            .init(category: "process participation", count: seen(.processes, inventory.participations)),
            .init(category: "psychologist report and its keys", count: seen(.psychReportMeta, inventory.psychReports)),
            .init(category: "disclosures", count: seen(.activity, inventory.disclosures)),
            .init(category: "rectification log", count: seen(.activity, inventory.recordChanges)),
        ]
        goes = goes.filter { $0.count != 0 }
        var refusal: Wording?
        var stays = [
            ErasurePreview.Kept(what: Wording("gate.erase.auditEntries"), why: Wording("gate.erase.auditEntriesWhy")),
            ErasurePreview.Kept(what: Wording("gate.erase.suppression"), why: Wording("gate.erase.suppressionWhy")),
        ]
        // Requests are the DPO's: only the DPO's preview counts them (a count is a read too).
        let requests = actor.role == .dpo ? try s.requests(subject: inventory.pseudonym).count : 0
        if requests > 0 {
            stays.append(.init(what: Wording(requests == 1 ? "gate.erase.requests.one" : "gate.erase.requests.other", ["n": "\(requests)"]),
                               why: Wording("gate.erase.requestsWhy")))
        }
        if !inventory.legalObligationItems.isEmpty {
            // `document 1, profile 1`: each item worded on its own, joined by commas in every language.
            let each = inventory.legalObligationItems.sorted { $0.key < $1.key }.map { item in
                GateWords.en["gate.legalItem.\(item.key)"] == nil ? Wording("gate.legalItem", ["what": "\(item.key)", "n": "\(item.value)"])
                    : Wording("gate.legalItem.\(item.key)", ["n": "\(item.value)"])
            }
            let items = each.dropFirst().reduce(each[0]) { Wording("gate.join", ["first": .wording($0), "rest": .wording($1)]) }
            stays.insert(.init(what: Wording("gate.erase.legalObligation", ["items": .wording(items)]), why: Wording("gate.erase.legalObligationWhy")), at: 0)
            refusal = Wording("gate.erase.refusedLegalObligation", ["id": "\(id)"])
        } else if let policyRefusal {
            refusal = policyRefusal
        }
        return ErasurePreview(candidateId: id, subject: inventory.pseudonym, goes: goes, stays: stays,
                              recipients: mayRead(.activity, of: record) ? inventory.recipients : [], refusal: refusal)
    }

    /// Erases each of `candidateIds` and everything held about them, leaving no byte of them in any file of
    /// the register, and returns a receipt per person. All or nothing: when one cannot be erased (a legal
    /// obligation, a restriction), nothing is. `progress` is told how many of the batch are done.
    ///
    /// The steps, each a transaction: mark the erasures begun; remove the people's texts from the full-text
    /// index (from the stored texts, so before the rows go); delete the rows, write the suppression hashes,
    /// the erasure log and the audit entries; checkpoint both files with TRUNCATE. A crash between the steps
    /// leaves the marker, and the next sign-in finishes the erasure (`resumeErasures`).
    public func erase(candidateIds: [Int64], request: String? = nil, progress: (Int, Int) -> Void = { _, _ in }) throws -> [ErasureReceipt] {
        try requireWrite(.eraseCandidate)
        let request = try ErasureRules.request(request)
        let ids = Array(Set(candidateIds)).sorted()
        guard !ids.isEmpty else { throw RegisterError.invalidBecause(field: "ID", Wording("gate.rule.eraseNobody")) }
        let previews = try reading { s in try ids.map { try preview(s, candidateId: $0) } }
        if let refused = previews.first(where: { $0.refusal != nil }) {
            throw refused.refusalWording.map(RegisterError.refusedBecause) ?? RegisterError.refused(refused.refusal!)
        }
        let now = clock.now()
        var receipts: [ErasureReceipt] = []
        var left = Set<Int64>()
        // The full-text step merges each shard it touches once per round, which is where an erasure's time
        // goes: a round takes many people (ids in order share shards), and their rows go in smaller
        // transactions within it.
        for round in ErasureRules.slices(ids, by: ErasureRules.textRound) {
            try backend.write { s in
                for id in round {
                    guard let pseudonym = try s.candidate(id: id)?.pseudonym else { continue }
                    try s.beginErasure(PendingErasure(candidateId: id, subject: pseudonym, request: request, actor: actor.pseudonym, startedAt: now))
                }
            }
            try backend.removeIndexedText(candidateIds: round)
            for chunk in ErasureRules.slices(round, by: ErasureRules.chunk) {
                let finished = try finishErasures(chunk, resumed: false, textRemoved: true)
                receipts += finished.receipts
                left.formUnion(finished.left)
                progress(receipts.count, ids.count)
            }
        }
        return try checkpointed(receipts, ending: ids.filter { !left.contains($0) })
    }

    /// Finishes erasures a crash interrupted (run at sign-in, before anything is read): the rows of those not
    /// yet deleted go, and the journals of all are checkpointed before their markers are cleared.
    @discardableResult
    public func resumeErasures() throws -> [ErasureReceipt] {
        let pending = try backend.read { try $0.pendingErasures() }
        guard !pending.isEmpty else { return [] }
        let ids = pending.map(\.candidateId)
        let finished = try finishErasures(ids, resumed: true)
        return try checkpointed(finished.receipts, ending: ids.filter { !finished.left.contains($0) })
    }

    /// Deletes the people of `ids` whose erasure was begun, and returns their receipts; `left` are those kept with
    /// their marker for the DPO's sign-in (a profile withheld from this login since the erasure began).
    private func finishErasures(_ ids: [Int64], resumed: Bool, textRemoved: Bool = false) throws -> (receipts: [ErasureReceipt], left: Set<Int64>) {
        if !textRemoved { try backend.removeIndexedText(candidateIds: ids) }
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            let secret = try s.suppressionSecret()
            let pending = Dictionary(try s.pendingErasures().map { ($0.candidateId, $0) }, uniquingKeysWith: { a, _ in a })
            var receipts: [ErasureReceipt] = []
            var left = Set<Int64>()
            for id in ids {
                guard let marker = pending[id] else { continue }
                // Already deleted by an interrupted run: only its checkpoint is left to do.
                guard let record = try s.candidate(id: id) else { continue }
                // A consent that lapsed between the steps: what goes with the person is derived from a profile
                // this login no longer reads, so the marker waits for the DPO, whose sign-in finishes it.
                if withheldProfileRefusal(s, record, action: .eraseCandidate) != nil { left.insert(id); continue }
                guard let inventory = try s.erasureInventory(candidateId: id) else { continue }
                for entry in Suppression.entries(for: record, secret: secret, at: now) { try s.insertSuppression(entry) }
                // The person as a referee for others: those rows are theirs too (matched by their email or phone).
                var givenAsReferee = 0
                for match in try s.referees(email: record.email, phone: record.phone) {
                    givenAsReferee += try s.deleteReferee(refereeId: match.refereeId).references
                }
                // A breach's description or measures may name the person although the form asks for no names:
                // their name, email, phone and address go from it (the breach itself stays, as Art. 33 requires).
                // Where the log is the DPO's alone, the storage keeps the details for the DPO's next sign-in.
                if s.breachRedactionWaitsForTheDPO && actor.role != .dpo {
                    try s.oweBreachRedaction(candidateId: id, contactOnly: false)
                } else {
                    _ = try ContactRedaction(email: record.email, phone: record.phone, address: record.postalAddress,
                                             country: record.country, name: record.fullName, links: try s.links(candidateId: id).map(\.url),
                                             replacement: "[erased person]").applyToBreaches(s)
                }
                try s.deleteCandidate(id: id)
                var categories = ErasureRules.categories(inventory)
                if givenAsReferee > 0 { categories["references they gave for others"] = givenAsReferee }
                let text = categories.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                try s.recordErasure(ErasureRecord(subject: record.pseudonym, kind: .candidate, erasedAt: now, request: marker.request,
                                                  actor: actor.pseudonym, categories: text))
                var detail = text
                if let request = marker.request { detail = "request=\(request) " + detail }
                if resumed { detail = "resumed begun-by=\(marker.actor) " + detail }
                try tx.audit(.candidateErase, subject: record.pseudonym, purpose: .dataSubjectRequest, detail: detail)
                receipts.append(ErasureReceipt(subject: record.pseudonym, erasedAt: now, request: marker.request, by: actor.pseudonym,
                                               categories: categories, bytesGone: false, resumed: resumed))
            }
            return (receipts, left)
        }
    }

    /// Checkpoints both files with TRUNCATE and marks the receipts with the outcome; only then are the pending
    /// markers cleared, so that an erasure is never taken for finished while a journal may hold the person.
    /// When a reader blocks the checkpoint, the person is erased from the database but old pages wait in a
    /// journal: the markers stay, and the next sign-in checkpoints again.
    private func checkpointed(_ receipts: [ErasureReceipt], ending ids: [Int64]) throws -> [ErasureReceipt] {
        let gone = try erasedBytesGone()
        if gone { try backend.write { try $0.endErasures(candidateIds: ids) } }
        return receipts.map { var r = $0; r.bytesGone = gone; return r }
    }

    /// Checkpoints after erasures: whether no byte of them is left in the storage's files. False when a reader
    /// kept a journal busy (SQLite: the next checkpoint finishes it) or when the storage keeps the bytes until
    /// its administrator's job (PostgreSQL: VACUUM FULL and CHECKPOINT).
    func erasedBytesGone() throws -> Bool {
        do {
            try backend.checkpoint()
        } catch RegisterError.refused {
            return false
        }
        return try backend.erasedBytesAwaitingAdministrator() == 0
    }

    /// The candidates the retention policy says are due by now (soonest first, at most `limit`), for a
    /// retention run. The DPO and leads; a lead's run leaves restricted records (only the DPO erases them)
    /// and records with items under a legal obligation, which the previews name.
    public func retentionDue(limit: Int = 10_000) throws -> [ErasurePreview] {
        try require([.dpo, .lead], for: "erase --retention-due")
        let now = clock.now()
        return try reading { s in
            let policy = try retentionProfile(s).policy
            return try s.retentionDue(at: now, limit: limit).map { id in
                var p = try preview(s, candidateId: id)
                // The rule names the event that made the person due; a record the actor may not erase keeps it to the DPO.
                if let record = try s.candidate(id: id), p.refusal == nil || actor.role == .dpo {
                    p.rule = policy.personDueRule(try retentionEvents(s, record), country: record.country).map { Self.ruleText($0.rule) }
                }
                return p
            }
        }
    }

    /// Erases a referee (a data subject too) across every candidate they give references for, with their
    /// statements; the candidates stay otherwise whole. `referenceId`: any of the referee's rows.
    public func eraseReferee(referenceId: Int64, request: String? = nil) throws -> ErasureReceipt {
        try requireWrite(.eraseCandidate)
        let request = try ErasureRules.request(request)
        let now = clock.now()
        let receipt = try audited { tx in
            let s = tx.session
            guard let match = try s.reference(id: referenceId) else { throw RegisterError.missingRecord(Wording("gate.what.reference", ["id": "\(referenceId)"])) }
            // A reference on a restricted record is that record's item: the DPO alone erases it, as the record.
            for row in try s.references(refereeId: match.refereeId) {
                guard let candidate = try s.candidate(id: row.candidateId) else { continue }
                try requireWrite(.eraseCandidate, badge: BadgePolicy.badge(for: candidate.badgeFacts, at: now), candidateId: candidate.id)
            }
            let (rows, statements) = try s.deleteReferee(refereeId: match.refereeId)
            // The referee's id (an internal number, the first row's) names them in the logs, so that a
            // restore from an older backup can erase them again.
            let subject = ErasureRules.refereeSubject(match.refereeId)
            let categories = ["references": rows, "statements": statements].filter { $0.value > 0 }
            let text = categories.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            try s.recordErasure(ErasureRecord(subject: subject, kind: .reference, erasedAt: now, request: request, actor: actor.pseudonym,
                                              categories: text))
            try tx.audit(.refereeErase, subject: subject, purpose: .dataSubjectRequest,
                         detail: (request.map { "request=\($0) " } ?? "") + text)
            return ErasureReceipt(subject: subject, erasedAt: now, request: request, by: actor.pseudonym, categories: categories,
                                  bytesGone: false, resumed: false)
        }
        return try checkpointed([receipt], ending: [])[0]
    }

    /// Lifts the suppression left by an erased person (the pseudonym in their receipt), with a reason. DPO only.
    public func liftSuppression(subject: String, reason: String) throws -> Int {
        try require([.dpo], for: "suppression lift")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalidBecause(field: "--reason", Wording("gate.rule.liftReason"))
        }
        let now = clock.now()
        return try audited { tx in
            let lifted = try tx.session.liftSuppression(subject: subject, at: now, by: actor.pseudonym, reason: reason)
            guard lifted > 0 else { throw RegisterError.missingRecord(Wording("gate.what.suppression", ["id": "\(subject)"])) }
            try tx.audit(.suppressionLift, subject: subject, purpose: .dataSubjectRequest, detail: "entries=\(lifted)")
            return lifted
        }
    }
}

/// Rules of erasure shared by its steps.
enum ErasureRules {
    /// The value of `key=value` in an audit detail or a log's counts (`category=contact-details`).
    static func value(_ key: String, in detail: String) -> String? {
        detail.split(separator: " ").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// A referee's subject in the erasure log and audit: `r-` and their referee id.
    static func refereeSubject(_ refereeId: Int64) -> String { "r-\(refereeId)" }

    /// The referee id in a subject `refereeSubject` wrote (nil for the random pseudonyms of older logs).
    static func refereeId(subject: String) -> Int64? {
        subject.hasPrefix("r-") ? Int64(subject.dropFirst(2)) : nil
    }

    /// Candidates whose rows go in one transaction: bounds each transaction and the progress steps.
    static let chunk = 100
    /// Candidates whose texts leave the full-text index in one round (each shard touched is merged once).
    static let textRound = 2_000

    static func slices(_ ids: [Int64], by size: Int) -> [[Int64]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    /// A request reference is an id in the firm's ticket system, never free text about the person.
    static func request(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let ok = !text.isEmpty && text.count <= 40
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./#".unicodeScalars.contains($0) }
        guard ok else {
            throw RegisterError.invalidBecause(field: "--request", Wording("gate.rule.ticket", ["value": "\(text)"]))
        }
        return text
    }

    static func categories(_ i: ErasureInventory) -> [String: Int] {
        let all: [String: Int] = [
            "profile": 1, "contact": i.contactDetails + i.links, "documents": i.documents, "notes": i.notes,
            "assessments": i.assessments, "references": i.references + i.referenceStatements, "consents": i.consents,
            "participations": i.participations, "psych-reports": i.psychReports, "report-keys": i.reportKeys,
            "disclosures": i.disclosures, "record-changes": i.recordChanges,
        ]
        return all.filter { $0.value > 0 }
    }
}
