import Foundation
import RekryGate
import RekrySQLite
import RekryStorage

/// Opens and creates registers with the backend that serves their location.
///
/// The command line and the terminal UI know registers only through this type and the gate: they import no
/// backend module. A register is a file path today (the embedded SQLite backend); a team's PostgreSQL
/// server will be a location of its own, chosen here.
public enum Registers {
    /// Opens an existing register, refusing a missing, unreadable or world-exposed one. The audit heads this
    /// user has seen are kept in `seenHeads` (their own state file by default).
    public static func open(at location: String, seenHeads: (any SeenHeadStoring)? = SeenHeadsFile.standard) throws -> Register {
        Register(backend: try SQLiteRegister.open(at: location), seenHeads: seenHeads)
    }

    /// Creates a new, empty register; refuses to overwrite anything.
    public static func create(at location: String, group: String? = nil,
                              seenHeads: (any SeenHeadStoring)? = SeenHeadsFile.standard) throws -> Register {
        Register(backend: try SQLiteRegister.create(at: location, group: group), seenHeads: seenHeads)
    }

    /// Checks a register's files without opening it (before the terminal is taken over).
    public static func checkFile(at location: String) throws {
        try SQLiteRegister.checkFile(at: location)
    }

    /// Every file a register at `location` consists of, for clean-up and for reading every byte in tests.
    public static func files(at location: String) -> [String] {
        SQLiteRegister.files(at: location)
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
