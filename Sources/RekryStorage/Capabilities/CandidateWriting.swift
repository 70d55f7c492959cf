import Foundation
import RekryDomain

/// Stores what the write model hands down: candidate rows with their derived columns, and the items held
/// about a candidate. A backend keeps its own indexes (search tokens, full text) from what it is given.
public protocol CandidateWriting {
    /// Inserts a candidate (its `id` is ignored) with its search tokens; returns the new id.
    func insertCandidate(_ record: CandidateRecord) throws -> Int64
    /// Replaces every column of the candidate's row, and its search tokens, with `record`'s.
    func updateCandidate(_ record: CandidateRecord) throws
    /// Whether a member's login corrects and erases only a profile it may read (PostgreSQL, whose row-level
    /// security withholds a lapsed profile from recruiters and leads): the write model derives a correction's
    /// search keys, and an erasure's suppression hashes, referee matches and breach redaction, from the whole
    /// profile, which that login cannot read. The gate then refuses such a write to all but the DPO. False where
    /// the gate reads every row itself (SQLite).
    var writesOnlyReadableProfiles: Bool { get }
    /// Candidates' ids and full names above `after`, in id order, at most `limit` (for re-deriving the name
    /// order's keys in batches).
    func candidateNames(after: Int64, limit: Int) throws -> [(id: Int64, fullName: String)]
    /// Stores a candidate's name-order key (`DerivedColumns.collationKey`, from the write model) and nothing else.
    func setCollationKey(_ key: String, candidateId: Int64) throws
    /// Stores the name-order keys of many candidates, writing only those that change (a server backend in one
    /// statement per batch rather than one round trip a row).
    func setCollationKeys(_ keys: [(candidateId: Int64, key: String)]) throws
    func insertLink(candidateId: Int64, _ link: ProfileLink) throws
    func insertConsent(candidateId: Int64, _ consent: ConsentRecord) throws -> Int64
    /// Records that the candidate's profile was shown to a recipient (Art. 19, Art. 15(1)(c)).
    func insertDisclosure(candidateId: Int64, _ disclosure: Disclosure) throws
    /// Adds the withdrawal date to a consent record (the only change the history allows).
    func withdrawConsent(id: Int64, at: Date) throws
    func insertDocument(candidateId: Int64, _ document: Document) throws -> Int64
    func insertAssessment(candidateId: Int64, _ assessment: Assessment) throws -> Int64
    /// Inserts a referee's row for one candidate; `refereeId` names the person when they were seen before
    /// (nil: a new person, whose id becomes this row's).
    func insertReference(_ reference: ReferenceRecord, refereeId: Int64?) throws -> Int64
    func insertStatement(referenceId: Int64, _ statement: ReferenceStatement) throws
    /// Referee rows with this email or phone (any candidate's), to recognise a referee seen before.
    func referees(email: String?, phone: String?) throws -> [RefereeMatch]
    /// One referee row, with the person it belongs to.
    func reference(id: Int64) throws -> RefereeMatch?
    /// Every row of one referee: the candidates they give references for.
    func references(refereeId: Int64) throws -> [ReferenceRecord]
    /// Records which field of a candidate's record changed (rectification log): never the old value.
    func logChange(candidateId: Int64, _ change: RecordChange) throws
    /// Adds an entry to the full-text index.
    func indexText(_ entry: TextIndexEntry) throws
    /// Tells the backend this transaction will write very many rows (an import of a whole file), so it may
    /// give the connection a larger, still fixed, page cache.
    func expectManyRows() throws
}

extension CandidateWriting {
    public var writesOnlyReadableProfiles: Bool { false }

    public func setCollationKeys(_ keys: [(candidateId: Int64, key: String)]) throws {
        for k in keys { try setCollationKey(k.key, candidateId: k.candidateId) }
    }
}
