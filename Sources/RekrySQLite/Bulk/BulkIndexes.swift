import GRDB

/// The secondary indexes a bulk load drops before writing and builds after, which is several times faster
/// than keeping them live while rows arrive in random key order. `MigrationTests` holds this list to the
/// indexes the migrations create, so the two cannot drift.
enum BulkIndexes {
    static let statements = [
        "CREATE UNIQUE INDEX IF NOT EXISTS candidate_pseudonym ON candidate(pseudonym)",
        "CREATE INDEX IF NOT EXISTS candidate_name ON candidate(collationKey, id)",
        "CREATE INDEX IF NOT EXISTS candidate_activity ON candidate(lastActivityAt, id)",
        "CREATE INDEX IF NOT EXISTS candidate_stage ON candidate(stageRank, collationKey, id)",
        "CREATE INDEX IF NOT EXISTS candidate_retention ON candidate(retentionDueAt, id) WHERE retentionDueAt IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS link_candidate ON candidateLink(candidateId)",
        "CREATE INDEX IF NOT EXISTS consent_candidate ON consent(candidateId, purpose, givenAt)",
        "CREATE INDEX IF NOT EXISTS document_candidate ON document(candidateId)",
        "CREATE INDEX IF NOT EXISTS participation_candidate ON participation(candidateId, startedAt)",
        "CREATE INDEX IF NOT EXISTS participation_process ON participation(processId, stage)",
        "CREATE INDEX IF NOT EXISTS reference_candidate ON reference(candidateId)",
        "CREATE INDEX IF NOT EXISTS statement_reference ON referenceStatement(referenceId)",
        "CREATE INDEX IF NOT EXISTS assessment_candidate ON assessment(candidateId)",
        "CREATE INDEX IF NOT EXISTS report_candidate ON psychReport(candidateId)",
        "CREATE UNIQUE INDEX IF NOT EXISTS grant_active ON reportGrant(reportId, staffId) WHERE revokedAt IS NULL",
        "CREATE INDEX IF NOT EXISTS grant_staff ON reportGrant(staffId)",
        "CREATE INDEX IF NOT EXISTS disclosure_candidate ON disclosure(candidateId)",
        "CREATE INDEX IF NOT EXISTS audit_subject ON auditEntry(subject, seq)",
        "CREATE INDEX IF NOT EXISTS recordChange_candidate ON recordChange(candidateId, changedAt)",
        "CREATE INDEX IF NOT EXISTS reference_referee ON reference(refereeId)",
        "CREATE INDEX IF NOT EXISTS reference_email ON reference(email) WHERE email IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS reference_phone ON reference(phone) WHERE phone IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS candidate_email ON candidate(email) WHERE email IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS candidate_phone ON candidate(phone) WHERE phone IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS dataRequest_candidate ON dataRequest(candidateId) WHERE candidateId IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS dataRequest_referee ON dataRequest(refereeId) WHERE refereeId IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS breachAffected_candidate ON breachAffected(candidateId) WHERE candidateId IS NOT NULL",
    ]

    /// Indexes a bulk load writes in key order anyway (children of candidates, inserted by candidate id):
    /// cheaper to keep live than to rebuild.
    static let appendOrder: Set<String> = [
        "link_candidate", "consent_candidate", "document_candidate", "participation_candidate", "reference_candidate",
        "statement_reference", "assessment_candidate",
    ]

    static func name(_ statement: String) -> String {
        statement.components(separatedBy: " ON ")[0].components(separatedBy: " ").last!
    }

    static func create(_ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
    }

    static func dropForBulk(_ db: Database) throws {
        for sql in statements where !appendOrder.contains(name(sql)) {
            try db.execute(sql: "DROP INDEX IF EXISTS \(name(sql))")
        }
    }
}
