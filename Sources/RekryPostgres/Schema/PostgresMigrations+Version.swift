extension PostgresMigrations {
    /// Members read which migrations the server has (names only, no data): Rekry refuses to work on a schema
    /// older than itself, and says so, rather than failing on a missing column half-way through a write.
    static let schemaVersionReadable = #"""
SET LOCAL ROLE rekry_owner;
CREATE POLICY schema_migration_read ON rekry.schema_migration FOR SELECT
  TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin USING (true);
GRANT SELECT ON rekry.schema_migration TO rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;
"""#
}
