extension PostgresMigrations {
    /// Candidate writes, the kept counters, name order and search.
    static let candidatesAndSearch = #"""
SET LOCAL ROLE rekry_owner;
"""#
}
