extension PostgresMigrations {
    /// The list's orders and search as indexes and queries, full text as PostgreSQL text search, and the kept
    /// counters (candidates, changes).
    ///
    /// Every index on a personal key (folded tokens, name-order keys, text-search vectors) is on a table of its
    /// own that no staff login may SELECT: a member reaches it only through the `SECURITY DEFINER` functions
    /// below, which walk the index as the owner and decide each row with the same `rekry.may_read` the
    /// policies use before it matches, takes a place in an order or counts. `EXPLAIN` of a member's query then
    /// shows a function scan, never "Rows Removed by Filter" of an index below a policy (docs/postgres.md,
    /// covert channels).
    static let search = #"""
SET LOCAL ROLE rekry_owner;

-- The search tokens, one row per (token, candidate): `candidate_personal.search_tokens` as an index range.
-- Kept by a trigger on candidate_personal; granted to no staff login.
CREATE TABLE rekry.search_token (
  token text COLLATE "C" NOT NULL,
  candidate_id bigint NOT NULL REFERENCES rekry.candidate(id) ON DELETE CASCADE
);
CREATE INDEX search_token_range ON rekry.search_token (token, candidate_id);
CREATE INDEX search_token_candidate ON rekry.search_token (candidate_id, token);

-- The name and stage orders' keys (`collation_key`, the write model's, compared bytewise), kept by the same
-- trigger; granted to no staff login.
CREATE TABLE rekry.list_key (
  candidate_id bigint PRIMARY KEY REFERENCES rekry.candidate(id) ON DELETE CASCADE,
  collation_key text COLLATE "C" NOT NULL,
  stage_rank integer NOT NULL
);
CREATE INDEX list_key_name ON rekry.list_key (collation_key, candidate_id);
CREATE INDEX list_key_stage ON rekry.list_key (stage_rank, collation_key, candidate_id);

-- The activity order walks the badge-facts row, which every lister sees anyway.
CREATE INDEX candidate_activity ON rekry.candidate (last_activity_at, id);

-- The full-text index: one row per indexed text (a document id, or minus an assessment id), the folded words as
-- a tsvector ('simple': no stemming, the write model folded them). Deleted with its text (ON DELETE CASCADE).
CREATE TABLE rekry.text_entry (
  rowid bigint PRIMARY KEY CHECK (rowid <> 0),
  candidate_id bigint NOT NULL REFERENCES rekry.candidate(id) ON DELETE CASCADE,
  document_id bigint REFERENCES rekry.document(id) ON DELETE CASCADE,
  assessment_id bigint REFERENCES rekry.assessment(id) ON DELETE CASCADE,
  words tsvector NOT NULL,
  CHECK ((document_id IS NULL) <> (assessment_id IS NULL))
);
CREATE INDEX text_entry_words ON rekry.text_entry USING gin (words);
CREATE INDEX text_entry_candidate ON rekry.text_entry (candidate_id);
CREATE INDEX text_entry_document ON rekry.text_entry (document_id);
CREATE INDEX text_entry_assessment ON rekry.text_entry (assessment_id);

ALTER TABLE rekry.search_token ALTER COLUMN token SET STATISTICS 0;
ALTER TABLE rekry.list_key ALTER COLUMN collation_key SET STATISTICS 0, ALTER COLUMN stage_rank SET STATISTICS 0;
ALTER TABLE rekry.text_entry ALTER COLUMN words SET STATISTICS 0;

