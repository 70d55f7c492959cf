import Foundation
import RekryTestSupport
import RekryTUI

/// What the tests of writing from the keyboard share: an app on a test register, and the usual key runs.
/// XCTest on Linux runs test methods on the main thread; bodies assume the main actor explicitly.
@MainActor
enum WriteKeys {
    /// Saves the open form (Ctrl-S, which the terminal backend lets through flow control).
    static let save: Key = .ctrl("s")

    /// The app as `user`, with the first screen's background count applied.
    static func app(_ t: TestRegister, _ user: String, readOnly: Bool = false, width: Int = 100, height: Int = 30) throws -> App {
        let app = try App(gate: try t.gate(user), readOnly: readOnly, theme: Theme(colors: true, unicode: true), width: width, height: height)
        MemoryBackend.drive(app, [])
        return app
    }

    /// Searches for `name` from the list and opens the first match.
    static func open(_ name: String) -> [Key] { [.char("/")] + Key.typing(name) + [.enter, .enter] }

    /// The digit key of a candidate tab.
    static func tab(_ tab: DetailTab) -> Key { .char(Character(String(tab.rawValue + 1))) }

    /// `n` presses of `key`.
    static func times(_ n: Int, _ key: Key) -> [Key] { Array(repeating: key, count: n) }

    /// The text inside a confirmation box, its wrapped lines joined, so a sentence can be found whole.
    static func boxText(_ screen: ScreenBuffer) -> String {
        screen.lines.compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            let inner = line[line.index(after: first)..<last].trimmingCharacters(in: .whitespaces)
            return inner.isEmpty ? nil : inner
        }.joined(separator: " ")
    }

    /// Writes `text` to a file in the register's folder and returns its path.
    static func file(_ t: TestRegister, _ name: String, _ text: String) throws -> String {
        let path = t.directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
