import Foundation
import RekryDomain
import RekryStorage

/// A referee as entered for one candidate, with what they said.
public struct ReferenceDraft: Sendable, Equatable {
    public var name: String
    public var title: String?
    public var workplace: String?
    public var relationship: String
    public var email: String?
    public var phone: String?
    public var basis: LegalBasis
    public var statement: String?

    public init(name: String, title: String? = nil, workplace: String? = nil, relationship: String, email: String? = nil,
                phone: String? = nil, basis: LegalBasis = .legitimateInterest, statement: String? = nil) {
        self.name = name
        self.title = title
        self.workplace = workplace
        self.relationship = relationship
        self.email = email
        self.phone = phone
        self.basis = basis
        self.statement = statement
    }
}

/// A referee as a person of their own: who they are and whom they give references for.
public struct RefereeView: Sendable {
    public var refereeId: Int64
    public var name: Gated<String>
    /// The candidates they refer, each as the actor may see them.
    public var candidates: [CandidateRow]
}

extension Gate {
    /// Adds a reference for a candidate. A referee already on the register (same email or phone) is the same
    /// person: the new row joins them, so their view lists every candidate they refer. Returns the row's id.
    @discardableResult
    public func addReference(candidateId: Int64, _ draft: ReferenceDraft) throws -> Int64 {
        let name = try FieldRules.name(draft.name)
        guard let relationship = try FieldRules.text(draft.relationship, field: "--relationship", max: 100) else {
            throw RegisterError.invalidBecause(field: "--relationship", Wording("gate.rule.relationship"))
        }
        let email = try FieldRules.email(draft.email), phone = try FieldRules.phone(draft.phone)
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            var referenceId: Int64 = 0
            let record = try changeCandidate(tx, id: candidateId, action: .addReference) { _ in
                let match = (email != nil || phone != nil) ? try s.referees(email: email, phone: phone).first : nil
                // The person's flags, from every row they have: a restriction or objection holds for all of them.
                let person = try match.map { try s.references(refereeId: $0.refereeId) } ?? []
                referenceId = try s.insertReference(
                    ReferenceRecord(id: 0, candidateId: candidateId, name: name,
                                    title: try FieldRules.text(draft.title, field: "--title"),
                                    workplace: try FieldRules.text(draft.workplace, field: "--workplace"),
                                    relationship: relationship, email: email, phone: phone, basis: draft.basis,
                                    restricted: person.contains(where: \.restricted), objected: person.contains(where: \.objected),
                                    collectedAt: now),
                    refereeId: match?.refereeId)
                if let said = try FieldRules.text(draft.statement, field: "--statement", max: 20_000, multiline: true) {
                    try s.insertStatement(referenceId: referenceId, ReferenceStatement(givenAt: now, text: said))
                }
            }
            try tx.audit(.referenceAdd, subject: record.pseudonym, purpose: .recruitment)
            return referenceId
        }
    }

    /// The referee behind a reference row, and every candidate they refer, as the actor may see them.
    ///
    /// The referee's flags are the person's: a restriction or objection recorded on any of their rows holds
    /// on every row. Each link to a candidate is that candidate's reference item, badged as the candidate's
    /// own view badges it (the candidate's restriction counts), and listed only where that view would show
    /// it: the referee view never tells that a restricted candidate has this referee. The name, asked for
    /// through one row, is withheld where that row's reference is.
    public func referee(referenceId: Int64, purpose: Purpose = .recruitment) throws -> RefereeView {
        let now = clock.now()
        return try reading { s in
            guard let match = try s.reference(id: referenceId),
                  let own = try s.candidate(id: match.record.candidateId) else {
                throw RegisterError.missingRecord(Wording("gate.what.reference", ["id": "\(referenceId)"]))
            }
            let rows = try s.references(refereeId: match.refereeId)
            let restricted = rows.contains(where: \.restricted), objected = rows.contains(where: \.objected)
            /// The badge of one row as an item of its candidate's record.
            func itemBadge(_ r: ReferenceRecord, _ candidate: CandidateRecord) throws -> Badge {
                var facts = BadgeFacts(basis: r.basis, restricted: restricted || candidate.restricted, objected: objected)
                if r.basis.needsConsent {
                    let consentPurpose: ConsentPurpose = r.basis == .explicitConsent ? .psychAssessment
                        : (candidate.consentPurpose ?? .talentPool)
                    facts.consent = Self.latestConsent(try s.consents(candidateId: candidate.id), purpose: consentPurpose)
                }
                return BadgePolicy.badge(for: facts, at: now)
            }
            let badge = try itemBadge(match.record, own)
            let name = Gated.decide(decide(.references, purpose: purpose, badge: badge), badge: badge) { match.record.name }
            var candidates: [CandidateRow] = []
            // Seen through a reference the actor may not see, the referee shows nothing of whom else they
            // refer: otherwise a guessed email on one's own candidate would confirm a withheld referee.
            for r in rows where name.value != nil {
                guard let c = try s.candidate(id: r.candidateId), !candidates.contains(where: { $0.id == c.id }),
                      decide(.references, purpose: purpose, badge: try itemBadge(r, c)) == .allow else { continue }
                candidates.append(row(c, key: PageKey(parts: [.int(c.id)]), now: now, purpose: purpose))
            }
            return RefereeView(refereeId: match.refereeId, name: name, candidates: candidates)
        }
    }
}
