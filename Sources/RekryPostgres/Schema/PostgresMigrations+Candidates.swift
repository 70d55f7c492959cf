extension PostgresMigrations {
    /// Candidate rows and their items, as members write them; the register settings; the record-change log.
    static let candidates = #"""
SET LOCAL ROLE rekry_owner;
"""#
}
