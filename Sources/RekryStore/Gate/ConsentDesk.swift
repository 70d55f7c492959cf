import Foundation
import GRDB
import RekryDomain

extension Gate {
    /// Records the withdrawal of the candidate's latest consent for `purpose` (Art. 7(3)): as easy as giving it.
    ///
    /// The history stays (the record gains a withdrawal date; the schema forbids any other change), and
    /// every item held on that consent is withheld from then on. Recruiters, leads and the DPO.
    public func withdrawConsent(candidateId: Int64, purpose consentPurpose: ConsentPurpose) throws {
        try require([.recruiter, .lead, .dpo], for: "withdraw consent")
        let now = clock.now()
        try db.write { db in
            guard let pseudonym = try String.fetchOne(db, sql: "SELECT pseudonym FROM candidate WHERE id = ?", arguments: [candidateId]) else {
                throw RegisterError.notFound(what: "candidate \(candidateId)")
            }
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, withdrawnAt, expiresAt FROM consent WHERE candidateId = ? AND purpose = ? AND givenAt <= ?
                ORDER BY givenAt DESC LIMIT 1
                """, arguments: [candidateId, consentPurpose.rawValue, now.sql]) else {
                throw RegisterError.refused("candidate \(candidateId) never gave consent for \(consentPurpose.rawValue)")
            }
            if (row["withdrawnAt"] as Double?) != nil {
                throw RegisterError.refused("candidate \(candidateId)'s \(consentPurpose.rawValue) consent is already withdrawn")
            }
            try db.execute(sql: "UPDATE consent SET withdrawnAt = ? WHERE id = ?", arguments: [now.sql, row["id"] as Int64])
            try audit(db, .consentWithdraw, subject: pseudonym, purpose: .recruitment, detail: "purpose=\(consentPurpose.rawValue)")
        }
    }
}
