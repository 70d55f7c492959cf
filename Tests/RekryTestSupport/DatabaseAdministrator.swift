import Foundation
import RekryPostgres

extension TestRegister {
    /// What the database administrator runs after erasures (docs/postgres.md, "Erasure on PostgreSQL"): on a
    /// PostgreSQL register, the server settings once and the erasure job, as the superuser; on SQLite nothing,
    /// as the erasure itself leaves no byte of the person in any file there.
    public func runDatabaseAdministratorsErasureJob() throws {
        guard let postgres, let database = postgresDatabase else { return }
        try postgres.query(as: postgres.superuser, PostgresMaintenance.erasureSettings)
        // The server's processes reread the settings on SIGHUP, a moment after the reload returns.
        usleep(300_000)
        try postgres.query(as: postgres.superuser, "\\connect \(database)\n" + PostgresMaintenance.vacuumErasedScript)
    }

    /// Whether the register is on PostgreSQL (whose erasures wait for `runDatabaseAdministratorsErasureJob`).
    public var isPostgres: Bool { postgres != nil }
}
