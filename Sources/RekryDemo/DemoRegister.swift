import Foundation
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate
import RekryStorage

/// Builds a deterministic synthetic register: for one seed and one day, the same people, processes,
/// consents and texts every time (only the staff keys are fresh and secret).
///
/// Every row goes through the write model: the generator hands the facts to `WriteModel` on a producer
/// thread, and the backend's bulk loader stores what comes back.
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
        ("admin", "Kari Nordmann", .admin),
        ("recruiter", "Sara Lindström", .recruiter),
        ("recruiter2", "Jonas Berg", .recruiter),
        ("lead", "Helena Ek", .lead),
        ("dpo", "Magnus Dahl", .dpo),
    ]

    /// Creates the register at `path` and the staff identity files; refuses to overwrite either.
    public static func create(at path: String, options: Options, progress: (Int) -> Void = { _ in }) throws -> Result {
        guard options.candidates >= 0 && options.candidates <= 10_000_000 else {
            throw RegisterError.invalid(field: "--candidates", message: "must be between 0 and 10,000,000")
        }
        for file in Registers.files(at: path) where FileManager.default.fileExists(atPath: file) {
            throw RegisterError.alreadyExists(path: file)
        }
        let identityPaths = staff.map { ($0.username, (options.keysDirectory as NSString).appendingPathComponent("\($0.username).identity")) }
        for (_, p) in identityPaths where FileManager.default.fileExists(atPath: p) {
            throw RegisterError.alreadyExists(path: p)
        }
        let words = try DemoWords.load()
        let started = Date()
        let register = try Registers.create(at: path)
        do {
            try FileManager.default.createDirectory(atPath: options.keysDirectory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let identities = try register.bootstrap(staff: staff.map { ($0.username, $0.name, $0.role) },
                                                    clock: ManualTime(options.now), detail: "demo")
            guard let loader = Registers.bulkLoader(of: register) else {
                throw RegisterError.refused("\(path): this backend cannot load a demo in bulk")
            }
            var generator = DemoGenerator(words: words, options: options)
            let processes = generator.makeProcesses(count: max(6, options.candidates / 40))
            let reports = try load(options.candidates, processes: processes, generator: generator, into: loader, progress: progress)
            try DemoReports.seal(reports, in: register, identities: Dictionary(uniqueKeysWithValues: identities.map { ($0.username, $0) }),
                                 seed: options.seed)
            for (identity, (_, p)) in zip(identities, identityPaths) { try identity.write(to: p) }
            try register.backend.checkpoint()
            return Result(candidates: options.candidates, seconds: Date().timeIntervalSince(started), identities: identityPaths)
        } catch {
            // Nothing half-written: a failed demo leaves no register behind.
            Registers.removeFiles(at: path)
            throw error
        }
    }

    /// Generates on a producer thread one chunk ahead of the writer (two cores, two jobs) and bulk-loads.
    private static func load(_ total: Int, processes: [ProcessRecord], generator start: DemoGenerator,
                             into loader: any BulkLoading, progress: (Int) -> Void) throws -> [DemoGenerator.ReportSlot] {
        let channel = ChunkChannel()
        let thread = Thread {
            var producer = start
            var ids = DemoGenerator.IdCounters()
            var reports: [DemoGenerator.ReportSlot] = []
            var next = 1
            while next <= total {
                let upper = min(total, next + 5_000 - 1)
                var chunk: [CandidateBundle] = []
                chunk.reserveCapacity(upper - next + 1)
                for id in next...upper {
                    let (bundle, report) = producer.makeCandidate(id: Int64(id), processes: processes, ids: &ids)
                    chunk.append(bundle)
                    if let report { reports.append(report) }
                }
                channel.put(chunk)
                next = upper + 1
            }
            channel.finish(reports: reports)
        }
        thread.stackSize = 8 << 20
        thread.start()
        try loader.bulkLoad(processes: processes, next: { channel.take() }, progress: progress)
        return channel.reports
    }
}
