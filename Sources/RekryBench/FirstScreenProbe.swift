import Foundation

/// Times the real `rekry` binary from process start to its first full screen, in a pseudo-terminal.
///
/// The clock is read (CLOCK_MONOTONIC, which every process shares) just before `posix_spawn`. The child,
/// given REKRY_FIRST_SCREEN_FD, writes the same clock to that descriptor once the first screen is on the
/// terminal and exits. The pty is 120x40 and its output is drained as a terminal would, so the figure
/// includes exec, dynamic loading, opening the register, signing in, the first page and the screen
/// written to the tty; it leaves out the exit.
struct FirstScreenProbe {
    let binary: String
    let arguments: [String]

    /// One measurement in milliseconds.
    func measure() throws -> Double {
        // Linux's pty multiplexer: unlock the new pair and ask its number (what unlockpt and ptsname do).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        // TIOCSPTLCK and TIOCGPTN are _IOW/_IOR macros Swift cannot import; these are their Linux values.
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
        guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw BenchError("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(master) }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw BenchError("cannot open /dev/pts/\(number)") }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        var stamp: [Int32] = [0, 0]
        guard pipe(&stamp) == 0 else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }

        // Drain the terminal's output as a terminal emulator would, so the child never blocks writing.
        let drain = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while read(master, &buffer, buffer.count) > 0 {}
        }
        drain.start()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        posix_spawn_file_actions_adddup2(&actions, stamp[1], 3)
        let env = ProcessInfo.processInfo.environment.merging(
            ["TERM": "xterm-256color", "LANG": "C.UTF-8", "REKRY_FIRST_SCREEN_FD": "3"]) { $1 }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { (envp + argv).forEach { free($0) } }

        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        close(stamp[1])
        close(slave)
        guard rc == 0 else { throw BenchError("posix_spawn \(binary): \(String(cString: strerror(rc)))") }
        var text = ""
        var byte: UInt8 = 0
        while read(stamp[0], &byte, 1) == 1 { text.append(Character(Unicode.Scalar(byte))) }
        close(stamp[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard let end = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("\(binary) exited with status \(status >> 8) before its first screen")
        }
        return Double(end - (Int64(start.tv_sec) * 1_000_000_000 + Int64(start.tv_nsec))) / 1e6
    }

    /// The raw floor for the same work: a process that opens the file, reads the first page and exits
    /// (`sqlite3` from spawn to exit, output discarded), in milliseconds.
    static func rawProcess(_ path: String, _ arguments: [String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchError("posix_spawn \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}
