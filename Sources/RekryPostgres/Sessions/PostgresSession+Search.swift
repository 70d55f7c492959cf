import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// The list's pages, counts and full-text search, and the counters kept for them.
extension PostgresSession {
    func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int, now: Date, visibility: RowVisibility) throws -> [ListedCandidate] {
        throw PostgresSession.notYet(#function)
    }
    func countCandidates(_ query: CandidateQuery, cap: Int, now: Date, visibility: RowVisibility) throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func keptCandidateCount() throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func registerChangeCounter() throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func searchTexts(words: [String], take: ([TextMatch]) throws -> Bool) throws {
        throw PostgresSession.notYet(#function)
    }
    func candidateNames(after: Int64, limit: Int) throws -> [(id: Int64, fullName: String)] {
        throw PostgresSession.notYet(#function)
    }
    func setCollationKey(_ key: String, candidateId: Int64) throws {
        throw PostgresSession.notYet(#function)
    }
    func indexText(_ entry: TextIndexEntry) throws {
        throw PostgresSession.notYet(#function)
    }
    func expectManyRows() throws {
        throw PostgresSession.notYet(#function)
    }
}
