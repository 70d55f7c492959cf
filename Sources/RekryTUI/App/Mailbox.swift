import Foundation
import RekryGate
import RekryStorage

/// Results of background work (match counts), posted from any thread and drained by the run loop.
public final class Mailbox: @unchecked Sendable {
    enum Message {
        case count(CandidateQuery, CappedCount)
        /// A full-text search's rows, or why it failed.
        case fullText(String, Result<[CandidateRow], any Error>)
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

    func drain() -> [Message] {
        lock.withLock {
            defer { messages = [] }
            return messages
        }
    }

    /// Whether background work is still running (tests wait on this instead of sleeping).
    public var isBusy: Bool { lock.withLock { pending > 0 } }
}
