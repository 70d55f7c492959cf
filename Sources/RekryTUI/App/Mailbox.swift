import Foundation
import RekryGate
import RekryStorage

/// Results of background work (match counts, searches, candidate and report reads), posted from any thread
/// and drained by the run loop.
public final class Mailbox: @unchecked Sendable {
    enum Message {
        case count(CandidateQuery, CappedCount)
        /// A full-text search's rows, or why it failed.
        case fullText(String, Result<[CandidateRow], any Error>)
        /// A candidate opened in the background, by the ticket of the opening it answers.
        case candidate(ticket: Int, Result<CandidateDetail, any Error>)
        /// A psychologist report read in the background (nil: the candidate has none).
        case report(ticket: Int, candidateId: Int64, Result<Gated<ReportText>?, any Error>)
        /// The session's browsing was recorded in the audit log.
        case accounted
        /// How far an erasure running in the background has come (not the end of the work).
        case erasing(done: Int, total: Int)
        /// An erasure's receipts, or why it failed.
        case erased(Result<[ErasureReceipt], any Error>)
    }

    private let lock = NSLock()
    private var messages: [Message] = []
    private var pending = 0

    func post(_ m: Message) {
        lock.withLock {
            messages.append(m)
            pending -= 1
        }
    }

    func started() { lock.withLock { pending += 1 } }

    /// Posts news of work still running: it does not count as the work's result.
    func postProgress(_ m: Message) { lock.withLock { messages.append(m) } }

    func drain() -> [Message] {
        lock.withLock {
            defer { messages = [] }
            return messages
        }
    }

    /// Whether background work is still running or its result has not been applied yet (tests wait on this
    /// instead of sleeping). A result counts until it is drained, since applying it can start more work (a
    /// candidate opened, then the report tab typed ahead reads the report).
    public var isBusy: Bool { lock.withLock { pending > 0 || !messages.isEmpty } }
}
