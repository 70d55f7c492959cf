import Foundation

/// Where the app runs store work that may block (opening a candidate, decrypting a report, counting,
/// full-text search): off the key path. Results come back through the app's `Mailbox`.
///
/// Injected, as swift-nio's embedded event loop is, so that tests decide when background work runs
/// (`ManualExecutor` in the test support) and can prove that a result arriving after the user moved on is
/// dropped, without sleeping or polling a deadline.
public protocol BackgroundExecutor: Sendable {
    func run(_ work: @escaping @Sendable () -> Void)
}

/// Runs each piece of work on a thread of its own: the executor of the real terminal.
public struct ThreadExecutor: BackgroundExecutor {
    public init() {}
    public func run(_ work: @escaping @Sendable () -> Void) { Thread.detachNewThread(work) }
}
