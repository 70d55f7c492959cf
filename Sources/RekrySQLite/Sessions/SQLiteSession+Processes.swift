import Foundation
import GRDB
import RekryDomain
import RekryStorage

extension SQLiteSession {
    func insertProcess(_ p: ProcessRecord) throws -> Int64 {
        try db.execute(sql: "INSERT INTO process(title, client, country, openedAt, closedAt, kind) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [p.title, p.client, p.country, p.openedAt.sql, p.closedAt?.sql, p.kind.rawValue])
        return db.lastInsertedRowID
    }

    func process(id: Int64) throws -> ProcessRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM process WHERE id = ?", arguments: [id]).map(RowDecoding.process)
    }

    func processes(openOnly: Bool, limit: Int) throws -> [ProcessRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM process \(openOnly ? "WHERE closedAt IS NULL" : "") ORDER BY openedAt DESC, id DESC LIMIT ?",
                         arguments: [limit]).map(RowDecoding.process)
    }

    func participants(processId: Int64) throws -> [ParticipationRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM participation WHERE processId = ? ORDER BY id", arguments: [processId])
            .map(RowDecoding.participationRecord)
    }

    func participation(candidateId: Int64, processId: Int64) throws -> ParticipationRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM participation WHERE candidateId = ? AND processId = ?",
                         arguments: [candidateId, processId]).map(RowDecoding.participationRecord)
    }

    func insertParticipation(_ p: ParticipationRecord) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO participation(candidateId, processId, stage, startedAt, stageChangedAt, basis) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [p.candidateId, p.processId, p.stage.rawValue, p.startedAt.sql, p.stageChangedAt.sql, p.basis.rawValue])
        return db.lastInsertedRowID
    }

    func updateStage(participationId: Int64, stage: Stage, at: Date) throws {
        try db.execute(sql: "UPDATE participation SET stage = ?, stageChangedAt = max(startedAt, ?) WHERE id = ?",
                       arguments: [stage.rawValue, at.sql, participationId])
    }

    func setEmployment(participationId: Int64, start: Date?, end: Date?) throws {
        try db.execute(sql: "UPDATE participation SET employmentStartAt = ?, employmentEndAt = ? WHERE id = ?",
                       arguments: [start?.sql, end?.sql, participationId])
    }

    func closeProcess(id: Int64, at: Date) throws {
        try db.execute(sql: "UPDATE process SET closedAt = max(openedAt, ?) WHERE id = ?", arguments: [at.sql, id])
    }
}
