import Foundation
import GRDB
import RekryCrypto
import RekryDomain
@_spi(Testing) import RekryStore

/// A register in a temporary folder with one staff member of each role, a manual clock, and builders
/// for candidates in exactly the states a test needs.
public final class TestRegister: @unchecked Sendable {
    public let directory: String
    public let path: String
    public let register: Register
    public let clock: ManualClock
    public private(set) var identities: [String: Identity] = [:]

    /// The instant every test starts at: 2026-03-01 12:00 UTC (just after a leap-free February).
    public static let start = Date(timeIntervalSince1970: 1_772_366_400)

    public init(staff: [(String, Role)] = [("recruiter", .recruiter), ("recruiter2", .recruiter), ("lead", .lead),
                                           ("lead2", .lead), ("dpo", .dpo), ("admin", .admin)]) throws {
        directory = NSTemporaryDirectory() + "rekry-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/register.sqlite"
        register = try Register.create(at: path)
        clock = ManualClock(Self.start)
        try register.writer.write { db in
            for (username, role) in staff {
                let identity = Identity(username: username)
                try Register.insertStaff(db, identity: identity, displayName: username.capitalized, role: role, at: Self.start)
                identities[username] = identity
            }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The gate acting as `username`.
    public func gate(_ username: String) throws -> Gate {
        try register.signIn(identities[username]!, clock: clock)
    }

    /// Writes `username`'s identity file (mode 0600) and returns its path.
    public func identityFile(_ username: String) throws -> String {
        let p = directory + "/\(username).identity"
        if !FileManager.default.fileExists(atPath: p) { try identities[username]!.write(to: p) }
        return p
    }

    /// Runs SQL directly against the file, as an attacker with a copy of it could.
    public func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try register.writer.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    public func scalar<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        try register.writer.read { db in try T.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// Every byte of every file of the register: the database, the text index, their WAL and shared-memory
    /// files, and the audit head.
    public func fileBytes() -> [String: Data] {
        var out: [String: Data] = [:]
        for file in Register.files(at: path) {
            if let d = FileManager.default.contents(atPath: file) { out[file] = d }
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

    /// Adds a candidate with the given facts and returns its id.
    @discardableResult
    public func addCandidate(_ name: String, basis: LegalBasis = .consent, consent: ConsentSetup = .valid(days: 365),
                             email: String? = nil, phone: String? = nil, title: String? = "Developer",
                             employer: String? = "Acme", source: DataSource = .applied, collectedAt: Date? = nil,
                             notifiedAt: Date? = nil, restricted: Bool = false, objected: Bool = false,
                             retentionDueAt: Date? = nil, lastActivityAt: Date? = nil) throws -> Int64 {
        let now = clock.now()
        return try register.writeWithTextIndex { db in
            let tokens = SearchTokens.tokens(fullName: name, email: email, phone: phone, title: title, employer: employer)
            try db.execute(sql: """
                INSERT INTO candidate(pseudonym, fullName, nameKey, email, phone, currentTitle, currentEmployer, source,
                  collectedAt, notifiedAt, basis, consentPurpose, restricted, objected, lastActivityAt, retentionDueAt, searchKeys)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Digest.randomPseudonym(prefix: "c-"), name, SearchFolding.fold(name), email, phone, title,
                                 employer, source.rawValue, (collectedAt ?? now).timeIntervalSince1970, notifiedAt?.timeIntervalSince1970, basis.rawValue,
                                 basis.needsConsent ? ConsentPurpose.talentPool.rawValue : nil, restricted, objected,
                                 (lastActivityAt ?? now).timeIntervalSince1970, retentionDueAt?.timeIntervalSince1970, SearchTokens.json(tokens)])
            let id = db.lastInsertedRowID
            for t in tokens { try db.execute(sql: "INSERT INTO searchToken(token, candidateId) VALUES (?, ?)", arguments: [t, id]) }
            let given = now.addingTimeInterval(-30 * 86_400)
            switch consent {
            case .none: break
            case .valid(let days):
                try insertConsent(db, id, .talentPool, given: given, expires: now.addingTimeInterval(Double(days) * 86_400), withdrawn: nil)
            case .withdrawn:
                try insertConsent(db, id, .talentPool, given: given, expires: now.addingTimeInterval(300 * 86_400),
                                  withdrawn: now.addingTimeInterval(-86_400))
            case .expired:
                try insertConsent(db, id, .talentPool, given: given.addingTimeInterval(-400 * 86_400),
                                  expires: now.addingTimeInterval(-86_400), withdrawn: nil)
            }
            try db.execute(sql: "INSERT INTO document(candidateId, kind, title, body, receivedAt, basis) VALUES (?, 'cv', 'CV', ?, ?, ?)",
                           arguments: [id, "CV of \(name): Swift developer with a passion for privacy.", now.timeIntervalSince1970, basis.rawValue])
            let documentId = db.lastInsertedRowID
            try TextIndex.ensureShard(db, candidateId: id)
            try TextIndex.add(db, candidateId: id, rowid: documentId,
                              folded: SearchFolding.fold("CV of \(name): Swift developer with a passion for privacy."))
            return id
        }
    }

    func insertConsent(_ db: Database, _ id: Int64, _ purpose: ConsentPurpose, given: Date, expires: Date?, withdrawn: Date?) throws {
        try db.execute(sql: "INSERT INTO consent(candidateId, purpose, givenAt, expiresAt, withdrawnAt, channel, text) VALUES (?, ?, ?, ?, ?, 'web form', 'I agree.')",
                       arguments: [id, purpose.rawValue, given.timeIntervalSince1970, expires?.timeIntervalSince1970, withdrawn?.timeIntervalSince1970])
    }

    /// Adds an open (or closed) process and puts the candidate in it at `stage`; returns the process id.
    @discardableResult
    public func addToProcess(_ candidateId: Int64, stage: Stage = .final, closed: Bool = false, title: String = "Backend developer") throws -> Int64 {
        let now = clock.now()
        return try register.writer.write { db in
            try db.execute(sql: "INSERT INTO process(title, client, openedAt, closedAt) VALUES (?, 'Client AB', ?, ?)",
                           arguments: [title, now.addingTimeInterval(-60 * 86_400).timeIntervalSince1970, closed ? now.timeIntervalSince1970 : nil])
            let pid = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO participation(candidateId, processId, stage, startedAt, stageChangedAt, basis) VALUES (?, ?, ?, ?, ?, 'contract')",
                           arguments: [candidateId, pid, stage.rawValue, now.addingTimeInterval(-50 * 86_400).timeIntervalSince1970, now.addingTimeInterval(-5 * 86_400).timeIntervalSince1970])
            try db.execute(sql: "UPDATE candidate SET stage = ?, stageRank = ? WHERE id = ?", arguments: [stage.rawValue, stage.rank, candidateId])
            return pid
        }
    }

    /// Records explicit consent to a psychological assessment.
    public func addPsychConsent(_ candidateId: Int64) throws {
        let now = clock.now()
        try register.writer.write { db in
            try insertConsent(db, candidateId, .psychAssessment, given: now.addingTimeInterval(-86_400),
                              expires: now.addingTimeInterval(365 * 86_400), withdrawn: nil)
        }
    }

    /// Closes a process now (grants on its reports end).
    public func closeProcess(_ processId: Int64) throws {
        try execute("UPDATE process SET closedAt = ? WHERE id = ?", [clock.now().timeIntervalSince1970, processId])
    }

    /// Adds a reference for a candidate.
    public func addReference(_ candidateId: Int64, name: String, restricted: Bool = false, objected: Bool = false) throws {
        try execute("INSERT INTO reference(candidateId, name, relationship, basis, restricted, objected, collectedAt) VALUES (?, ?, 'former manager', 'legitimate-interest', ?, ?, ?)",
                    [candidateId, name, restricted, objected, clock.now().timeIntervalSince1970])
        let rid: Int64 = try scalar("SELECT max(id) FROM reference")!
        try execute("INSERT INTO referenceStatement(referenceId, givenAt, text) VALUES (?, ?, 'Reliable.')", [rid, clock.now().timeIntervalSince1970])
    }

    /// Adds an assessment for a candidate.
    public func addAssessment(_ candidateId: Int64, text: String, basis: LegalBasis = .contract) throws {
        try execute("INSERT INTO assessment(candidateId, kind, provider, title, text, recordedAt, basis) VALUES (?, 'interview-note', 'Lead', 'Interview', ?, ?, ?)",
                    [candidateId, text, clock.now().timeIntervalSince1970, basis.rawValue])
    }
}
