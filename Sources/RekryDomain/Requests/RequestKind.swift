/// What a data subject asks for (Arts. 15–21 and 7(3)).
public enum RequestKind: String, Sendable, CaseIterable, Codable {
    case access
    case rectification
    case erasure
    case restriction
    case objection
    case portability
    /// Withdrawal of consent (Art. 7(3)).
    case withdrawal
}

/// How the person's identity was verified before the request was taken up: a closed list, so that no free
/// text about the person sits in the column (the optional note is erased with the person).
public enum VerificationMethod: String, Sendable, CaseIterable, Codable {
    case inPersonId = "in-person-id"
    case bankId = "bankid"
    case knownEmail = "known-email"
    case other
}

/// How a request was closed.
public enum RequestOutcome: String, Sendable, CaseIterable, Codable {
    /// Done: linked to the audit entry of what was done.
    case done
    /// Refused (manifestly unfounded or excessive, Art. 12(5); or a second extract refused with reasons).
    case refused
}
