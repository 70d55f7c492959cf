extension PostgresMigrations {
    /// A member's own condition on a row is never evaluated before the policy has decided the row.
    ///
    /// PostgreSQL applies a policy's condition before the query's own, except that a cheap leakproof condition of
    /// the query (`=`, `<`, `>=` on text or ids) may go first: its result is never shown for a row the policy
    /// refuses, but the policy check (a plpgsql function, tens of microseconds) then runs only on rows the
    /// condition selects, so timing `WHERE candidate_id = 56 AND full_name >= 'S'` read a withheld name letter by
    /// letter (the red team's finding). The planner orders a scan's conditions by cost, so the policies' functions
    /// are declared the cheapest there is (COST 0.0001, below every operator's 1), and the policies that were
    /// subqueries or operator expressions (statements, full-text words, grants, the audit log) become calls of such
    /// functions. A condition the planner charges nothing for (`col IS NULL`) can still go first: whether a withheld
    /// row's optional field is empty remains measurable (docs/postgres.md, "Covert channels").
    static let policiesDecideFirst = #"""
SET LOCAL ROLE rekry_owner;

ALTER FUNCTION rekry.may_read(bigint, text, text, boolean, boolean) COST 0.0001;
ALTER FUNCTION rekry.withhold_reason(bigint, text, text, boolean, boolean) COST 0.0001;
ALTER FUNCTION rekry.item_lapse(bigint, text, boolean, boolean) COST 0.0001;
ALTER FUNCTION rekry.may_list() COST 0.0001;
ALTER FUNCTION rekry.may_read_report_text(bigint) COST 0.0001;
ALTER FUNCTION rekry.session_role() COST 0.0001;
ALTER FUNCTION rekry.session_purpose() COST 0.0001;
ALTER FUNCTION rekry.erasure_actor() COST 0.0001;
ALTER FUNCTION rekry.may_read_audit(text, text) COST 0.0001;

-- A statement is read where its reference is (`reference_read`).
CREATE FUNCTION rekry.may_read_statement(p_reference bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE r record;
BEGIN
  SELECT candidate_id, basis, restricted, objected INTO r FROM rekry.reference WHERE id = p_reference;
  IF NOT FOUND THEN RETURN false; END IF;
  RETURN rekry.may_read(r.candidate_id, 'references', r.basis, r.restricted, r.objected);
END
$fn$;

-- A text's full-text words are read where the document or assessment is (`document_read`, `assessment_read`).
CREATE FUNCTION rekry.may_read_text_entry(p_document bigint, p_assessment bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE r record;
BEGIN
  IF p_document IS NOT NULL THEN
    SELECT candidate_id, basis INTO r FROM rekry.document WHERE id = p_document;
    IF NOT FOUND THEN RETURN false; END IF;
    RETURN rekry.may_read(r.candidate_id, 'documents', r.basis);
  END IF;
  SELECT candidate_id, basis INTO r FROM rekry.assessment WHERE id = p_assessment;
  IF NOT FOUND THEN RETURN false; END IF;
  RETURN rekry.may_read(r.candidate_id, 'assessments', r.basis);
END
$fn$;

-- A grant is read by its holder, and by leads and the DPO, among those who may list candidates.
CREATE FUNCTION rekry.may_read_grant(p_login text) RETURNS boolean
LANGUAGE sql STABLE COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT rekry.may_list() AND (p_login = session_user OR rekry.session_role() IN ('lead', 'dpo'))
$fn$;

-- The audit log's rows a lead, the DPO or an admin reads (`audit_read`): the DPO all; the others all but the DPO
-- desk's `request.*` and `breach.*` entries.
CREATE FUNCTION rekry.may_read_audit_row(p_action text) RETURNS boolean
LANGUAGE sql STABLE COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT CASE rekry.session_role()
    WHEN 'dpo' THEN true
    WHEN 'lead' THEN p_action NOT LIKE 'request.%' AND p_action NOT LIKE 'breach.%'
    WHEN 'admin' THEN p_action NOT LIKE 'request.%' AND p_action NOT LIKE 'breach.%'
    ELSE false END
$fn$;

-- The role, own-row and counter tests the other policies make, as calls of equally cheap functions.
CREATE FUNCTION rekry.role_in(p_roles text[]) RETURNS boolean
LANGUAGE sql STABLE COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT coalesce(rekry.session_role() = ANY (p_roles), false)
$fn$;
CREATE FUNCTION rekry.acts_as(p_actor text) RETURNS boolean
LANGUAGE sql STABLE COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT coalesce(p_actor = rekry.erasure_actor(), false)
$fn$;
CREATE FUNCTION rekry.is_session_login(p_login text) RETURNS boolean
LANGUAGE sql STABLE COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT coalesce(p_login = session_user, false)
$fn$;
CREATE FUNCTION rekry.may_read_counter(p_name text) RETURNS boolean
LANGUAGE sql STABLE COST 0.0001 SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT p_name = 'changes' OR rekry.role_in(ARRAY['recruiter', 'lead', 'dpo'])
$fn$;

ALTER POLICY breach_dpo ON rekry.breach USING (rekry.role_in(ARRAY['dpo']));
ALTER POLICY breach_affected_dpo ON rekry.breach_affected USING (rekry.role_in(ARRAY['dpo']));
ALTER POLICY request_dpo ON rekry.data_request USING (rekry.role_in(ARRAY['dpo']));
ALTER POLICY category_erasure_own_recruiter ON rekry.category_erasure
  USING (rekry.role_in(ARRAY['recruiter']) AND rekry.acts_as(actor));
ALTER POLICY category_erasure_read ON rekry.category_erasure USING (rekry.role_in(ARRAY['lead', 'dpo']));
ALTER POLICY erasure_own_recruiter ON rekry.erasure USING (rekry.role_in(ARRAY['recruiter']) AND rekry.acts_as(actor));
ALTER POLICY erasure_read ON rekry.erasure USING (rekry.role_in(ARRAY['lead', 'dpo']));
ALTER POLICY notice_own ON rekry.erasure_notice USING (rekry.role_in(ARRAY['lead', 'dpo']) AND rekry.acts_as(actor));
ALTER POLICY notice_own_recruiter ON rekry.erasure_notice USING (rekry.role_in(ARRAY['recruiter']) AND rekry.acts_as(actor));
ALTER POLICY pending_read ON rekry.erasure_pending
  USING (rekry.role_in(ARRAY['dpo']) OR (rekry.role_in(ARRAY['lead']) AND rekry.acts_as(actor)));
ALTER POLICY pending_read_recruiter ON rekry.erasure_pending USING (rekry.role_in(ARRAY['recruiter']) AND rekry.acts_as(actor));
ALTER POLICY register_counter_read ON rekry.register_counter USING (rekry.may_read_counter(name));
ALTER POLICY report_key_own ON rekry.report_key USING (rekry.is_session_login(staff_login) AND rekry.role_in(ARRAY['recruiter', 'lead']));
ALTER POLICY suppression_read ON rekry.suppression USING (rekry.role_in(ARRAY['lead', 'dpo']));
ALTER POLICY secret_read ON rekry.suppression_secret USING (rekry.role_in(ARRAY['recruiter', 'lead', 'dpo']));
ALTER POLICY vacuum_run_read ON rekry.vacuum_run USING (rekry.role_in(ARRAY['lead', 'dpo']));
ALTER POLICY vacuum_run_read_recruiter ON rekry.vacuum_run USING (rekry.role_in(ARRAY['recruiter']));

ALTER POLICY statement_read ON rekry.reference_statement USING (rekry.may_read_statement(reference_id));
ALTER POLICY text_entry_read ON rekry.text_entry USING (rekry.may_read_text_entry(document_id, assessment_id));
ALTER POLICY report_grant_read ON rekry.report_grant USING (rekry.may_read_grant(staff_login));
ALTER POLICY audit_read ON rekry.audit_entry USING (rekry.may_read_audit_row(action));

REVOKE ALL ON FUNCTION rekry.may_read_statement(bigint), rekry.may_read_text_entry(bigint, bigint),
  rekry.may_read_grant(text), rekry.may_read_audit_row(text), rekry.role_in(text[]), rekry.acts_as(text),
  rekry.is_session_login(text), rekry.may_read_counter(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.role_in(text[]), rekry.acts_as(text), rekry.is_session_login(text), rekry.may_read_counter(text)
  TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;
GRANT EXECUTE ON FUNCTION rekry.may_read_statement(bigint), rekry.may_read_text_entry(bigint, bigint)
  TO rekry_recruiter, rekry_lead, rekry_dpo;
GRANT EXECUTE ON FUNCTION rekry.may_read_grant(text) TO rekry_recruiter, rekry_lead, rekry_dpo;
GRANT EXECUTE ON FUNCTION rekry.may_read_audit_row(text) TO rekry_lead, rekry_dpo, rekry_admin;
"""#
}

extension PostgresMigrations {
    /// Two more of the red team's findings. `audit_last`, which every append chains onto, handed any member the
    /// whole last entry, a DPO desk entry included: it now answers as `audit_entry_at` does (the content where the
    /// role may read it, otherwise only the entry's place in the chain, which is all an append needs). And members
    /// create no large objects (`lo_creat` and its kin): storage outside every policy and every erasure.
    static let memberHardening = #"""
SET LOCAL ROLE rekry_owner;
CREATE OR REPLACE FUNCTION rekry.audit_last(p_lock boolean) RETURNS SETOF rekry.audit_entry
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF NOT rekry.session_is_superuser() AND rekry.session_role() IS NULL THEN
    RAISE EXCEPTION 'not a member of staff: %', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_lock THEN LOCK TABLE rekry.audit_entry IN SHARE ROW EXCLUSIVE MODE; END IF;
  RETURN QUERY
    SELECT e.seq,
           CASE WHEN v.ok THEN e.at_millis ELSE 0 END, CASE WHEN v.ok THEN e.actor ELSE '' END,
           CASE WHEN v.ok THEN e.action ELSE '' END, CASE WHEN v.ok THEN e.subject END,
           CASE WHEN v.ok THEN e.purpose ELSE '' END, CASE WHEN v.ok THEN e.detail ELSE '' END,
           e.prev_hash, e.hash, CASE WHEN v.ok THEN e.signature END
    FROM (SELECT * FROM rekry.audit_entry ORDER BY seq DESC LIMIT 1) e,
         LATERAL (SELECT rekry.may_read_audit(e.action, e.subject) AS ok) v;
END
$fn$;

-- An index condition runs inside the index, before any policy: the indexes a member's scan can use end at an id,
-- never at a withheld value (a consent's purpose and date, a participation's stage, a log line's time).
DROP INDEX rekry.consent_candidate;
CREATE INDEX consent_candidate ON rekry.consent(candidate_id);
DROP INDEX rekry.participation_process;
CREATE INDEX participation_process ON rekry.participation(process_id);
DROP INDEX rekry.record_change_candidate;
CREATE INDEX record_change_candidate ON rekry.record_change(candidate_id);
-- The audit log is read through its functions (`audit_entries`, `audit_entry_at`, `audit_chain`), which blank what a
-- role may not read: leads and admins lose their direct SELECT, whose index on the subject would otherwise tell
-- which person the DPO desk's withheld entries are about. The DPO reads every entry anyway.
REVOKE SELECT ON rekry.audit_entry FROM rekry_lead, rekry_admin, rekry_recruiter;

RESET ROLE;
DO $do$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['lo_creat(integer)', 'lo_create(oid)', 'lo_from_bytea(oid, bytea)', 'lo_import(text)',
                           'lo_import(text, oid)', 'lo_open(oid, integer)', 'lo_put(oid, bigint, bytea)'] LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION pg_catalog.%s FROM PUBLIC', f);
  END LOOP;
END
$do$;
"""#
}
