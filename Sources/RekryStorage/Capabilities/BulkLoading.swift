import Foundation
import RekryDomain

/// One candidate and everything held about them, ready to be stored in bulk: what the write model derived,
/// with every id assigned by the caller (bulk loads write in id order).
public struct CandidateBundle: Sendable {
    public var candidate: CandidateRecord
    public var links: [ProfileLink] = []
    public var consents: [ConsentRecord] = []
    public var documents: [Document] = []
    public var participations: [ParticipationRecord] = []
    public var references: [(record: ReferenceRecord, statements: [ReferenceStatement])] = []
    public var assessments: [Assessment] = []
    public var text: [TextIndexEntry] = []

    public init(candidate: CandidateRecord) { self.candidate = candidate }
}

/// Loads a whole register at once (the demo, a restore): secondary indexes built after, ids given.
public protocol BulkLoading {
    /// Stores `processes`, then every bundle `next` yields until it returns nil, then rebuilds indexes.
    ///
    /// `next` may be called on another thread than the caller's (generation runs ahead of the writer).
    func bulkLoad(processes: [ProcessRecord], next: @escaping @Sendable () -> [CandidateBundle]?,
                  progress: (Int) -> Void) throws
}
