/// What a key did to a form: still editing, finished with values, or abandoned.
public enum FormOutcome: Sendable, Equatable {
    case editing
    /// Every field valid; the trimmed values by field id.
    case submitted([String: String])
    case cancelled
}
