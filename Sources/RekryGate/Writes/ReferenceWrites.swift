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
            throw RegisterError.invalid(field: "--relationship", message: "say how they know the candidate (former manager, colleague, …)")
        }
        let email = try FieldRules.email(draft.email), phone = try FieldRules.phone(draft.phone)
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            var referenceId: Int64 = 0
            let record = try changeCandidate(tx, id: candidateId, action: .addReference) { _ in
                let match = (email != nil || phone != nil) ? try s.referees(email: email, phone: phone).first : nil
                referenceId = try s.insertReference(
                    ReferenceRecord(id: 0, candidateId: candidateId, name: name,
                                    title: try FieldRules.text(draft.title, field: "--title"),
                                    workplace: try FieldRules.text(draft.workplace, field: "--workplace"),
                                    relationship: relationship, email: email, phone: phone, basis: draft.basis,
                                    restricted: match?.record.restricted ?? false, objected: match?.record.objected ?? false,
                                    collectedAt: now),
                    refereeId: match?.refereeId)
                if let said = try FieldRules.text(draft.statement, field: "--statement", max: 20_000) {
                    try s.insertStatement(referenceId: referenceId, ReferenceStatement(givenAt: now, text: said))
                }
            }
            try tx.audit(.referenceAdd, subject: record.pseudonym, purpose: .recruitment)
            return referenceId
        }
    }

    /// The referee behind a reference row, and every candidate they refer, as the actor may see them.
    public func referee(referenceId: Int64, purpose: Purpose = .recruitment) throws -> RefereeView {
        let now = clock.now()
        return try backend.read { s in
            guard let match = try s.reference(id: referenceId) else { throw RegisterError.notFound(what: "reference \(referenceId)") }
            let rows = try s.references(refereeId: match.refereeId)
            let own = match.record
            // The referee's own flags decide what of them is shown, whichever candidate they are seen through.
            let badge = BadgePolicy.badge(for: BadgeFacts(basis: own.basis, restricted: own.restricted, objected: own.objected), at: now)
            let name = Gated.decide(decide(.references, purpose: purpose, badge: badge), badge: badge) { own.name }
            let candidates = try rows.compactMap { r in
                try s.candidate(id: r.candidateId).map { self.row($0, key: PageKey(parts: [.int($0.id)]), now: now, purpose: purpose) }
            }
            return RefereeView(refereeId: match.refereeId, name: name, candidates: candidates)
        }
    }
}
