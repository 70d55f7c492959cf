import Foundation
import RekryGate
import RekryPostgres
import RekrySQLite
import RekryStorage

/// Opens and creates registers with the backend that serves their location.
///
/// The command line and the terminal UI know registers only through this type and the gate: they import no
/// backend module. A register is a file path (the embedded SQLite backend) or a `postgresql://` URL (a team's
/// server, `PostgresLocation`).
public enum Registers {
    /// Opens an existing register, refusing a missing, unreadable or world-exposed one. The audit heads this
    /// user has seen are kept in `seenHeads` (their own state file by default).
    public static func open(at location: String, seenHeads: (any SeenHeadStoring)? = SeenHeadsFile.standard) throws -> Register {
        if PostgresLocation.isURL(location) {
            return Register(backend: try PostgresRegister.open(try server(location)), seenHeads: seenHeads)
        }
        return Register(backend: try SQLiteRegister.open(at: location), seenHeads: seenHeads)
    }

    /// Whether `location` names a server rather than a file.
    public static func isServer(_ location: String) -> Bool { PostgresLocation.isURL(location) }

    /// The server a `postgresql://` URL names; a URL that cannot be used is refused with what is wrong.
    static func server(_ location: String) throws -> PostgresLocation {
        do {
            return try PostgresLocation(url: location)
        } catch let error as PostgresLocationError {
            throw RegisterError.invalid(field: "--db", message: error.description)
        }
    }

    /// Creates a new, empty register; refuses to overwrite anything.
    public static func create(at location: String, group: String? = nil,
                              seenHeads: (any SeenHeadStoring)? = SeenHeadsFile.standard) throws -> Register {
        if PostgresLocation.isURL(location) {
            guard group == nil else {
                throw RegisterError.invalid(field: "--group", message: "a PostgreSQL register is shared through its logins and group roles, not a Unix group")
            }
            return Register(backend: try PostgresRegister.deploy(try server(location)), seenHeads: seenHeads)
        }
        return Register(backend: try SQLiteRegister.create(at: location, group: group), seenHeads: seenHeads)
    }

    /// Applies the migrations a deployed PostgreSQL register lacks (the database administrator, after an upgrade).
    public static func upgrade(at location: String, seenHeads: (any SeenHeadStoring)? = SeenHeadsFile.standard) throws -> Register {
        guard PostgresLocation.isURL(location) else {
            throw RegisterError.invalid(field: "--upgrade", message: "a register file is upgraded when it is opened; --upgrade is for PostgreSQL")
        }
        return Register(backend: try PostgresRegister.deploy(try server(location), upgrade: true), seenHeads: seenHeads)
    }

    /// Checks a register's files without opening it (before the terminal is taken over).
    public static func checkFile(at location: String) throws {
        // A server is checked by connecting (in `open`); only its URL can be checked before.
        if PostgresLocation.isURL(location) { _ = try server(location); return }
        try SQLiteRegister.checkFile(at: location)
    }

    /// Every file a register at `location` consists of, for clean-up and for reading every byte in tests.
    public static func files(at location: String) -> [String] {
        if PostgresLocation.isURL(location) { return [] }
        return SQLiteRegister.files(at: location)
    }

    /// The bulk loader of a register's backend (the demo, a restore).
    public static func bulkLoader(of register: Register) -> (any BulkLoading)? {
        register.backend as? any BulkLoading
    }

    /// Removes every file of a register that failed half-way, so that nothing is left half-written.
    public static func removeFiles(at location: String) {
        for file in files(at: location) { try? FileManager.default.removeItem(atPath: file) }
    }
}
