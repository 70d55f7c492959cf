import Foundation
import RekryDomain

/// Reads a candidate and everything held about them, as plain records. Decides nothing: the gate does.
public protocol CandidateReading {
    func candidate(id: Int64) throws -> CandidateRecord?
    /// Rows of the list in list order (also for a backward anchor), read by key, never by offset.
    ///
    /// A badge filter may be applied as a superset here; the gate checks it exactly. Listed records may leave
    /// `derived.searchTokens` empty (a list never needs them; a write reads the record with `candidate(id:)`).
    func page(_ query: CandidateQuery, from anchor: PageAnchor, limit: Int, now: Date,
              visibility: RowVisibility) throws -> [ListedCandidate]
    func links(candidateId: Int64) throws -> [ProfileLink]
    /// The consent history, oldest first.
    func consents(candidateId: Int64) throws -> [ConsentRecord]
    /// Documents, newest first.
    func documents(candidateId: Int64) throws -> [Document]
    /// Participations with their processes, latest first.
    func participations(candidateId: Int64) throws -> [Participation]
    func references(candidateId: Int64) throws -> [Reference]
    /// Assessments, newest first.
    func assessments(candidateId: Int64) throws -> [Assessment]
    func disclosures(candidateId: Int64) throws -> [Disclosure]
    /// The candidates with this email or this phone, lowest id first.
    func candidatesMatching(email: String?, phone: String?) throws -> [Int64]
    /// The highest candidate id ever given out (0 on a new register).
    func lastCandidateId() throws -> Int64
    /// The rectification and flag log, oldest first.
    func recordChanges(candidateId: Int64) throws -> [RecordChange]
}
