import Foundation
import RekryGate
import RekryPostgres
import RekrySQLite
import RekryStorage

/// Moves a register from its SQLite file to a PostgreSQL server: every row with its id, the staff records with
/// their signatures, sealed reports with their wrapped keys, and the audit log entry for entry, so that the
/// chain continues unchanged on the server (`rekry migrate`).
///
/// The copy is table by table at the storage level, not through the gate: nothing is re-derived, re-signed or
/// re-encrypted, which is what keeps every signature and hash valid. It runs as the database administrator
/// (the server's row-level security does not apply to the deployer) in one transaction, so a failed move
/// leaves an empty schema, never half a register. At the end the chain is walked on the server and must end
/// exactly where the file's did.
public enum RegisterMove {
    /// What was moved.
    public struct Report: Sendable {
        public var target: String
        public var candidates: Int
        public var auditEntries: Int64
        public var head: String
    }

    /// How a source column becomes a target column.
    enum Conversion {
        case same
        /// REAL seconds since 1970 → timestamptz.
        case date
        /// 0/1 → boolean.
        case bool
        /// A BLOB → bytea.
        case bytes
        /// A JSON array held as text → a text[] column.
        case jsonArray
        /// A staff id → that member's login.
        case login
    }

    /// One target table: where its rows come from, and each column's source and conversion.
    struct TableMove {
        let source: String
        let target: String
        let columns: [(from: String, to: String, conversion: Conversion)]
    }

    static let batchRows = 2_000

    public static func move(from path: String, to url: String, progress: (String, Int) -> Void) throws -> Report {
        let source = try SQLiteRegister.open(at: path)
        let sourceRegister = Register(backend: source)
        let sourceHead = try sourceRegister.lastAuditHead()
        let target = try Registers.create(at: url, seenHeads: nil)
        guard let server = target.backend as? PostgresRegister else {
            throw RegisterError.invalid(field: "--to", message: "not a PostgreSQL register")
        }
        let sourceColumns = try source.tableColumns()
        // Staff ids become logins in the tables that name grantees by login.
        var logins: [Int64: String] = [:]
        try source.forEachBatch(of: ["staff"], batch: 10_000) { _, rows in
            for row in rows {
                if case .integer(let id) = row["id"], case .text(let name) = row["username"] { logins[id] = name }
            }
        }
        var pending = 0
        try source.forEachBatch(of: ["erasurePending"], batch: 100) { _, rows in pending += rows.count }
        guard pending == 0 else {
            throw RegisterError.refused("\(path): an erasure is unfinished; open the register once (it finishes the erasure) and move it then")
        }
        var settings: [String: String] = [:], floors: [String: Int64] = [:]
        try source.forEachBatch(of: ["registerInfo", "idFloor"], batch: 10_000) { table, rows in
            for row in rows {
                if table == "registerInfo", case .text(let key) = row["key"], case .text(let value) = row["value"] { settings[key] = value }
                if table == "idFloor", case .text(let name) = row["tableName"], case .integer(let floor) = row["floor"] { floors[name] = floor }
            }
        }
        let secret = settings["suppressionSecret"].flatMap(Self.bytes(hex:))
        var candidates = 0
        try server.inOneTransaction {
            for move in tableMoves where sourceColumns[move.source] != nil {
                let present = move.columns.filter { sourceColumns[move.source]!.contains($0.from) }
                var moved = 0
                try source.forEachBatch(of: [move.source], batch: batchRows) { _, rows in
                    let json = try jsonArray(rows, present, logins: logins)
                    moved += try server.loadRows(table: move.target, columns: present.map(\.to), json: json)
                    progress(move.target, moved)
                }
                if move.target == "candidate" { candidates = moved }
            }
            try server.loadSettings(settings.filter { !settingsLeftOnTheFile.contains($0.key) }, suppressionSecret: secret)
            try moveTextEntries(source, to: server, progress: progress)
            try server.resetIdentities()
            for (table, floor) in floors {
                if let target = tableMoves.first(where: { $0.source == table && $0.columns.contains { $0.to == "id" } })?.target {
                    try server.raiseIdentity(table: target, floor: floor)
                }
            }
            try server.grantStaffLogins()
            try server.recordMovedErasuresGone()
        }
        switch try target.verifyChain(endingAt: sourceHead) {
        case .intact(let count, let head):
            return Report(target: server.location, candidates: candidates, auditEntries: count, head: head)
        case .broken(let seq, let problem):
            throw RegisterError.refused("\(url): the audit chain does not verify on the server after the move (entry \(seq): \(problem)); the database administrator drops the database and moves the register again")
        }
    }

