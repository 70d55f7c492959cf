/// A terminal as the run loop needs it. The curses backend implements it; tests use an in-memory one.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// The next key, or nil after `timeoutMilliseconds` with no input.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Pushes a whole screen to the terminal.
    func draw(_ buffer: ScreenBuffer)
    /// Makes the next `draw` repaint every cell, whatever the terminal is thought to show (Ctrl-L).
    func invalidate()
}

extension TerminalBackend {
    /// A backend that always draws every cell has nothing to forget.
    public func invalidate() {}
}

/// The run loop: draw, read a key, update, draw. Generic over the backend, so it is the same in tests.
@MainActor
public enum ScreenLoop {
    /// Runs until the app quits, or until `stop` says so (tests stop when their scripted keys run out).
    public static func run<Backend: TerminalBackend>(_ app: App, backend: Backend, stop: () -> Bool = { false }) {
        backend.draw(app.render())
        app.start()
        // Tenths of a second without a key: every half second of them, the app looks whether another process
        // changed the register (a cheap counter) and reads the screen again if so.
        var idle = 0
        while app.running && !stop() {
            if let key = backend.readKey(timeoutMilliseconds: 100) {
                idle = 0
                app.handle(key)
                app.drainBackground()
                if app.takeRedrawRequest() { backend.invalidate() }
                if app.running { backend.draw(app.render()) }
            } else {
                idle += 1
                var changed = app.drainBackground()
                if idle % 5 == 0 { changed = app.refreshIfChanged() || changed }
                if changed { backend.draw(app.render()) }
            }
        }
    }
}
