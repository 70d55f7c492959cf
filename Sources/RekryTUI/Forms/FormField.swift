/// One field of a form: what it asks for, how it is edited, and what makes its value acceptable.
///
/// A field knows nothing of the store: the form hands back plain strings by `id`, and the caller decides what
/// they become (a candidate, a note, a consent record…).
public struct FormField: Sendable {
    /// How the value is entered and shown.
    public enum Kind: Sendable, Equatable {
        /// One line of free text.
        case text
        /// One of a fixed list: ←/→ or Space cycle, a letter jumps to the next option starting with it.
        case choice([String])
        /// A calendar date written YYYY-MM-DD.
        case date
        /// Several lines (a note): Enter inserts a newline; the view wraps and scrolls it.
        case multiline
    }

    public var id: String
    public var label: String
    public var kind: Kind
    public var initial: String
    public var required: Bool
    /// One line shown while the field has the focus.
    public var help: String
    /// What a choice shows for each option, in the UI language; the option itself stays the value handed back
    /// (a code such as `talent-pool`). An option without a label shows as it is.
    public var choiceLabels: [String: String] = [:]
    /// Returns an error message for an unacceptable (trimmed, non-empty) value, or nil.
    public var validator: (@Sendable (String) -> String?)?

    public init(id: String, label: String, kind: Kind = .text, initial: String = "", required: Bool = false,
                help: String = "", validator: (@Sendable (String) -> String?)? = nil, choiceLabels: [String: String] = [:]) {
        self.id = id
        self.label = label
        self.kind = kind
        self.initial = initial
        self.required = required
        self.help = help
        self.validator = validator
        self.choiceLabels = choiceLabels
    }

    /// What the choice shows for `option`: its label, else the option itself.
    public func shown(_ option: String) -> String { choiceLabels[option] ?? option }

    /// Why `value` (already trimmed) cannot be submitted, or nil when it can, said in `language`.
    ///
    /// An empty optional field is always acceptable: the date and custom checks only judge what was written.
    public func problem(with value: String, in language: UILanguage = .en) -> String? {
        if value.isEmpty { return required ? language.text("form.required", ["label": label]) : nil }
        switch kind {
        case .date:
            if let problem = FormDate.problem(with: value, in: language) { return problem }
        case .choice(let options):
            if !options.contains(value) {
                return language.text("form.chooseOne", ["options": options.map(shown).joined(separator: ", ")])
            }
        case .text, .multiline:
            break
        }
        return validator?(value)
    }
}
