import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func candidate(id: Int64) throws -> CandidateRecord? {
        throw PostgresSession.notYet(#function)
    }
    func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int, now: Date, visibility: RowVisibility) throws -> [ListedCandidate] {
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

extension PostgresSession {
    /// How many candidates `query` matches for this login, counted up to `cap`.
    func countCandidates(_ query: CandidateQuery, cap: Int, now: Date, visibility: RowVisibility) throws -> Int {
        throw PostgresSession.notYet(#function)
    }

    /// The number of candidates on the register, from a kept counter (never a scan).
    func keptCandidateCount() throws -> Int {
        throw PostgresSession.notYet(#function)
    }

    /// A number that moves whenever any member commits a change to the register.
    func registerChangeCounter() throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }

    /// The texts this login may read holding every one of `words`, best match first, a batch at a time.
    func searchTexts(words: [String], take: ([TextMatch]) throws -> Bool) throws {
        throw PostgresSession.notYet(#function)
    }
}
