import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func insertProcess(_ process: ProcessRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func process(id: Int64) throws -> ProcessRecord? {
        throw PostgresSession.notYet(#function)
    }
    func processes(openOnly: Bool, limit: Int) throws -> [ProcessRecord] {
        throw PostgresSession.notYet(#function)
    }
    func participants(processId: Int64) throws -> [ParticipationRecord] {
        throw PostgresSession.notYet(#function)
    }
    func participation(candidateId: Int64, processId: Int64) throws -> ParticipationRecord? {
        throw PostgresSession.notYet(#function)
    }
    func insertParticipation(_ participation: ParticipationRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func updateStage(participationId: Int64, stage: Stage, at: Date) throws {
        throw PostgresSession.notYet(#function)
    }
    func closeProcess(id: Int64, at: Date) throws {
        throw PostgresSession.notYet(#function)
    }
    func setEmployment(participationId: Int64, start: Date?, end: Date?) throws {
        throw PostgresSession.notYet(#function)
    }
}
