import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// One transaction on a team register's connection, seen through the storage capabilities.
///
/// Each capability is implemented in a file of its own (`PostgresSession+Candidates` and so on), in SQL
/// against the `rekry` schema; the server's row-level security decides, beside the gate, which rows the
/// signed-in member's login sees at all (docs/postgres.md).
struct PostgresSession: StorageSession {
    let link: PostgresLink
    /// Whether the transaction may write (a read transaction is READ ONLY on the server).
    let writable: Bool

    /// The rows of one statement.
    func rows(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] { try link.rows(query) }

    /// Runs one statement; returns the number of rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> Int { try link.run(query) }

    /// The first column of the first row, or nil when there is no row (or it is NULL).
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try rows(query).first, row[0].bytes != nil else { return nil }
        return try row[0].decode(T.self)
    }

    /// The first column of every row.
    func values<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
        try rows(query).map { try $0[0].decode(T.self) }
    }

    /// A capability this backend does not offer yet: a clear refusal rather than a wrong answer.
    static func notYet(_ function: String) -> RegisterError {
        RegisterError.refused("\(function): not available on a PostgreSQL register in this release")
    }
}

extension PostgresRandomAccessRow {
    /// The column `name` decoded as `T` (an optional type for a nullable column).
    func get<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try self[name].decode(T.self)
    }
}
