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
}

/// `rekry breach recipients ID --out FILE`: the letters' recipients.
public struct BreachRecipientList: Sendable, Codable {
    public static let schemaName = "rekry.breach-recipients/1"
    public var schema = BreachRecipientList.schemaName
    public var breachId: Int64
    public var recipients: [BreachRecipient]
}
