import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func insertCandidate(_ record: CandidateRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func updateCandidate(_ record: CandidateRecord) throws {
        throw PostgresSession.notYet(#function)
    }
    func insertLink(candidateId: Int64, _ link: ProfileLink) throws {
        throw PostgresSession.notYet(#function)
    }
    func insertConsent(candidateId: Int64, _ consent: ConsentRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func insertDisclosure(candidateId: Int64, _ disclosure: Disclosure) throws {
        throw PostgresSession.notYet(#function)
    }
    func withdrawConsent(id: Int64, at: Date) throws {
        throw PostgresSession.notYet(#function)
    }
    func insertDocument(candidateId: Int64, _ document: Document) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func insertAssessment(candidateId: Int64, _ assessment: Assessment) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func insertReference(_ reference: ReferenceRecord, refereeId: Int64?) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func insertStatement(referenceId: Int64, _ statement: ReferenceStatement) throws {
        throw PostgresSession.notYet(#function)
    }
    func referees(email: String?, phone: String?) throws -> [RefereeMatch] {
        throw PostgresSession.notYet(#function)
    }
    func reference(id: Int64) throws -> RefereeMatch? {
        throw PostgresSession.notYet(#function)
    }
    func references(refereeId: Int64) throws -> [ReferenceRecord] {
        throw PostgresSession.notYet(#function)
    }
    func logChange(candidateId: Int64, _ change: RecordChange) throws {
        throw PostgresSession.notYet(#function)
    }
}
