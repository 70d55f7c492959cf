import Foundation
import RekryDomain

/// Recruitment processes and who takes part in them.
public protocol ProcessStoring {
    func insertProcess(_ process: ProcessRecord) throws -> Int64
    func process(id: Int64) throws -> ProcessRecord?
    /// Processes, newest first; only open ones when `openOnly`.
    func processes(openOnly: Bool, limit: Int) throws -> [ProcessRecord]
    func participants(processId: Int64) throws -> [ParticipationRecord]
    func participation(candidateId: Int64, processId: Int64) throws -> ParticipationRecord?
    func insertParticipation(_ participation: ParticipationRecord) throws -> Int64
    func updateStage(participationId: Int64, stage: Stage, at: Date) throws
    func closeProcess(id: Int64, at: Date) throws
    /// Records a hire's employment start and end (nil: not known).
    func setEmployment(participationId: Int64, start: Date?, end: Date?) throws
}
