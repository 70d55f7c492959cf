extension PostgresMigrations {
    /// The erasure desk's helper functions, as the red team found them: the category-retention deletions
    /// (`delete_links`, `delete_psych_reports`, `delete_references`, `delete_assessments`) and `redact_text` checked
    /// only the role and a restriction, so a lead's or recruiter's own session could delete a withheld person's
    /// links and notes, a referee's rows withheld for the referee's own restriction, or rewrite a consent's wording
    /// and a CV's text (and its full-text words) at will.
    ///
    /// Now `check_eraser`, which each of them asks first, also refuses all but the DPO a person whose profile is
    /// withheld from them (as `check_profile_eraser` does for the person-level functions); erasing a referee keeps
    /// the old rule for the people they refer (their erasure is not those people's) and adds the referee's own
    /// restriction; and `redact_text` takes only a redaction: the new text is the old one with spans replaced by
    /// `[contact details removed]`, and its full-text words are the old words or the marker's.
    static let erasureHelpersChecked = #"""
SET LOCAL ROLE rekry_owner;

-- The rule of "v3 erasure by recruiters" (a recruiter, a lead or the DPO; a restricted record only the DPO) keeps its
-- body under a new name, for the people a referee refers to; `check_eraser`, which every other erasure function
-- asks by name, becomes that rule and the readable profile.
ALTER FUNCTION rekry.check_eraser(bigint) RENAME TO check_referee_eraser;

CREATE FUNCTION rekry.check_eraser(p_candidate bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_pseudonym text := rekry.check_referee_eraser(p_candidate);
BEGIN
  IF v_pseudonym IS NOT NULL AND rekry.session_role() IS DISTINCT FROM 'dpo' AND NOT rekry.may_read(p_candidate, 'profile') THEN
    RAISE EXCEPTION 'erase candidate %: refused, the profile is withheld from this login (the DPO erases it)', p_candidate
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN v_pseudonym;
END
$fn$;
REVOKE ALL ON FUNCTION rekry.check_eraser(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.check_eraser(bigint) TO rekry_recruiter, rekry_lead, rekry_dpo;

CREATE OR REPLACE FUNCTION rekry.delete_referee(p_referee bigint, OUT removed integer, OUT statements integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_candidate bigint;
BEGIN
  IF rekry.session_role() IS NULL OR rekry.session_role() NOT IN ('recruiter', 'lead', 'dpo') THEN
    RAISE EXCEPTION 'erase: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOR v_candidate IN SELECT DISTINCT candidate_id FROM rekry.reference WHERE referee_id = p_referee LOOP
    PERFORM rekry.check_referee_eraser(v_candidate);
  END LOOP;
  -- Every row of the referee must be one the caller reads (the referee's own restriction or objection withholds it).
  IF rekry.session_role() <> 'dpo' AND EXISTS (SELECT 1 FROM rekry.reference r WHERE r.referee_id = p_referee
       AND NOT rekry.may_read(r.candidate_id, 'references', r.basis, r.restricted, r.objected)) THEN
    RAISE EXCEPTION 'erase referee %: refused, restricted', p_referee USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT count(*)::integer INTO statements FROM rekry.reference_statement
  WHERE reference_id IN (SELECT id FROM rekry.reference WHERE referee_id = p_referee);
  UPDATE rekry.data_request SET referee_id = NULL, verification_note = NULL, extension_reason = NULL
  WHERE referee_id = p_referee;
  DELETE FROM rekry.reference WHERE referee_id = p_referee;
  GET DIAGNOSTICS removed = ROW_COUNT;
END
$fn$;

-- The category deletions of "v3 erasure and desks", each refusing a row the caller does not read (an item withheld
-- on its own basis, a reference withheld for the referee's own restriction or objection, a report whose meta is
-- withheld): such rows are the DPO's.
CREATE OR REPLACE FUNCTION rekry.delete_psych_reports(p_candidate bigint) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE n integer;
BEGIN
  PERFORM rekry.check_eraser(p_candidate);
  IF rekry.session_role() <> 'dpo' AND EXISTS (SELECT 1 FROM rekry.psych_report WHERE candidate_id = p_candidate)
     AND NOT rekry.may_read(p_candidate, 'psych-report-meta', 'explicit-consent') THEN
    RAISE EXCEPTION 'erase candidate %: refused, the report is withheld from this login', p_candidate USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM rekry.report_key WHERE report_id IN (SELECT id FROM rekry.psych_report WHERE candidate_id = p_candidate);
  DELETE FROM rekry.report_grant WHERE report_id IN (SELECT id FROM rekry.psych_report WHERE candidate_id = p_candidate);
  DELETE FROM rekry.psych_report WHERE candidate_id = p_candidate;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$fn$;

CREATE OR REPLACE FUNCTION rekry.delete_references(p_candidate bigint, OUT removed integer, OUT statements integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  PERFORM rekry.check_eraser(p_candidate);
  IF rekry.session_role() <> 'dpo' AND EXISTS (SELECT 1 FROM rekry.reference r WHERE r.candidate_id = p_candidate
       AND NOT rekry.may_read(r.candidate_id, 'references', r.basis, r.restricted, r.objected)) THEN
    RAISE EXCEPTION 'erase candidate %: refused, a reference is withheld from this login', p_candidate USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM rekry.reference_statement WHERE reference_id IN (SELECT id FROM rekry.reference WHERE candidate_id = p_candidate);
  GET DIAGNOSTICS statements = ROW_COUNT;
  DELETE FROM rekry.reference WHERE candidate_id = p_candidate;
  GET DIAGNOSTICS removed = ROW_COUNT;
END
$fn$;

CREATE OR REPLACE FUNCTION rekry.delete_assessments(p_candidate bigint, p_kind text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE n integer;
BEGIN
  PERFORM rekry.check_eraser(p_candidate);
  IF rekry.session_role() <> 'dpo' AND EXISTS (SELECT 1 FROM rekry.assessment a WHERE a.candidate_id = p_candidate AND a.kind = p_kind
       AND NOT rekry.may_read(a.candidate_id, 'assessments', a.basis)) THEN
    RAISE EXCEPTION 'erase candidate %: refused, an assessment is withheld from this login', p_candidate USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM rekry.assessment WHERE candidate_id = p_candidate AND kind = p_kind;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$fn$;

-- Whether `p_new` is `p_old` with spans replaced by the redaction marker (or unchanged): every piece between
-- markers is found in the old text, in order.
CREATE FUNCTION rekry.is_redaction_of(p_old text, p_new text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_piece text;
  v_from integer := 1;
  v_at integer;
BEGIN
  IF p_new IS NOT DISTINCT FROM p_old THEN RETURN true; END IF;
  IF p_new IS NULL OR p_old IS NULL OR position('[contact details removed]' IN p_new) = 0 THEN RETURN false; END IF;
  FOREACH v_piece IN ARRAY string_to_array(p_new, '[contact details removed]') LOOP
    CONTINUE WHEN v_piece = '';
    v_at := position(v_piece IN substr(p_old, v_from));
    IF v_at = 0 THEN RETURN false; END IF;
    v_from := v_from + v_at - 1 + length(v_piece);
  END LOOP;
  RETURN true;
END
$fn$;

-- The texts a redaction rewrote, by the transaction that did it: `index_text` lets a member index a text in the
-- transaction that wrote it, and a redaction is a write, so without this a member could redact a person's CV and
-- then index any words of their choosing for it. No personal data: row ids and transaction ids.
CREATE TABLE rekry.text_redaction (rowid bigint NOT NULL, xact text NOT NULL);
ALTER TABLE rekry.text_redaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE rekry.text_redaction FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON rekry.text_redaction TO rekry_owner USING (true) WITH CHECK (true);

ALTER FUNCTION rekry.index_text(bigint, text) RENAME TO index_text_of_writer;
REVOKE ALL ON FUNCTION rekry.index_text_of_writer(bigint, text) FROM PUBLIC, rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;
CREATE FUNCTION rekry.index_text(p_rowid bigint, p_folded text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM rekry.text_redaction r WHERE r.rowid = p_rowid AND r.xact = pg_current_xact_id()::text) THEN
    RAISE EXCEPTION 'a text is indexed in the transaction that writes it, not in one that redacts it'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM rekry.index_text_of_writer(p_rowid, p_folded);
END
$fn$;
REVOKE ALL ON FUNCTION rekry.index_text(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.index_text(bigint, text) TO rekry_recruiter, rekry_lead, rekry_dpo;

ALTER FUNCTION rekry.redact_text(bigint, text, bigint, text, text, text) RENAME TO redact_text_of_eraser;
REVOKE ALL ON FUNCTION rekry.redact_text_of_eraser(bigint, text, bigint, text, text, text)
  FROM PUBLIC, rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;

CREATE FUNCTION rekry.redact_text(p_candidate bigint, p_table text, p_id bigint, p_column text, p_value text,
                                  p_folded text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
DECLARE
  v_old text;
  v_words text[];
  v_changed integer;
BEGIN
  IF (p_table, p_column) NOT IN (('document','body'), ('document','title'), ('assessment','text'), ('assessment','title'),
                                 ('assessment','provider'), ('assessment','score'), ('disclosure','recipient'),
                                 ('disclosure','what'), ('reference_statement','text'), ('record_change','note'),
                                 ('consent','channel'), ('consent','text')) THEN
    RAISE EXCEPTION 'not a redactable text: %.%', p_table, p_column USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The rectification log is activity (leads and the DPO), whatever the profile's badge says.
  IF p_table = 'record_change' AND NOT rekry.may_read(p_candidate, 'activity') THEN
    RAISE EXCEPTION 'redact %.%: not a text this member may read', p_table, p_column USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Read before the change and judged after it: the checked function refuses a row the caller may not read
  -- first, so that only a row they may read is ever compared (a comparison is a read too).
  EXECUTE format('SELECT %I::text FROM rekry.%I WHERE id = $1', p_column, p_table) INTO v_old USING p_id;
  IF p_table IN ('document', 'assessment') THEN
    SELECT tsvector_to_array(words) INTO v_words FROM rekry.text_entry
    WHERE rowid = CASE WHEN p_table = 'document' THEN p_id ELSE -p_id END;
  END IF;
  v_changed := rekry.redact_text_of_eraser(p_candidate, p_table, p_id, p_column, p_value, p_folded);
  IF v_changed > 0 AND p_table IN ('document', 'assessment') THEN
    INSERT INTO rekry.text_redaction (rowid, xact)
    VALUES (CASE WHEN p_table = 'document' THEN p_id ELSE -p_id END, pg_current_xact_id()::text);
  END IF;
  IF v_changed > 0 AND NOT rekry.is_redaction_of(v_old, p_value) THEN
    RAISE EXCEPTION 'redact %.%: the new text is not the old one with details replaced by the redaction mark', p_table, p_column
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_changed > 0 AND p_folded IS NOT NULL AND p_table IN ('document', 'assessment')
     AND EXISTS (SELECT 1 FROM unnest(tsvector_to_array(to_tsvector('simple', p_folded))) AS w
                 WHERE w <> ALL (coalesce(v_words, '{}') || ARRAY['contact', 'details', 'removed'])) THEN
    RAISE EXCEPTION 'redact %.%: a redaction adds no word to the full-text index', p_table, p_column
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN v_changed;
END
$fn$;

REVOKE ALL ON FUNCTION rekry.is_redaction_of(text, text), rekry.redact_text(bigint, text, bigint, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.redact_text(bigint, text, bigint, text, text, text) TO rekry_recruiter, rekry_lead, rekry_dpo;
"""#
}
