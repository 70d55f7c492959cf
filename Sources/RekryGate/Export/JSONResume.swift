import Foundation

/// A résumé in the JSON Resume 1.3.1 format (jsonresume.org), as far as Rekry fills it.
///
/// Every field is optional in the schema, and absent here when Rekry has nothing for it (an absent key, not
/// an empty string: a validator's `format: email` would refuse ""). Dates are `YYYY` or `YYYY-MM`.
public struct JSONResume: Sendable, Codable, Equatable {
    public struct Location: Sendable, Codable, Equatable {
        public var address: String?
        public var city: String?
        public var countryCode: String?
    }
    public struct Profile: Sendable, Codable, Equatable {
        public var network: String?
        public var url: String?
    }
    public struct Basics: Sendable, Codable, Equatable {
        public var name: String?
        public var label: String?
        public var email: String?
        public var phone: String?
        public var url: String?
        public var summary: String?
        public var location: Location?
        public var profiles: [Profile]?
    }
    public struct Work: Sendable, Codable, Equatable {
        public var name: String?
        public var position: String?
        public var location: String?
        public var startDate: String?
        public var endDate: String?
        public var summary: String?
        public var highlights: [String]?
    }
    public struct Education: Sendable, Codable, Equatable {
        public var institution: String?
        public var studyType: String?
        public var area: String?
        public var startDate: String?
        public var endDate: String?
    }
    public struct Skill: Sendable, Codable, Equatable {
        public var name: String?
        public var level: String?
    }
    public struct Language: Sendable, Codable, Equatable {
        public var language: String?
        public var fluency: String?
    }
    public struct Meta: Sendable, Codable, Equatable {
        public var version: String
        public var lastModified: String
        /// The CV as the person sent it, whole: what the sections above could not place is still here.
        public var cvText: String?
    }

    public var basics: Basics
    public var work: [Work]?
    public var education: [Education]?
    public var skills: [Skill]?
    public var languages: [Language]?
    public var meta: Meta
}
