extension PostgresMigrations {
    /// Norwegian names sort the old spelling `aa` as `å`, as ICU's `nb-x-icu` does (`NameCollation`). The keys are
    /// the write model's, so the migration only marks a Norwegian register (its profile says `country NO`) that holds
    /// people: the next sign-in re-derives every key it may read through the write model
    /// (`Gate.rederiveCollationKeysIfMarked`), writing only those that change. A Swedish register has nothing to do.
    /// SQLite's twin is migration "v13 norwegian double a".
    static let norwegianDoubleA = #"""
SET LOCAL ROLE rekry_owner;
INSERT INTO rekry.register_info (key, value)
SELECT 'collationRederive', 'pending' WHERE EXISTS (SELECT 1 FROM rekry.candidate)
  AND EXISTS (SELECT 1 FROM rekry.register_info WHERE key = 'policy.text' AND value ~* '(^|\n)[ \t]*country[ \t]+no([ \t#\r]|\n|$)')
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
"""#
}
