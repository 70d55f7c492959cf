import Foundation
import GRDB
import RekryCrypto
import RekryDomain

/// Builds a deterministic synthetic register: for one seed and one day, the same people, processes,
/// consents and texts every time (only the staff keys are fresh and secret).
public enum DemoRegister {
    public struct Options: Sendable {
        public var candidates: Int
        public var seed: UInt64
        /// The demo's "today": dates are spread around it so that every badge state occurs.
        public var now: Date
        public var keysDirectory: String

        public init(candidates: Int, seed: UInt64, now: Date, keysDirectory: String) {
            self.candidates = candidates
            self.seed = seed
            self.now = now
            self.keysDirectory = keysDirectory
        }
    }

    public struct Result: Sendable {
        public var candidates: Int
        public var seconds: Double
        /// Username → identity file path.
        public var identities: [(String, String)]
    }

    /// The demo staff: one of each role, plus a second recruiter who holds no grants.
    public static let staff: [(username: String, name: String, role: Role)] = [
        ("recruiter", "Sara Lindström", .recruiter),
        ("recruiter2", "Jonas Berg", .recruiter),
        ("lead", "Helena Ek", .lead),
        ("dpo", "Magnus Dahl", .dpo),
        ("admin", "Kari Nordmann", .admin),
    ]

    /// Creates the register at `path` and the staff identity files; refuses to overwrite either.
    public static func create(at path: String, options: Options, progress: (Int) -> Void = { _ in }) throws -> Result {
        guard options.candidates >= 0 && options.candidates <= 10_000_000 else {
            throw RegisterError.invalid(field: "--candidates", message: "must be between 0 and 10,000,000")
        }
        for file in Register.files(at: path) where FileManager.default.fileExists(atPath: file) {
            throw RegisterError.alreadyExists(path: file)
        }
        let identityPaths = staff.map { ($0.username, (options.keysDirectory as NSString).appendingPathComponent("\($0.username).identity")) }
        for (_, p) in identityPaths where FileManager.default.fileExists(atPath: p) {
            throw RegisterError.alreadyExists(path: p)
        }
        let words = try DemoWords.load()
        let policy = try DemoWords.defaultPolicy()
        let started = Date()
        let register = try Register.create(at: path)
        do {
            try FileManager.default.createDirectory(atPath: options.keysDirectory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let identities = staff.map { Identity(username: $0.username) }
            try register.writer.write { db in
                for (s, identity) in zip(staff, identities) {
                    try Register.insertStaff(db, identity: identity, displayName: s.name, role: s.role, at: options.now)
                }
                let admin = try String.fetchOne(db, sql: "SELECT pseudonym FROM staff WHERE username = 'admin'")!
                try AuditLog.append(db, register: register, actor: admin, action: .registerCreate, subject: nil,
                                    purpose: .recruitment, detail: "demo", at: options.now)
            }
            var generator = DemoGenerator(words: words, policy: policy, options: options, identities: identities)
            try generator.fill(register, progress: progress)
            for (identity, (_, p)) in zip(identities, identityPaths) { try identity.write(to: p) }
            try register.checkpoint()
            return Result(candidates: options.candidates, seconds: Date().timeIntervalSince(started), identities: identityPaths)
        } catch {
            // Nothing half-written: a failed demo leaves no register behind.
            for file in Register.files(at: path) { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
    }
}
