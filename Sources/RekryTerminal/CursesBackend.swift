import CNcursesw
import Foundation
import RekryTUI

/// The only code that talks to the terminal: pushes screen buffers through ncursesw and reads keys.
@MainActor
final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    let colors: Bool
    /// Whether every screen is respelled in ASCII first (a terminal whose locale names no UTF-8).
    let ascii: Bool

    /// Opens the terminal. Fails (instead of exiting, as initscr would) on an unknown TERM. The locale is set
    /// before (`TerminalLocale`).
    init(useColors: Bool, ascii: Bool = false) throws {
        self.ascii = ascii
        rekry_save_terminal()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, let screen = newterm(nil, rekry_stdout(), rekry_stdin()) else {
            throw TerminalError.unknownTerminal(term)
        }
        self.screen = screen
        set_term(screen)
        guard let window = stdscr_window() else { throw TerminalError.unknownTerminal(term) }
        self.window = window
        rekry_install_crash_guard()
        cbreak()
        noecho()
        nonl()
        Self.disableFlowControl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        var colors = false
        if useColors && has_colors() {
            start_color()
            use_default_colors()
            for c in 0..<8 { init_pair(Int16(c + 1), Int16(c), -1) }
            colors = true
        }
        self.colors = colors
    }

    var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// Lets Ctrl-S (save a form) and Ctrl-Q reach the app: with XON/XOFF flow control on, the terminal driver
    /// takes them and Ctrl-S freezes the screen. `cbreak` keeps the signal keys: Ctrl-C still ends the program
    /// through ncurses' handler, which restores the terminal, and Ctrl-Z still suspends it.
    ///
    /// Called after the other mode changes (each of them rewrites the modes from ncurses' copy); `def_prog_mode`
    /// then makes this ncurses' copy, so a resume after Ctrl-Z restores it too. `endwin` and the crash guard
    /// restore the modes saved before the screen was set up, flow control included.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 else { return }
        def_prog_mode()
    }

    func close() {
        endwin()
        delscreen(screen)
    }

    func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == ERR { return nil }
        if rc == rekry_key_code_yes() { return special(Int32(ch)) }
        return character(UInt32(ch))
    }

    private func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize(width: size.width, height: size.height)
        default: nil
        }
    }

    private func character(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(value + 96)!))
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Draws the buffer in runs of equal style, then refreshes once.
    /// Ctrl-L: ncurses forgets what it thinks the terminal shows and repaints every cell on the next refresh.
    func invalidate() {
        clearok(window, true)
    }

    func draw(_ buffer: ScreenBuffer) {
        let buffer = ascii ? AsciiSpelling.respell(buffer) : buffer
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let style = buffer[x, y].style
                var run = ""
                let start = x
                while x < buffer.width && buffer[x, y].style == style {
                    run += buffer[x, y].text
                    x += 1
                }
                apply(style)
                let wide = Array(run.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
                _ = wide.withUnsafeBufferPointer { mvwaddnwstr(window, Int32(y), Int32(start), $0.baseAddress, Int32(wide.count)) }
            }
        }
        wattr_set(window, rekry_a_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
    }

    private func apply(_ style: Style) {
        var attrs = rekry_a_normal()
        if style.bold { attrs |= rekry_a_bold() }
        if style.reverse { attrs |= rekry_a_reverse() }
        if style.underline { attrs |= rekry_a_underline() }
        if style.dim { attrs |= rekry_a_dim() }
        let pair: Int16 = colors && style.fg != .default ? Int16(style.fg.rawValue + 1) : 0
        wattr_set(window, attrs, pair, nil)
    }
}

/// Why the terminal could not be opened.
enum TerminalError: Error, CustomStringConvertible {
    case unknownTerminal(String)
    case notATerminal

    var description: String {
        switch self {
        case .unknownTerminal(let t):
            t.isEmpty ? "TERM is not set: rekry needs a terminal type (for example TERM=xterm-256color)"
                : "unknown terminal type '\(t)' (TERM): set TERM to one this machine's terminfo knows, such as xterm-256color"
        case .notATerminal:
            "standard input and output must be a terminal for the UI; use 'rekry list' and 'rekry show' in scripts"
        }
    }
}

/// The stdscr of the current screen, read through a function because Swift 6 rejects the C global.
@MainActor
private func stdscr_window() -> UnsafeMutablePointer<WINDOW>? {
    newwin(0, 0, 0, 0)
}
