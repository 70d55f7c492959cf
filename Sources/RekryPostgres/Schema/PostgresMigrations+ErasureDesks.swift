extension PostgresMigrations {
    /// Erasure, suppression, retention, requests and breaches.
    static let erasureAndDesks = #"""
SET LOCAL ROLE rekry_owner;
"""#
}
