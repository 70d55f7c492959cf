extension PostgresMigrations {
    /// Staff logins, the audit append the gate signs, reports and processes written by members.
    ///
    /// - Staff: the columns the gate's signed roster needs (`vouched_grants`, `audit_seq`); `rekry.create_staff`
    ///   adds a member's row and their LOGIN role, a member of exactly `rekry_<role>` (the owner gets CREATEROLE
    ///   for it; the function grants one of the four group roles and nothing else, and refuses an existing role
    ///   that is a superuser, may create roles, bypasses RLS or belongs to the owner). Deactivation, re-keying and
    ///   signing go through definer functions for admins; no member writes a role.
    /// - Audit: the gate computes each entry (seq, time, actor, chained hash, signature); the server stores it
    ///   only if its actor is `session_user`'s pseudonym and its seq, previous hash and hash follow the chain
    ///   (`rekry.append_entry`), under a table lock taken when the last entry is read for a write
    ///   (`rekry.audit_last(true)`). Reads of the chain (its tail, one entry's hash, the whole walk for `audit
    ///   verify`) go through definer functions that return what each role may see.
    /// - Reports: grants gain the signer and key proof the gate verifies; keys and grants are written through
    ///   definer functions (leads; admins ending a removed member's access), the report rows by leads under
    ///   policies.
    /// - Processes and participations: INSERT/UPDATE policies that follow WritePolicy.
    static let staffAuditAndReports = #"""
SET LOCAL ROLE rekry_owner;

-- The roster's signed versions (RosterSigning) and the grants' signer and key proof (ReportVault), as SQLite
-- keeps them. None of them is personal data of a candidate.
ALTER TABLE rekry.staff ADD COLUMN vouched_grants bigint[], ADD COLUMN audit_seq bigint;
ALTER TABLE rekry.report_grant ADD COLUMN signed_by bigint REFERENCES rekry.staff(id), ADD COLUMN key_proof bytea;
ALTER TABLE rekry.report_grant ALTER COLUMN reason SET STATISTICS 0;
CREATE INDEX report_grant_report ON rekry.report_grant(report_id);
CREATE INDEX participation_process ON rekry.participation(process_id, stage);
CREATE INDEX audit_staff_action ON rekry.audit_entry(action, subject) WHERE action LIKE 'staff.%';

-- Creating a member's login needs CREATEROLE, which only a superuser gives: this migration runs as the deploying
-- superuser, so the owner gets it here (and it stays NOLOGIN: nobody signs in as the owner).
RESET ROLE;
ALTER ROLE rekry_owner CREATEROLE;
SET LOCAL ROLE rekry_owner;

-- Whether the session is the deploying superuser (`rekry init`, `rekry migrate`, the tests' builders): it
-- bypasses row-level security anyway, so the functions below let it do what the gate's bootstrap does.
CREATE FUNCTION rekry.session_is_superuser() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
  SELECT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
$fn$;

-- ===================================================================================================== staff

-- Makes `p_login` a LOGIN role that is a member of exactly rekry_<p_role>. Only ever one of the four group
-- roles is granted, never rekry_owner; an existing role that is a superuser, may create roles or bypass RLS, is
-- one of Rekry's own roles, or belongs to the owner is refused (a CREATEROLE owner could otherwise hand a
-- member's row to a privileged role).
CREATE FUNCTION rekry.make_login(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE
  r record;
  g text;
BEGIN
  IF p_role IS NULL OR p_role NOT IN ('recruiter', 'lead', 'dpo', 'admin') THEN
    RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_login IS NULL OR p_login !~ '^[a-z0-9._-]{1,63}$' OR p_login LIKE 'rekry\_%' OR p_login LIKE 'pg\_%' THEN
    RAISE EXCEPTION 'a login is 1 to 63 of a-z, 0-9, . _ - and not a reserved name' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO r FROM pg_roles WHERE rolname = p_login;
  IF FOUND THEN
    IF r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolcreatedb OR r.rolreplication
       OR pg_has_role(p_login, 'rekry_owner', 'MEMBER') THEN
      RAISE EXCEPTION 'the database role % is privileged: a staff login must be an ordinary role', p_login
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN', p_login);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION', p_login);
  END IF;
  FOREACH g IN ARRAY ARRAY['recruiter', 'lead', 'dpo', 'admin'] LOOP
    IF g = p_role THEN
      IF NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = ('rekry_' || g)::regrole
                     AND m.member = to_regrole(quote_ident(p_login))) THEN
        EXECUTE format('GRANT %I TO %I', 'rekry_' || g, p_login);
      END IF;
    ELSIF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = ('rekry_' || g)::regrole AND m.member = to_regrole(quote_ident(p_login))) THEN
      EXECUTE format('REVOKE %I FROM %I', 'rekry_' || g, p_login);
    END IF;
  END LOOP;
