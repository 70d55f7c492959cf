extension PostgresMigrations {
    /// The list's orders and search as indexes and queries, full text as PostgreSQL text search, and the kept
    /// counters (candidates, changes).
    static let search = #"""
SET LOCAL ROLE rekry_owner;
"""#
}
