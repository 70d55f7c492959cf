import Foundation
import RekryDomain
import RekryGate
import RekryStorage
import RekryTUI

/// Opens the terminal UI as the staff member `signIn` signs in, and leaves the terminal clean however it
/// ends.
public enum TerminalLauncher {
    /// Runs the UI until the user quits.
    ///
    /// `signIn` (opening the register and proving the identity, about a third of the time to the first
    /// screen) runs on a second thread while this one sets up the terminal. Callers check what they can
    /// beforehand (the files exist, are private, the identity parses) so that the usual mistakes are
    /// reported before the screen is taken over; anything `signIn` still throws ends the screen first.
    ///
    /// `language` is `--lang` when given (sv, nb or en); without it the environment chooses.
    @MainActor
    public static func run(readOnly: Bool, language: String? = nil, signIn: @escaping @Sendable () throws -> Gate) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let gate = BackgroundWork(signIn)
        let env = ProcessInfo.processInfo.environment
        var theme = Theme.fromEnvironment(env)
        // Before ncurses starts: it reads the locale once, when the screen is made.
        theme.unicode = TerminalLocale.configure(env)
        // While the screen is up, stderr goes to a log file: a message written there would be lost with the
        // alternate screen. It is restored on the way out.
        let savedStderr = dup(STDERR_FILENO)
        let logPath = logFile(env)
        let logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        if logFD >= 0 { dup2(logFD, STDERR_FILENO); Foundation.close(logFD) }
        defer {
            if savedStderr >= 0 { dup2(savedStderr, STDERR_FILENO); Foundation.close(savedStderr) }
        }
        let backend = try CursesBackend(useColors: theme.colors, ascii: !theme.unicode)
        defer { backend.close() }
        theme.colors = backend.colors
        let size = backend.size
        let app = try App(gate: try gate.value(), readOnly: readOnly, language: UILanguage.choose(option: language, environment: env), theme: theme, width: size.width, height: size.height)
        if env["REKRY_CRASH_AFTER_FIRST_SCREEN"] == "1" {
            // For the end-to-end test of the crash guard: a real trap with the screen up.
            backend.draw(app.render())
            fatalError("crash requested by REKRY_CRASH_AFTER_FIRST_SCREEN")
        }
        if let fd = env["REKRY_FIRST_SCREEN_FD"].flatMap(Int32.init) {
            // For rekry-bench: process start to first full screen. The benchmark took the monotonic clock
            // just before it spawned this process; this writes the clock once the screen is on the terminal.
            backend.draw(app.render())
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let stamp = "\(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))\n"
            _ = stamp.withCString { write(fd, $0, strlen($0)) }
            return
        }
        ScreenLoop.run(app, backend: backend)
        // Nothing old (an edited value, a revoked key) is left in a journal once the UI is closed. A reader
        // elsewhere may still hold it; the message goes to the log, the terminal is being handed back.
        do { try app.gate.checkpointJournals() } catch { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
    }

    /// `$XDG_STATE_HOME/rekry/rekry.log` (default `~/.local/state`), its folders made private if missing.
    /// Plain POSIX calls: this runs before every first screen, and Foundation's path and file APIs would
    /// start CoreFoundation.
    static func logFile(_ env: [String: String]) -> String {
        // The XDG spec has relative paths ignored.
        let state = env["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (env["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp") + "/.local/state"
        var dir = ""
        for part in (state + "/rekry").split(separator: "/") {
            dir += "/" + part
            mkdir(dir, 0o700)  // EEXIST for those that exist
        }
        return dir + "/rekry.log"
    }
}
