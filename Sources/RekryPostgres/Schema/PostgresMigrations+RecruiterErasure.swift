extension PostgresMigrations {
    /// Erasure as the gate's write policy has it (`WritePolicy.eraseCandidate`): recruiters erase too, like leads,
    /// and nobody but the DPO erases a restricted record. "v3 erasure and desks" let leads and the DPO alone;
    /// this migration widens its functions and policies to recruiters, with the same per-record rule, and
    /// nothing else: a recruiter sees and finishes only the erasures they began, reads only their own logs,
    /// and (like a lead) only the breaches that name a person whose erasure they have begun.
    static let recruiterErasure = #"""
SET LOCAL ROLE rekry_owner;

CREATE OR REPLACE FUNCTION rekry.check_eraser(p_candidate bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_role text := rekry.session_role();
  c rekry.candidate;
BEGIN
  IF v_role IS NULL OR v_role NOT IN ('recruiter', 'lead', 'dpo') THEN
    RAISE EXCEPTION 'erase: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO c FROM rekry.candidate WHERE id = p_candidate;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF c.restricted AND v_role <> 'dpo' THEN
    RAISE EXCEPTION 'erase candidate %: refused, restricted', p_candidate USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN c.pseudonym;
END
$fn$;

CREATE OR REPLACE FUNCTION rekry.delete_referee(p_referee bigint, OUT removed integer, OUT statements integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_candidate bigint;
BEGIN
  IF rekry.session_role() IS NULL OR rekry.session_role() NOT IN ('recruiter', 'lead', 'dpo') THEN
    RAISE EXCEPTION 'erase: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOR v_candidate IN SELECT DISTINCT candidate_id FROM rekry.reference WHERE referee_id = p_referee LOOP
    PERFORM rekry.check_eraser(v_candidate);
  END LOOP;
  SELECT count(*)::integer INTO statements FROM rekry.reference_statement
  WHERE reference_id IN (SELECT id FROM rekry.reference WHERE referee_id = p_referee);
  UPDATE rekry.data_request SET referee_id = NULL, verification_note = NULL, extension_reason = NULL
  WHERE referee_id = p_referee;
  DELETE FROM rekry.reference WHERE referee_id = p_referee;
  GET DIAGNOSTICS removed = ROW_COUNT;
END
$fn$;

-- The breaches naming a person whose erasure the caller (a lead or a recruiter) has begun: v3's function with
-- recruiters let in; the DPO reads the table itself.
CREATE OR REPLACE FUNCTION rekry.breaches_for_erasures() RETURNS SETOF rekry.breach
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF rekry.session_role() IS NULL OR rekry.session_role() NOT IN ('lead', 'recruiter') THEN RETURN; END IF;
  RETURN QUERY
  WITH mine AS (
    SELECT p.* FROM rekry.erasure_pending e JOIN rekry.candidate_personal p ON p.candidate_id = e.candidate_id
    WHERE e.actor = rekry.erasure_actor()
  ), words AS (
    SELECT left(rekry.fold_for_match(w, t), 4) AS w
    FROM mine m, regexp_split_to_table(m.full_name || ' ' || coalesce(m.postal_address, ''), '[^[:alnum:]]+') AS w,
         (VALUES (false), (true)) AS v(t)
    WHERE length(w) >= 2 AND w !~ '^[0-9]+$'
  ), strings AS (
    SELECT lower(m.email) AS s FROM mine m WHERE m.email IS NOT NULL
    UNION SELECT lower(l.url) FROM rekry.candidate_link l JOIN mine m ON m.candidate_id = l.candidate_id
  ), digits AS (
    SELECT right(regexp_replace(m.phone, '\D', '', 'g'), 6) AS d FROM mine m
    WHERE length(regexp_replace(coalesce(m.phone, ''), '\D', '', 'g')) >= 6
  )
  SELECT b.* FROM rekry.breach b
  WHERE EXISTS (SELECT 1 FROM words WHERE rekry.fold_for_match(b.what || ' ' || b.measures) ~ ('\m' || words.w))
     OR EXISTS (SELECT 1 FROM strings WHERE position(strings.s IN lower(b.what || ' ' || b.measures)) > 0)
     OR EXISTS (SELECT 1 FROM digits WHERE position(digits.d IN regexp_replace(b.what || ' ' || b.measures, '\D', '', 'g')) > 0)
  ORDER BY b.discovered_at DESC, b.id DESC;
END
$fn$;

-- A recruiter's own erasures: begun, finished and logged under their own pseudonym.
CREATE POLICY pending_read_recruiter ON rekry.erasure_pending FOR SELECT TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());
CREATE POLICY pending_write_recruiter ON rekry.erasure_pending FOR INSERT TO rekry_recruiter
  WITH CHECK (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());
CREATE POLICY pending_replace_recruiter ON rekry.erasure_pending FOR UPDATE TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor())
  WITH CHECK (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());
CREATE POLICY pending_end_recruiter ON rekry.erasure_pending FOR DELETE TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());

CREATE POLICY erasure_own_recruiter ON rekry.erasure FOR SELECT TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());
CREATE POLICY erasure_write_recruiter ON rekry.erasure FOR INSERT TO rekry_recruiter
  WITH CHECK (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());
CREATE POLICY category_erasure_own_recruiter ON rekry.category_erasure FOR SELECT TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());

-- The suppression hashes of an erasure, written once each (a resumed erasure writes them again), for those who
-- erase: a recruiter writes them through this function and never lists nor lifts the entries.
CREATE FUNCTION rekry.add_suppression(p_hash text, p_created_at timestamptz, p_kind text, p_subject text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF rekry.session_role() IS NULL OR rekry.session_role() NOT IN ('recruiter', 'lead', 'dpo') THEN
    RAISE EXCEPTION 'suppression: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO rekry.suppression (hash, created_at, kind, subject)
  SELECT p_hash, p_created_at, p_kind, p_subject
  WHERE NOT EXISTS (SELECT 1 FROM rekry.suppression WHERE hash = p_hash AND created_at = p_created_at);
END
$fn$;

-- When the administrator's job last ran (no personal data), and the recruiter's own notice row.
CREATE POLICY vacuum_run_read_recruiter ON rekry.vacuum_run FOR SELECT TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter');
CREATE POLICY notice_own_recruiter ON rekry.erasure_notice TO rekry_recruiter
  USING (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor())
  WITH CHECK (rekry.session_role() = 'recruiter' AND actor = rekry.erasure_actor());

GRANT INSERT, UPDATE, DELETE ON rekry.erasure_pending TO rekry_recruiter;
GRANT SELECT ON rekry.erasure, rekry.category_erasure, rekry.vacuum_run TO rekry_recruiter;
GRANT INSERT (subject, kind, erased_at, request, actor, categories) ON rekry.erasure TO rekry_recruiter;
GRANT EXECUTE ON FUNCTION rekry.add_suppression(text, timestamptz, text, text) TO rekry_recruiter, rekry_lead, rekry_dpo;
GRANT SELECT, INSERT, UPDATE ON rekry.erasure_notice TO rekry_recruiter;
GRANT EXECUTE ON FUNCTION rekry.check_eraser(bigint), rekry.erasure_inventory(bigint), rekry.delete_candidate(bigint),
  rekry.delete_referee(bigint), rekry.breaches_for_erasures(), rekry.redact_breach(bigint, text, text)
  TO rekry_recruiter;
"""#
}
