import Foundation
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Seals the demo's psychologist reports, as a lead would have attached them while the process ran.
///
/// In a running process the lead holds a key, and every other report is also granted to the first
/// recruiter (so the demo shows both a granted and a withheld report). A hired candidate's report from a
/// closed process is held by the lead alone, under a grant from the close on: what closing a process
/// leaves (`Gate.closeProcess`).
enum DemoReports {
    static func seal(_ slots: [DemoGenerator.ReportSlot], in register: Register, identities: [String: Identity], seed: UInt64) throws {
        guard let lead = identities["lead"], let recruiter = identities["recruiter"] else { return }
        try register.backend.write { s in
            guard let leadAccount = try s.staff(username: lead.username),
                  let recruiterAccount = try s.staff(username: recruiter.username) else { return }
            for (i, slot) in slots.prefix(5_000).enumerated() {
                let key = ReportCipher.newDataKey()
                let text = "Psychologist's summary for the final stage of \(slot.processTitle). Strengths: structured problem solving, calm under pressure. Development areas: delegation. Overall: well suited to the role's demands. [demo report \(slot.candidateId)]"
                let attached = slot.writtenAt + 3600
                let reportId = try s.insertReport(ReportRecord(id: 0, candidateId: slot.candidateId, participationId: slot.participationId,
                                                               author: "Leg. psykolog Anna Wiklund", writtenAt: slot.writtenAt,
                                                               attachedAt: attached, attachedBy: leadAccount.id, ciphertext: Data(count: 28)))
                guard let pseudonym = try s.candidate(id: slot.candidateId)?.pseudonym else { continue }
                let sealed = try ReportCipher.seal(text, with: key, binding: ReportCipher.binding(reportId: reportId, candidatePseudonym: pseudonym))
                try s.updateCiphertext(reportId: reportId, sealed)
                var holders: [(StaffAccount, String, Date)] = []
                if let closed = slot.processClosedAt {
                    holders.append((leadAccount, "kept for the employment (hired)", closed))
                } else {
                    holders.append((leadAccount, "attached the report", attached))
                    if i % 2 == 0 { holders.append((recruiterAccount, "runs the final interviews", attached)) }
                }
                for (account, reason, at) in holders {
                    let wrapped = try ReportCipher.wrap(key, for: account.publicKey)
                    try s.storeKey(WrappedReportKey(reportId: reportId, staffId: account.id,
                                                    ephemeralPublicKey: wrapped.ephemeralPublicKey, sealedKey: wrapped.sealed))
                    try SignedGrant.insert(s, GrantRecord(id: 0, reportId: reportId, staffId: account.id, grantedBy: leadAccount.id,
                                                           reason: reason, grantedAt: at, revokedAt: nil, revokedBy: nil),
                                            sealed: sealed, dataKey: key, granteeKey: account.publicKey, by: lead)
                }
            }
        }
    }
}
