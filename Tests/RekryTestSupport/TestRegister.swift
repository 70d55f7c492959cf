import Foundation
import GRDB
import RekryBackends
import RekryCrypto
import RekryDomain
import RekryGate
import RekryPostgres
@_spi(Testing) import RekrySQLite
import RekryStorage

/// A register in a temporary folder with one staff member of each role, a manual clock, and builders
/// for candidates in exactly the states a test needs.
///
/// The builders write through the storage capabilities with every derived column computed by the write
/// model (as the demo does), so a test can start from any state, a restriction or an old consent included,
/// without the gate's write policy in the way. Only tests whose point is raw SQL use `execute`.
public final class TestRegister: @unchecked Sendable {
    public let directory: String
    public let path: String
    public let register: Register
    public let clock: ManualTime
    /// The backend this register is on (`TestBackend.current` when it was made).
    public let backendKind: TestBackend
    /// The cluster a PostgreSQL register is in (nil on SQLite).
    public let postgres: PostgresCluster?
    public private(set) var identities: [String: Identity] = [:]
    let model = WriteModel.standard

    /// The instant every test starts at: 2026-03-01 12:00 UTC (just after a leap-free February).
    public static let start = Date(timeIntervalSince1970: 1_772_366_400)

    public init(staff: [(String, Role)] = [("admin", .admin), ("recruiter", .recruiter), ("recruiter2", .recruiter), ("lead", .lead),
                                           ("lead2", .lead), ("dpo", .dpo)]) throws {
        directory = NSTemporaryDirectory() + "rekry-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        backendKind = TestBackend.current
        switch backendKind {
        case .sqlite:
            path = directory + "/register.sqlite"
            postgres = nil
        case .postgres:
            // A database of its own in the test process's cluster, deployed as the superuser (as `rekry init` is
            // by the database administrator); each staff member signs in as their own login.
            let cluster = try PostgresTestServer.cluster()
            let database = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            path = "postgresql:///\(database)?host=\(cluster.socketDirectory)&user=\(cluster.superuser)"
            postgres = cluster
            for (login, _) in staff { try cluster.allow(login: login) }
        }
        register = try Registers.create(at: path, seenHeads: SeenHeadsFile(path: directory + "/seen-heads"))
        clock = ManualTime(Self.start)
        if let server = register.backend as? PostgresRegister {
            // The server's policies decide at the test's time, and follow the clock when a test moves it.
            try server.overrideClock(to: clock.now())
            clock.onChange { date in try? server.overrideClock(to: date) }
        }
        let made = try register.bootstrap(staff: staff.map { ($0.0, $0.0.capitalized, $0.1) }, clock: clock)
        for identity in made { identities[identity.username] = identity }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
        if let postgres, let database = postgresDatabase {
            _ = try? postgres.psql(as: postgres.superuser, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        }
    }

    /// The SQLite backend underneath, for tests whose point is raw SQL or the files.
    public var sqlite: SQLiteRegister {
        guard let backend = register.backend as? SQLiteRegister else {
            fatalError("this test reads SQLite's files or runs SQLite's SQL: it is not a contract test")
        }
        return backend
    }

    /// The PostgreSQL database's name (nil on SQLite).
    public var postgresDatabase: String? {
        guard postgres != nil, let q = path.range(of: "?") else { return nil }
        return String(path[path.index(path.startIndex, offsetBy: "postgresql:///".count)..<q.lowerBound])
    }

    /// Keeps the identity an admin re-issued (after `rekeyStaff`), as its holder would.
    public func replaceIdentity(_ identity: Identity) { identities[identity.username] = identity }

    /// The gate acting as `username`.
    public func gate(_ username: String) throws -> Gate {
        try postgres?.allow(login: username)
        return try register.signIn(identities[username]!, clock: clock)
    }

    /// Writes `username`'s identity file (mode 0600) and returns its path.
    public func identityFile(_ username: String) throws -> String {
        let p = directory + "/\(username).identity"
        if !FileManager.default.fileExists(atPath: p) { try identities[username]!.write(to: p) }
        return p
    }

    /// Runs SQL directly against the file, as an attacker with a copy of it could.
    public func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try sqlite.writer.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    public func scalar<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        try sqlite.writer.read { db in try T.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// Every byte of every file of the register: the database, the text index, their WAL and shared-memory
    /// files, and the audit head.
    ///
    /// The bytes are read by a child process: closing a file descriptor on a database file in this process
    /// would drop every POSIX lock SQLite holds on it here, and another process (a `rekry` command a test
    /// runs next) would then take itself for the last connection and reset the journal under this one.
    public func fileBytes() -> [String: Data] {
        if let postgres, let database = postgresDatabase { return Self.serverFileBytes(postgres, database: database) }
        var out: [String: Data] = [:]
        for file in Registers.files(at: path) where FileManager.default.fileExists(atPath: file) {
            let cat = Process()
            cat.executableURL = URL(fileURLWithPath: "/bin/cat")
            cat.arguments = [file]
            let pipe = Pipe()
            cat.standardOutput = pipe
            guard (try? cat.run()) != nil else { continue }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            cat.waitUntilExit()
            if cat.terminationStatus == 0 { out[file] = data }
        }
        return out
    }

    /// Whether `needle` (or, for words the full-text index stores prefix-compressed, its tail) occurs in any
    /// byte of any file of the register.
    public func filesContain(_ needle: String) -> [String] {
        let whole = Data(needle.utf8)
        return fileBytes().filter { $0.value.range(of: whole) != nil }.map(\.key).sorted()
    }

    /// Every byte the server holds of `database` on disk, after a checkpoint: its relation files and every WAL
    /// segment (which hold every cluster's changes since they were recycled). The cluster is the test's own, so
    /// these are all the files in which a person could remain.
    static func serverFileBytes(_ cluster: PostgresCluster, database: String) -> [String: Data] {
        guard let oid = try? cluster.query(as: cluster.superuser, "CHECKPOINT; SELECT oid FROM pg_database WHERE datname = '\(database)'")
            .split(separator: "\n").last.map(String.init) else { return [:] }
        var out: [String: Data] = [:]
        for folder in ["base/\(oid)", "pg_wal", "global"] {
            let root = cluster.dataDirectory + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { continue }
            for name in names {
                let file = root + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                if let data = FileManager.default.contents(atPath: file) { out[file] = data }
            }
        }
        return out
    }

    /// The consent situation a candidate is created in.
    public enum ConsentSetup: Sendable {
        case none
        case valid(days: Int)
        case withdrawn
        case expired
    }

    /// Stores a candidate with the given facts and returns its id.
    ///
    /// `lastActivityAt` and `retentionDueAt` are reached the way the register reaches them: the person was
    /// last active then (the "unused for five years" rule puts retention five years later).
    @discardableResult
    public func addCandidate(_ name: String, basis: LegalBasis = .consent, consent: ConsentSetup = .valid(days: 365),
                             email: String? = nil, phone: String? = nil, title: String? = "Developer",
                             employer: String? = "Acme", country: String = "SE", source: DataSource = .applied,
                             collectedAt: Date? = nil, notifiedAt: Date? = nil, restricted: Bool = false, objected: Bool = false,
                             retentionDueAt: Date? = nil, lastActivityAt: Date? = nil, cv: String? = nil) throws -> Int64 {
        let now = clock.now()
        let activity = retentionDueAt.map { $0.addingUTCMonths(-60) } ?? lastActivityAt ?? now
        let given = now.addingTimeInterval(-30 * 86_400)
        var consents: [ConsentRecord] = []
        switch consent {
        case .none: break
        case .valid(let days):
            consents.append(ConsentRecord(id: 0, purpose: .talentPool, givenAt: given, expiresAt: now.addingTimeInterval(Double(days) * 86_400),
                                          withdrawnAt: nil, channel: "web form", text: "I agree."))
        case .withdrawn:
            consents.append(ConsentRecord(id: 0, purpose: .talentPool, givenAt: given, expiresAt: now.addingTimeInterval(300 * 86_400),
                                          withdrawnAt: now.addingTimeInterval(-86_400), channel: "web form", text: "I agree."))
        case .expired:
            consents.append(ConsentRecord(id: 0, purpose: .talentPool, givenAt: given.addingTimeInterval(-400 * 86_400),
                                          expiresAt: now.addingTimeInterval(-86_400), withdrawnAt: nil, channel: "web form", text: "I agree."))
        }
        let purpose: ConsentPurpose? = basis == .consent ? .talentPool : basis == .explicitConsent ? .psychAssessment : nil
        let record = CandidateRecord(
            id: 0, pseudonym: Hashing.randomPseudonym(prefix: "c-"), fullName: name, email: email, phone: phone, homeTown: nil,
            postalAddress: nil, birthYear: nil, currentTitle: title, currentEmployer: employer, country: country, source: source,
            sourceDetail: nil, collectedAt: collectedAt ?? min(now, activity), notifiedAt: notifiedAt, basis: basis,
            consentPurpose: purpose, restricted: restricted, objected: objected,
            derived: model.derive(fullName: name, email: email, phone: phone, country: country, title: title, employer: employer,
                                  consentPurpose: purpose,
                                  facts: WriteModel.Facts(consents: consents, participations: [], lastActivityAt: activity)))
        let body = cv ?? "CV of \(name): Swift developer with a passion for privacy."
        return try register.backend.write(indexingText: true) { s in
            let id = try s.insertCandidate(record)
            for c in consents { _ = try s.insertConsent(candidateId: id, c) }
            let documentId = try s.insertDocument(candidateId: id, Document(id: 0, kind: .cv, title: "CV", body: body, receivedAt: now, basis: basis))
            try s.indexText(model.textEntry(candidateId: id, documentId: documentId, body: body))
            return id
        }
    }

    /// Re-derives a candidate's columns after a fixture change, as every write does.
    func rederive(_ s: any StorageSession, _ candidateId: Int64) throws {
        guard let record = try s.candidate(id: candidateId) else { return }
        let facts = WriteModel.Facts(consents: try s.consents(candidateId: candidateId),
                                     participations: try s.participations(candidateId: candidateId),
                                     lastActivityAt: record.derived.lastActivityAt)
        try s.updateCandidate(model.rederive(record, facts: facts))
    }

    /// Adds an open (or closed) process and puts the candidate in it at `stage`; returns the process id.
    @discardableResult
    public func addToProcess(_ candidateId: Int64, stage: Stage = .final, closed: Bool = false, title: String = "Backend developer") throws -> Int64 {
        let now = clock.now()
        return try register.backend.write { s in
            let pid = try s.insertProcess(ProcessRecord(id: 0, title: title, client: "Client AB", country: "SE",
                                                        openedAt: now.addingTimeInterval(-60 * 86_400), closedAt: closed ? now : nil))
            _ = try s.insertParticipation(ParticipationRecord(id: 0, candidateId: candidateId, processId: pid, stage: stage,
                                                              startedAt: now.addingTimeInterval(-50 * 86_400),
                                                              stageChangedAt: now.addingTimeInterval(-5 * 86_400), basis: .contract))
            try rederive(s, candidateId)
            return pid
        }
    }

    /// Records explicit consent to a psychological assessment.
    public func addPsychConsent(_ candidateId: Int64) throws {
        let now = clock.now()
        try register.backend.write { s in
            _ = try s.insertConsent(candidateId: candidateId, ConsentRecord(
                id: 0, purpose: .psychAssessment, givenAt: now.addingTimeInterval(-86_400), expiresAt: now.addingTimeInterval(365 * 86_400),
                withdrawnAt: nil, channel: "web form", text: "I agree."))
            try rederive(s, candidateId)
        }
    }

    /// Closes a process now (grants on its reports end), without the gate's outcome and destruction rules.
    public func closeProcess(_ processId: Int64) throws {
        try register.backend.write { s in
            try s.closeProcess(id: processId, at: clock.now())
            for p in try s.participants(processId: processId) { try rederive(s, p.candidateId) }
        }
    }

    /// Adds a reference for a candidate.
    public func addReference(_ candidateId: Int64, name: String, restricted: Bool = false, objected: Bool = false) throws {
        let now = clock.now()
        try register.backend.write { s in
            let rid = try s.insertReference(ReferenceRecord(id: 0, candidateId: candidateId, name: name, title: nil, workplace: nil,
                                                            relationship: "former manager", email: nil, phone: nil,
                                                            basis: .legitimateInterest, restricted: restricted, objected: objected,
                                                            collectedAt: now), refereeId: nil)
            try s.insertStatement(referenceId: rid, ReferenceStatement(givenAt: now, text: "Reliable."))
        }
    }

    /// Adds an assessment for a candidate (indexed for full-text search, as every note is).
    public func addAssessment(_ candidateId: Int64, text: String, basis: LegalBasis = .contract) throws {
        let now = clock.now()
        try register.backend.write(indexingText: true) { s in
            let aid = try s.insertAssessment(candidateId: candidateId, Assessment(id: 0, kind: .interviewNote, provider: "Lead",
                                                                                 title: "Interview", score: nil, text: text,
                                                                                 recordedAt: now, basis: basis))
            try s.indexText(model.textEntry(candidateId: candidateId, assessmentId: aid, text: text))
        }
    }
}
