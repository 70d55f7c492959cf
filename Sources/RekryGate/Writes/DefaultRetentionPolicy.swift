import RekryDomain

/// The retention policy a register uses until the firm configures its own; `data/policies/default.policy` is the
/// same text, and a test keeps the two equal.
public enum DefaultRetentionPolicy {
    public static let text = """
        # Rekry default retention policy: one rule a line.
        #   CATEGORY              EVENT            PERIOD  [COUNTRY]
        # PERIOD is a whole number followed by d (days), m (months) or y (years). COUNTRY defaults to * (all).
        # Each firm edits its own copy; a country's rule overrides the * rule for candidates of that country.
        # The firms' own profiles beside this file add rules for applicants, assessment candidates and the talent pool.

        contact-details         process-closed   0d        # deleted or anonymised right after the process
        contact-details         last-contact     12m   NO  # about a year after passive contact
        candidate-profile       process-closed   2y        # a profile at most two years after the process ends
        unused                  last-activity    5y        # data unused for five years
        reference-report        employment-end   0d        # kept until an employment ends
        psych-report            process-closed   0d        # destroyed when the process closes unless hired
        """

    /// The parsed policy (the text is known to parse: a test parses it).
    public static let policy: RetentionPolicy = (try? RetentionPolicy.parse(text, file: "data/policies/default.policy"))
        ?? RetentionPolicy(rules: [])
}