END
$fn$;

-- Adds a staff row as the gate computed it (keys, pseudonym, signature) and its login. Admins (`rekry staff add`)
-- and the deploying superuser (the register's bootstrap).
CREATE FUNCTION rekry.create_staff(p_login text, p_display_name text, p_role text, p_public_key bytea,
                                   p_pseudonym text, p_created_at timestamptz, p_signing_key bytea,
                                   p_signed_by bigint, p_signed_at timestamptz, p_signature bytea, p_audit_seq bigint)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE v_id bigint;
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'add a staff member: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO rekry.staff (login, display_name, role, public_key, pseudonym, created_at, signing_key, signed_by,
                           signed_at, signature, audit_seq)
  VALUES (p_login, p_display_name, p_role, p_public_key, p_pseudonym, p_created_at, p_signing_key, p_signed_by,
          p_signed_at, p_signature, p_audit_seq)
  RETURNING id INTO v_id;
  PERFORM rekry.make_login(p_login, p_role);
  RETURN v_id;
END
$fn$;

-- Ends an account: removed, its vouched grants kept for verification, and its login loses its group and LOGIN
-- (a member removed in one register is removed from the cluster: the login is theirs alone).
CREATE FUNCTION rekry.deactivate_staff(p_id bigint, p_at timestamptz, p_vouched bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE
  v_login text;
  g text;
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'remove a staff member: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE rekry.staff SET removed_at = p_at, vouched_grants = p_vouched WHERE id = p_id RETURNING login INTO v_login;
  IF v_login IS NULL THEN RAISE EXCEPTION 'no staff member %', p_id USING ERRCODE = 'no_data_found'; END IF;
  IF v_login = session_user THEN
    RAISE EXCEPTION 'an admin does not remove themselves' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login AND NOT rolsuper) THEN
    FOREACH g IN ARRAY ARRAY['recruiter', 'lead', 'dpo', 'admin'] LOOP
      IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = ('rekry_' || g)::regrole AND m.member = to_regrole(quote_ident(v_login))) THEN
        EXECUTE format('REVOKE %I FROM %I', 'rekry_' || g, v_login);
      END IF;
    END LOOP;
    EXECUTE format('ALTER ROLE %I NOLOGIN', v_login);
  END IF;
END
$fn$;

-- A new key pair for a member (`rekry staff rekey`); admins, and the first admin adopting an unsigned roster.
CREATE FUNCTION rekry.rekey_staff(p_id bigint, p_public_key bytea, p_signing_key bytea) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 're-key a staff member: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE rekry.staff SET public_key = p_public_key, signing_key = p_signing_key WHERE id = p_id;
END
$fn$;

-- The admin signature that vouches for a staff row as it stands (the gate verifies it; the server cannot).
CREATE FUNCTION rekry.sign_staff(p_id bigint, p_signed_by bigint, p_signed_at timestamptz, p_audit_seq bigint,
                                 p_signature bytea) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'sign a staff record: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE rekry.staff SET signed_by = p_signed_by, signed_at = p_signed_at, audit_seq = p_audit_seq, signature = p_signature
  WHERE id = p_id;
