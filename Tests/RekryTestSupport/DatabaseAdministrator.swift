import Foundation
import RekryPostgres

extension TestRegister {
    /// What the database administrator runs after erasures (docs/postgres.md, "Erasure on PostgreSQL"): on a
    /// PostgreSQL register, the server settings (once) and the erasure job, as the superuser; on SQLite nothing,
    /// as the erasure itself leaves no byte of the person in any file there.
    public func runDatabaseAdministratorsErasureJob() throws {
        guard let postgres, let database = postgresDatabase else { return }
        try postgres.query(as: postgres.superuser, PostgresMaintenance.erasureSettings)
        // The reload is asynchronous: the postmaster rereads the file, then signals the checkpointer, whose next
        // checkpoint decides whether old WAL segments are recycled. A new session sees the value once the
        // postmaster has it; then the checkpointer is given a moment more.
        let deadline = Date().addingTimeInterval(10)
        while try postgres.query(as: postgres.superuser, "SHOW wal_recycle;") != "off" && Date() < deadline { usleep(100_000) }
        usleep(500_000)
        try postgres.query(as: postgres.superuser, "\\connect \(database)\n" + PostgresMaintenance.vacuumErasedScript)
        // The job ends on a WAL switch and a checkpoint that unlinks every older segment. Segments the cluster's
        // other test databases filled since it last switched go with a few more switches, so that what the scan
        // finds is this register's, not a neighbour's (a firm's server runs the job as the docs say).
        for _ in 0..<3 {
            try postgres.query(as: postgres.superuser, "CHECKPOINT; SELECT pg_switch_wal(); CHECKPOINT;")
        }
    }

    /// Whether the register is on PostgreSQL (whose erasures wait for `runDatabaseAdministratorsErasureJob`).
    public var isPostgres: Bool { postgres != nil }
}
