import Foundation
import RekryTUI

/// An in-memory terminal: keys are scripted, every drawn screen is kept. The run loop drives it as it
/// drives the real terminal.
@MainActor
public final class MemoryBackend: TerminalBackend {
    public private(set) var screens: [ScreenBuffer] = []
    private var keys: [Key]

    public init(keys: [Key]) { self.keys = keys }

    public var lastScreen: ScreenBuffer? { screens.last }

    public var isDrained: Bool { keys.isEmpty }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    /// Runs the app's real run loop over `keys`, stopping when they are used up; returns the backend.
    @discardableResult
    public static func drive(_ app: App, _ keys: [Key]) -> MemoryBackend {
        let backend = MemoryBackend(keys: keys)
        ScreenLoop.run(app, backend: backend, stop: { backend.isDrained && !app.mailbox.isBusy })
        app.drainBackground()
        return backend
    }

    public func draw(_ buffer: ScreenBuffer) { screens.append(buffer) }

    /// How many times the app asked for a full repaint (Ctrl-L).
    public private(set) var invalidations = 0

    public func invalidate() { invalidations += 1 }
}

extension Key {
    /// The keys typing `text` produces.
    public static func typing(_ text: String) -> [Key] { text.map { .char($0) } }
}
