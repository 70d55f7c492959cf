import GRDB

/// The register's schema, as versioned migrations. Every constraint the model states lives here.
///
/// A shipped migration is never edited and never depends on app types (GRDB's rule): its SQL is literal,
/// so that a register made by any release upgrades the same way. Every change is a new migration.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()

        m.registerMigration("v1 register") { db in
            try db.execute(sql: """
            CREATE TABLE registerInfo (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

            CREATE TABLE staff (
              id INTEGER PRIMARY KEY,
              username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64 AND username NOT GLOB '*[^a-z0-9._-]*'),
              displayName TEXT NOT NULL CHECK (displayName <> ''),
              role TEXT NOT NULL CHECK (role IN ('recruiter','lead','dpo','admin')),
              publicKey BLOB NOT NULL UNIQUE CHECK (length(publicKey) = 32),
              pseudonym TEXT NOT NULL UNIQUE,
              createdAt REAL NOT NULL
            );

            CREATE TABLE candidate (
              id INTEGER PRIMARY KEY,
              pseudonym TEXT NOT NULL, -- unique: see candidate_pseudonym

              fullName TEXT NOT NULL CHECK (fullName <> ''),
              nameKey TEXT NOT NULL,
              email TEXT,
              phone TEXT,
              homeTown TEXT,
              postalAddress TEXT,
              birthYear INTEGER CHECK (birthYear IS NULL OR birthYear BETWEEN 1900 AND 2100),
              currentTitle TEXT,
              currentEmployer TEXT,
              country TEXT NOT NULL DEFAULT 'SE' CHECK (length(country) = 2),
              source TEXT NOT NULL CHECK (source IN ('applied','network','linkedin','job-board','referral','public-source')),
              sourceDetail TEXT,
              collectedAt REAL NOT NULL,
              notifiedAt REAL,
              basis TEXT NOT NULL CHECK (basis IN ('consent','explicit-consent','contract','legitimate-interest','legal-obligation')),
              consentPurpose TEXT CHECK (consentPurpose IS NULL OR consentPurpose IN ('talent-pool','client-sharing','photo','newsletter','psych-assessment')),
              consentGivenAt REAL,
              consentExpiresAt REAL,
              consentWithdrawnAt REAL,
              restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
              objected INTEGER NOT NULL DEFAULT 0 CHECK (objected IN (0, 1)),
              stage TEXT CHECK (stage IS NULL OR stage IN ('sourced','screening','interview','assessment','final','offer','hired','rejected','withdrew')),
              stageRank INTEGER NOT NULL DEFAULT -1,
              lastActivityAt REAL NOT NULL,
              retentionDueAt REAL,
              searchKeys TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(searchKeys)),
              CHECK ((basis IN ('consent', 'explicit-consent')) = (consentPurpose IS NOT NULL))
            );

            CREATE TABLE candidateLink (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              kind TEXT NOT NULL,
              url TEXT NOT NULL,
              source TEXT NOT NULL CHECK (source IN ('applied','network','linkedin','job-board','referral','public-source'))
            );

            -- Any-word prefix search: one row per folded word of name, email, phone, title, employer.
            -- The candidate row lists its own tokens (searchKeys), so deleting a candidate deletes exactly
            -- these rows by key (trigger below) and no second index over a million people's words is needed.
            CREATE TABLE searchToken (
              token TEXT NOT NULL,
              candidateId INTEGER NOT NULL,
              PRIMARY KEY (token, candidateId)
            ) WITHOUT ROWID;

            CREATE TABLE consent (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              purpose TEXT NOT NULL CHECK (purpose IN ('talent-pool','client-sharing','photo','newsletter','psych-assessment')),
              givenAt REAL NOT NULL,
              expiresAt REAL CHECK (expiresAt IS NULL OR expiresAt > givenAt),
              withdrawnAt REAL CHECK (withdrawnAt IS NULL OR withdrawnAt >= givenAt),
              channel TEXT NOT NULL CHECK (channel <> ''),
              text TEXT NOT NULL CHECK (text <> '')
            );

            CREATE TABLE document (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              kind TEXT NOT NULL CHECK (kind IN ('cv', 'cover-letter', 'answers', 'other')),
              title TEXT NOT NULL,
              body TEXT NOT NULL,
              receivedAt REAL NOT NULL,
              basis TEXT NOT NULL CHECK (basis IN ('consent','explicit-consent','contract','legitimate-interest','legal-obligation'))
            );

            CREATE TABLE process (
              id INTEGER PRIMARY KEY,
              title TEXT NOT NULL CHECK (title <> ''),
              client TEXT,
              country TEXT NOT NULL DEFAULT 'SE',
              openedAt REAL NOT NULL,
              closedAt REAL CHECK (closedAt IS NULL OR closedAt >= openedAt)
            );

            CREATE TABLE participation (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              processId INTEGER NOT NULL REFERENCES process(id) ON DELETE RESTRICT,
              stage TEXT NOT NULL CHECK (stage IN ('sourced','screening','interview','assessment','final','offer','hired','rejected','withdrew')),
              startedAt REAL NOT NULL,
              stageChangedAt REAL NOT NULL CHECK (stageChangedAt >= startedAt),
              basis TEXT NOT NULL CHECK (basis IN ('consent','explicit-consent','contract','legitimate-interest','legal-obligation')),
              UNIQUE (candidateId, processId)
            );

            CREATE TABLE reference (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              name TEXT NOT NULL CHECK (name <> ''),
              title TEXT,
              workplace TEXT,
              relationship TEXT NOT NULL,
              email TEXT,
              phone TEXT,
              basis TEXT NOT NULL CHECK (basis IN ('consent','explicit-consent','contract','legitimate-interest','legal-obligation')),
              restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
              objected INTEGER NOT NULL DEFAULT 0 CHECK (objected IN (0, 1)),
              collectedAt REAL NOT NULL
            );

            CREATE TABLE referenceStatement (
              id INTEGER PRIMARY KEY,
              referenceId INTEGER NOT NULL REFERENCES reference(id) ON DELETE CASCADE,
              givenAt REAL NOT NULL,
              text TEXT NOT NULL CHECK (text <> '')
            );

            CREATE TABLE assessment (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              kind TEXT NOT NULL CHECK (kind IN ('test', 'interview-note', 'recruiter-assessment', 'competence-fit')),
              provider TEXT,
              title TEXT NOT NULL,
              score TEXT,
              text TEXT NOT NULL,
              recordedAt REAL NOT NULL,
              basis TEXT NOT NULL CHECK (basis IN ('consent','explicit-consent','contract','legitimate-interest','legal-obligation'))
            );

            -- The report text is only ever stored sealed (AES-GCM); see ReportVault.
            CREATE TABLE psychReport (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              participationId INTEGER NOT NULL UNIQUE REFERENCES participation(id) ON DELETE CASCADE,
              author TEXT NOT NULL CHECK (author <> ''),
              writtenAt REAL NOT NULL,
              attachedAt REAL NOT NULL,
              attachedBy INTEGER NOT NULL REFERENCES staff(id),
              ciphertext BLOB NOT NULL CHECK (length(ciphertext) >= 28)
            );

            -- The report's data key, wrapped for each staff member who may open it.
            CREATE TABLE reportKey (
              reportId INTEGER NOT NULL REFERENCES psychReport(id) ON DELETE CASCADE,
              staffId INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
              ephemeralPublicKey BLOB NOT NULL CHECK (length(ephemeralPublicKey) = 32),
              sealedKey BLOB NOT NULL,
              PRIMARY KEY (reportId, staffId)
            ) WITHOUT ROWID;

            CREATE TABLE reportGrant (
              id INTEGER PRIMARY KEY,
              reportId INTEGER NOT NULL REFERENCES psychReport(id) ON DELETE CASCADE,
              staffId INTEGER NOT NULL REFERENCES staff(id),
              grantedBy INTEGER NOT NULL REFERENCES staff(id),
              reason TEXT NOT NULL CHECK (reason <> ''),
              grantedAt REAL NOT NULL,
              revokedAt REAL CHECK (revokedAt IS NULL OR revokedAt >= grantedAt),
              revokedBy INTEGER REFERENCES staff(id),
              CHECK ((revokedAt IS NULL) = (revokedBy IS NULL))
            );

            CREATE TABLE disclosure (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              recipient TEXT NOT NULL,
              disclosedAt REAL NOT NULL,
              what TEXT NOT NULL
            );

            -- Holds no personal data: actor and subject are random pseudonyms, detail is a fixed vocabulary.
            CREATE TABLE auditEntry (
              seq INTEGER PRIMARY KEY,
              atMillis INTEGER NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL,
              subject TEXT,
              purpose TEXT NOT NULL,
              detail TEXT NOT NULL DEFAULT '',
              prevHash TEXT NOT NULL,
              hash TEXT NOT NULL
            );
            """)
        }

        m.registerMigration("v1 rules") { db in
            try db.execute(sql: """
            -- Consent history is append-only: a record may only gain a withdrawal, once.
            CREATE TRIGGER consent_append_only BEFORE UPDATE ON consent
            WHEN OLD.withdrawnAt IS NOT NULL OR NEW.withdrawnAt IS NULL
              OR NEW.candidateId IS NOT OLD.candidateId OR NEW.purpose IS NOT OLD.purpose
              OR NEW.givenAt IS NOT OLD.givenAt OR NEW.expiresAt IS NOT OLD.expiresAt
              OR NEW.channel IS NOT OLD.channel OR NEW.text IS NOT OLD.text
            BEGIN SELECT RAISE(ABORT, 'consent history is append-only: only a withdrawal may be added'); END;

            -- The candidate row carries the dates of the latest consent for its basis purpose, so that
            -- list pages compute badges without a second query per row.
            CREATE TRIGGER consent_latest_insert AFTER INSERT ON consent BEGIN
              UPDATE candidate SET consentGivenAt = NEW.givenAt, consentExpiresAt = NEW.expiresAt,
                                   consentWithdrawnAt = NEW.withdrawnAt
              WHERE id = NEW.candidateId AND consentPurpose = NEW.purpose
                AND (consentGivenAt IS NULL OR consentGivenAt <= NEW.givenAt);
            END;
            CREATE TRIGGER consent_latest_withdraw AFTER UPDATE OF withdrawnAt ON consent BEGIN
              UPDATE candidate SET consentWithdrawnAt = NEW.withdrawnAt
              WHERE id = NEW.candidateId AND consentPurpose = NEW.purpose AND consentGivenAt = NEW.givenAt;
            END;

            -- The audit log is append-only.
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON auditEntry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON auditEntry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

            -- The candidate count, kept so that no screen ever counts a million rows.
            INSERT INTO registerInfo(key, value) VALUES ('candidateCount', '0');
            CREATE TRIGGER candidate_count_insert AFTER INSERT ON candidate BEGIN
              UPDATE registerInfo SET value = CAST(value AS INTEGER) + 1 WHERE key = 'candidateCount';
            END;
            CREATE TRIGGER candidate_search_delete AFTER DELETE ON candidate BEGIN
              DELETE FROM searchToken WHERE candidateId = OLD.id
                AND token IN (SELECT value FROM json_each(OLD.searchKeys));
            END;
            CREATE TRIGGER candidate_count_delete AFTER DELETE ON candidate BEGIN
              UPDATE registerInfo SET value = CAST(value AS INTEGER) - 1 WHERE key = 'candidateCount';
            END;
            """)
        }

        m.registerMigration("v1 indexes") { db in
            try db.execute(sql: """
            CREATE UNIQUE INDEX IF NOT EXISTS candidate_pseudonym ON candidate(pseudonym);
            CREATE INDEX IF NOT EXISTS candidate_name ON candidate(nameKey, id);
            CREATE INDEX IF NOT EXISTS candidate_activity ON candidate(lastActivityAt, id);
            CREATE INDEX IF NOT EXISTS candidate_stage ON candidate(stageRank, nameKey, id);
            CREATE INDEX IF NOT EXISTS candidate_retention ON candidate(retentionDueAt, id) WHERE retentionDueAt IS NOT NULL;
            CREATE INDEX IF NOT EXISTS link_candidate ON candidateLink(candidateId);
            CREATE INDEX IF NOT EXISTS consent_candidate ON consent(candidateId, purpose, givenAt);
            CREATE INDEX IF NOT EXISTS document_candidate ON document(candidateId);
            CREATE INDEX IF NOT EXISTS participation_candidate ON participation(candidateId, startedAt);
            CREATE INDEX IF NOT EXISTS participation_process ON participation(processId, stage);
            CREATE INDEX IF NOT EXISTS reference_candidate ON reference(candidateId);
            CREATE INDEX IF NOT EXISTS statement_reference ON referenceStatement(referenceId);
            CREATE INDEX IF NOT EXISTS assessment_candidate ON assessment(candidateId);
            CREATE INDEX IF NOT EXISTS report_candidate ON psychReport(candidateId);
            CREATE UNIQUE INDEX IF NOT EXISTS grant_active ON reportGrant(reportId, staffId) WHERE revokedAt IS NULL;
            CREATE INDEX IF NOT EXISTS grant_staff ON reportGrant(staffId);
            CREATE INDEX IF NOT EXISTS disclosure_candidate ON disclosure(candidateId);
            CREATE INDEX IF NOT EXISTS audit_subject ON auditEntry(subject, seq);
            """)
        }
        // The write model computes the candidate row's consent copy in Swift (one place computes every
        // derived column), so the triggers that kept it go. Rectifications and flag changes get a log,
        // removed staff a date, and a referee an identity across the candidates they refer.
        m.registerMigration("v2 write model") { db in
            try db.execute(sql: """
            DROP TRIGGER consent_latest_insert;
            DROP TRIGGER consent_latest_withdraw;

            -- Which field of a candidate's record changed, when, and by whom (a staff pseudonym): never the
            -- old value. Restriction, objection and Art. 14 notices keep their reason or channel in note.
            CREATE TABLE recordChange (
              id INTEGER PRIMARY KEY,
              candidateId INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
              field TEXT NOT NULL CHECK (field <> ''),
              changedAt REAL NOT NULL,
              changedBy TEXT NOT NULL,
              note TEXT
            );
            CREATE INDEX recordChange_candidate ON recordChange(candidateId, changedAt);

            ALTER TABLE staff ADD COLUMN removedAt REAL;

            -- One referee, many candidates: rows of the same person share a refereeId (the first row's id).
            ALTER TABLE reference ADD COLUMN refereeId INTEGER;
            UPDATE reference SET refereeId = id;
            CREATE INDEX reference_referee ON reference(refereeId);
            CREATE INDEX reference_email ON reference(email) WHERE email IS NOT NULL;
            CREATE INDEX reference_phone ON reference(phone) WHERE phone IS NOT NULL;
            """)
        }
        // Staff records, report grants and audit entries carry Ed25519 signatures, so that a row written
        // by hand (a role, a grant, an entry) is refused. Rows from earlier releases stay unsigned until an
        // admin's first sign-in signs the roster.
        m.registerMigration("v3 signatures") { db in
            try db.execute(sql: """
            ALTER TABLE staff ADD COLUMN signingKey BLOB CHECK (signingKey IS NULL OR length(signingKey) = 32);
            ALTER TABLE staff ADD COLUMN signedBy INTEGER;
            ALTER TABLE staff ADD COLUMN signedAt REAL;
            ALTER TABLE staff ADD COLUMN signature BLOB;
            ALTER TABLE staff ADD COLUMN vouchedGrants TEXT;
            ALTER TABLE staff ADD COLUMN auditSeq INTEGER;
            ALTER TABLE reportGrant ADD COLUMN signedBy INTEGER;
            ALTER TABLE reportGrant ADD COLUMN signature BLOB;
            ALTER TABLE reportGrant ADD COLUMN keyProof BLOB;
            ALTER TABLE auditEntry ADD COLUMN signature BLOB;
            """)
        }
        // Erasure: a pending-erasure marker that a crash leaves for the next open to finish, the pseudonymous
        // erasure log, suppression hashes under a secret of the register's own, and id floors so that an
        // erased document's or assessment's id (a full-text row id) is never given to another text.
        m.registerMigration("v4 erasure") { db in
            try db.execute(sql: """
            CREATE TABLE idFloor (tableName TEXT PRIMARY KEY NOT NULL, floor INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE erasurePending (
              candidateId INTEGER PRIMARY KEY,
              subject TEXT NOT NULL,
              request TEXT,
              actor TEXT NOT NULL,
              startedAt REAL NOT NULL
            );
            CREATE TABLE erasure (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              subject TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('candidate', 'reference')),
              erasedAt REAL NOT NULL,
              request TEXT,
              actor TEXT NOT NULL,
              categories TEXT NOT NULL
            );
            CREATE TABLE suppression (
              hash TEXT NOT NULL,
              createdAt REAL NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'name-birth-year')),
              subject TEXT NOT NULL,
              liftedAt REAL,
              liftedBy TEXT,
              liftReason TEXT,
              PRIMARY KEY (hash, createdAt)
            ) WITHOUT ROWID;
            INSERT INTO registerInfo(key, value) VALUES ('suppressionSecret', lower(hex(randomblob(32))));
            """)
        }
        // Files written before the scrubbing VFS may hold stale cell copies in page free space: each is
        // rewritten once (a VACUUM, through the VFS) at the next open, and its row deleted after.
        m.registerMigration("v5 free-space scrub") { db in
            try db.execute(sql: """
            CREATE TABLE scrubPending (file TEXT PRIMARY KEY NOT NULL CHECK (file IN ('register', 'text'))) WITHOUT ROWID;
            INSERT INTO scrubPending(file) VALUES ('register'), ('text');
            """)
        }
        // Retention that takes one category of a person who stays (contact details after the process, the
        // psychologist report): its own log, pseudonyms and the rule only, so a restore can take it again.
        m.registerMigration("v6 category erasure") { db in
            try db.execute(sql: """
            CREATE TABLE categoryErasure (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              subject TEXT NOT NULL,
              category TEXT NOT NULL CHECK (category IN ('contact-details', 'psych-report')),
              erasedAt REAL NOT NULL,
              request TEXT,
              actor TEXT NOT NULL,
              rule TEXT NOT NULL,
              counts TEXT NOT NULL
            );
            """)
        }
        // Import matches rows to people already on the register by email or phone.
        m.registerMigration("v7 contact indexes") { db in
            try db.execute(sql: """
            CREATE INDEX candidate_email ON candidate(email) WHERE email IS NOT NULL;
            CREATE INDEX candidate_phone ON candidate(phone) WHERE phone IS NOT NULL;
            """)
        }
        // The DPO's desk: data subjects' requests (Art. 12(3)) and the breach log (Arts. 33, 34). A request
        // outlives its person as proof of compliance, under their pseudonym: erasing them clears the link and
        // every free text (`SQLiteSession.forgetDeskLinks`), so no byte of them stays. Deadlines are derived,
        // never stored. No triggers and no index beyond the links': the register's schema stays small (each
        // object is parsed by every connection's first statement).
        m.registerMigration("v8 requests and breaches") { db in
            try db.execute(sql: """
            CREATE TABLE dataRequest (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN ('access','rectification','erasure','restriction','objection','portability','withdrawal')),
              subject TEXT NOT NULL CHECK (subject <> ''),
              subjectKind TEXT NOT NULL CHECK (subjectKind IN ('candidate','reference')),
              candidateId INTEGER REFERENCES candidate(id) ON DELETE SET NULL,
              refereeId INTEGER,
              receivedOn TEXT NOT NULL CHECK (date(receivedOn) IS receivedOn),
              verifiedBy TEXT NOT NULL CHECK (verifiedBy IN ('in-person-id','bankid','known-email','other')),
              verificationNote TEXT,
              reference TEXT,
              country TEXT NOT NULL CHECK (country IN ('SE','NO')),
              extensionMonths INTEGER NOT NULL DEFAULT 0 CHECK (extensionMonths BETWEEN 0 AND 2),
              extensionReason TEXT,
              noticeGivenOn TEXT CHECK (noticeGivenOn IS NULL OR date(noticeGivenOn) IS noticeGivenOn),
              recordedAt REAL NOT NULL,
              recordedBy TEXT NOT NULL,
              closedAt REAL,
              closedBy TEXT,
              outcome TEXT CHECK (outcome IS NULL OR outcome IN ('done','refused')),
              auditSeq INTEGER,
              CHECK (candidateId IS NULL OR subjectKind = 'candidate'),
              CHECK (refereeId IS NULL OR subjectKind = 'reference'),
              CHECK ((extensionMonths = 0) = (noticeGivenOn IS NULL)),
              CHECK ((closedAt IS NULL) = (outcome IS NULL))
            );
            CREATE INDEX dataRequest_candidate ON dataRequest(candidateId) WHERE candidateId IS NOT NULL;
            CREATE INDEX dataRequest_referee ON dataRequest(refereeId) WHERE refereeId IS NOT NULL;

            CREATE TABLE breach (
              id INTEGER PRIMARY KEY,
              discoveredAt REAL NOT NULL,
              what TEXT NOT NULL CHECK (what <> ''),
              categories TEXT NOT NULL CHECK (categories <> ''),
              approxAffected INTEGER NOT NULL CHECK (approxAffected >= 0),
              measures TEXT NOT NULL CHECK (measures <> ''),
              recordedAt REAL NOT NULL,
              recordedBy TEXT NOT NULL,
              notifiedAt REAL CHECK (notifiedAt IS NULL OR notifiedAt >= discoveredAt)
            );
            CREATE TABLE breachAffected (
              breachId INTEGER NOT NULL REFERENCES breach(id),
              subject TEXT NOT NULL,
              candidateId INTEGER REFERENCES candidate(id) ON DELETE SET NULL,
              PRIMARY KEY (breachId, subject)
            ) WITHOUT ROWID;
            CREATE INDEX breachAffected_candidate ON breachAffected(candidateId) WHERE candidateId IS NOT NULL;
            """)
        }
        // The events a firm's retention profile counts from: an assessment assignment is a process of its own
        // kind (done when it closes), and a hire carries the employment's start and end.
        m.registerMigration("v9 retention events") { db in
            try db.execute(sql: """
            ALTER TABLE process ADD COLUMN kind TEXT NOT NULL DEFAULT 'recruitment' CHECK (kind IN ('recruitment', 'assessment'));
            ALTER TABLE participation ADD COLUMN employmentStartAt REAL;
            ALTER TABLE participation ADD COLUMN employmentEndAt REAL CHECK (employmentEndAt IS NULL OR employmentEndAt >= employmentStartAt);

            -- Retention takes references and test results from people who stay, too: the log's CHECK widens
            -- (SQLite changes a CHECK only by rebuilding the table; ids are kept, and as the log never deletes a row
            -- its highest id carries the AUTOINCREMENT floor over).
            CREATE TABLE categoryErasure_new (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              subject TEXT NOT NULL,
              category TEXT NOT NULL CHECK (category IN ('contact-details', 'psych-report', 'reference-report', 'test-results')),
              erasedAt REAL NOT NULL,
              request TEXT,
              actor TEXT NOT NULL,
              rule TEXT NOT NULL,
              counts TEXT NOT NULL
            );
            INSERT INTO categoryErasure_new SELECT * FROM categoryErasure;
            DROP TABLE categoryErasure;
            ALTER TABLE categoryErasure_new RENAME TO categoryErasure;
            """)
        }
        // The full-text file moves from 245 shards to one FTS5 index with `secure-delete` (in sqlite-nio's SQLite):
        // a register from before is marked for the rebuild its next open runs; a new one clears the mark.
        m.registerMigration("v10 one full-text index") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO registerInfo(key, value) VALUES ('textIndexRebuild', 'pending')")
        }
        // The name order sorts by surname, then given names, in the firm's Nordic alphabet: a key the write model
        // computes (`NameCollation`), walked by the two name indexes in place of the folded full name. Rows from
        // before have no key yet: the mark has the gate re-derive every row's at the next sign-in (see
        // `Gate.rederiveCollationKeysIfMarked`); a new register clears it.
        m.registerMigration("v11 name collation") { db in
            try db.execute(sql: """
            ALTER TABLE candidate ADD COLUMN collationKey TEXT NOT NULL DEFAULT '';
            DROP INDEX IF EXISTS candidate_name;
            DROP INDEX IF EXISTS candidate_stage;
            CREATE INDEX candidate_name ON candidate(collationKey, id);
            CREATE INDEX candidate_stage ON candidate(stageRank, collationKey, id);
            INSERT OR REPLACE INTO registerInfo(key, value) VALUES ('collationRederive', 'pending');
            """)
        }
        m.registerMigration("v12 consent redaction") { db in
            // A consent's record stays append-only (a withdrawal may be added, once), but its channel and
            // wording may be redacted: a retention run that takes a person's contact details takes them out of
            // the consent they wrote them into. The only change allowed to the wording is one that carries the
            // redaction mark.
            try db.execute(sql: """
                DROP TRIGGER consent_append_only;
                CREATE TRIGGER consent_append_only BEFORE UPDATE ON consent
                WHEN NEW.candidateId IS NOT OLD.candidateId OR NEW.purpose IS NOT OLD.purpose
                  OR NEW.givenAt IS NOT OLD.givenAt OR NEW.expiresAt IS NOT OLD.expiresAt
                  OR (NEW.withdrawnAt IS NOT OLD.withdrawnAt AND (OLD.withdrawnAt IS NOT NULL OR NEW.withdrawnAt IS NULL))
                  OR (NEW.channel IS NOT OLD.channel AND instr(NEW.channel, '[contact details removed]') = 0)
                  OR (NEW.text IS NOT OLD.text AND instr(NEW.text, '[contact details removed]') = 0)
                BEGIN SELECT RAISE(ABORT, 'consent history is append-only: only a withdrawal, or a redaction of contact details, may be added'); END;
                """)
        }
        // Norwegian names sort the old spelling `aa` as `å`, as ICU's `nb-x-icu` does (`NameCollation`): a Norwegian
        // register (its retention profile says `country NO`) holding people has its keys re-derived at the next
        // sign-in, through the write model (only the keys that change are written). A Swedish one has nothing to do.
        m.registerMigration("v13 norwegian double a") { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO registerInfo(key, value)
                SELECT 'collationRederive', 'pending' WHERE EXISTS (SELECT 1 FROM candidate)
                  AND EXISTS (SELECT 1 FROM registerInfo WHERE key = 'policy.text'
                              AND replace(replace(replace(lower(value), char(9), ' '), '  ', ' '), '  ', ' ') LIKE '%country no%')
                """)
        }
        return m
    }
}
