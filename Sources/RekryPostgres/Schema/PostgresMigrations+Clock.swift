extension PostgresMigrations {
    /// The time the policies decide at: the server's clock, unless the database administrator set the register's
    /// clock (`rekry.clock_override`, which no member can read or write). Tests run on a manual clock, as the gate
    /// does; a firm never sets it. The two functions that read the time (v1's `item_lapse` and `badge_states`)
    /// read it here instead of from `now()`, otherwise unchanged.
    static let registerClock = #"""
SET LOCAL ROLE rekry_owner;
CREATE TABLE rekry.clock_override (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  at timestamptz NOT NULL
);
ALTER TABLE rekry.clock_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE rekry.clock_override FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON rekry.clock_override TO rekry_owner USING (true) WITH CHECK (true);

CREATE FUNCTION rekry.clock() RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT coalesce((SELECT o.at FROM rekry.clock_override o), now())
$fn$;
GRANT EXECUTE ON FUNCTION rekry.clock() TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;

CREATE OR REPLACE FUNCTION rekry.item_lapse(p_candidate bigint, p_basis text DEFAULT NULL,
                                 p_restricted boolean DEFAULT false, p_objected boolean DEFAULT NULL)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  c rekry.candidate;
  v_basis text;
  v_purpose text;
  k record;
BEGIN
  -- Only for those who may list candidates (their badges say as much); never an admin.
  IF NOT rekry.may_list() THEN RETURN 'role-not-permitted'; END IF;
  SELECT * INTO c FROM rekry.candidate WHERE id = p_candidate;
  IF NOT FOUND THEN RETURN 'restricted'; END IF;
  v_basis := coalesce(p_basis, c.basis);
  IF c.restricted OR coalesce(p_restricted, false) THEN RETURN 'restricted'; END IF;
  IF coalesce(p_objected, c.objected) AND v_basis = 'legitimate-interest' THEN RETURN 'objected'; END IF;
  IF v_basis IN ('consent', 'explicit-consent') THEN
    v_purpose := CASE WHEN v_basis = 'explicit-consent' THEN 'psych-assessment'
                      ELSE coalesce(c.consent_purpose, 'talent-pool') END;
    SELECT given_at, expires_at, withdrawn_at INTO k FROM rekry.consent
    WHERE candidate_id = p_candidate AND purpose = v_purpose AND given_at <= rekry.clock()
    ORDER BY given_at DESC, id DESC LIMIT 1;
    IF NOT FOUND THEN RETURN 'no-consent'; END IF;
    IF k.withdrawn_at IS NOT NULL AND k.withdrawn_at <= rekry.clock() THEN RETURN 'consent-withdrawn'; END IF;
    IF k.expires_at IS NOT NULL AND k.expires_at <= rekry.clock() THEN RETURN 'consent-expired'; END IF;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION rekry.badge_states(p_candidate bigint) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp SET TimeZone = 'UTC' AS $fn$
DECLARE
  c rekry.candidate;
  k record;
  s text[] := '{}';
  v_consent text;
BEGIN
  IF NOT rekry.may_list() THEN RETURN NULL; END IF;
  SELECT * INTO c FROM rekry.candidate WHERE id = p_candidate;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF c.restricted THEN s := array_append(s, 'restricted'); END IF;
  IF c.objected AND c.basis = 'legitimate-interest' THEN s := array_append(s, 'objected'); END IF;
  IF c.basis IN ('consent', 'explicit-consent') THEN
    SELECT given_at, expires_at, withdrawn_at INTO k FROM rekry.consent
    WHERE candidate_id = p_candidate
      AND purpose = CASE WHEN c.basis = 'explicit-consent' THEN 'psych-assessment' ELSE c.consent_purpose END
      AND given_at <= rekry.clock()
    ORDER BY given_at DESC, id DESC LIMIT 1;
    IF NOT FOUND THEN v_consent := 'no-consent';
    ELSIF k.withdrawn_at IS NOT NULL AND k.withdrawn_at <= rekry.clock() THEN v_consent := 'consent-withdrawn';
    ELSIF k.expires_at IS NOT NULL AND k.expires_at <= rekry.clock() THEN v_consent := 'consent-expired';
    ELSIF k.expires_at IS NOT NULL AND k.expires_at - rekry.clock() <= interval '30 days' THEN v_consent := 'consent-expiring';
    ELSE v_consent := 'consent-valid';
    END IF;
    IF v_consent IN ('consent-withdrawn', 'consent-expired', 'no-consent') THEN s := array_append(s, v_consent); END IF;
  END IF;
  IF c.retention_due_at IS NOT NULL AND c.retention_due_at <= rekry.clock() THEN s := array_append(s, 'retention-due'); END IF;
  IF c.source NOT IN ('applied', 'network') AND c.notified_at IS NULL
     AND rekry.clock() >= c.collected_at + interval '1 month' THEN
    s := array_append(s, 'art14-notice-due');
  END IF;
  IF v_consent IN ('consent-expiring', 'consent-valid') THEN s := array_append(s, v_consent); END IF;
  IF c.basis IN ('contract', 'legitimate-interest', 'legal-obligation') THEN s := array_append(s, c.basis); END IF;
  RETURN s;
END
$fn$;
"""#
}
