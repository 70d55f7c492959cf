import Foundation
import GRDB
import RekryDomain

/// A row of the `staff` table.
struct StaffRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "staff"
    var id: Int64?
    var username: String
    var displayName: String
    var role: String
    var publicKey: Data
    var pseudonym: String
    var createdAt: Double

    enum Columns {
        static let username = Column(CodingKeys.username)
        static let role = Column(CodingKeys.role)
        static let pseudonym = Column(CodingKeys.pseudonym)
    }

    var member: StaffMember {
        StaffMember(id: id ?? 0, username: username, displayName: displayName, role: Role(rawValue: role) ?? .recruiter,
                    pseudonym: pseudonym)
    }

    /// The staff member signing in. Plain SQL: it runs before the first screen, where building the query
    /// through the query interface costs the runtime a first-time tour of its generic types.
    static func fetch(_ db: Database, username: String) throws -> StaffRecord? {
        try StaffRecord.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username])
    }
}
