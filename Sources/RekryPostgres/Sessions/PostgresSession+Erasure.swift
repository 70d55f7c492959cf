import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func erasureInventory(candidateId: Int64) throws -> ErasureInventory? {
        throw PostgresSession.notYet(#function)
    }
    func beginErasure(_ pending: PendingErasure) throws {
        throw PostgresSession.notYet(#function)
    }
    func pendingErasures() throws -> [PendingErasure] {
        throw PostgresSession.notYet(#function)
    }
    func deleteCandidate(id: Int64) throws {
        throw PostgresSession.notYet(#function)
    }
    func endErasures(candidateIds: [Int64]) throws {
        throw PostgresSession.notYet(#function)
    }
    func retentionDue(at: Date, limit: Int) throws -> [Int64] {
        throw PostgresSession.notYet(#function)
    }
    func deleteReferee(refereeId: Int64) throws -> (references: Int, statements: Int) {
        throw PostgresSession.notYet(#function)
    }
    func candidateId(pseudonym: String) throws -> Int64? {
        throw PostgresSession.notYet(#function)
    }
    func recordErasure(_ record: ErasureRecord) throws {
        throw PostgresSession.notYet(#function)
    }
    func erasures(since: Date?) throws -> [ErasureRecord] {
        throw PostgresSession.notYet(#function)
    }
    func suppressionSecret() throws -> Data {
        throw PostgresSession.notYet(#function)
    }
    func insertSuppression(_ entry: SuppressionEntry) throws {
        throw PostgresSession.notYet(#function)
    }
    func activeSuppression(hashes: [String]) throws -> SuppressionEntry? {
        throw PostgresSession.notYet(#function)
    }
    func liftSuppression(subject: String, at: Date, by: String, reason: String) throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func retentionFacts(holding category: String) throws -> [RetentionFacts] {
        throw PostgresSession.notYet(#function)
    }
    func deleteLinks(candidateId: Int64) throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func deletePsychReports(candidateId: Int64) throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func deleteReferences(candidateId: Int64) throws -> (references: Int, statements: Int) {
        throw PostgresSession.notYet(#function)
    }
    func deleteAssessments(candidateId: Int64, kind: Assessment.Kind) throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func replaceText(candidateId: Int64, rowid: Int64, body: String, entry: TextIndexEntry) throws {
        throw PostgresSession.notYet(#function)
    }
    func redactShortTexts(candidateId: Int64, _ redact: (String) -> String?) throws -> Int {
        throw PostgresSession.notYet(#function)
    }
    func referenceRow(refereeId: Int64) throws -> Int64? {
        throw PostgresSession.notYet(#function)
    }
    func recordCategoryErasure(_ record: CategoryErasureRecord) throws {
        throw PostgresSession.notYet(#function)
    }
    func categoryErasures(since: Date?) throws -> [CategoryErasureRecord] {
        throw PostgresSession.notYet(#function)
    }
}

extension PostgresSession {
    /// Makes finished erasures final as far as a member's login can (see docs/postgres.md).
    func finishErasures() throws {
        throw PostgresSession.notYet(#function)
    }
}