-- Kept counters: 'candidates' (never a count(*)) and 'changes', which moves with every statement any login
-- commits that writes the register (the screens' live refresh).
CREATE TABLE rekry.register_counter (
  name text PRIMARY KEY CHECK (name IN ('candidates', 'changes')),
  value bigint NOT NULL
);
INSERT INTO rekry.register_counter (name, value)
  VALUES ('candidates', (SELECT count(*) FROM rekry.candidate)), ('changes', 0);

-- Row-level security on each, as on every table: the owner's policy, and for the group roles the policy of the
-- rows each mirrors. The three index tables are granted to no group role besides: the policies are a second
-- fence, not the way in.
DO $do$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['search_token', 'list_key', 'text_entry', 'register_counter'] LOOP
    EXECUTE format('ALTER TABLE rekry.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE rekry.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON rekry.%I TO rekry_owner USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$do$;
CREATE POLICY search_token_read ON rekry.search_token FOR SELECT
  TO rekry_recruiter, rekry_lead, rekry_dpo
  USING (rekry.may_read(candidate_id, 'profile'));
CREATE POLICY list_key_read ON rekry.list_key FOR SELECT
  TO rekry_recruiter, rekry_lead, rekry_dpo
  USING (rekry.may_read(candidate_id, 'profile'));
CREATE POLICY text_entry_read ON rekry.text_entry FOR SELECT
  TO rekry_recruiter, rekry_lead, rekry_dpo
  USING (CASE WHEN document_id IS NOT NULL
              THEN EXISTS (SELECT 1 FROM rekry.document d WHERE d.id = document_id)
              ELSE EXISTS (SELECT 1 FROM rekry.assessment a WHERE a.id = assessment_id) END);
-- The change counter is everyone's (an admin's screen refreshes too); the candidate count only for the roles
-- that list candidates (session_role, which every group may execute: a policy runs with the reader's rights).
CREATE POLICY register_counter_read ON rekry.register_counter FOR SELECT
  TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin
  USING (name = 'changes' OR rekry.session_role() IN ('recruiter', 'lead', 'dpo'));
GRANT SELECT ON rekry.register_counter TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;

-- Keeps search_token and list_key equal to candidate_personal's search_tokens, collation_key and stage_rank.
-- Runs as the owner: staff logins cannot write the index tables themselves.
CREATE FUNCTION rekry.follow_personal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM rekry.search_token WHERE candidate_id = OLD.candidate_id;
    DELETE FROM rekry.list_key WHERE candidate_id = OLD.candidate_id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rekry.search_token (token, candidate_id)
      SELECT DISTINCT k, NEW.candidate_id FROM unnest(NEW.search_tokens) AS k;
    INSERT INTO rekry.list_key (candidate_id, collation_key, stage_rank)
      VALUES (NEW.candidate_id, NEW.collation_key, NEW.stage_rank);
    RETURN NULL;
  END IF;
  IF NEW.search_tokens IS DISTINCT FROM OLD.search_tokens OR NEW.candidate_id <> OLD.candidate_id THEN
    DELETE FROM rekry.search_token WHERE candidate_id = OLD.candidate_id
      AND (NEW.candidate_id <> OLD.candidate_id OR NOT (token = ANY (NEW.search_tokens)));
    INSERT INTO rekry.search_token (token, candidate_id)
      SELECT DISTINCT k, NEW.candidate_id FROM unnest(NEW.search_tokens) AS k
      WHERE NOT EXISTS (SELECT 1 FROM rekry.search_token s WHERE s.candidate_id = NEW.candidate_id AND s.token = k);
  END IF;
  IF NEW.collation_key IS DISTINCT FROM OLD.collation_key OR NEW.stage_rank IS DISTINCT FROM OLD.stage_rank
     OR NEW.candidate_id <> OLD.candidate_id THEN
    DELETE FROM rekry.list_key WHERE candidate_id = OLD.candidate_id AND NEW.candidate_id <> OLD.candidate_id;
    INSERT INTO rekry.list_key (candidate_id, collation_key, stage_rank)
      VALUES (NEW.candidate_id, NEW.collation_key, NEW.stage_rank)
      ON CONFLICT (candidate_id) DO UPDATE SET collation_key = EXCLUDED.collation_key, stage_rank = EXCLUDED.stage_rank;
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER personal_keys AFTER INSERT OR UPDATE OR DELETE ON rekry.candidate_personal
  FOR EACH ROW EXECUTE FUNCTION rekry.follow_personal();
-- Rows stored before this migration.
INSERT INTO rekry.search_token (token, candidate_id)
  SELECT DISTINCT k, p.candidate_id FROM rekry.candidate_personal p, unnest(p.search_tokens) AS k;
INSERT INTO rekry.list_key (candidate_id, collation_key, stage_rank)
  SELECT candidate_id, collation_key, stage_rank FROM rekry.candidate_personal;

-- The candidate counter, by statement (a bulk import adds its count once).
CREATE FUNCTION rekry.count_candidates() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE n bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) INTO n FROM added;
  ELSE
    SELECT -count(*) INTO n FROM removed;
  END IF;
  IF n <> 0 THEN
    UPDATE rekry.register_counter SET value = value + n WHERE name = 'candidates';
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER candidate_counted_in AFTER INSERT ON rekry.candidate
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION rekry.count_candidates();
CREATE TRIGGER candidate_counted_out AFTER DELETE ON rekry.candidate
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION rekry.count_candidates();

-- The change counter: one bump per writing statement, on every table of the register (the index tables follow
-- their sources, so they are left out). The row lock it takes is held to commit: writers commit one at a time.
CREATE FUNCTION rekry.count_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
BEGIN
  UPDATE rekry.register_counter SET value = value + 1 WHERE name = 'changes';
  RETURN NULL;
END
$fn$;
DO $do$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'rekry' AND c.relkind = 'r'
             AND c.relname NOT IN ('register_counter', 'schema_migration', 'search_token', 'list_key', 'text_entry') LOOP
    EXECUTE format('CREATE TRIGGER register_changed AFTER INSERT OR UPDATE OR DELETE ON rekry.%I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION rekry.count_change()', t);
  END LOOP;
END
$do$;

-- Whether the session sees every row as it is: a superuser (who bypasses row-level security anyway) or the DPO
-- answering a request. Everyone else gets RowVisibility.withheldApart, whatever the client asks.
CREATE FUNCTION rekry.sees_everything() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
  SELECT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
      OR (rekry.session_role() = 'dpo' AND rekry.session_purpose() = 'dsr')
$fn$;

-- The SQL of one list query (internal: executable by no staff login). Parameters of the statement it returns:
-- $1 words text[], $2 their upper bounds text[], $3 stage, $4 process id, $5 now, $6 now + the expiring
-- window, $7 the art. 14 cut-off, $8 key text, $9 key number, $10 key id, $11 limit or cap.
--   p_order: 'name' | 'activity' | 'stage' (ignored when searching)
--   p_segment: 0 the rows the session may see in the list's order, 1 the withheld rows by id, NULL both (a count)
--   p_apart: RowVisibility.withheldApart (forced on unless rekry.sees_everything())
--   p_anchor: 'start' | 'end' | 'after' | 'before'; p_count: a count capped at $11 instead of a page
CREATE FUNCTION rekry.list_sql(p_order text, p_words integer, p_stage boolean, p_process boolean,
                               p_retention_due boolean, p_badge text, p_segment integer, p_apart boolean,
                               p_anchor text, p_count boolean)
RETURNS text LANGUAGE plpgsql STABLE SET search_path = pg_catalog, rekry AS $fn$
DECLARE
  v_all boolean := rekry.sees_everything();
  v_super boolean := coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false);
  v_apart boolean := p_apart OR NOT v_all;
  v_search boolean := p_words > 0;
  -- A page of a search, or of a list not split, walks the order's index (segment 0); a count of a browse list
  -- (p_segment NULL) walks the badge-facts rows.
  v_seg integer := CASE WHEN v_search THEN 0 WHEN NOT v_apart AND p_segment IS NOT NULL THEN 0 ELSE p_segment END;
  v_visible text := CASE WHEN v_super THEN 'true' ELSE 'rekry.may_read(c.id, ''profile'')' END;
  v_lapse text := '(c.restricted OR (c.objected AND c.basis = ''legitimate-interest'')'
    ' OR (c.basis IN (''consent'', ''explicit-consent'') AND (c.consent_given_at IS NULL'
    ' OR coalesce(c.consent_withdrawn_at <= $5, false) OR coalesce(c.consent_expires_at <= $5, false))))';
  v_from text;
  v_conds text[] := '{}';
  v_cols text[];
  v_asc boolean;
  v_rhs text;
  v_backward boolean := p_anchor IN ('end', 'before');
  v_order text;
  v_select text;
  i integer;
  consent text := 'c.basis IN (''consent'', ''explicit-consent'')';
  not_withdrawn text := '(c.consent_withdrawn_at IS NULL OR c.consent_withdrawn_at > $5)';
