import Foundation
import GRDB
import RekryDomain

extension Gate {
    /// Opens one candidate: every item gated and badged. The read is written to the audit log.
    public func candidate(_ id: Int64, purpose: Purpose = .recruitment) throws -> CandidateDetail {
        let now = clock.now()
        return try db.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM candidate WHERE id = ?", arguments: [id]) else {
                throw RegisterError.notFound(what: "candidate \(id)")
            }
            let facts = CandidateColumns.facts(row)
            let badge = BadgePolicy.badge(for: facts, at: now)
            try audit(db, .candidateOpen, subject: row["pseudonym"], purpose: purpose)
            let consents = try Self.consentRecords(db, candidateId: id)

            /// The badge of an item held on `basis`, sharing the candidate's flags and consent.
            func itemBadge(_ basis: LegalBasis, restricted: Bool? = nil, objected: Bool? = nil,
                           collectedAt: Date? = nil) -> Badge {
                var f = facts
                f.basis = basis
                if basis.needsConsent {
                    let purpose: ConsentPurpose = basis == .explicitConsent ? .psychAssessment
                        : (ConsentPurpose(rawValue: row["consentPurpose"] ?? "") ?? .talentPool)
                    f.consent = Self.latestConsent(consents, purpose: purpose)
                }
                if let restricted { f.restricted = restricted }
                if let objected { f.objected = objected }
                if let collectedAt { f.collectedAt = collectedAt }
                f.source = nil  // Art. 14 is tracked on the candidate record itself
                f.retentionDueAt = facts.retentionDueAt
                return BadgePolicy.badge(for: f, at: now)
            }

            let name = Gated.decide(decide(.identity, purpose: purpose, badge: badge), badge: badge) { row["fullName"] as String }
            let contact = Gated.decide(decide(.contact, purpose: purpose, badge: badge), badge: badge) {
                ContactInfo(email: row["email"], phone: row["phone"], postalAddress: row["postalAddress"])
            }
            let profile = try Gated.decide(decide(.profile, purpose: purpose, badge: badge), badge: badge) {
                ProfileInfo(homeTown: row["homeTown"], birthYear: row["birthYear"], currentTitle: row["currentTitle"],
                            currentEmployer: row["currentEmployer"], country: row["country"],
                            source: DataSource(rawValue: row["source"]) ?? .applied, sourceDetail: row["sourceDetail"],
                            collectedAt: Date(sql: row["collectedAt"]), notifiedAt: (row["notifiedAt"] as Double?).date,
                            links: try Row.fetchAll(db, sql: "SELECT * FROM candidateLink WHERE candidateId = ? ORDER BY id",
                                                    arguments: [id]).map {
                                ProfileLink(kind: $0["kind"], url: $0["url"], source: DataSource(rawValue: $0["source"]) ?? .applied)
                            })
            }

            let documents = try Row.fetchAll(db, sql: "SELECT * FROM document WHERE candidateId = ? ORDER BY receivedAt DESC",
                                             arguments: [id]).map { d -> Gated<Document> in
                let b = itemBadge(LegalBasis(rawValue: d["basis"]) ?? .consent)
                return Gated.decide(decide(.documents, purpose: purpose, badge: b), badge: b) {
                    Document(id: d["id"], kind: Document.Kind(rawValue: d["kind"]) ?? .other, title: d["title"],
                             body: d["body"], receivedAt: Date(sql: d["receivedAt"]), basis: b.basis)
                }
            }

            let processes = try Row.fetchAll(db, sql: """
                SELECT p.*, pr.title AS processTitle, pr.client, pr.openedAt, pr.closedAt
                FROM participation p JOIN process pr ON pr.id = p.processId
                WHERE p.candidateId = ? ORDER BY p.startedAt DESC
                """, arguments: [id]).map { p -> Gated<Participation> in
                let b = itemBadge(LegalBasis(rawValue: p["basis"]) ?? .contract)
                return Gated.decide(decide(.processes, purpose: purpose, badge: b), badge: b) {
                    Participation(id: p["id"],
                                  process: RecruitmentProcess(id: p["processId"], title: p["processTitle"], client: p["client"],
                                                              openedAt: Date(sql: p["openedAt"]),
                                                              closedAt: (p["closedAt"] as Double?).date),
                                  stage: Stage(rawValue: p["stage"]) ?? .sourced, startedAt: Date(sql: p["startedAt"]),
                                  stageChangedAt: Date(sql: p["stageChangedAt"]), basis: b.basis)
                }
            }

            let references = try Row.fetchAll(db, sql: "SELECT * FROM reference WHERE candidateId = ? ORDER BY id",
                                              arguments: [id]).map { r -> Gated<Reference> in
                // A reference is a person of their own: their flags count, and so does the candidate's restriction.
                let b = itemBadge(LegalBasis(rawValue: r["basis"]) ?? .legitimateInterest,
                                  restricted: facts.restricted || r["restricted"], objected: r["objected"])
                return try Gated.decide(decide(.references, purpose: purpose, badge: b), badge: b) {
                    let statements = try Row.fetchAll(db, sql: "SELECT * FROM referenceStatement WHERE referenceId = ? ORDER BY givenAt",
                                                      arguments: [r["id"] as Int64]).map {
                        ReferenceStatement(givenAt: Date(sql: $0["givenAt"]), text: $0["text"])
                    }
                    return Reference(id: r["id"], name: r["name"], title: r["title"], workplace: r["workplace"],
                                     relationship: r["relationship"], email: r["email"], phone: r["phone"], basis: b.basis,
                                     restricted: r["restricted"], objected: r["objected"],
                                     collectedAt: Date(sql: r["collectedAt"]), statements: statements)
                }
            }