    /// The full-text entries of every document and assessment, folded by the write model as it indexes them.
    static func moveTextEntries(_ source: SQLiteRegister, to server: PostgresRegister, progress: (String, Int) -> Void) throws {
        let model = WriteModel.standard
        var moved = 0
        try source.forEachBatch(of: ["document", "assessment"], batch: batchRows) { table, rows in
            var json = MoveJSON(capacity: rows.count * 512)
            json.raw("[")
            var first = true
            for row in rows {
                guard case .integer(let id) = row["id"], case .integer(let candidateId) = row["candidateId"] else { continue }
                let entry: TextIndexEntry
                if table == "document", case .text(let body) = row["body"] {
                    entry = model.textEntry(candidateId: candidateId, documentId: id, body: body)
                } else if table == "assessment", case .text(let text) = row["text"] {
                    entry = model.textEntry(candidateId: candidateId, assessmentId: id, text: text)
                } else {
                    continue
                }
                json.raw(first ? "{\"rowid\":" : ",{\"rowid\":")
                first = false
                json.raw(String(entry.rowid))
                json.raw(",\"candidate_id\":")
                json.raw(String(entry.candidateId))
                json.raw(",\"folded\":")
                json.string(entry.folded)
                json.raw("}")
            }
            json.raw("]")
            moved += try server.loadTextEntries(json: json.text)
            progress("text_entry", moved)
        }
    }

    /// Hex text as bytes (nil when it is not hex).
    static func bytes(hex: String) -> Data? {
        guard hex.count % 2 == 0 else { return nil }
        var data = Data(capacity: hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            data.append(byte)
            index = next
        }
        return data
    }

    /// `rows` as a JSON array of objects with the target's column names and values.
    static func jsonArray(_ rows: [[String: StoredValue]], _ columns: [(from: String, to: String, conversion: Conversion)],
                          logins: [Int64: String]) throws -> String {
        var json = MoveJSON(capacity: rows.count * 256)
        json.raw("[")
        for (n, row) in rows.enumerated() {
            json.raw(n == 0 ? "{" : ",{")
            for (c, column) in columns.enumerated() {
                if c > 0 { json.raw(",") }
                json.string(column.to)
                json.raw(":")
                try write(row[column.from] ?? .null, column.conversion, into: &json, logins: logins, column: column.from)
            }
            json.raw("}")
        }
        json.raw("]")
        return json.text
    }

    static func write(_ value: StoredValue, _ conversion: Conversion, into json: inout MoveJSON, logins: [Int64: String],
                      column: String) throws {
        switch (conversion, value) {
        case (_, .null): json.raw("null")
        case (.same, .integer(let v)): json.raw(String(v))
        case (.same, .real(let v)): json.raw(v.isFinite ? "\(v)" : "null")
        case (.same, .text(let v)): json.string(v)
        case (.date, .real(let v)): json.timestamp(v)
        case (.date, .integer(let v)): json.timestamp(Double(v))
        case (.bool, .integer(let v)): json.raw(v != 0 ? "true" : "false")
        case (.bytes, .blob(let v)), (.same, .blob(let v)): json.byteString(v)
        // The file keeps these as JSON arrays already (search keys, vouched grants).
        case (.jsonArray, .text(let v)):
            guard (try? JSONSerialization.jsonObject(with: Data(v.utf8))) is [Any] else {
                throw RegisterError.invalid(field: column, message: "not a JSON array as stored")
            }
            json.raw(v)
        case (.login, .integer(let id)):
            guard let login = logins[id] else { throw RegisterError.invalid(field: column, message: "staff id \(id) is not on the register's staff") }
            json.string(login)
        default:
            throw RegisterError.invalid(field: column, message: "an unexpected stored value (\(value)) for a \(conversion) column")
        }
    }

}
