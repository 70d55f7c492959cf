import Foundation
import RekryDomain
import RekryStorage

extension Gate {
    /// Takes out of the breach log the details a lead's or recruiter's erasure (or retention run) left for the DPO,
    /// on a register whose breach log only the DPO reads (`BreachStoring.breachRedactionWaitsForTheDPO`). Run at the
    /// DPO's sign-in, with the erasure's own redaction (`ContactRedaction`); each owed row goes once done. A row
    /// whose erasure did not happen (the person is still there, or still has the contact details) redacts nothing
    /// and goes too: only a real erasure changes what the DPO wrote. Returns how many breach texts changed.
    @discardableResult
    func settleOwedBreachRedactions() throws -> Int {
        guard actor.role == .dpo, try backend.read({ try !$0.owedBreachRedactions().isEmpty }) else { return 0 }
        return try backend.write { s in
            var changed = 0
            for owed in try s.owedBreachRedactions() {
                let current = try s.candidate(id: owed.candidateId)
                let happened = owed.contactOnly ? (current.map { $0.email == nil && $0.phone == nil && $0.postalAddress == nil } ?? true)
                                                : current == nil
                if happened {
                    let redaction = owed.contactOnly
                        ? ContactRedaction(email: owed.email, phone: owed.phone, address: owed.postalAddress, country: owed.country,
                                           links: owed.links)
                        : ContactRedaction(email: owed.email, phone: owed.phone, address: owed.postalAddress, country: owed.country,
                                           name: owed.fullName, links: owed.links, replacement: "[erased person]")
                    changed += try redaction.applyToBreaches(s)
                }
                try s.settleBreachRedaction(id: owed.id)
            }
            return changed
        }
    }
}
