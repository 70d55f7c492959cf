extension PostgresMigrations {
    /// What the gate needs to answer an admin's read of a candidate as it does on SQLite, where every item is
    /// withheld from the role: the record's badge facts (no name, contact or profile) and each item's id and
    /// basis (no content). Admins hold no SELECT on any candidate table; these definer functions answer only a
    /// login whose `session_role()` is admin, and return nothing of the person (the pseudonym is the audit
    /// log's, which admins read anyway). docs/postgres.md, "Candidate writes a login's view changes under".
    static let adminCandidateView = #"""
SET LOCAL ROLE rekry_owner;
CREATE FUNCTION rekry.admin_candidate(p_id bigint)
RETURNS TABLE (id bigint, pseudonym text, basis text, consent_purpose text, restricted boolean, objected boolean,
               source text, collected_at timestamptz, notified_at timestamptz, last_activity_at timestamptz,
               retention_due_at timestamptz, consent_given_at timestamptz, consent_expires_at timestamptz,
               consent_withdrawn_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT c.id, c.pseudonym, c.basis, c.consent_purpose, c.restricted, c.objected, c.source, c.collected_at, c.notified_at,
         c.last_activity_at, c.retention_due_at, c.consent_given_at, c.consent_expires_at, c.consent_withdrawn_at
  FROM rekry.candidate c
  WHERE c.id = p_id AND rekry.session_role() = 'admin'
$fn$;

CREATE FUNCTION rekry.admin_candidate_items(p_id bigint)
RETURNS TABLE (kind text, id bigint, basis text, restricted boolean, objected boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT x.kind, x.id, x.basis, x.restricted, x.objected FROM (
    SELECT 'document'::text AS kind, d.id, d.basis, false AS restricted, false AS objected
      FROM rekry.document d WHERE d.candidate_id = p_id
    UNION ALL
    SELECT 'assessment', a.id, a.basis, false, false FROM rekry.assessment a WHERE a.candidate_id = p_id
    UNION ALL
    SELECT 'participation', p.id, p.basis, false, false FROM rekry.participation p WHERE p.candidate_id = p_id
    UNION ALL
    SELECT 'reference', r.id, r.basis, r.restricted, r.objected FROM rekry.reference r WHERE r.candidate_id = p_id
  ) x
  WHERE rekry.session_role() = 'admin'
  ORDER BY x.kind, x.id DESC
$fn$;

-- One reference row asked for by id (the referee view): its candidate, basis and own flags, no name or contact.
CREATE FUNCTION rekry.admin_reference(p_id bigint)
RETURNS TABLE (id bigint, candidate_id bigint, basis text, restricted boolean, objected boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
  SELECT r.id, r.candidate_id, r.basis, r.restricted, r.objected FROM rekry.reference r
  WHERE r.id = p_id AND rekry.session_role() = 'admin'
$fn$;

REVOKE ALL ON FUNCTION rekry.admin_candidate(bigint), rekry.admin_candidate_items(bigint), rekry.admin_reference(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.admin_candidate(bigint), rekry.admin_candidate_items(bigint), rekry.admin_reference(bigint)
  TO rekry_admin;
"""#
}
