import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func candidate(id: Int64) throws -> CandidateRecord? {
        throw PostgresSession.notYet(#function)
    }
    func links(candidateId: Int64) throws -> [ProfileLink] {
        throw PostgresSession.notYet(#function)
    }
    func consents(candidateId: Int64) throws -> [ConsentRecord] {
        throw PostgresSession.notYet(#function)
    }
    func documents(candidateId: Int64) throws -> [Document] {
        throw PostgresSession.notYet(#function)
    }
    func participations(candidateId: Int64) throws -> [Participation] {
        throw PostgresSession.notYet(#function)
    }
    func references(candidateId: Int64) throws -> [Reference] {
        throw PostgresSession.notYet(#function)
    }
    func assessments(candidateId: Int64) throws -> [Assessment] {
        throw PostgresSession.notYet(#function)
    }
    func disclosures(candidateId: Int64) throws -> [Disclosure] {
        throw PostgresSession.notYet(#function)
    }
    func candidatesMatching(email: String?, phone: String?) throws -> [Int64] {
        throw PostgresSession.notYet(#function)
    }
    func lastCandidateId() throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func recordChanges(candidateId: Int64) throws -> [RecordChange] {
        throw PostgresSession.notYet(#function)
    }
}

