/// What only the database administrator can do to make an erasure final on the server: a member's login
/// deletes a person's rows (through `rekry.delete_candidate` and its siblings) but cannot VACUUM the owner's
/// tables, and nothing can VACUUM inside a transaction or a function. docs/postgres.md, "Erasure on PostgreSQL".
public enum PostgresMaintenance {
    /// The administrator's erasure job, a `psql` script run as a superuser (or a login that is a member of
    /// `rekry_owner` and of `pg_checkpoint`, with EXECUTE on `pg_switch_wal`), connected to the register's
    /// database, outside a transaction: e.g. nightly from cron, and after a batch of erasures.
    ///
    /// 0. Waits (up to a minute, else fails naming the session) until no other session of the database, and no
    ///    prepared transaction, holds a snapshot from before the job began: VACUUM FULL copies every row version
    ///    such a snapshot may still see ("recently dead"), so an erased or corrected person would be written into
    ///    the new files (and the WAL) rather than left behind. Lazy autovacuum is not waited for (the server
    ///    ignores it too).
    /// 1. `VACUUM (FULL, ANALYZE)` of every table of the `rekry` schema, as the owner: each is rewritten into a
    ///    new file (the old one is truncated at once and unlinked at the next checkpoint), so that no dead row
    ///    of an erased person stays in a heap, TOAST or index page; ANALYZE replaces the statistics.
    /// 2. Records the run in `rekry.vacuum_run`: every erasure logged before it began is final in the table
    ///    files, and the members' next sign-in clears their pending markers (`finishErasures` no longer refuses).
    /// 3. CHECKPOINT, `pg_switch_wal()`, CHECKPOINT: with `wal_recycle = off` (which the administrator sets
    ///    once) the segments that held the rows are unlinked rather than renamed for reuse with the old bytes.
    public static let vacuumErasedScript = #"""
\set ON_ERROR_STOP on
SELECT clock_timestamp() AS rekry_job_started \gset
DO $wait$
DECLARE
  v_horizon xid := (pg_snapshot_xmax(pg_current_snapshot())::text::numeric % 4294967296)::text::xid;
  v_old record;
BEGIN
  FOR i IN 1..600 LOOP
    PERFORM pg_stat_clear_snapshot();
    SELECT a.pid, a.usename INTO v_old FROM pg_stat_activity a
    WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
      AND (a.query NOT LIKE 'autovacuum: VACUUM%' OR a.query LIKE '%ANALYZE%')
      AND age(coalesce(a.backend_xmin, a.backend_xid)) > age(v_horizon)
    LIMIT 1;
    IF NOT FOUND AND NOT EXISTS (SELECT 1 FROM pg_prepared_xacts p
                                 WHERE p.database = current_database() AND age(p.transaction) > age(v_horizon)) THEN
      RETURN;
    END IF;
    PERFORM pg_sleep(0.1);
  END LOOP;
  RAISE EXCEPTION 'rekry erasure job: session % (%) has held a snapshot since before the job began, so VACUUM FULL would copy the erased row versions it may still see; end it (or a prepared transaction) and run the job again', v_old.pid, v_old.usename;
END
$wait$;
SET ROLE rekry_owner;
SELECT format('VACUUM (FULL, ANALYZE) rekry.%I', c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'rekry' AND c.relkind = 'r' ORDER BY c.relname \gexec
INSERT INTO rekry.vacuum_run (started_at, finished_at) VALUES (:'rekry_job_started', clock_timestamp());
RESET ROLE;
CHECKPOINT;
SELECT pg_switch_wal();
CHECKPOINT;
"""#

    /// The server settings the erasure job relies on, set once by the administrator (`ALTER SYSTEM`, then
    /// `SELECT pg_reload_conf()`): old WAL segments unlinked, not recycled with their bytes; none kept back.
    public static let erasureSettings = #"""
ALTER SYSTEM SET wal_recycle = off;
ALTER SYSTEM SET wal_keep_size = 0;
SELECT pg_reload_conf();
"""#
}
