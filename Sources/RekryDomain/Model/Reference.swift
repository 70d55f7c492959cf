import Foundation

/// A referee: a person in their own right, with their own basis, flags and rights.
public struct Reference: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var title: String?
    public var workplace: String?
    public var relationship: String
    public var email: String?
    public var phone: String?
    public var basis: LegalBasis
    public var restricted: Bool
    public var objected: Bool
    public var collectedAt: Date
    public var statements: [ReferenceStatement]

    public init(id: Int64, name: String, title: String?, workplace: String?, relationship: String, email: String?,
                phone: String?, basis: LegalBasis, restricted: Bool, objected: Bool, collectedAt: Date,
                statements: [ReferenceStatement]) {
        self.id = id
        self.name = name
        self.title = title
        self.workplace = workplace
        self.relationship = relationship
        self.email = email
        self.phone = phone
        self.basis = basis
        self.restricted = restricted
        self.objected = objected
        self.collectedAt = collectedAt
        self.statements = statements
    }
}

/// What a referee said, as recorded by the recruiter.
public struct ReferenceStatement: Sendable, Equatable, Codable {
    public var givenAt: Date
    public var text: String

    public init(givenAt: Date, text: String) {
        self.givenAt = givenAt
        self.text = text
    }
}