            let assessments = try Row.fetchAll(db, sql: "SELECT * FROM assessment WHERE candidateId = ? ORDER BY recordedAt DESC",
                                               arguments: [id]).map { a -> Gated<Assessment> in
                let b = itemBadge(LegalBasis(rawValue: a["basis"]) ?? .contract)
                return Gated.decide(decide(.assessments, purpose: purpose, badge: b), badge: b) {
                    Assessment(id: a["id"], kind: Assessment.Kind(rawValue: a["kind"]) ?? .interviewNote,
                               provider: a["provider"], title: a["title"], score: a["score"], text: a["text"],
                               recordedAt: Date(sql: a["recordedAt"]), basis: b.basis)
                }
            }

            var report: Gated<PsychReportMeta>?
            if let meta = try ReportVault.meta(db, candidateId: id, now: now) {
                let b = itemBadge(.explicitConsent)
                report = Gated.decide(decide(.psychReportMeta, purpose: purpose, badge: b), badge: b) { meta }
            }

            let consentsShown = Gated.decide(decide(.consent, purpose: purpose, badge: badge), badge: badge) {
                consents.sorted { $0.givenAt > $1.givenAt }
            }

            let disclosures = try Gated.decide(decide(.processes, purpose: purpose, badge: badge), badge: badge) {
                try Row.fetchAll(db, sql: "SELECT * FROM disclosure WHERE candidateId = ? ORDER BY disclosedAt DESC",
                                 arguments: [id]).map {
                    Disclosure(recipient: $0["recipient"], disclosedAt: Date(sql: $0["disclosedAt"]), what: $0["what"])
                }
            }

            return CandidateDetail(id: id, badge: badge, name: name, contact: contact, profile: profile,
                                   documents: documents, processes: processes, references: references,
                                   assessments: assessments, report: report, consents: consentsShown,
                                   disclosures: disclosures)
        }
    }

    /// This candidate's audit entries (the Activity tab). Leads and the DPO only.
    public func activity(candidateId: Int64, limit: Int = 500) throws -> Gated<[AuditEntry]> {
        let now = clock.now()
        return try db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM candidate WHERE id = ?", arguments: [candidateId]) else {
                throw RegisterError.notFound(what: "candidate \(candidateId)")
            }
            let badge = CandidateColumns.badge(row, now: now)
            return try Gated.decide(decide(.activity, purpose: .recruitment, badge: badge), badge: badge) {
                try AuditLog.entries(db, subject: row["pseudonym"], limit: limit)
            }
        }
    }

    static func consentRecords(_ db: Database, candidateId: Int64) throws -> [ConsentRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM consent WHERE candidateId = ? ORDER BY givenAt", arguments: [candidateId]).map {
            ConsentRecord(id: $0["id"], purpose: ConsentPurpose(rawValue: $0["purpose"]) ?? .talentPool,
                          givenAt: Date(sql: $0["givenAt"]), expiresAt: ($0["expiresAt"] as Double?).date,
                          withdrawnAt: ($0["withdrawnAt"] as Double?).date, channel: $0["channel"], text: $0["text"])
        }
    }

    static func latestConsent(_ records: [ConsentRecord], purpose: ConsentPurpose) -> ConsentDates? {
        records.filter { $0.purpose == purpose }.max { $0.givenAt < $1.givenAt }.map {
            ConsentDates(givenAt: $0.givenAt, expiresAt: $0.expiresAt, withdrawnAt: $0.withdrawnAt)
        }
    }
}

extension Gate {
    /// The process of the candidate's latest participation, if the actor may see the candidate's processes
    /// (for the list's "others in this process" filter).
    public func latestProcess(candidateId: Int64) throws -> RecruitmentProcess? {
        let now = clock.now()
        return try db.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT pr.*, p.basis AS participationBasis, c.restricted, c.objected, c.retentionDueAt, c.basis AS candidateBasis
                FROM participation p JOIN process pr ON pr.id = p.processId JOIN candidate c ON c.id = p.candidateId
                WHERE p.candidateId = ? ORDER BY p.startedAt DESC LIMIT 1
                """, arguments: [candidateId]) else { return nil }
            let basis = LegalBasis(rawValue: row["participationBasis"]) ?? .contract
            let badge = BadgePolicy.badge(for: BadgeFacts(basis: basis, restricted: row["restricted"], objected: row["objected"],
                                                          retentionDueAt: (row["retentionDueAt"] as Double?).date), at: now)
            guard decide(.processes, purpose: .recruitment, badge: badge) == .allow else { return nil }
            return RecruitmentProcess(id: row["id"], title: row["title"], client: row["client"],
                                      openedAt: Date(sql: row["openedAt"]), closedAt: (row["closedAt"] as Double?).date)
        }
    }
}
