import Foundation

/// Work begun on another thread at start-up and joined when its result is first needed.
///
/// Start-up has two independent halves, opening the register and setting up the terminal; on two cores
/// they overlap instead of adding up.
final class StartUpTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read only after waiting on it.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work and returns its value or rethrows its error.
    func value() throws -> Value {
        done.wait()
        done.signal()  // a second call returns at once
        return try result!.get()
    }
}
