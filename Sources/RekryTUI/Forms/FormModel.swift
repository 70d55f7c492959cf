/// A form's state: the fields, their values, the focus and cursor, and the errors of the last submission.
///
/// Keys go in through `handle(_:)`; everything but text entry is looked up in `KeyTables.form`, the same table
/// help and the hint line are drawn from. The cursor counts `Character`s, so Å, 王 and e + a combining accent
/// each move and delete as one.
public struct FormModel: Sendable {
    public let title: String
    public let fields: [FormField]
    /// The values as typed (untrimmed), one per field.
    public internal(set) var values: [String]
    /// The index of the field with the focus.
    public internal(set) var focus = 0
    /// The cursor in the focused value, in `Character`s from its start.
    public internal(set) var cursor = 0
    /// Error messages by field id, from the last submission (or `reject`); editing a field clears its own.
    public internal(set) var errors: [String: String] = [:]
    /// The language of the form's own messages (a required field, a bad date); the caller writes the rest.
    public var language: UILanguage = .en

    public init(title: String, fields: [FormField]) {
        precondition(Set(fields.map(\.id)).count == fields.count, "form field ids must be unique")
        self.title = title
        self.fields = fields
        values = fields.map(\.initial)
        cursor = values.first?.count ?? 0
    }

    /// The value of the field `id` as typed, or nil for an unknown id.
    public func value(_ id: String) -> String? { fields.firstIndex { $0.id == id }.map { values[$0] } }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// Handles one key and says whether the form is still open.
    public mutating func handle(_ key: Key) -> FormOutcome {
        guard let field = focusedField else { return key == .escape ? .cancelled : .editing }
        if case .char(let c) = key {
            type(c)
            return .editing
        }
        guard let action = KeyTables.form.action(for: key) else { return .editing }
        switch action {
        case .submitForm: return submit()
        case .cancelForm: return .cancelled
        case .nextField: focus(on: (focus + 1) % fields.count)
        case .previousField: focus(on: (focus + fields.count - 1) % fields.count)
        case .advanceField:
            if field.kind == .multiline { insert("\n") }
            else if focus == fields.count - 1 { return submit() }
            else { focus(on: focus + 1) }
        case .cursorLeft: if case .choice = field.kind { cycle(by: -1) } else { cursor = max(0, cursor - 1) }
        case .cursorRight: if case .choice = field.kind { cycle(by: 1) } else { cursor = min(values[focus].count, cursor + 1) }
        case .cursorStart: cursor = lineStart()
        case .cursorEnd: cursor = lineEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .clearField: replaceValue(with: "", cursor: 0)
        default: break
        }
        return .editing
    }

    /// Validates every field; on success the trimmed values, otherwise the errors and the focus on the first.
    public mutating func submit() -> FormOutcome {
        let trimmed = values.map(Self.trim)
        errors = [:]
        for (i, field) in fields.enumerated() {
            if let problem = field.problem(with: trimmed[i], in: language) { errors[field.id] = problem }
        }
        if let first = fields.firstIndex(where: { errors[$0.id] != nil }) {
            focus(on: first)
            return .editing
        }
        return .submitted(Dictionary(uniqueKeysWithValues: zip(fields.map(\.id), trimmed)))
    }

    /// Marks a field wrong after submission, when the caller (the store) refuses a value the form accepted.
    public mutating func reject(_ message: String, field id: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        errors[id] = message
        focus(on: i)
    }

    mutating func focus(on index: Int) {
        focus = index
        cursor = values[index].count
    }

    /// Leading and trailing whitespace and newlines removed; a note's inner lines kept as written.
    static func trim(_ s: String) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }),
              let last = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(s[first...last])
    }
}
