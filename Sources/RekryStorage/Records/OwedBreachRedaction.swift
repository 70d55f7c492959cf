import Foundation

/// A person's details a lead's or recruiter's erasure (or retention run) left for the DPO to take out of the
/// breach log, on a register whose breach log only the DPO reads (`BreachStoring.breachRedactionWaitsForTheDPO`).
public struct OwedBreachRedaction: Sendable, Equatable {
    public var id: Int64
    public var candidateId: Int64
    public var subject: String
    /// Only the contact details went (a retention run), not the person: their name stays in the log.
    public var contactOnly: Bool
    public var fullName: String
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
    public var country: String
    public var links: [String]

    public init(id: Int64, candidateId: Int64, subject: String, contactOnly: Bool, fullName: String, email: String?, phone: String?,
                postalAddress: String?, country: String, links: [String]) {
        self.id = id
        self.candidateId = candidateId
        self.subject = subject
        self.contactOnly = contactOnly
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
        self.country = country
        self.links = links
    }
}
