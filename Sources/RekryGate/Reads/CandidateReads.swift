import Foundation
import RekryDomain
import RekryStorage

extension Gate {
    /// Opens one candidate: every item gated and badged. The read is written to the audit log.
    public func candidate(_ id: Int64, purpose: Purpose = .recruitment) throws -> CandidateDetail {
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            guard let record = try s.candidate(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(id)"])) }
            try tx.audit(.candidateOpen, subject: record.pseudonym, purpose: purpose)
            return try detail(record, session: s, purpose: purpose, now: now)
        }
    }

    /// The open candidate read again because the register changed while their view was open (another
    /// process wrote): the same gate, badges and decisions as `candidate`, as of now, but no new audit entry.
    /// The view's opening was recorded; a refresh is not a new access, and recording it would itself change
    /// the register, so that two open screens would refresh each other without end.
    public func candidateAgain(_ id: Int64, purpose: Purpose = .recruitment) throws -> CandidateDetail {
        let now = clock.now()
        return try reading { s in
            guard let record = try s.candidate(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(id)"])) }
            return try detail(record, session: s, purpose: purpose, now: now)
        }
    }

    /// Builds the gated view of `record`; each item is loaded only where the policy allows it.
    func detail(_ record: CandidateRecord, session s: any StorageSession, purpose: Purpose, now: Date) throws -> CandidateDetail {
        let id = record.id
        let facts = record.badgeFacts
        let badge = BadgePolicy.badge(for: facts, at: now)
        let consents = try s.consents(candidateId: id)

        func itemBadge(_ basis: LegalBasis, restricted: Bool? = nil, objected: Bool? = nil) -> Badge {
            Self.itemBadge(record, consents: consents, basis: basis, restricted: restricted, objected: objected, now: now)
        }

        let name = Gated.decide(decide(.identity, purpose: purpose, badge: badge), badge: badge) { record.fullName }
        let contact = Gated.decide(decide(.contact, purpose: purpose, badge: badge), badge: badge) {
            ContactInfo(email: record.email, phone: record.phone, postalAddress: record.postalAddress)
        }
        let profile = try Gated.decide(decide(.profile, purpose: purpose, badge: badge), badge: badge) {
            ProfileInfo(homeTown: record.homeTown, birthYear: record.birthYear, currentTitle: record.currentTitle,
                        currentEmployer: record.currentEmployer, country: record.country, source: record.source,
                        sourceDetail: record.sourceDetail, collectedAt: record.collectedAt, notifiedAt: record.notifiedAt,
                        links: try s.links(candidateId: id))
        }
        let documents = try s.documents(candidateId: id).map { d -> Gated<Document> in
            let b = itemBadge(d.basis)
            return Gated.decide(decide(.documents, purpose: purpose, badge: b), badge: b) { d }
        }
        let processes = try s.participations(candidateId: id).map { p -> Gated<Participation> in
            let b = itemBadge(p.basis)
            return Gated.decide(decide(.processes, purpose: purpose, badge: b), badge: b) { p }
        }
        // A reference is a person of their own: their flags count, and so does the candidate's restriction.
        let references = try s.references(candidateId: id).map { r -> Gated<Reference> in
            let b = itemBadge(r.basis, restricted: facts.restricted || r.restricted, objected: r.objected)
            return Gated.decide(decide(.references, purpose: purpose, badge: b), badge: b) { r }
        }
        let assessments = try s.assessments(candidateId: id).map { a -> Gated<Assessment> in
            let b = itemBadge(a.basis)
            return Gated.decide(decide(.assessments, purpose: purpose, badge: b), badge: b) { a }
        }
        // Whoever may not know of reports on this record (their role, or the record is restricted or objected
        // to) is not told whether there is one either: they get the same placeholder, with the record's badge
        // (the report's own badge would show the Art. 9 consent state). A lapsed explicit consent is the
        // report's own state, shown as such when there is a report.
        var report: Gated<PsychReportMeta>?
        let reportBadge = itemBadge(.explicitConsent)
        let metaDecision = decide(.psychReportMeta, purpose: purpose, badge: reportBadge)
        if case .withhold(let reason) = metaDecision, [.roleNotPermitted, .purposeNotPermitted, .restricted, .objected].contains(reason) {
            report = .withheld(badge, reason)
        } else if let meta = try ReportVault.meta(s, candidateId: id) {
            report = Gated.decide(metaDecision, badge: reportBadge) { meta }
        }
        let consentsShown = Gated.decide(decide(.consent, purpose: purpose, badge: badge), badge: badge) {
            consents.sorted { $0.givenAt > $1.givenAt }
        }
        let disclosures = try Gated.decide(decide(.processes, purpose: purpose, badge: badge), badge: badge) {
            try s.disclosures(candidateId: id)
        }
        return CandidateDetail(id: id, badge: badge, name: name, contact: contact, profile: profile,
                               documents: documents, processes: processes, references: references,
                               assessments: assessments, report: report, consents: consentsShown,
                               disclosures: disclosures)
    }

    /// This candidate's audit entries (the Activity tab). Leads and the DPO only.
    public func activity(candidateId: Int64, limit: Int = 500) throws -> Gated<[AuditEntry]> {
        let now = clock.now()
        return try reading { s in
            guard let record = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
            let badge = BadgePolicy.badge(for: record.badgeFacts, at: now)
            return try Gated.decide(decide(.activity, purpose: .recruitment, badge: badge), badge: badge) {
                try visibleAuditEntries(s, subject: record.pseudonym, limit: limit)
            }
        }
    }

    /// The process of the candidate's latest participation, if the actor may see the candidate's processes
    /// (for the list's "others in this process" filter).
    public func latestProcess(candidateId: Int64) throws -> RecruitmentProcess? {
        let now = clock.now()
        return try reading { s in
            guard let record = try s.candidate(id: candidateId),
                  let latest = try s.participations(candidateId: candidateId).first(where: { !$0.isPlaceholder }) else { return nil }
            let badge = BadgePolicy.badge(for: BadgeFacts(basis: latest.basis, restricted: record.restricted,
                                                          objected: record.objected,
                                                          retentionDueAt: record.derived.retentionDueAt), at: now)
            guard decide(.processes, purpose: .recruitment, badge: badge) == .allow else { return nil }
            return latest.process
        }
    }

    static func latestConsent(_ records: [ConsentRecord], purpose: ConsentPurpose) -> ConsentDates? {
        records.filter { $0.purpose == purpose }.max { $0.givenAt < $1.givenAt }.map {
            ConsentDates(givenAt: $0.givenAt, expiresAt: $0.expiresAt, withdrawnAt: $0.withdrawnAt)
        }
    }
}

extension Gate {
    /// The badge of an item of `record` held on `basis`, sharing the candidate's flags and consent.
    static func itemBadge(_ record: CandidateRecord, consents: [ConsentRecord], basis: LegalBasis,
                          restricted: Bool? = nil, objected: Bool? = nil, now: Date) -> Badge {
        var f = record.badgeFacts
        f.basis = basis
        if basis.needsConsent {
            let consentPurpose: ConsentPurpose = basis == .explicitConsent ? .psychAssessment
                : (record.consentPurpose ?? .talentPool)
            f.consent = latestConsent(consents, purpose: consentPurpose)
        }
        if let restricted { f.restricted = restricted }
        if let objected { f.objected = objected }
        f.source = nil  // Art. 14 is tracked on the candidate record itself
        return BadgePolicy.badge(for: f, at: now)
    }

    /// The full-text row ids of the candidate's texts the actor may read: documents and (as minus their ids)
    /// assessments, each decided on its own badge as the candidate's view decides it.
    func readableTexts(of candidateId: Int64, session s: any StorageSession, purpose: Purpose, now: Date) throws -> Set<Int64> {
        guard let record = try s.candidate(id: candidateId) else { return [] }
        let consents = try s.consents(candidateId: candidateId)
        var readable = Set<Int64>()
        for d in try s.documents(candidateId: candidateId) {
            let badge = Self.itemBadge(record, consents: consents, basis: d.basis, now: now)
            if decide(.documents, purpose: purpose, badge: badge) == .allow { readable.insert(d.id) }
        }
        for a in try s.assessments(candidateId: candidateId) {
            let badge = Self.itemBadge(record, consents: consents, basis: a.basis, now: now)
            if decide(.assessments, purpose: purpose, badge: badge) == .allow { readable.insert(-a.id) }
        }
        return readable
    }
}
