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
    /// Members removed on the file get no login.
    public func grantStaffLogins() throws {
        try surfacing {
            try link.run("SELECT rekry.make_login(login, role) FROM rekry.staff WHERE removed_at IS NULL ORDER BY id")
        }
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

extension PostgresRegister {
    /// Adds full-text entries (a move): `json` is an array of `{rowid, candidate_id, folded}`, the write model's
    /// folded text of each document (rowid = its id) and assessment (rowid = minus its id).
    @discardableResult
    public func loadTextEntries(json: String) throws -> Int {
        var binds = PostgresBindings()
        binds.append(json)
        return try surfacing {
            try link.run(PostgresQuery(unsafeSQL: """
                INSERT INTO rekry.text_entry (rowid, candidate_id, document_id, assessment_id, words)
                SELECT x.rowid, x.candidate_id, CASE WHEN x.rowid > 0 THEN x.rowid END, CASE WHEN x.rowid < 0 THEN -x.rowid END,
                       to_tsvector('simple', x.folded)
                FROM json_to_recordset($1::json) AS x(rowid bigint, candidate_id bigint, folded text)
                """, binds: binds))
        }
    }

    /// Stores the settings a register file kept (a move), and its suppression secret in the table of its own.
    public func loadSettings(_ settings: [String: String], suppressionSecret: Data?) throws {
        try surfacing {
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
                try link.run("INSERT INTO rekry.register_info (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
            }
            if let suppressionSecret {
                try link.run("INSERT INTO rekry.suppression_secret (secret) VALUES (\(suppressionSecret)) ON CONFLICT (only_row) DO UPDATE SET secret = EXCLUDED.secret")
            }
        }
    }

    /// Keeps a table's next id above `floor` (ids a file never reuses after an erasure are not reused here).
    public func raiseIdentity(table: String, floor: Int64) throws {
        precondition(table.allSatisfy { $0.isLetter || $0 == "_" })
        try surfacing {
            try link.run(PostgresQuery(unsafeSQL: """
                SELECT setval(pg_get_serial_sequence('rekry.\(table)', 'id'),
                              greatest($1::bigint, coalesce((SELECT max(id) FROM rekry.\(table)), 0), 1))
                """, binds: try { var b = PostgresBindings(); b.append(floor); return b }()))
        }
    }
}

extension PostgresRegister {
    /// Sets (or, with nil, clears) the time the server's policies decide at, as the database administrator: tests
    /// run the gate on a manual clock and the server must decide at the same time. A firm never sets it.
    public func overrideClock(to date: Date?) throws {
        try surfacing {
            if let date {
                try link.run("INSERT INTO rekry.clock_override (at) VALUES (\(date)) ON CONFLICT (only_row) DO UPDATE SET at = EXCLUDED.at")
            } else {
                try link.run("DELETE FROM rekry.clock_override")
            }
        }
    }
}

extension PostgresRegister {
    /// Records that the moved register's files never held the people erased before the move, as if the
    /// administrator's erasure job had just run: the erasure log's entries are older than the database.
    public func recordMovedErasuresGone() throws {
        try surfacing {
            try link.run("INSERT INTO rekry.vacuum_run (started_at, finished_at) VALUES (clock_timestamp(), clock_timestamp())")
        }
    }
}
