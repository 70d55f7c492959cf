import Foundation
import RekryDomain
import RekryStorage

/// One person to write to about a breach (Art. 34): their name and contact details as the gate lets the DPO
/// see them; a withheld item carries its reason, never the value.
public struct BreachRecipient: Sendable, Codable {
    public var subject: String
    /// Nil once the person was erased: there is nobody left to write to.
    public var candidateId: Int64?
    public var erased: Bool
    public var name: Gated<String>?
    public var contact: Gated<ContactInfo>?

    public init(subject: String, candidateId: Int64?, erased: Bool, name: Gated<String>?, contact: Gated<ContactInfo>?) {
        self.subject = subject
        self.candidateId = candidateId
        self.erased = erased
        self.name = name
        self.contact = contact
    }

    /// One line for the letters: pseudonym, name, email and postal address; a withheld item in brackets with its
    /// reason, never its value.
    public var line: String {
        guard !erased, let name, let contact else { return "\(subject)  erased: nobody to write to" }
        let who = name.value ?? "[\(name.reason?.explanation ?? "withheld")]"
        let how: String
        if let c = contact.value {
            let parts = [c.email, c.postalAddress].compactMap { $0 }
            how = parts.isEmpty ? "no email or postal address held" : parts.joined(separator: "; ")
        } else {
            how = "[\(contact.reason?.explanation ?? "withheld")]"
        }
        return "\(subject)  \(who)  \(how)"
    }
}

/// `rekry breach recipients ID --out FILE`: the letters' recipients.
public struct BreachRecipientList: Sendable, Codable {
    public static let schemaName = "rekry.breach-recipients/1"
    public var schema = BreachRecipientList.schemaName
    public var breachId: Int64
    public var recipients: [BreachRecipient]

    public init(breachId: Int64, recipients: [BreachRecipient]) {
        self.breachId = breachId
        self.recipients = recipients
    }

    /// The list as text, one recipient a line.
    public var text: String {
        recipients.isEmpty ? "Breach \(breachId): nobody linked to inform." : recipients.map(\.line).joined(separator: "\n")
    }
}
