import Foundation
import RekryDomain

/// Erasing a candidate: what goes, the pending marker, the deletion itself, the erasure log and suppression.
public protocol ErasureStoring {
    /// Counts of everything held about the candidate, per category; nil when there is no such candidate.
    func erasureInventory(candidateId: Int64) throws -> ErasureInventory?
    /// Whether the storage itself refuses `erasureInventory` to a member the write policy does not let erase the
    /// record (PostgreSQL's `rekry.check_eraser`, whose refusal also ends the transaction): the gate then decides
    /// first and does not ask. False where the gate alone decides (SQLite).
    var refusesInventoryToWhomPolicyRefuses: Bool { get }
    /// Marks the candidate's erasure as begun (committed before the full-text index is touched).
    func beginErasure(_ pending: PendingErasure) throws
    /// Erasures begun and not finished (a crash between the steps).
    func pendingErasures() throws -> [PendingErasure]
    /// Deletes the candidate and everything held about them, raising the id floors first so that no id of
    /// theirs is given out again. Their pending marker stays until the journals are checkpointed.
    func deleteCandidate(id: Int64) throws
    /// Clears the pending markers of erasures whose journals have been checkpointed.
    func endErasures(candidateIds: [Int64]) throws
    /// Candidates whose retention date has passed by `at`, soonest due first, at most `limit`; never those held
    /// under a legal obligation.
    func retentionDue(at: Date, limit: Int) throws -> [Int64]
    /// Deletes every row of one referee (across the candidates they refer) with their statements; returns
    /// how many rows and statements went.
    func deleteReferee(refereeId: Int64) throws -> (references: Int, statements: Int)
    /// The candidate with this pseudonym, if still on the register (a restore re-applying an erasure).
    func candidateId(pseudonym: String) throws -> Int64?
    func recordErasure(_ record: ErasureRecord) throws
    /// The erasure log, oldest first, from `since` on (everything when nil).
    func erasures(since: Date?) throws -> [ErasureRecord]
    /// The register's own secret for suppression hashes.
    func suppressionSecret() throws -> Data
    func insertSuppression(_ entry: SuppressionEntry) throws
    /// The first active suppression among `hashes`, if any.
    func activeSuppression(hashes: [String]) throws -> SuppressionEntry?
    /// Lifts the active suppression entries of an erased person; returns how many.
    func liftSuppression(subject: String, at: Date, by: String, reason: String) throws -> Int
    /// Candidates who hold data in `category` (`contact-details`, `psych-report`), with what its retention
    /// rules count from; never those under a legal obligation or in the middle of an erasure.
    func retentionFacts(holding category: String) throws -> [RetentionFacts]
    /// Deletes the candidate's links (a contact detail); returns how many.
    func deleteLinks(candidateId: Int64) throws -> Int
    /// Deletes the candidate's psychologist reports with their keys and grants; returns how many reports.
    func deletePsychReports(candidateId: Int64) throws -> Int
    /// Deletes the references given about the candidate with their statements; returns (references, statements).
    func deleteReferences(candidateId: Int64) throws -> (references: Int, statements: Int)
    /// Deletes the candidate's assessments of `kind`, each removed from the full-text index with its text first;
    /// returns how many (in a transaction opened for indexing text).
    func deleteAssessments(candidateId: Int64, kind: Assessment.Kind) throws -> Int
    /// Replaces the text of one of the candidate's documents (`rowid` > 0) or assessments (`rowid` < 0, minus
    /// its id), taking the old text out of the full-text index with the text it was indexed with and putting
    /// `entry` in; the caller's transaction must index text.
    func replaceText(candidateId: Int64, rowid: Int64, body: String, entry: TextIndexEntry) throws
    /// Rewrites the candidate's short free texts that no index holds (document and assessment titles, an
    /// assessment's provider and score, disclosures' recipients and wording, referees' statements, the
    /// rectification log's notes, the DPO's notes on their requests, consents' channel and wording) through
    /// `redact`, which returns nil for a text it leaves alone; returns how many rows changed.
    func redactShortTexts(candidateId: Int64, _ redact: (String) -> String?) throws -> Int
    /// Any row of the referee with this referee id, if they are on the register.
    func referenceRow(refereeId: Int64) throws -> Int64?
    func recordCategoryErasure(_ record: CategoryErasureRecord) throws
    /// The category erasure log, oldest first, from `since` on (everything when nil).
    func categoryErasures(since: Date?) throws -> [CategoryErasureRecord]
}

extension ErasureStoring {
    public var refusesInventoryToWhomPolicyRefuses: Bool { false }
}
