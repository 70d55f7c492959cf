import Foundation
import RekryDomain

/// Everything one transaction on a register can do: the capabilities of a backend, composed.
public typealias StorageSession = CandidateReading & CandidateWriting & ProcessStoring & ReportStoring & StaffStoring
    & AuditStoring & ErasureStoring & SettingsStoring & RequestStoring & BreachStoring

/// A register's storage: transactions over the capabilities above, plus the work that runs off the main
/// thread (counts, full-text search). SQLite and PostgreSQL each implement it; the gate sees only this.
public protocol StorageBackend: AnyObject, Sendable {
    /// Where the register is, for messages and the status line.
    var location: String { get }
    /// Where the audit chain's head is kept.
    var auditHead: (any AuditHeadStoring)? { get }
    /// A read transaction on the calling thread's connection.
    func read<T>(_ body: (any StorageSession) throws -> T) throws -> T
    /// One write transaction: everything `body` does commits together, or nothing does. `indexingText` says
    /// the transaction adds to the full-text index (a backend may keep that index apart and open it only then).
    func write<T>(indexingText: Bool, _ body: (any StorageSession) throws -> T) throws -> T
    /// A read transaction on a connection of its own, safe to call from any thread.
    func readInBackground<T>(_ body: (any StorageSession) throws -> T) throws -> T
    /// How many candidates match, counted up to `cap` (runs off the main thread).
    func count(_ query: CandidateQuery, cap: Int, now: Date, visibility: RowVisibility) throws -> Int
    /// The number of candidates on the register, from a kept counter (never a scan).
    func candidateCount() throws -> Int
    /// A number that changes whenever another process (or connection) commits a change to the register, and
    /// only then: an open screen compares it when idle and reads itself again when it moved.
    func changeCounter() throws -> Int64
    /// The texts holding every one of `words`, best match first, handed to `take` a batch at a time until it
    /// returns true (it has enough) or none are left. Each is named with its candidate, so that the gate can
    /// decide on the text itself: a match in a withheld document must not find or rank its owner.
    func searchTexts(words: [String], take: ([TextMatch]) throws -> Bool) throws
    /// Makes every write durable and leaves no old page in any journal (after erasures, revokes, bulk loads), as
    /// far as the signed-in member can: it fails only when that work could not be done (SQLite: a reader kept a
    /// journal busy), never for what only someone outside Rekry can finish (see `erasedBytesAwaitingAdministrator`).
    func checkpoint() throws
    /// After `checkpoint`: how many of the signed-in member's erasures (of people or of categories) this
    /// storage has just found still holding bytes in its files until work only its administrator can do
    /// (PostgreSQL: VACUUM FULL and CHECKPOINT); each is counted once. 0 when a checkpoint leaves nothing (SQLite).
    func erasedBytesAwaitingAdministrator() throws -> Int
    /// Removes the candidates' texts from the full-text index, from the texts still stored (so before their
    /// rows go), in a transaction of its own; repeating it after a crash removes nothing twice.
    func removeIndexedText(candidateIds: [Int64]) throws
    /// Writes a compact copy of the register into `directory` (free pages and journals left out, so nothing
    /// erased travels with it); returns the files written.
    func backup(into directory: String) throws -> [String]
    /// The storage's own consistency check, per part (a file, a server): each part's problems, empty when sound.
    func integrityCheck() throws -> [(part: String, problems: [String])]
    /// The same register as seen by the staff member `username`. An embedded file is the same for everyone (the
    /// gate alone decides), so SQLite returns itself; a server connects as that member's own login, so that
    /// its row-level security decides too.
    func acting(as username: String) throws -> any StorageBackend
}

/// One full-text match: the text (a document id, or minus an assessment id) and the candidate who has it.
public struct TextMatch: Sendable, Equatable {
    public var rowid: Int64
    public var candidateId: Int64
    public init(rowid: Int64, candidateId: Int64) {
        self.rowid = rowid
        self.candidateId = candidateId
    }
}

extension StorageBackend {
    public func acting(as username: String) throws -> any StorageBackend { self }

    public func erasedBytesAwaitingAdministrator() throws -> Int { 0 }

    /// Candidate ids whose indexed texts hold every one of `words`, best match first, with no regard to who
    /// may read which text (benchmarks and storage tests; the gate filters per text with `searchTexts`).
    public func searchText(words: [String], limit: Int) throws -> [Int64] {
        var seen = Set<Int64>(), ids: [Int64] = []
        try searchTexts(words: words) { matches in
            for match in matches where seen.insert(match.candidateId).inserted {
                ids.append(match.candidateId)
                if ids.count >= limit { return true }
            }
            return false
        }
        return ids
    }

    /// One write transaction that does not touch the full-text index.
    public func write<T>(_ body: (any StorageSession) throws -> T) throws -> T {
        try write(indexingText: false, body)
    }
}
