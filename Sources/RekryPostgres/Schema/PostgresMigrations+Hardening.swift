extension PostgresMigrations {
    /// What a red team found a member's own SQL session could do, closed (docs/postgres.md, "Hardening"):
    /// - a temporary table named like a catalog (`pg_roles`) shadowed it inside SECURITY DEFINER functions: every
    ///   definer function now searches `pg_temp` last, and members may not create temporary objects at all;
    /// - a record's lawful basis (and so what its policies release) could be changed by a member: the basis, the
    ///   consent purpose, the pseudonym, the source and the collection time never change after the row is made;
    /// - a consent's withdrawal could be undone: a consent record may only gain a withdrawal, as on SQLite;
    /// - an admin could revoke, delete or re-sign any grant in a lead's name: a revoke and a signature name the
    ///   caller, and an admin touches grants and keys only of a member removed or re-keyed in the same transaction;
    /// - the statistics views counted rows the policies withhold: members no longer read them.
    static let hardening = #"""
SET LOCAL ROLE rekry_owner;

-- Definer functions: pg_temp last (PostgreSQL searches it FIRST for tables when it is not named).
DO $do$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'rekry' AND p.prosecdef LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, rekry, pg_temp', f);
  END LOOP;
END
$do$;

-- The badge facts a member may not change (the write model sets them when the row is made).
CREATE FUNCTION rekry.keep_candidate_facts() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF current_user = 'rekry_owner' OR rekry.session_is_superuser() THEN RETURN NEW; END IF;
  IF NEW.basis IS DISTINCT FROM OLD.basis OR NEW.consent_purpose IS DISTINCT FROM OLD.consent_purpose
     OR NEW.pseudonym IS DISTINCT FROM OLD.pseudonym OR NEW.source IS DISTINCT FROM OLD.source
     OR NEW.collected_at IS DISTINCT FROM OLD.collected_at OR NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'a record''s legal basis, consent purpose, pseudonym, source and collection time do not change'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER candidate_facts_kept BEFORE UPDATE ON rekry.candidate
  FOR EACH ROW EXECUTE FUNCTION rekry.keep_candidate_facts();

-- A consent record only gains a withdrawal (the erasure's redaction runs as the owner).
CREATE FUNCTION rekry.keep_consent_history() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF current_user = 'rekry_owner' OR rekry.session_is_superuser() THEN RETURN NEW; END IF;
  IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
     OR (NEW.id, NEW.candidate_id, NEW.purpose, NEW.given_at, NEW.expires_at, NEW.channel, NEW.text)
        IS DISTINCT FROM (OLD.id, OLD.candidate_id, OLD.purpose, OLD.given_at, OLD.expires_at, OLD.channel, OLD.text) THEN
    RAISE EXCEPTION 'a consent record only gains a withdrawal' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER consent_history_kept BEFORE UPDATE ON rekry.consent
  FOR EACH ROW EXECUTE FUNCTION rekry.keep_consent_history();

-- Whether the staff row of `p_login` was written by this transaction (removed or re-keyed just now, by the
-- definer functions that check the admin).
CREATE FUNCTION rekry.staff_changed_now(p_login text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT coalesce((SELECT s.xmin::text = (pg_catalog.pg_current_xact_id()::text::numeric % 4294967296)::text
                   FROM rekry.staff s WHERE s.login = p_login), false)
$fn$;

-- Grants and keys: checked at commit, whoever's function wrote them.
CREATE FUNCTION rekry.check_grant_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_role text := rekry.session_role();
  v_me bigint := (SELECT s.id FROM rekry.staff s WHERE s.login = session_user);
BEGIN
  IF rekry.session_is_superuser() THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'report_key' THEN
    IF v_role = 'admin' AND NOT rekry.staff_changed_now(OLD.staff_login) THEN
      RAISE EXCEPTION 'an admin deletes the report keys of a member being removed or re-keyed only'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL THEN
    IF NEW.revoked_by IS DISTINCT FROM session_user::text THEN
      RAISE EXCEPTION 'a revoke names the member who revokes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_role = 'admin' AND NOT rekry.staff_changed_now(NEW.staff_login) THEN
      RAISE EXCEPTION 'an admin revokes the grants of a member being removed or re-keyed only'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF NEW.signature IS NOT NULL AND (NEW.signature IS DISTINCT FROM OLD.signature OR NEW.signed_by IS DISTINCT FROM OLD.signed_by) THEN
    -- Signed by the caller, or (a member re-keyed by an admin) by that member under their new key.
    IF NEW.signed_by IS DISTINCT FROM v_me
       AND NOT (v_role = 'admin' AND rekry.staff_changed_now((SELECT s.login FROM rekry.staff s WHERE s.id = NEW.signed_by))) THEN
      RAISE EXCEPTION 'a grant is signed by the member who signs it' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NULL;
END
$fn$;
CREATE CONSTRAINT TRIGGER grant_change_checked AFTER UPDATE ON rekry.report_grant
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rekry.check_grant_change();
CREATE CONSTRAINT TRIGGER key_delete_checked AFTER DELETE ON rekry.report_key
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rekry.check_grant_change();

GRANT EXECUTE ON FUNCTION rekry.staff_changed_now(text) TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;

RESET ROLE;
-- Members create no temporary objects (a temporary table can shadow a catalog in a careless function), and do
-- not read the statistics views, which count every row whatever the policies say.
DO $do$
DECLARE v text;
BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  FOREACH v IN ARRAY ARRAY['pg_stat_all_tables', 'pg_stat_user_tables', 'pg_stat_sys_tables', 'pg_stat_xact_all_tables',
                           'pg_stat_xact_user_tables', 'pg_stat_xact_sys_tables', 'pg_statio_all_tables',
                           'pg_statio_user_tables', 'pg_statio_sys_tables', 'pg_stat_all_indexes', 'pg_stat_user_indexes',
                           'pg_statio_all_indexes', 'pg_statio_user_indexes', 'pg_stat_user_functions',
                           'pg_stat_xact_user_functions'] LOOP
    EXECUTE format('REVOKE SELECT ON pg_catalog.%I FROM PUBLIC', v);
  END LOOP;
END
$do$;
"""#
}