BEGIN
  IF p_order NOT IN ('name', 'activity', 'stage') OR p_anchor NOT IN ('start', 'end', 'after', 'before') THEN
    RAISE EXCEPTION 'unknown list order or anchor' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Which index is walked, and the key in list order.
  IF v_search THEN
    v_from := 'rekry.search_token t JOIN rekry.candidate c ON c.id = t.candidate_id';
    v_cols := ARRAY['t.token', 't.candidate_id']; v_asc := true; v_rhs := '($8 COLLATE "C", $10)';
    v_select := 't.token, NULL::bigint';
  ELSIF v_seg = 1 THEN
    v_from := 'rekry.candidate c';
    v_cols := ARRAY['c.id']; v_asc := true; v_rhs := '($10)';
    v_select := 'NULL::text, NULL::bigint';
  ELSIF p_order = 'name' AND v_seg = 0 THEN
    v_from := 'rekry.list_key k JOIN rekry.candidate c ON c.id = k.candidate_id';
    v_cols := ARRAY['k.collation_key', 'k.candidate_id']; v_asc := true; v_rhs := '($8 COLLATE "C", $10)';
    v_select := 'k.collation_key, NULL::bigint';
  ELSIF p_order = 'stage' AND v_seg = 0 THEN
    v_from := 'rekry.list_key k JOIN rekry.candidate c ON c.id = k.candidate_id';
    v_cols := ARRAY['k.stage_rank', 'k.collation_key', 'k.candidate_id']; v_asc := true; v_rhs := '($9::integer, $8 COLLATE "C", $10)';
    v_select := 'k.collation_key, k.stage_rank::bigint';
  ELSIF p_order = 'activity' AND v_seg = 0 THEN
    v_from := 'rekry.candidate c';
    v_cols := ARRAY['c.last_activity_at', 'c.id']; v_asc := false;
    v_rhs := '(timestamptz ''epoch'' + $9 * interval ''1 microsecond'', $10)';
    v_select := 'NULL::text, (extract(epoch FROM c.last_activity_at) * 1000000)::bigint';
  ELSE
    -- A count of both segments walks the badge-facts rows.
    v_from := 'rekry.candidate c';
    v_cols := ARRAY['c.id']; v_asc := true; v_rhs := '($10)';
    v_select := 'NULL::text, NULL::bigint';
  END IF;
  IF p_process THEN
    v_from := v_from || ' JOIN rekry.participation pp ON pp.candidate_id = c.id AND pp.process_id = $4';
  END IF;
  IF p_stage AND NOT p_process THEN
    v_from := v_from || ' JOIN rekry.candidate_personal p ON p.candidate_id = c.id';
  END IF;

  -- The split: the rows the session may see (their record usable, as the gate and the policies decide), then
  -- the withheld ones. A search matches only the first kind; a match is decided before it is made.
  IF v_apart THEN
    IF v_seg = 0 THEN
      v_conds := v_conds || ('NOT ' || v_lapse) || v_visible;
    ELSIF v_seg = 1 THEN
      v_conds := v_conds || ('(' || v_lapse || ' OR NOT ' || v_visible || ')');
    END IF;
    -- A stage the actor may not see does not filter: a restricted record's, or one the policies withhold.
    IF p_stage OR p_process THEN
      v_conds := v_conds || 'NOT c.restricted'::text;
    END IF;
  END IF;
  IF p_stage THEN
    IF p_process THEN
      v_conds := v_conds || 'pp.stage = $3'::text;
    ELSE
      v_conds := v_conds || 'p.stage = $3'::text;
      IF NOT v_super THEN v_conds := v_conds || v_visible; END IF;
    END IF;
  END IF;
  IF p_process AND NOT v_super THEN
    v_conds := v_conds || 'rekry.may_read(c.id, ''processes'', pp.basis)'::text;
  END IF;
  IF v_search THEN
    v_conds := v_conds || 't.token >= ($1[1] COLLATE "C") AND t.token < ($2[1] COLLATE "C")'::text;
    FOR i IN 2..p_words LOOP
      v_conds := v_conds || format('EXISTS (SELECT 1 FROM rekry.search_token t2 WHERE t2.candidate_id = c.id'
        ' AND t2.token >= ($1[%s] COLLATE "C") AND t2.token < ($2[%s] COLLATE "C"))', i, i);
    END LOOP;
  END IF;
  IF p_retention_due THEN
    v_conds := v_conds || 'c.retention_due_at <= $5'::text;
  END IF;
  -- A superset of the rows whose badge holds the state (PagePlan.badgeCondition); the gate checks it exactly.
  IF p_badge IS NOT NULL THEN
    v_conds := v_conds || (CASE p_badge
      WHEN 'restricted' THEN 'c.restricted'
      WHEN 'objected' THEN 'c.objected AND c.basis = ''legitimate-interest'''
      WHEN 'consent-withdrawn' THEN consent || ' AND c.consent_withdrawn_at <= $5'
      WHEN 'consent-expired' THEN consent || ' AND ' || not_withdrawn || ' AND c.consent_expires_at <= $5'
      WHEN 'no-consent' THEN consent || ' AND c.consent_given_at IS NULL'
      WHEN 'consent-expiring' THEN consent || ' AND ' || not_withdrawn || ' AND c.consent_expires_at > $5 AND c.consent_expires_at <= $6'
      WHEN 'consent-valid' THEN consent || ' AND c.consent_given_at IS NOT NULL AND ' || not_withdrawn
                                || ' AND (c.consent_expires_at IS NULL OR c.consent_expires_at > $6)'
      WHEN 'retention-due' THEN 'c.retention_due_at <= $5'
      WHEN 'art14-notice-due' THEN 'c.source NOT IN (''applied'', ''network'') AND c.notified_at IS NULL AND c.collected_at <= $7'
      WHEN 'contract' THEN 'c.basis = ''contract'''
      WHEN 'legitimate-interest' THEN 'c.basis = ''legitimate-interest'''
      WHEN 'legal-obligation' THEN 'c.basis = ''legal-obligation'''
      END);
    IF v_conds[array_length(v_conds, 1)] IS NULL THEN
      RAISE EXCEPTION 'unknown badge state' USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END IF;

  IF p_count THEN
    RETURN format('SELECT count(*) FROM (SELECT %s FROM %s WHERE %s LIMIT $11) AS counted',
                  CASE WHEN v_search THEN 'DISTINCT c.id' ELSE '1' END, v_from,
                  coalesce(nullif(array_to_string(v_conds, ' AND '), ''), 'true'));
  END IF;
  IF p_anchor IN ('after', 'before') THEN
    v_conds := v_conds || format('(%s) %s %s', array_to_string(v_cols, ', '),
                                 CASE WHEN (p_anchor = 'after') = v_asc THEN '>' ELSE '<' END, v_rhs);
  END IF;
  SELECT string_agg(col || CASE WHEN v_asc <> v_backward THEN ' ASC' ELSE ' DESC' END, ', ' ORDER BY n)
    INTO v_order FROM unnest(v_cols) WITH ORDINALITY AS u(col, n);
  RETURN format('SELECT c.id, %s FROM %s WHERE %s ORDER BY %s LIMIT $11', v_select, v_from,
                coalesce(nullif(array_to_string(v_conds, ' AND '), ''), 'true'), v_order);
