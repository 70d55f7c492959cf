import Foundation
import GRDB
import RekryDomain
import RekryStorage

/// Decoding the register's rows into the storage records (one function per table).
enum RowDecoding {
    /// A candidate row. List pages leave the token list undecoded (`tokens: false`): it is parsed only where a
    /// write needs it, not for every row a keystroke shows.
    static func candidate(_ row: Row, tokens withTokens: Bool = true) -> CandidateRecord {
        var consent: ConsentDates?
        if let given: Double = row["consentGivenAt"] {
            consent = ConsentDates(givenAt: Date(sql: given), expiresAt: (row["consentExpiresAt"] as Double?).date,
                                   withdrawnAt: (row["consentWithdrawnAt"] as Double?).date)
        }
        let stage = (row["stage"] as String?).flatMap(Stage.init(rawValue:))
        return CandidateRecord(
            id: row["id"], pseudonym: row["pseudonym"], fullName: row["fullName"], email: row["email"], phone: row["phone"],
            homeTown: row["homeTown"], postalAddress: row["postalAddress"], birthYear: row["birthYear"],
            currentTitle: row["currentTitle"], currentEmployer: row["currentEmployer"], country: row["country"],
            source: DataSource(rawValue: row["source"]) ?? .applied, sourceDetail: row["sourceDetail"],
            collectedAt: Date(sql: row["collectedAt"]), notifiedAt: (row["notifiedAt"] as Double?).date,
            basis: LegalBasis(rawValue: row["basis"]) ?? .consent,
            consentPurpose: (row["consentPurpose"] as String?).flatMap(ConsentPurpose.init(rawValue:)),
            restricted: row["restricted"], objected: row["objected"],
            derived: DerivedColumns(nameKey: row["nameKey"], collationKey: row["collationKey"], searchTokens: withTokens ? tokens(row["searchKeys"]) : [], stage: stage,
                                    stageRank: row["stageRank"], lastActivityAt: Date(sql: row["lastActivityAt"]),
                                    retentionDueAt: (row["retentionDueAt"] as Double?).date, consent: consent))
    }

    /// The candidate row's token list, kept as a JSON array of `[a-z0-9]` words (no escapes occur).
    static func tokens(_ json: String) -> [String] {
        json.dropFirst().dropLast().split(separator: ",").map { String($0.dropFirst().dropLast()) }
    }

    static func tokensJSON(_ tokens: [String]) -> String {
        "[" + tokens.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    static func consent(_ row: Row) -> ConsentRecord {
        ConsentRecord(id: row["id"], purpose: ConsentPurpose(rawValue: row["purpose"]) ?? .talentPool,
                      givenAt: Date(sql: row["givenAt"]), expiresAt: (row["expiresAt"] as Double?).date,
                      withdrawnAt: (row["withdrawnAt"] as Double?).date, channel: row["channel"], text: row["text"])
    }

    static func document(_ row: Row) -> Document {
        Document(id: row["id"], kind: Document.Kind(rawValue: row["kind"]) ?? .other, title: row["title"], body: row["body"],
                 receivedAt: Date(sql: row["receivedAt"]), basis: LegalBasis(rawValue: row["basis"]) ?? .consent)
    }

    static func process(_ row: Row) -> ProcessRecord {
        ProcessRecord(id: row["id"], title: row["title"], client: row["client"], country: row["country"],
                      openedAt: Date(sql: row["openedAt"]), closedAt: (row["closedAt"] as Double?).date,
                      kind: ProcessKind(rawValue: row["kind"] ?? "") ?? .recruitment)
    }

    static func participationRecord(_ row: Row) -> ParticipationRecord {
        ParticipationRecord(id: row["id"], candidateId: row["candidateId"], processId: row["processId"],
                            stage: Stage(rawValue: row["stage"]) ?? .sourced, startedAt: Date(sql: row["startedAt"]),
                            stageChangedAt: Date(sql: row["stageChangedAt"]),
                            basis: LegalBasis(rawValue: row["basis"]) ?? .contract)
    }

    static func reference(_ row: Row) -> ReferenceRecord {
        ReferenceRecord(id: row["id"], candidateId: row["candidateId"], name: row["name"], title: row["title"],
                        workplace: row["workplace"], relationship: row["relationship"], email: row["email"],
                        phone: row["phone"], basis: LegalBasis(rawValue: row["basis"]) ?? .legitimateInterest,
                        restricted: row["restricted"], objected: row["objected"], collectedAt: Date(sql: row["collectedAt"]))
    }

    static func assessment(_ row: Row) -> Assessment {
        Assessment(id: row["id"], kind: Assessment.Kind(rawValue: row["kind"]) ?? .interviewNote, provider: row["provider"],
                   title: row["title"], score: row["score"], text: row["text"], recordedAt: Date(sql: row["recordedAt"]),
                   basis: LegalBasis(rawValue: row["basis"]) ?? .contract)
    }

    static func report(_ row: Row) -> ReportRecord {
        ReportRecord(id: row["id"], candidateId: row["candidateId"], participationId: row["participationId"],
                     author: row["author"], writtenAt: Date(sql: row["writtenAt"]), attachedAt: Date(sql: row["attachedAt"]),
                     attachedBy: row["attachedBy"], ciphertext: row["ciphertext"])
    }

    static func grant(_ row: Row) -> GrantRecord {
        GrantRecord(id: row["id"], reportId: row["reportId"], staffId: row["staffId"], grantedBy: row["grantedBy"],
                    reason: row["reason"], grantedAt: Date(sql: row["grantedAt"]),
                    revokedAt: (row["revokedAt"] as Double?).date, revokedBy: row["revokedBy"],
                    signedBy: row["signedBy"], signature: row["signature"], keyProof: row["keyProof"])
    }

    static func staff(_ row: Row) -> StaffAccount {
        StaffAccount(id: row["id"], username: row["username"], displayName: row["displayName"],
                     role: Role(rawValue: row["role"]) ?? .recruiter, publicKey: row["publicKey"], pseudonym: row["pseudonym"],
                     createdAt: Date(sql: row["createdAt"]), signingKey: row["signingKey"], signedBy: row["signedBy"],
                     signedAt: (row["signedAt"] as Double?).date, signature: row["signature"],
                     removedAt: (row["removedAt"] as Double?).date,
                     vouchedGrants: (row["vouchedGrants"] as String?).map { $0.split(separator: ",").compactMap { Int64($0) } },
                     auditSeq: row["auditSeq"])
    }

    static func audit(_ row: Row) -> AuditEntry {
        AuditEntry(seq: row["seq"], atMillis: row["atMillis"], actor: row["actor"], action: row["action"],
                   subject: row["subject"], purpose: row["purpose"], detail: row["detail"], prevHash: row["prevHash"],
                   hash: row["hash"], signature: row["signature"], actorUsername: row["actorUsername"])
    }
}
