import Foundation
import PostgresNIO
import RekryStorage

extension PostgresRegister {
    /// Inserts rows into `rekry.<table>`, ids and all, as the deploying superuser (moving a register): `rows`
    /// is a JSON array of objects whose keys are the table's columns, every one of them named in `columns`.
    /// The server parses the JSON into the table's own row type, so dates, byte strings (`\x…` hex) and arrays
    /// arrive as the columns' types. Returns the number of rows inserted.
    @discardableResult
    public func loadRows(table: String, columns: [String], json: String) throws -> Int {
        precondition(([table] + columns).allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } },
                     "table and column names are plain identifiers")
        let list = columns.joined(separator: ", ")
        return try surfacing {
            try link.run(PostgresQuery(unsafeSQL: """
                INSERT INTO rekry.\(table) (\(list))
                SELECT \(list) FROM json_populate_recordset(NULL::rekry.\(table), $1::json)
                """, binds: try Self.binds(json)))
        }
    }

    /// Sets every identity column's sequence past the highest id loaded, so that the next insert gets a new id.
    public func resetIdentities() throws {
        try surfacing {
            let columns = try link.rows("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                WHERE c.table_schema = 'rekry' AND c.is_identity = 'YES'
                """)
            for row in columns {
                let table = try row[0].decode(String.self), column = try row[1].decode(String.self)
                try link.run(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('rekry.\(table)', '\(column)'),
                                  greatest(coalesce((SELECT max(\(column)) FROM rekry.\(table)), 0), 1),
                                  (SELECT max(\(column)) FROM rekry.\(table)) IS NOT NULL)
                    """))
            }
        }
    }

    /// Runs `body` in one transaction on the deployer's connection (a move commits whole or not at all).
    public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try surfacing { try link.transaction(readOnly: false, purpose: nil, body) }
    }

    private static func binds(_ json: String) throws -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(json)
        return binds
    }
}

extension PostgresRegister {
    /// Creates each staff member's login role in their role's group, after their rows were loaded (a move).
    public func grantStaffLogins() throws {
        throw PostgresSession.notYet(#function)
    }
}

extension PostgresRegister {
    /// Runs `sql` with text parameters and returns how many rows it gave: the benchmark's raw side, the same
    /// queries as a psql session of the deploying administrator, to whom row-level security does not apply.
    public func rawRowCount(_ sql: String, _ parameters: [String] = []) throws -> Int {
        var binds = PostgresBindings()
        for p in parameters { binds.append(p) }
        return try surfacing { try link.rows(PostgresQuery(unsafeSQL: sql, binds: binds)).count }
    }

    /// The first column of the first row of `sql`, as text (benchmarks).
    public func rawText(_ sql: String) throws -> String? {
        try surfacing { try link.rows(PostgresQuery(unsafeSQL: sql)).first.flatMap { try $0[0].decode(String?.self) } }
    }
}
