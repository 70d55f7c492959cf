/// What a key does: every key of every screen maps to one of these, through one table per screen.
public enum Action: String, Sendable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open, back, quit, help
    case startSearch, startFullText, cycleSort, cycleBadgeFilter, cycleStageFilter, toggleRetentionDue, clearFilters
    case filterProcess
    case nextTab, previousTab
    case tab1, tab2, tab3, tab4, tab5, tab6, tab7
    case scrollDown, scrollUp
    case withdrawConsent
    case confirm, cancel
    // Forms. Printable characters never reach the table: they are text entry (in a choice, Space and letters pick).
    case nextField, previousField, advanceField, submitForm, cancelForm, clearField
    case cursorLeft, cursorRight, cursorStart, cursorEnd, deleteBackward, deleteForward
}

/// One row of a key table: the keys, the action, the help text, and whether the action destroys something.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// Destructive actions are marked in help, always confirmed, and dropped in read-only mode.
    public var destructive: Bool
    /// The hint line's short label; nil keeps the binding out of the hint line (help shows every binding).
    public var hintLabel: String?

    public init(_ keys: [Key], _ action: Action, _ help: String, destructive: Bool = false, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.destructive = destructive
        self.hintLabel = hint
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// A screen's key table. Help (`?`) and the hint line are generated from it, so they cannot drift.
public struct KeyMap: Sendable {
    public var title: String
    public var bindings: [KeyBinding]

    public init(title: String, bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }

    /// The table without destructive actions (read-only mode).
    public func readOnly() -> KeyMap { KeyMap(title: title, bindings: bindings.filter { !$0.destructive }) }

    public func action(for key: Key) -> Action? { bindings.first { $0.keys.contains(key) }?.action }

    /// Help lines: one per binding, destructive ones marked.
    public var helpLines: [String] {
        bindings.map { b in
            let keys = DisplayWidth.pad(b.keyLabel, to: 16)
            return "\(keys)\(b.help)\(b.destructive ? "  [destructive: confirmed]" : "")"
        }
    }
}

/// The key tables of every screen.
public enum KeyTables {
    static let navigation: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .moveDown, "move down"),
        KeyBinding([.char("k"), .up], .moveUp, "move up"),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, "page down"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, "page up"),
        KeyBinding([.char("g"), .home], .top, "go to the first"),
        KeyBinding([.char("G"), .end], .bottom, "go to the last"),
    ]

    public static let list = KeyMap(title: "Candidate list", bindings: navigation + [
        KeyBinding([.enter, .char("l"), .right], .open, "open the candidate", hint: "open"),
        KeyBinding([.char("/")], .startSearch, "search as you type (name, email, phone, title, employer)", hint: "search"),
        KeyBinding([.char("f")], .startFullText, "full-text search of CVs and notes (Enter runs it)", hint: "full text"),
        KeyBinding([.char("s")], .cycleSort, "sort: name, last activity, stage", hint: "sort"),
        KeyBinding([.char("b")], .cycleBadgeFilter, "filter by badge state", hint: "badge"),
        KeyBinding([.char("t")], .cycleStageFilter, "filter by process stage"),
        KeyBinding([.char("r")], .toggleRetentionDue, "only candidates due for deletion"),
        KeyBinding([.char("p")], .filterProcess, "only candidates in the selected candidate's process (again: all)"),
        KeyBinding([.char("c")], .clearFilters, "clear search and filters"),
        KeyBinding([.escape], .back, "leave search results / clear filters"),
        KeyBinding([.char("?")], .help, "help", hint: "help"),
        KeyBinding([.char("q")], .quit, "quit", hint: "quit"),
    ])

    public static let search = KeyMap(title: "Search", bindings: [
        KeyBinding([.enter], .confirm, "keep the results and browse them", hint: "keep"),
        KeyBinding([.escape], .cancel, "cancel: back to the list where it was", hint: "cancel"),
        KeyBinding([.down], .moveDown, "move down"),
        KeyBinding([.up], .moveUp, "move up"),
    ])

    public static let detail = KeyMap(title: "Candidate", bindings: [
        KeyBinding([.tab, .char("l"), .right], .nextTab, "next tab", hint: "tab"),
        KeyBinding([.backTab, .char("h"), .left], .previousTab, "previous tab"),
        KeyBinding([.char("1")], .tab1, "Profile"),
        KeyBinding([.char("2")], .tab2, "Processes"),
        KeyBinding([.char("3")], .tab3, "References"),
        KeyBinding([.char("4")], .tab4, "Assessments"),
        KeyBinding([.char("5")], .tab5, "Psychologist report"),
        KeyBinding([.char("6")], .tab6, "Consent and legal basis"),
        KeyBinding([.char("7")], .tab7, "Activity (leads and the DPO)"),
        KeyBinding([.char("j"), .down], .scrollDown, "scroll down"),
        KeyBinding([.char("k"), .up], .scrollUp, "scroll up"),
        KeyBinding([.char("W")], .withdrawConsent, "withdraw the candidate's consent (confirmed, with a preview)", destructive: true, hint: "withdraw consent"),
        KeyBinding([.escape, .char("q")], .back, "back to the list", hint: "back"),
        KeyBinding([.char("?")], .help, "help", hint: "help"),
    ])

    public static let confirm = KeyMap(title: "Confirm", bindings: [
        KeyBinding([.char("y")], .confirm, "yes, do it", hint: "yes"),
        KeyBinding([.char("n"), .escape], .cancel, "no, keep everything", hint: "no"),
    ])

    /// Every form's keys. Save and cancel come first so that the hint line keeps them on a narrow screen.
    public static let form = KeyMap(title: "Form", bindings: [
        KeyBinding([.ctrl("s")], .submitForm, "save: checks every field, then saves", hint: "save"),
        KeyBinding([.escape], .cancelForm, "cancel: nothing is saved", hint: "cancel"),
        KeyBinding([.tab, .down], .nextField, "next field", hint: "next"),
        KeyBinding([.backTab, .up], .previousField, "previous field", hint: "prev"),
        KeyBinding([.enter], .advanceField, "next field; on the last field, save (in a note: new line)"),
        KeyBinding([.left], .cursorLeft, "cursor left; in a choice, the previous option"),
        KeyBinding([.right], .cursorRight, "cursor right; in a choice, the next option (Space too; a letter jumps)"),
        KeyBinding([.home, .ctrl("a")], .cursorStart, "start of the line"),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, "end of the line"),
        KeyBinding([.backspace], .deleteBackward, "delete the character before the cursor"),
        KeyBinding([.delete], .deleteForward, "delete the character under the cursor"),
        KeyBinding([.ctrl("u")], .clearField, "clear the field", hint: "clear"),
    ])

    public static let help = KeyMap(title: "Help", bindings: [
        KeyBinding([.escape, .char("q"), .char("?")], .back, "close help", hint: "close"),
        KeyBinding([.char("j"), .down], .scrollDown, "scroll down"),
        KeyBinding([.char("k"), .up], .scrollUp, "scroll up"),
    ])
}