END
$fn$;

-- Whether a username was ever used, removed accounts included (the audit log names them all).
CREATE FUNCTION rekry.username_taken(p_login text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
  SELECT EXISTS (SELECT 1 FROM rekry.staff WHERE login = p_login)
    AND (rekry.session_is_superuser() OR rekry.session_role() = 'admin')
$fn$;

-- ===================================================================================================== audit

-- The log's last entry (no personal data: pseudonyms and a fixed vocabulary), for every member: each one's
-- Rekry checks the log's tail at sign-in and chains onto it. With `p_lock` (a write) the log is locked until the
-- transaction ends, so the entry the gate computes next is the one `append_entry` will find after it.
CREATE FUNCTION rekry.audit_last(p_lock boolean) RETURNS SETOF rekry.audit_entry
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS NULL THEN
    RAISE EXCEPTION 'not a member of staff: %', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_lock THEN LOCK TABLE rekry.audit_entry IN SHARE ROW EXCLUSIVE MODE; END IF;
  RETURN QUERY SELECT * FROM rekry.audit_entry e ORDER BY e.seq DESC LIMIT 1;
END
$fn$;

-- Whether the role may read an entry's content: the DPO all; leads and admins all but the DPO desk's
-- (requests, breaches); recruiters only the register's retention profile entries (subject `policy`), which every
-- write checks. As the `audit_read` policy, plus the profile for recruiters.
CREATE FUNCTION rekry.may_read_audit(p_action text, p_subject text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, rekry AS $fn$
  SELECT rekry.session_is_superuser() OR CASE rekry.session_role()
    WHEN 'dpo' THEN true
    WHEN 'lead' THEN p_action NOT LIKE 'request.%' AND p_action NOT LIKE 'breach.%'
    WHEN 'admin' THEN p_action NOT LIKE 'request.%' AND p_action NOT LIKE 'breach.%'
    WHEN 'recruiter' THEN p_subject = 'policy'
    ELSE false END
$fn$;

-- One entry by its number: its content where the role may read it, otherwise only its place in the chain (seq,
-- previous hash, hash), which is what the sign-in's tail check compares.
CREATE FUNCTION rekry.audit_entry_at(p_seq bigint) RETURNS SETOF rekry.audit_entry
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS NULL THEN
    RAISE EXCEPTION 'not a member of staff: %', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT e.seq,
           CASE WHEN v.ok THEN e.at_millis ELSE 0 END, CASE WHEN v.ok THEN e.actor ELSE '' END,
           CASE WHEN v.ok THEN e.action ELSE '' END, CASE WHEN v.ok THEN e.subject END,
           CASE WHEN v.ok THEN e.purpose ELSE '' END, CASE WHEN v.ok THEN e.detail ELSE '' END,
           e.prev_hash, e.hash, CASE WHEN v.ok THEN e.signature END
    FROM rekry.audit_entry e, LATERAL (SELECT rekry.may_read_audit(e.action, e.subject) AS ok) v
    WHERE e.seq = p_seq;
END
$fn$;

CREATE FUNCTION rekry.audit_signed() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
  SELECT (rekry.session_is_superuser() OR rekry.session_role() IS NOT NULL)
     AND EXISTS (SELECT 1 FROM rekry.audit_entry WHERE signature IS NOT NULL)
$fn$;

-- Per staff pseudonym, the latest staff.add/remove/rekey entry: every member's sign-in checks the roster's
-- versions against it (StaffTrust). Staff pseudonyms only.
CREATE FUNCTION rekry.latest_staff_entries(p_subjects text[]) RETURNS TABLE (subject text, seq bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
  SELECT e.subject, max(e.seq) FROM rekry.audit_entry e
  WHERE (rekry.session_is_superuser() OR rekry.session_role() IS NOT NULL)
    AND e.subject = ANY (p_subjects) AND e.action IN ('staff.add', 'staff.remove', 'staff.rekey')
    AND e.subject IN (SELECT s.pseudonym FROM rekry.staff s)
  GROUP BY e.subject
$fn$;

-- The newest `p_limit` entries (of one subject) the role may read, newest first (`rekry audit show`, and the
-- retention profile's check).
CREATE FUNCTION rekry.audit_entries(p_subject text, p_limit integer) RETURNS SETOF rekry.audit_entry
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
  SELECT e.* FROM rekry.audit_entry e
  WHERE (p_subject IS NULL OR e.subject = p_subject) AND rekry.may_read_audit(e.action, e.subject)
  ORDER BY e.seq DESC LIMIT p_limit
$fn$;

-- The whole chain, in pages, for `rekry audit verify` (leads, the DPO, admins): every field of every entry is
-- needed to recompute the hashes, the DPO desk's entries included. They hold no personal data (pseudonyms, a
-- fixed vocabulary, ticket ids); leaving them out of leads' and admins' `audit show` is the gate's display rule
-- and the table's policy, and the walk is the one place they are handed over (docs/postgres.md).
CREATE FUNCTION rekry.audit_chain(p_after bigint, p_limit integer) RETURNS SETOF rekry.audit_entry
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND coalesce(rekry.session_role() NOT IN ('lead', 'dpo', 'admin'), true) THEN
    RAISE EXCEPTION 'audit verify: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY SELECT * FROM rekry.audit_entry e WHERE e.seq > p_after ORDER BY e.seq LIMIT p_limit;
END
$fn$;

-- Stores one entry the gate computed and signed. The server never takes the client's word for who it is: the
-- actor must be session_user's pseudonym (an active member whose login is in their group); the entry must
-- follow the last one (seq + 1, its hash as prev_hash) and its hash must recompute (AuditChain.canonical).
-- `at_millis` is the client's clock, covered by the hash and the member's signature. The deploying superuser
-- (bootstrap, `rekry migrate`) may append for any actor: it bypasses every policy anyway.
CREATE FUNCTION rekry.append_entry(p_seq bigint, p_at_millis bigint, p_actor text, p_action text, p_subject text,
                                   p_purpose text, p_detail text, p_prev_hash text, p_hash text, p_signature bytea)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE
  v_actor text;
  v_last rekry.audit_entry;
  v_hash text;
BEGIN
  IF NOT rekry.session_is_superuser() THEN
    SELECT s.pseudonym INTO v_actor FROM rekry.staff s
    WHERE s.login = session_user AND s.removed_at IS NULL AND rekry.session_role() IS NOT NULL;
    IF v_actor IS NULL THEN
      RAISE EXCEPTION 'not a member of staff: %', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_actor IS DISTINCT FROM v_actor THEN
      RAISE EXCEPTION 'an audit entry''s actor is the signed-in member (%), not %', v_actor, p_actor
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF p_action IS NULL OR p_action !~ '^[a-z][a-z0-9.-]*$' THEN
    RAISE EXCEPTION 'an audit action is a word of the vocabulary' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_purpose IS NULL OR p_purpose NOT IN ('recruitment', 'dsr') THEN
    RAISE EXCEPTION 'unknown purpose' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  LOCK TABLE rekry.audit_entry IN SHARE ROW EXCLUSIVE MODE;
  SELECT * INTO v_last FROM rekry.audit_entry e ORDER BY e.seq DESC LIMIT 1;
  IF p_seq IS DISTINCT FROM coalesce(v_last.seq, 0) + 1 OR p_prev_hash IS DISTINCT FROM coalesce(v_last.hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'audit entry % does not follow the log''s last entry %', p_seq, coalesce(v_last.seq, 0)
      USING ERRCODE = 'serialization_failure';
  END IF;
  v_hash := encode(sha256(convert_to(array_to_string(ARRAY(
              SELECT replace(f, '|', '\|') FROM unnest(ARRAY[
                p_seq::text, p_at_millis::text, p_actor, p_action, coalesce(p_subject, '-'), p_purpose,
                coalesce(p_detail, ''), p_prev_hash]) WITH ORDINALITY AS u(f, n) ORDER BY n), '|'), 'UTF8')), 'hex');
  IF p_hash IS DISTINCT FROM v_hash THEN
    RAISE EXCEPTION 'audit entry %: its hash does not match its content', p_seq USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO rekry.audit_entry (seq, at_millis, actor, action, subject, purpose, detail, prev_hash, hash, signature)
  VALUES (p_seq, p_at_millis, p_actor, p_action, p_subject, p_purpose, coalesce(p_detail, ''), p_prev_hash, p_hash, p_signature);
END
$fn$;

-- =================================================================================================== reports

-- A wrapped key's existence for any holder, its bytes for its own grantee only (a lead closing a process asks
-- whether another lead still holds a key; only the grantee ever reads one).
CREATE FUNCTION rekry.report_key_of(p_report bigint, p_staff bigint)
RETURNS TABLE (ephemeral_public_key bytea, sealed_key bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE v_role text := rekry.session_role();
BEGIN
  IF NOT rekry.session_is_superuser() AND coalesce(v_role NOT IN ('recruiter', 'lead', 'admin'), true) THEN
    RAISE EXCEPTION 'report keys: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT CASE WHEN k.staff_login = session_user OR rekry.session_is_superuser() THEN k.ephemeral_public_key END,
           CASE WHEN k.staff_login = session_user OR rekry.session_is_superuser() THEN k.sealed_key END
    FROM rekry.report_key k JOIN rekry.staff s ON s.login = k.staff_login
    WHERE k.report_id = p_report AND s.id = p_staff
      AND (k.staff_login = session_user OR v_role IN ('lead', 'admin') OR rekry.session_is_superuser());
END
$fn$;

-- Wraps a report's key for a grantee (leads: attach, grant, re-key, close).
CREATE FUNCTION rekry.store_report_key(p_report bigint, p_staff bigint, p_ephemeral bytea, p_sealed bytea) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE v_login text;
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'lead' THEN
    RAISE EXCEPTION 'store a report key: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT login INTO v_login FROM rekry.staff WHERE id = p_staff;
  IF v_login IS NULL THEN RAISE EXCEPTION 'no staff member %', p_staff USING ERRCODE = 'no_data_found'; END IF;
  INSERT INTO rekry.report_key (report_id, staff_login, ephemeral_public_key, sealed_key)
  VALUES (p_report, v_login, p_ephemeral, p_sealed)
  ON CONFLICT (report_id, staff_login) DO UPDATE
    SET ephemeral_public_key = excluded.ephemeral_public_key, sealed_key = excluded.sealed_key;
END
$fn$;

-- Deletes wrapped keys: a report's (p_staff NULL) or one holder's. Leads (re-key, close) and admins (a removed
-- or re-keyed member's access ends).
CREATE FUNCTION rekry.delete_report_keys(p_report bigint, p_staff bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND coalesce(rekry.session_role() NOT IN ('lead', 'admin'), true) THEN
    RAISE EXCEPTION 'delete a report key: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM rekry.report_key k WHERE k.report_id = p_report
    AND (p_staff IS NULL OR k.staff_login = (SELECT s.login FROM rekry.staff s WHERE s.id = p_staff));
END
$fn$;

-- Ends a member's open grants on a report (leads revoking; admins ending a removed member's access).
CREATE FUNCTION rekry.revoke_report_grants(p_report bigint, p_staff bigint, p_at timestamptz, p_by bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND coalesce(rekry.session_role() NOT IN ('lead', 'admin'), true) THEN
    RAISE EXCEPTION 'revoke a grant: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE rekry.report_grant g
  SET revoked_at = greatest(g.granted_at, p_at), revoked_by = (SELECT s.login FROM rekry.staff s WHERE s.id = p_by),
      signature = NULL, key_proof = NULL
  WHERE g.report_id = p_report AND g.revoked_at IS NULL
    AND g.staff_login = (SELECT s.login FROM rekry.staff s WHERE s.id = p_staff);
END
$fn$;

-- The signature that vouches for a grant (leads granting or re-keying; admins taking over a removed lead's).
CREATE FUNCTION rekry.sign_report_grant(p_grant bigint, p_signed_by bigint, p_signature bytea, p_key_proof bytea) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND coalesce(rekry.session_role() NOT IN ('lead', 'admin'), true) THEN
    RAISE EXCEPTION 'sign a grant: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE rekry.report_grant SET signed_by = p_signed_by, signature = p_signature, key_proof = p_key_proof WHERE id = p_grant;
END
$fn$;

-- The staff desk's view of grants (admins removing, re-keying or adopting members need the grants and the sealed
-- text their signatures cover, never a key that opens it): the reports a member holds or signed, and a report's
-- grants and sealed text. Admins and the superuser; leads and recruiters read these under the policies.
CREATE FUNCTION rekry.staff_desk_reports(p_staff bigint, p_signed boolean) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE v_login text;
BEGIN
  IF NOT rekry.session_is_superuser() AND coalesce(rekry.session_role() NOT IN ('lead', 'admin'), true) THEN
    RAISE EXCEPTION 'the staff desk: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT login INTO v_login FROM rekry.staff WHERE id = p_staff;
  IF p_signed THEN
    RETURN QUERY SELECT DISTINCT g.report_id FROM rekry.report_grant g WHERE g.signed_by = p_staff AND g.revoked_at IS NULL;
  ELSE
    RETURN QUERY SELECT g.report_id FROM rekry.report_grant g WHERE g.staff_login = v_login AND g.revoked_at IS NULL
                 UNION SELECT k.report_id FROM rekry.report_key k WHERE k.staff_login = v_login;
  END IF;
END
$fn$;

CREATE FUNCTION rekry.staff_desk_grants(p_report bigint) RETURNS SETOF rekry.report_grant
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'the staff desk: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY SELECT * FROM rekry.report_grant g WHERE g.report_id = p_report ORDER BY g.id;
END
$fn$;

CREATE FUNCTION rekry.staff_desk_report(p_report bigint)
RETURNS TABLE (id bigint, candidate_id bigint, participation_id bigint, author text, written_at timestamptz,
               attached_at timestamptz, attached_by bigint, ciphertext bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS DISTINCT FROM 'admin' THEN
    RAISE EXCEPTION 'the staff desk: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- No author, dates or candidate: an admin sees no candidate data, only the sealed bytes a signature covers.
  RETURN QUERY SELECT r.id, 0::bigint, 0::bigint, '-'::text, 'epoch'::timestamptz, 'epoch'::timestamptz, 0::bigint, t.ciphertext
    FROM rekry.psych_report r JOIN rekry.psych_report_text t ON t.report_id = r.id WHERE r.id = p_report;
END
$fn$;

-- The row that says a report exists when its meta is withheld (a restricted record, a lapsed explicit consent):
-- the gate shows it as withheld, with the reason, as `item_badge` does for other items. Only its id and the
-- person's pseudonym, to those who may list candidates.
CREATE FUNCTION rekry.report_placeholder(p_candidate bigint) RETURNS TABLE (id bigint, candidate_id bigint, pseudonym text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF NOT rekry.may_list() THEN RETURN; END IF;
  RETURN QUERY SELECT r.id, r.candidate_id, c.pseudonym FROM rekry.psych_report r JOIN rekry.candidate c ON c.id = r.candidate_id
    WHERE r.candidate_id = p_candidate ORDER BY r.attached_at DESC, r.id DESC LIMIT 1;
END
$fn$;

-- The explicit consent a report rests on is judged on the report's badge (basis explicit-consent), as the
-- report's meta is: a lead attaching a report to an objected legitimate-interest record reads that consent,
-- though the rest of the record's consent history is withheld (the gate still shows it withheld).
CREATE POLICY consent_read_psych_assessment ON rekry.consent FOR SELECT TO rekry_recruiter, rekry_lead
  USING (purpose = 'psych-assessment' AND rekry.may_read(candidate_id, 'psych-report-meta', 'explicit-consent'));

-- Leads attach reports and delete them when a process closes (WritePolicy: report work is a lead's, on a
-- record whose report meta they may see).
CREATE POLICY report_meta_lead_insert ON rekry.psych_report FOR INSERT TO rekry_lead
  WITH CHECK (rekry.session_role() = 'lead' AND rekry.may_read(candidate_id, 'psych-report-meta', 'explicit-consent')
              AND attached_by = (SELECT s.id FROM rekry.staff s WHERE s.login = session_user));
CREATE POLICY report_meta_lead_delete ON rekry.psych_report FOR DELETE TO rekry_lead
  USING (rekry.session_role() = 'lead');
-- The sealed text is written by leads through rekry.seal_report_text: attaching a report seals it before the
-- lead holds a grant (so before report_text_read lets them see the row an UPDATE would need).
CREATE FUNCTION rekry.seal_report_text(p_report bigint, p_ciphertext bytea) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE v_candidate bigint;
BEGIN
  SELECT r.candidate_id INTO v_candidate FROM rekry.psych_report r WHERE r.id = p_report;
  IF v_candidate IS NULL THEN RAISE EXCEPTION 'no report %', p_report USING ERRCODE = 'no_data_found'; END IF;
  IF NOT rekry.session_is_superuser() AND (rekry.session_role() IS DISTINCT FROM 'lead'
       OR NOT rekry.may_read(v_candidate, 'psych-report-meta', 'explicit-consent')) THEN
    RAISE EXCEPTION 'seal a report: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO rekry.psych_report_text (report_id, ciphertext) VALUES (p_report, p_ciphertext)
  ON CONFLICT (report_id) DO UPDATE SET ciphertext = excluded.ciphertext;
END
$fn$;
-- A grant is given by the lead signed in (granted_by is their login).
CREATE POLICY report_grant_lead_insert ON rekry.report_grant FOR INSERT TO rekry_lead
  WITH CHECK (rekry.session_role() = 'lead' AND granted_by = session_user
              AND EXISTS (SELECT 1 FROM rekry.psych_report r WHERE r.id = report_id));
GRANT INSERT, DELETE ON rekry.psych_report TO rekry_lead;
GRANT INSERT ON rekry.report_grant TO rekry_lead;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA rekry TO rekry_recruiter, rekry_lead;

-- ================================================================================================= processes

-- Opening a process: recruiters and leads. Closing one: leads (WritePolicy). Processes hold no personal data.
CREATE POLICY process_insert ON rekry.process FOR INSERT TO rekry_recruiter, rekry_lead
  WITH CHECK (rekry.session_role() IN ('recruiter', 'lead') AND rekry.session_purpose() = 'recruitment');
CREATE POLICY process_close ON rekry.process FOR UPDATE TO rekry_lead
  USING (rekry.session_role() = 'lead') WITH CHECK (rekry.session_role() = 'lead');
-- Adding to a process and moving a stage: recruiters and leads, on a record whose processing is not restricted,
-- objected to or lapsed (the candidate's own badge), and a participation they may see.
CREATE POLICY participation_insert ON rekry.participation FOR INSERT TO rekry_recruiter, rekry_lead
  WITH CHECK (rekry.session_role() IN ('recruiter', 'lead') AND rekry.item_lapse(candidate_id) IS NULL
              AND rekry.may_read(candidate_id, 'processes', basis));
CREATE POLICY participation_update ON rekry.participation FOR UPDATE TO rekry_recruiter, rekry_lead
  USING (rekry.session_role() IN ('recruiter', 'lead') AND rekry.may_read(candidate_id, 'processes', basis))
  WITH CHECK (rekry.session_role() IN ('recruiter', 'lead') AND rekry.may_read(candidate_id, 'processes', basis));
GRANT INSERT ON rekry.process TO rekry_recruiter, rekry_lead;
GRANT UPDATE (closed_at) ON rekry.process TO rekry_lead;
GRANT INSERT ON rekry.participation TO rekry_recruiter, rekry_lead;
GRANT UPDATE (stage, stage_changed_at, employment_start_at, employment_end_at) ON rekry.participation
  TO rekry_recruiter, rekry_lead;

-- =================================================================================================== grants

REVOKE ALL ON FUNCTION rekry.session_is_superuser(), rekry.make_login(text, text),
  rekry.create_staff(text, text, text, bytea, text, timestamptz, bytea, bigint, timestamptz, bytea, bigint),
  rekry.deactivate_staff(bigint, timestamptz, bigint[]), rekry.rekey_staff(bigint, bytea, bytea),
  rekry.sign_staff(bigint, bigint, timestamptz, bigint, bytea), rekry.username_taken(text),
  rekry.audit_last(boolean), rekry.may_read_audit(text, text), rekry.audit_entry_at(bigint), rekry.audit_signed(),
  rekry.latest_staff_entries(text[]), rekry.audit_entries(text, integer), rekry.audit_chain(bigint, integer),
  rekry.append_entry(bigint, bigint, text, text, text, text, text, text, text, bytea),
  rekry.report_key_of(bigint, bigint), rekry.store_report_key(bigint, bigint, bytea, bytea),
  rekry.delete_report_keys(bigint, bigint), rekry.revoke_report_grants(bigint, bigint, timestamptz, bigint),
  rekry.sign_report_grant(bigint, bigint, bytea, bytea), rekry.staff_desk_reports(bigint, boolean),
  rekry.staff_desk_grants(bigint), rekry.staff_desk_report(bigint), rekry.seal_report_text(bigint, bytea),
  rekry.report_placeholder(bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.session_is_superuser(), rekry.audit_last(boolean), rekry.may_read_audit(text, text),
  rekry.audit_entry_at(bigint), rekry.audit_signed(), rekry.latest_staff_entries(text[]),
  rekry.audit_entries(text, integer), rekry.append_entry(bigint, bigint, text, text, text, text, text, text, text, bytea)
  TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;
GRANT EXECUTE ON FUNCTION rekry.audit_chain(bigint, integer) TO rekry_lead, rekry_dpo, rekry_admin;
GRANT EXECUTE ON FUNCTION rekry.create_staff(text, text, text, bytea, text, timestamptz, bytea, bigint, timestamptz, bytea, bigint),
  rekry.deactivate_staff(bigint, timestamptz, bigint[]), rekry.rekey_staff(bigint, bytea, bytea),
  rekry.sign_staff(bigint, bigint, timestamptz, bigint, bytea), rekry.username_taken(text),
  rekry.staff_desk_grants(bigint), rekry.staff_desk_report(bigint)
  TO rekry_admin;
GRANT EXECUTE ON FUNCTION rekry.report_key_of(bigint, bigint) TO rekry_recruiter, rekry_lead, rekry_admin;
GRANT EXECUTE ON FUNCTION rekry.report_placeholder(bigint) TO rekry_recruiter, rekry_lead, rekry_dpo;
GRANT EXECUTE ON FUNCTION rekry.store_report_key(bigint, bigint, bytea, bytea), rekry.seal_report_text(bigint, bytea) TO rekry_lead;
GRANT EXECUTE ON FUNCTION rekry.delete_report_keys(bigint, bigint), rekry.revoke_report_grants(bigint, bigint, timestamptz, bigint),
  rekry.sign_report_grant(bigint, bigint, bytea, bytea), rekry.staff_desk_reports(bigint, boolean)
  TO rekry_lead, rekry_admin;
"""#
}
