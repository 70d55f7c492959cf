import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// Processes and participations. Members write them under the policies of "v3 staff, audit and reports":
/// recruiters and leads open processes and add people to them (not on a restricted, objected or lapsed record),
/// leads close them; a participation is seen, and moved, only where its item may be read.
extension PostgresSession {
    static let processColumns = "id, title, client, country, opened_at, closed_at, kind"
    static let participationColumns = "id, candidate_id, process_id, stage, started_at, stage_changed_at, basis"

    static func processRecord(from row: PostgresRandomAccessRow) throws -> ProcessRecord {
        ProcessRecord(id: try row.get("id"), title: try row.get("title"), client: try row.get("client", as: String?.self),
                      country: try row.get("country"), openedAt: try row.get("opened_at"),
                      closedAt: try row.get("closed_at", as: Date?.self),
                      kind: ProcessKind(rawValue: try row.get("kind", as: String.self)) ?? .recruitment)
    }

    static func participationRecord(from row: PostgresRandomAccessRow) throws -> ParticipationRecord {
        ParticipationRecord(id: try row.get("id"), candidateId: try row.get("candidate_id"), processId: try row.get("process_id"),
                            stage: Stage(rawValue: try row.get("stage", as: String.self)) ?? .sourced,
                            startedAt: try row.get("started_at"), stageChangedAt: try row.get("stage_changed_at"),
                            basis: LegalBasis(rawValue: try row.get("basis", as: String.self)) ?? .contract)
    }

    func insertProcess(_ p: ProcessRecord) throws -> Int64 {
        guard let id = try value("""
            INSERT INTO rekry.process (title, client, country, opened_at, closed_at, kind)
            VALUES (\(p.title), \(p.client), \(p.country), \(p.openedAt), \(p.closedAt), \(p.kind.rawValue)) RETURNING id
            """, as: Int64.self) else { throw RegisterError.refused("the process was not stored") }
        return id
    }

    func process(id: Int64) throws -> ProcessRecord? {
        try rows("SELECT \(unescaped: Self.processColumns) FROM rekry.process WHERE id = \(id)").first.map(Self.processRecord)
    }

    func processes(openOnly: Bool, limit: Int) throws -> [ProcessRecord] {
        try rows("""
            SELECT \(unescaped: Self.processColumns) FROM rekry.process \(unescaped: openOnly ? "WHERE closed_at IS NULL" : "")
            ORDER BY opened_at DESC, id DESC LIMIT \(Int64(limit))
            """).map(Self.processRecord)
    }

    func participants(processId: Int64) throws -> [ParticipationRecord] {
        try rows("SELECT \(unescaped: Self.participationColumns) FROM rekry.participation WHERE process_id = \(processId) ORDER BY id")
            .map(Self.participationRecord)
    }

    func participation(candidateId: Int64, processId: Int64) throws -> ParticipationRecord? {
        try rows("""
            SELECT \(unescaped: Self.participationColumns) FROM rekry.participation
            WHERE candidate_id = \(candidateId) AND process_id = \(processId)
            """).first.map(Self.participationRecord)
    }

    func insertParticipation(_ p: ParticipationRecord) throws -> Int64 {
        guard let id = try value("""
            INSERT INTO rekry.participation (candidate_id, process_id, stage, started_at, stage_changed_at, basis)
            VALUES (\(p.candidateId), \(p.processId), \(p.stage.rawValue), \(p.startedAt), \(p.stageChangedAt), \(p.basis.rawValue))
            RETURNING id
            """, as: Int64.self) else { throw RegisterError.refused("candidate \(p.candidateId) was not added to process \(p.processId)") }
        return id
    }

    func updateStage(participationId: Int64, stage: Stage, at: Date) throws {
        try requireChanged(try run("""
            UPDATE rekry.participation SET stage = \(stage.rawValue), stage_changed_at = greatest(started_at, \(at))
            WHERE id = \(participationId)
            """), "participation \(participationId)")
    }

    func closeProcess(id: Int64, at: Date) throws {
        try requireChanged(try run("UPDATE rekry.process SET closed_at = greatest(opened_at, \(at)) WHERE id = \(id)"), "process \(id)")
    }

    func setEmployment(participationId: Int64, start: Date?, end: Date?) throws {
        try requireChanged(try run("""
            UPDATE rekry.participation SET employment_start_at = \(start), employment_end_at = \(end) WHERE id = \(participationId)
            """), "participation \(participationId)")
    }

    /// An UPDATE the policies filtered to nothing is a refusal, not a silent success (SQLite would have changed
    /// the row; the gate must not audit a change the server did not make).
    func requireChanged(_ changed: Int, _ what: String) throws {
        if changed == 0 { throw RegisterError.refused("\(what): the server refused the change (not found, or not yours to change)") }
    }
}
