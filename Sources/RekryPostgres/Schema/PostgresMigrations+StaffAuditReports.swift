extension PostgresMigrations {
    /// Staff logins, the audit append the gate signs, reports and processes written by members.
    static let staffAuditAndReports = #"""
SET LOCAL ROLE rekry_owner;
"""#
}
