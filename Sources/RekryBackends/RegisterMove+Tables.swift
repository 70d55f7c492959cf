extension RegisterMove {
    /// Every target table in the order its foreign keys need, with its columns' sources. A source column the
    /// file lacks (an older release's register) is left to the target's default.
    static let tableMoves: [TableMove] = [
        TableMove(source: "staff", target: "staff", columns: [
            ("id", "id", .same), ("username", "login", .same), ("displayName", "display_name", .same), ("role", "role", .same),
            ("publicKey", "public_key", .bytes), ("signingKey", "signing_key", .bytes), ("pseudonym", "pseudonym", .same),
            ("createdAt", "created_at", .date), ("removedAt", "removed_at", .date), ("signedBy", "signed_by", .same),
            ("signedAt", "signed_at", .date), ("signature", "signature", .bytes), ("vouchedGrants", "vouched_grants", .jsonArray),
            ("auditSeq", "audit_seq", .same),
        ]),
        TableMove(source: "candidate", target: "candidate", columns: [
            ("id", "id", .same), ("pseudonym", "pseudonym", .same), ("basis", "basis", .same),
            ("consentPurpose", "consent_purpose", .same), ("restricted", "restricted", .bool), ("objected", "objected", .bool),
            ("source", "source", .same), ("collectedAt", "collected_at", .date), ("notifiedAt", "notified_at", .date),
            ("lastActivityAt", "last_activity_at", .date), ("retentionDueAt", "retention_due_at", .date),
            ("consentGivenAt", "consent_given_at", .date), ("consentExpiresAt", "consent_expires_at", .date),
            ("consentWithdrawnAt", "consent_withdrawn_at", .date),
        ]),
        TableMove(source: "candidate", target: "candidate_personal", columns: [
            ("id", "candidate_id", .same), ("fullName", "full_name", .same), ("email", "email", .same), ("phone", "phone", .same),
            ("homeTown", "home_town", .same), ("postalAddress", "postal_address", .same), ("birthYear", "birth_year", .same),
            ("currentTitle", "current_title", .same), ("currentEmployer", "current_employer", .same), ("country", "country", .same),
            ("sourceDetail", "source_detail", .same), ("stage", "stage", .same), ("stageRank", "stage_rank", .same),
            ("nameKey", "name_key", .same), ("collationKey", "collation_key", .same), ("searchKeys", "search_tokens", .jsonArray),
        ]),
        TableMove(source: "candidateLink", target: "candidate_link", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("kind", "kind", .same), ("url", "url", .same), ("source", "source", .same),
        ]),
        TableMove(source: "consent", target: "consent", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("purpose", "purpose", .same), ("givenAt", "given_at", .date),
            ("expiresAt", "expires_at", .date), ("withdrawnAt", "withdrawn_at", .date), ("channel", "channel", .same), ("text", "text", .same),
        ]),
        TableMove(source: "document", target: "document", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("kind", "kind", .same), ("title", "title", .same),
            ("body", "body", .same), ("receivedAt", "received_at", .date), ("basis", "basis", .same),
        ]),
        TableMove(source: "process", target: "process", columns: [
            ("id", "id", .same), ("title", "title", .same), ("client", "client", .same), ("country", "country", .same),
            ("kind", "kind", .same), ("openedAt", "opened_at", .date), ("closedAt", "closed_at", .date),
        ]),
        TableMove(source: "participation", target: "participation", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("processId", "process_id", .same), ("stage", "stage", .same),
            ("startedAt", "started_at", .date), ("stageChangedAt", "stage_changed_at", .date),
            ("employmentStartAt", "employment_start_at", .date), ("employmentEndAt", "employment_end_at", .date), ("basis", "basis", .same),
        ]),
        TableMove(source: "reference", target: "reference", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("refereeId", "referee_id", .same), ("name", "name", .same),
            ("title", "title", .same), ("workplace", "workplace", .same), ("relationship", "relationship", .same),
            ("email", "email", .same), ("phone", "phone", .same), ("basis", "basis", .same), ("restricted", "restricted", .bool),
            ("objected", "objected", .bool), ("collectedAt", "collected_at", .date),
        ]),
        TableMove(source: "referenceStatement", target: "reference_statement", columns: [
            ("id", "id", .same), ("referenceId", "reference_id", .same), ("givenAt", "given_at", .date), ("text", "text", .same),
        ]),
        TableMove(source: "assessment", target: "assessment", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("kind", "kind", .same), ("provider", "provider", .same),
            ("title", "title", .same), ("score", "score", .same), ("text", "text", .same), ("recordedAt", "recorded_at", .date),
            ("basis", "basis", .same),
        ]),
        TableMove(source: "psychReport", target: "psych_report", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("participationId", "participation_id", .same),
            ("author", "author", .same), ("writtenAt", "written_at", .date), ("attachedAt", "attached_at", .date),
            ("attachedBy", "attached_by", .same),
        ]),
        TableMove(source: "psychReport", target: "psych_report_text", columns: [
            ("id", "report_id", .same), ("ciphertext", "ciphertext", .bytes),
        ]),
        TableMove(source: "reportKey", target: "report_key", columns: [
            ("reportId", "report_id", .same), ("staffId", "staff_login", .login),
            ("ephemeralPublicKey", "ephemeral_public_key", .bytes), ("sealedKey", "sealed_key", .bytes),
        ]),
        TableMove(source: "reportGrant", target: "report_grant", columns: [
            ("id", "id", .same), ("reportId", "report_id", .same), ("staffId", "staff_login", .login), ("grantedBy", "granted_by", .login),
            ("reason", "reason", .same), ("grantedAt", "granted_at", .date), ("revokedAt", "revoked_at", .date),
            ("revokedBy", "revoked_by", .login), ("signature", "signature", .bytes), ("signedBy", "signed_by", .same),
            ("keyProof", "key_proof", .bytes),
        ]),
        TableMove(source: "disclosure", target: "disclosure", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("recipient", "recipient", .same),
            ("disclosedAt", "disclosed_at", .date), ("what", "what", .same),
        ]),
        TableMove(source: "auditEntry", target: "audit_entry", columns: [
            ("seq", "seq", .same), ("atMillis", "at_millis", .same), ("actor", "actor", .same), ("action", "action", .same),
            ("subject", "subject", .same), ("purpose", "purpose", .same), ("detail", "detail", .same),
            ("prevHash", "prev_hash", .same), ("hash", "hash", .same), ("signature", "signature", .bytes),
        ]),
        TableMove(source: "recordChange", target: "record_change", columns: [
            ("id", "id", .same), ("candidateId", "candidate_id", .same), ("field", "field", .same), ("changedAt", "changed_at", .date),
            ("changedBy", "changed_by", .same), ("note", "note", .same),
        ]),
        TableMove(source: "erasurePending", target: "erasure_pending", columns: [
            ("candidateId", "candidate_id", .same), ("subject", "subject", .same), ("request", "request", .same),
            ("actor", "actor", .same), ("startedAt", "started_at", .date),
        ]),
        TableMove(source: "erasure", target: "erasure", columns: [
            ("id", "id", .same), ("subject", "subject", .same), ("kind", "kind", .same), ("erasedAt", "erased_at", .date),
            ("request", "request", .same), ("actor", "actor", .same), ("categories", "categories", .same),
        ]),
        TableMove(source: "categoryErasure", target: "category_erasure", columns: [
            ("id", "id", .same), ("subject", "subject", .same), ("category", "category", .same), ("erasedAt", "erased_at", .date),
            ("request", "request", .same), ("actor", "actor", .same), ("rule", "rule", .same), ("counts", "counts", .same),
        ]),
        TableMove(source: "suppression", target: "suppression", columns: [
            ("hash", "hash", .same), ("createdAt", "created_at", .date), ("kind", "kind", .same), ("subject", "subject", .same),
            ("liftedAt", "lifted_at", .date), ("liftedBy", "lifted_by", .same), ("liftReason", "lift_reason", .same),
        ]),
        TableMove(source: "dataRequest", target: "data_request", columns: [
            ("id", "id", .same), ("kind", "kind", .same), ("subject", "subject", .same), ("subjectKind", "subject_kind", .same),
            ("candidateId", "candidate_id", .same), ("refereeId", "referee_id", .same), ("receivedOn", "received_on", .same),
            ("verifiedBy", "verified_by", .same), ("verificationNote", "verification_note", .same), ("reference", "reference", .same),
            ("country", "country", .same), ("extensionMonths", "extension_months", .same), ("extensionReason", "extension_reason", .same),
            ("noticeGivenOn", "notice_given_on", .same), ("recordedAt", "recorded_at", .date), ("recordedBy", "recorded_by", .same),
            ("closedAt", "closed_at", .date), ("closedBy", "closed_by", .same), ("outcome", "outcome", .same), ("auditSeq", "audit_seq", .same),
        ]),
        TableMove(source: "breach", target: "breach", columns: [
            ("id", "id", .same), ("discoveredAt", "discovered_at", .date), ("what", "what", .same), ("categories", "categories", .same),
            ("approxAffected", "approx_affected", .same), ("measures", "measures", .same), ("recordedAt", "recorded_at", .date),
            ("recordedBy", "recorded_by", .same), ("notifiedAt", "notified_at", .date),
        ]),
        TableMove(source: "breachAffected", target: "breach_affected", columns: [
            ("breachId", "breach_id", .same), ("subject", "subject", .same), ("candidateId", "candidate_id", .same),
        ]),
    ]

    /// The settings a file keeps that the server keeps too (the candidate count is the server's own counter; the
    /// suppression secret has a table of its own there).
    static let settingsLeftOnTheFile: Set<String> = ["candidateCount", "suppressionSecret"]
}
