import Foundation

/// A link to the person's profile elsewhere (LinkedIn, GitHub, a portfolio), with where it came from.
public struct ProfileLink: Sendable, Equatable, Codable {
    public var kind: String
    public var url: String
    public var source: DataSource

    public init(kind: String, url: String, source: DataSource) {
        self.kind = kind
        self.url = url
        self.source = source
    }
}

/// A text the candidate handed in or that was written about their application.
public struct Document: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable { case cv, coverLetter = "cover-letter", answers, other }
    public var id: Int64
    public var kind: Kind
    public var title: String
    public var body: String
    public var receivedAt: Date
    public var basis: LegalBasis

    public init(id: Int64, kind: Kind, title: String, body: String, receivedAt: Date, basis: LegalBasis) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.receivedAt = receivedAt
        self.basis = basis
    }
}
