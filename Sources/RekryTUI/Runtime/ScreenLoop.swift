/// A terminal as the run loop needs it. The curses backend implements it; tests use an in-memory one.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// The next key, or nil after `timeoutMilliseconds` with no input.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Pushes a whole screen to the terminal.
    func draw(_ buffer: ScreenBuffer)
}

/// The run loop: draw, read a key, update, draw. Generic over the backend, so it is the same in tests.
@MainActor
public enum ScreenLoop {
    /// Runs until the app quits, or until `stop` says so (tests stop when their scripted keys run out).
    public static func run<Backend: TerminalBackend>(_ app: App, backend: Backend, stop: () -> Bool = { false }) {
        backend.draw(app.render())
        app.start()
        while app.running && !stop() {
            if let key = backend.readKey(timeoutMilliseconds: 100) {
                app.handle(key)
                app.drainBackground()
                if app.running { backend.draw(app.render()) }
            } else if app.drainBackground() {
                backend.draw(app.render())
            }
        }
    }
}
