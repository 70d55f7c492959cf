import Foundation

/// A throwaway PostgreSQL cluster for tests: initdb into a temporary directory, a server listening only on a
/// Unix socket in that directory, several login roles reached from the one Unix user running the tests (a
/// `pg_ident.conf` map: test clusters only), and `psql` sessions as any of them.
///
/// The server refuses to run as root, so when the tests run as root, initdb and pg_ctl run as the
/// unprivileged `postgres` user. The cluster is stopped and its directory removed by `stop()` (call it in a
/// `defer` or a class tearDown); a watchdog process does the same if the test process dies first.
public final class PostgresCluster: @unchecked Sendable {
    public static let binDirectory = "/usr/lib/postgresql/15/bin"

    /// Whether the server binaries and psql are installed (tests skip without them).
    public static var isAvailable: Bool {
        ["initdb", "pg_ctl", "psql", "postgres"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: "\(binDirectory)/\($0)")
        }
    }

    /// The temporary directory: the socket's directory, with the data directory and the log inside.
    public let directory: String
    /// The superuser's name (the bootstrap role).
    public let superuser = "postgres"
    /// Seconds taken by initdb and start, and (after `stop()`) by the stop.
    public private(set) var startSeconds: Double = 0
    public private(set) var stopSeconds: Double = 0

    private let runAs: String?
    private var watchdog: pid_t = 0
    private var stopped = false
    private let lock = NSLock()

    /// The data directory (`directory/data`); the server's log is `directory/log`.
    public var dataDirectory: String { directory + "/data" }

    /// Creates and starts a cluster whose `logins` may connect from this Unix user (besides the superuser).
    /// `settings` are passed to the server as `-c` options: they override postgresql.conf and ALTER SYSTEM.
    /// The default trades durability for speed; a test of what reaches the WAL turns full-page writes on.
    public init(logins: [String], settings: [String] = ["fsync=off", "full_page_writes=off"]) throws {
        let began = Date()
        runAs = geteuid() == 0 ? "postgres" : nil
        var template = Array((NSTemporaryDirectory() + "rekry-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure("mkdtemp failed") }
        directory = String(cString: made)
        if let runAs {
            guard let pw = getpwnam(runAs) else { throw Failure("no user \(runAs) to run the server as") }
            chown(directory, pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        do {
            let data = directory + "/data"
            try run(server: true, "initdb", ["-D", data, "-U", superuser, "-A", "peer", "--no-sync", "-E", "UTF8",
                                              "--locale=C.UTF-8", "--no-instructions"])
            // Peer authentication through one map: this Unix user may sign in as the superuser and as each login.
            guard let pwd = getpwuid(geteuid()) else { throw Failure("no passwd entry for this user") }
            let me = String(cString: pwd.pointee.pw_name)
            unixUser = me
            mappedLogins = [superuser] + logins
            try writeIdentMap()
            try write(data + "/pg_hba.conf", "local all all peer map=rekry\n")
            let options = (["-k \(directory)", "-c listen_addresses="] + settings.map { "-c \($0)" }).joined(separator: " ")
            try run(server: true, "pg_ctl", ["-D", data, "-l", directory + "/log", "-w", "-s", "-o", options, "start"])
            startWatchdog()
        } catch {
            stop()
            throw error
        }
        startSeconds = Date().timeIntervalSince(began)
    }

    deinit { stop() }

    /// Stops the server (fast mode) and removes the directory. Safe to call more than once.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        let began = Date()
        let data = directory + "/data"
        if FileManager.default.fileExists(atPath: data + "/postmaster.pid") {
            _ = try? run(server: true, "pg_ctl", ["-D", data, "-w", "-s", "-m", "fast", "stop"])
        }
        if watchdog > 0 {
            kill(watchdog, SIGKILL)
            var status: Int32 = 0
            while waitpid(watchdog, &status, 0) == -1 && errno == EINTR {}
            watchdog = 0
        }
        try? FileManager.default.removeItem(atPath: directory)
        stopSeconds = Date().timeIntervalSince(began)
    }

    /// Lets this Unix user sign in as `login` too (the map is rewritten and the server reloads it).
    public func allow(login: String) throws {
        try lock.withLock {
            guard !mappedLogins.contains(login) else { return }
            mappedLogins.append(login)
            try writeIdentMap()
        }
        try query(as: superuser, "SELECT pg_reload_conf()")
        // The postmaster rereads the map on SIGHUP, a moment after the call returns.
        usleep(200_000)
    }

    private var unixUser = ""
    private var mappedLogins: [String] = []

    private func writeIdentMap() throws {
        let ident = mappedLogins.map { "rekry \(unixUser) \($0)" } + ["rekry postgres postgres"]
        try write(dataDirectory + "/pg_ident.conf", ident.joined(separator: "\n") + "\n")
    }

    /// The socket directory, for a `postgresql://` URL's `host`.
    public var socketDirectory: String { directory }

    /// Runs `sql` in a psql session as `login` (unaligned tuples only, stopping at the first error) and
    /// returns psql's exit status with its output and errors together.
    @discardableResult
    public func psql(as login: String, _ sql: String) throws -> (status: Int32, output: String) {
        let file = directory + "/script-\(UUID().uuidString).sql"
        try write(file, sql, mode: 0o644)
        defer { unlink(file) }
        return try Self.spawn(Self.binDirectory + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                                          "-h", directory, "-U", login, "-d", "postgres", "-f", file])
    }

    /// Runs `scripts` as the superuser, in order, and returns the seconds they took. If one fails the cluster
    /// is stopped before the error goes on: a test that cannot set up must not leave a server behind.
    @discardableResult
    public func setUp(_ scripts: [String]) throws -> Double {
        let began = Date()
        do {
            for script in scripts { try query(as: superuser, script) }
        } catch {
            stop()
            throw error
        }
        return Date().timeIntervalSince(began)
    }

    /// Like `psql(as:_:)`, throwing with psql's output when it fails.
    @discardableResult
    public func query(as login: String, _ sql: String) throws -> String {
        let (status, output) = try psql(as: login, sql)
        guard status == 0 else { throw Failure("psql as \(login) failed (\(status)): \(output)") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Internals

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    private func write(_ path: String, _ text: String, mode: Int = 0o600) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
        if let runAs, let pw = getpwnam(runAs) { chown(path, pw.pointee.pw_uid, pw.pointee.pw_gid) }
    }

    /// Runs a server program, as the unprivileged user when the tests run as root.
    private func run(server: Bool, _ program: String, _ arguments: [String]) throws {
        let path = Self.binDirectory + "/" + program
        let (status, output) = runAs.map { user in
            (try? Self.spawn("/usr/sbin/runuser", ["-u", user, "--", path] + arguments)) ?? (-1, "runuser failed")
        } ?? ((try? Self.spawn(path, arguments)) ?? (-1, "\(program) failed"))
        guard status == 0 else {
            let log = (try? String(contentsOfFile: directory + "/log", encoding: .utf8)) ?? ""
            throw Failure("\(program) failed (\(status)): \(output)\n\(log.suffix(2000))")
        }
    }

    /// Stops the server and removes the directory once this process is gone, however it ended.
    private func startWatchdog() {
        let data = directory + "/data"
        let stop = "\(Self.binDirectory)/pg_ctl -D '\(data)' -s -m immediate stop"
        let script = """
        while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
        \(runAs.map { "/usr/sbin/runuser -u \($0) -- \(stop)" } ?? stop) >/dev/null 2>&1
        rm -rf '\(directory)'
        """
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let words: [String] = ["/bin/sh", "-c", script]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        if posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 { watchdog = pid }
    }

    /// Runs a server program: standard error captured with the output, in a fixed, minimal environment (no
    /// PGHOST, PGUSER or PGOPTIONS from the caller's shell).
    static func spawn(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        do {
            return try Spawn.run(path, arguments, mergingStandardError: true,
                                 environment: ["PATH=/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C.UTF-8", "PGTZ=UTC"])
        } catch {
            throw Failure("cannot run \(path): \(error)")
        }
    }
}
