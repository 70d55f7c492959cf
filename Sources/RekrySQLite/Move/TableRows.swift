import Foundation
import GRDB

/// One stored value, as SQLite holds it, for moving a register to another backend column by column.
public enum StoredValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

extension SQLiteRegister {
    /// Every table of the register and its columns, in the order they were created.
    public func tableColumns() throws -> [String: [String]] {
        try writer.read { db in
            var out: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                out[table] = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
            }
            return out
        }
    }

    /// Hands `table`'s rows to `body` `batch` at a time, in rowid order, from one read transaction (a register
    /// being moved is read as of one instant).
    public func forEachBatch(of tables: [String], batch: Int,
                             _ body: (_ table: String, _ rows: [[String: StoredValue]]) throws -> Void) throws {
        try writer.read { db in
            for table in tables {
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\"")
                var rows: [[String: StoredValue]] = []
                rows.reserveCapacity(batch)
                while let row = try cursor.next() {
                    var values: [String: StoredValue] = [:]
                    for (column, value) in row {
                        switch value.storage {
                        case .null: values[column] = .null
                        case .int64(let v): values[column] = .integer(v)
                        case .double(let v): values[column] = .real(v)
                        case .string(let v): values[column] = .text(v)
                        case .blob(let v): values[column] = .blob(v)
                        }
                    }
                    rows.append(values)
                    if rows.count == batch {
                        try body(table, rows)
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty { try body(table, rows) }
            }
        }
    }
}
