import Foundation
import RekryTUI

/// Background work that runs only when a test says so, in the order it was started: the deterministic
/// stand-in for `ThreadExecutor`.
public final class ManualExecutor: BackgroundExecutor, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [@Sendable () -> Void] = []

    public init() {}

    public func run(_ work: @escaping @Sendable () -> Void) { lock.withLock { jobs.append(work) } }

    /// How many pieces of work wait.
    public var pending: Int { lock.withLock { jobs.count } }

    /// Runs the oldest waiting piece of work on the calling thread; false when none waits.
    @discardableResult
    public func runNext() -> Bool {
        guard let job = lock.withLock({ jobs.isEmpty ? nil : jobs.removeFirst() }) else { return false }
        job()
        return true
    }

    /// Runs every waiting piece of work, including work started by the work it runs.
    public func runAll() { while runNext() {} }
}