END
$fn$;

-- One page of the list, as the session may see it: candidate ids with their keys, in list order (backward
-- anchors: in reverse). Searches, orders and filters through the owner-only indexes, and decides each row
-- with rekry.may_read before it matches or takes a place. Nothing for an admin or a login without a role.
CREATE FUNCTION rekry.list_page(p_order text, p_words text[], p_uppers text[], p_stage text, p_process bigint,
                                p_retention_due boolean, p_badge text, p_now timestamptz, p_soon timestamptz,
                                p_art14 timestamptz, p_segment integer, p_apart boolean, p_anchor text,
                                p_key_text text, p_key_number bigint, p_key_id bigint, p_limit integer)
RETURNS TABLE (id bigint, key_text text, key_number bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
#variable_conflict use_column
DECLARE
  v_words integer := coalesce(cardinality(p_words), 0);
BEGIN
  IF NOT (rekry.sees_everything() OR rekry.may_list()) THEN RETURN; END IF;
  IF v_words <> coalesce(cardinality(p_uppers), 0) THEN
    RAISE EXCEPTION 'every word needs its upper bound' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY EXECUTE rekry.list_sql(p_order, v_words, p_stage IS NOT NULL, p_process IS NOT NULL,
                                      coalesce(p_retention_due, false), p_badge, p_segment, coalesce(p_apart, true),
                                      p_anchor, false)
    USING p_words, p_uppers, p_stage, p_process, p_now, p_soon, p_art14, p_key_text, p_key_number, p_key_id,
          greatest(coalesce(p_limit, 0), 0);
END
$fn$;

-- How many rows the list holds, counted up to p_cap: a search or a browse split counts what it would show.
CREATE FUNCTION rekry.list_count(p_words text[], p_uppers text[], p_stage text, p_process bigint,
                                 p_retention_due boolean, p_badge text, p_now timestamptz, p_soon timestamptz,
                                 p_art14 timestamptz, p_apart boolean, p_cap integer)
RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE
  v_words integer := coalesce(cardinality(p_words), 0);
  n bigint;
BEGIN
  IF NOT (rekry.sees_everything() OR rekry.may_list()) THEN RETURN 0; END IF;
  IF v_words <> coalesce(cardinality(p_uppers), 0) THEN
    RAISE EXCEPTION 'every word needs its upper bound' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE rekry.list_sql('name', v_words, p_stage IS NOT NULL, p_process IS NOT NULL, coalesce(p_retention_due, false),
                         p_badge, NULL, coalesce(p_apart, true), 'start', true)
    INTO n
    USING p_words, p_uppers, p_stage, p_process, p_now, p_soon, p_art14, NULL::text, NULL::bigint, NULL::bigint,
          greatest(coalesce(p_cap, 0), 0);
  RETURN n;
END
$fn$;

-- Indexes one text's folded words (WriteModel.textEntry): a document id, or minus an assessment id. Only in
-- the transaction that wrote the text (its row's xmin), so that no login can put words on a text it did not
-- write; a superuser (`rekry migrate`) may index any.
CREATE FUNCTION rekry.index_text(p_rowid bigint, p_folded text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
DECLARE
  v_super boolean := coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false);
  v_candidate bigint;
  v_xmin xid;
BEGIN
  IF NOT v_super AND coalesce(rekry.session_role() NOT IN ('recruiter', 'lead', 'dpo'), true) THEN
    RAISE EXCEPTION 'index a text: not permitted for this role' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_rowid > 0 THEN
    SELECT d.candidate_id, d.xmin INTO v_candidate, v_xmin FROM rekry.document d WHERE d.id = p_rowid;
  ELSIF p_rowid < 0 THEN
    SELECT a.candidate_id, a.xmin INTO v_candidate, v_xmin FROM rekry.assessment a WHERE a.id = -p_rowid;
  END IF;
  IF v_candidate IS NULL THEN
    RAISE EXCEPTION 'no text %', p_rowid USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT v_super AND v_xmin::text <> (pg_current_xact_id()::text::numeric % 4294967296)::text THEN
    RAISE EXCEPTION 'a text is indexed in the transaction that writes it' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO rekry.text_entry (rowid, candidate_id, document_id, assessment_id, words)
  VALUES (p_rowid, v_candidate, CASE WHEN p_rowid > 0 THEN p_rowid END, CASE WHEN p_rowid < 0 THEN -p_rowid END,
          to_tsvector('simple', coalesce(p_folded, '')))
  ON CONFLICT (rowid) DO UPDATE SET words = EXCLUDED.words;
END
$fn$;

-- The texts holding every one of the folded words that this session may read (each decided on its own item's
-- badge, as the document and assessment policies decide), best match first (ts_rank, then row id), at most
-- p_limit. Nothing for an admin.
CREATE FUNCTION rekry.search_texts(p_words text[], p_limit integer)
RETURNS TABLE (rowid bigint, candidate_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry AS $fn$
#variable_conflict use_column
DECLARE
  v_super boolean := coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false);
  q tsquery;
BEGIN
  IF NOT (v_super OR rekry.may_list()) THEN RETURN; END IF;
  q := plainto_tsquery('simple', array_to_string(p_words, ' '));
  IF q IS NULL OR numnode(q) = 0 THEN RETURN; END IF;
  RETURN QUERY
    SELECT e.rowid, e.candidate_id FROM rekry.text_entry e
    LEFT JOIN rekry.document d ON d.id = e.document_id
    LEFT JOIN rekry.assessment a ON a.id = e.assessment_id
    WHERE e.words @@ q
      AND (v_super OR CASE WHEN e.document_id IS NOT NULL
                           THEN rekry.may_read(d.candidate_id, 'documents', d.basis)
                           ELSE rekry.may_read(a.candidate_id, 'assessments', a.basis) END)
    ORDER BY ts_rank(e.words, q) DESC, e.rowid
    LIMIT greatest(coalesce(p_limit, 0), 0);
END
$fn$;

REVOKE ALL ON FUNCTION rekry.list_sql(text, integer, boolean, boolean, boolean, text, integer, boolean, text, boolean),
  rekry.follow_personal(), rekry.count_candidates(), rekry.count_change() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.sees_everything(),
  rekry.list_page(text, text[], text[], text, bigint, boolean, text, timestamptz, timestamptz, timestamptz, integer,
                  boolean, text, text, bigint, bigint, integer),
  rekry.list_count(text[], text[], text, bigint, boolean, text, timestamptz, timestamptz, timestamptz, boolean, integer),
  rekry.search_texts(text[], integer)
  TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;
GRANT EXECUTE ON FUNCTION rekry.index_text(bigint, text) TO rekry_recruiter, rekry_lead, rekry_dpo;
"""#
}
