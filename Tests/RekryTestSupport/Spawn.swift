import Foundation

/// Runs a program with posix_spawn and waitpid, its output captured through a file.
///
/// Foundation's `Process` can wait forever for a child (such as `tmux new-session -d`) whose forked
/// daemon inherits its descriptors; this does not.
public enum Spawn {
    /// `mergingStandardError`: standard error is captured with the output (else it goes to /dev/null).
    /// `environment`: `NAME=value` entries to run with instead of this process's environment.
    public static func run(_ path: String, _ arguments: [String], mergingStandardError: Bool = false,
                           environment: [String]? = nil) throws -> (status: Int32, output: String) {
        let outPath = NSTemporaryDirectory() + "spawn-\(UUID().uuidString).out"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if mergingStandardError {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment.map { $0.map { strdup($0) } + [nil] }
        defer { env?.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = env.map { e in e.withUnsafeBufferPointer { posix_spawn(&pid, path, &actions, nil, argv, UnsafeMutablePointer(mutating: $0.baseAddress)) } }
            ?? posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw NSError(domain: "Spawn", code: Int(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        return ((status >> 8) & 0xff, output)
    }
}
