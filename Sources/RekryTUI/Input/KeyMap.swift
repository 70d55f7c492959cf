/// What a key does: every key of every screen maps to one of these, through one table per screen.
public enum Action: String, Sendable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom, halfPageDown, halfPageUp
    case open, back, quit, help
    /// Paints the whole screen again (another program may have written over it).
    case redraw
    /// Reads the register again now: the list and the open candidate (it also happens by itself when another
    /// process changes the register).
    case refresh
    /// The list: `:` and an id opens that candidate.
    case jumpToId
    /// The candidate view: find text in the tab, then the next or previous place it occurs.
    case findInText, findNext, findPrevious
    case startSearch, startFullText, cycleSort, cycleBadgeFilter, cycleStageFilter, toggleRetentionDue, clearFilters
    case filterProcess
    case nextTab, previousTab
    case tab1, tab2, tab3, tab4, tab5, tab6, tab7
    case scrollDown, scrollUp
    case withdrawConsent
    /// Reads: the referee behind the selected reference (References tab).
    case viewReferee
    // Writes: each opens a form (or a confirmation) and is dropped in read-only mode.
    case addCandidate, openProcess
    case editSection, addNote, addDocument, addToTab
    case recordConsent, toggleRestriction, toggleObjection, markNoticeSent
    case joinProcess, moveStage, closeProcess
    case grantReport, revokeReport
    /// Erasure (Art. 17): the open candidate, or the rows marked on the list.
    case eraseCandidate, toggleMark, eraseMarked
    /// Exports (Art. 15 extract, JSON Resume, client presentation) of the open candidate.
    case exportCandidate
    /// The DPO's desk (requests and breaches), from the list; the DPO only.
    case openDesk
    /// The desk's writes: a request recorded, extended or closed; a breach marked notified.
    case addRequest, extendRequest, closeRequest, recordBreach, markBreachNotified
    /// The desk's retention queue: erase every item of the selected rule's group.
    case eraseRetentionGroup
    case confirm, cancel
    // Forms. Printable characters never reach the table: they are text entry (in a choice, Space and letters pick).
    case nextField, previousField, advanceField, submitForm, cancelForm, clearField
    case cursorLeft, cursorRight, cursorStart, cursorEnd, deleteBackward, deleteForward
}

/// One row of a key table: the keys, the action, the message key of its help, and whether the action
/// changes or destroys something.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    /// Names the binding's messages: `key.<id>` (help) and `hint.<id>` (the hint line's label). The action's
    /// name, or the action and the screen where one action reads differently there (`back.referee`).
    public var id: String
    /// Destructive actions are marked in help, always confirmed, and dropped in read-only mode.
    public var destructive: Bool
    /// Whether the action writes to the register; read-only mode drops every such binding.
    public var writes: Bool
    /// The candidate tabs the action works on; empty: every tab. Help names them, the hint line shows the
    /// binding only on them, and elsewhere the key only says where it works.
    public var tabs: [DetailTab]
    /// Whether the hint line shows the binding (help shows every binding).
    public var hinted: Bool

    /// A destructive binding always writes.
    public init(_ keys: [Key], _ action: Action, id: String? = nil, destructive: Bool = false, writes: Bool = false,
                tabs: [DetailTab] = [], hint: Bool = false) {
        self.keys = keys
        self.action = action
        self.id = id ?? action.rawValue
        self.destructive = destructive
        self.writes = writes || destructive
        self.tabs = tabs
        self.hinted = hint
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }

    /// The help text in `language`.
    public func help(in language: UILanguage) -> String { language.text("key." + id) }

    /// The hint line's short label in `language`; nil keeps the binding out of the hint line.
    public func hint(in language: UILanguage) -> String? { hinted ? language.text("hint." + id) : nil }

    /// The help text in English (the default language).
    public var help: String { help(in: .en) }

    /// The hint label in English; setting nil keeps the binding out of the hint line.
    public var hintLabel: String? {
        get { hint(in: .en) }
        set { hinted = newValue != nil }
    }

    /// Where a tab-specific binding works, for help: `Consent tab`, `Assessments, References, Report tabs`.
    public func tabNote(in language: UILanguage) -> String? {
        guard !tabs.isEmpty else { return nil }
        let names = tabs.map { $0.title(in: language) }.joined(separator: ", ")
        return language.text(tabs.count == 1 ? "help.oneTab" : "help.tabs", ["tabs": names])
    }

    /// Where a tab-specific binding works, in English.
    public var tabNote: String? { tabNote(in: .en) }
}

/// A screen's key table. Help (`?`) and the hint line are generated from it, so they cannot drift.
public struct KeyMap: Sendable {
    /// Names the table's title message, `map.<key>`.
    public var key: String
    public var bindings: [KeyBinding]

    public init(key: String, bindings: [KeyBinding]) {
        self.key = key
        self.bindings = bindings
    }

    /// The table's title in `language`.
    public func title(in language: UILanguage) -> String { language.text("map." + key) }

    /// The table's title in English.
    public var title: String { title(in: .en) }

    /// The table without any write (read-only mode): destructive actions and every other change.
    public func readOnly() -> KeyMap { KeyMap(key: key, bindings: bindings.filter { !$0.writes && !$0.destructive }) }

    /// The table as the hint line shows it on `tab`: that tab's own bindings first, other tabs' without a hint.
    /// Keys still map to the same actions, so a key pressed on the wrong tab can say where it works.
    public func scoped(to tab: DetailTab) -> KeyMap {
        var own: [KeyBinding] = [], rest: [KeyBinding] = []
        for var b in bindings {
            if b.tabs.isEmpty { rest.append(b); continue }
            if b.tabs.contains(tab) { own.append(b) } else { b.hinted = false; rest.append(b) }
        }
        return KeyMap(key: key, bindings: own + rest)
    }

    public func action(for key: Key) -> Action? { bindings.first { $0.keys.contains(key) }?.action }

    public func binding(for action: Action) -> KeyBinding? { bindings.first { $0.action == action } }

    /// Keys bound to more than one binding (a table must have none).
    public var collisions: [Key] {
        var seen = Set<Key>(), twice: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted { twice.append(key) }
        return twice
    }

    /// Help lines in `language`: one per binding, destructive ones marked, tab-specific ones with their tabs.
    public func helpLines(in language: UILanguage) -> [String] {
        bindings.map { b in
            let keys = DisplayWidth.pad(b.keyLabel, to: 16)
            return "\(keys)\(b.help(in: language))\(b.tabNote(in: language).map { "  (\($0))" } ?? "")"
                + (b.destructive ? "  [\(language.text("help.destructiveShort"))]" : "")
        }
    }

    /// Help lines in English.
    public var helpLines: [String] { helpLines(in: .en) }
}

/// The key tables of every screen.
public enum KeyTables {
    static let navigation: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .moveDown),
        KeyBinding([.char("k"), .up], .moveUp),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp),
        KeyBinding([.ctrl("d")], .halfPageDown),
        KeyBinding([.ctrl("u")], .halfPageUp),
        KeyBinding([.char("g"), .home], .top),
        KeyBinding([.char("G"), .end], .bottom),
    ]

    /// What every browsing screen offers: a redraw and a refresh.
    static let screen: [KeyBinding] = [
        KeyBinding([.ctrl("l")], .redraw),
        KeyBinding([.char("R")], .refresh),
    ]

    public static let list = KeyMap(key: "list", bindings: listNavigation + [
        KeyBinding([.char(" ")], .toggleMark, writes: true, hint: true),
        KeyBinding([.char("E")], .eraseMarked, destructive: true, hint: true),
        KeyBinding([.enter, .char("l"), .right], .open, hint: true),
        KeyBinding([.char("/")], .startSearch, hint: true),
        KeyBinding([.char("f")], .startFullText, hint: true),
        KeyBinding([.char("s")], .cycleSort, hint: true),
        KeyBinding([.char(":")], .jumpToId, hint: true),
        KeyBinding([.char("b")], .cycleBadgeFilter, hint: true),
        KeyBinding([.char("t")], .cycleStageFilter, hint: true),
        KeyBinding([.char("r")], .toggleRetentionDue, hint: true),
        KeyBinding([.char("p")], .filterProcess),
        KeyBinding([.char("c")], .clearFilters),
        KeyBinding([.escape], .back),
        KeyBinding([.char("?")], .help, hint: true),
        KeyBinding([.char("q")], .quit, hint: true),
        KeyBinding([.char("a")], .addCandidate, writes: true, hint: true),
        KeyBinding([.char("o")], .openProcess, writes: true),
        KeyBinding([.char("D")], .openDesk, hint: true),
    ] + screen)

    /// The DPO's desk. Each write works on one tab (`DeskTab.tab(of:)`); the hint line shows it there only.
    public static let desk = KeyMap(key: "desk", bindings: navigation + [
        KeyBinding([.tab, .char("l"), .right], .nextTab, hint: true),
        KeyBinding([.backTab, .char("h"), .left], .previousTab),
        KeyBinding([.char("1")], .tab1),
        KeyBinding([.char("2")], .tab2),
        KeyBinding([.char("3")], .tab3),
        KeyBinding([.escape, .char("q")], .back, id: "back.toList", hint: true),
        KeyBinding([.char("?")], .help, hint: true),
        KeyBinding([.char("a")], .addRequest, writes: true, hint: true),
        KeyBinding([.char("e")], .extendRequest, writes: true, hint: true),
        KeyBinding([.char("c")], .closeRequest, writes: true, hint: true),
        KeyBinding([.char("b")], .recordBreach, writes: true, hint: true),
        KeyBinding([.char("n")], .markBreachNotified, writes: true, hint: true),
        KeyBinding([.char("E")], .eraseRetentionGroup, destructive: true, hint: true),
    ] + screen)

    /// The list's movement keys: Space marks rows there, so it does not page.
    static let listNavigation = navigation.map { b -> KeyBinding in
        var b = b
        b.keys.removeAll { $0 == .char(" ") }
        return b
    }

    public static let search = KeyMap(key: "search", bindings: [
        KeyBinding([.enter], .confirm, hint: true),
        KeyBinding([.escape], .cancel, hint: true),
        KeyBinding([.down], .moveDown),
        KeyBinding([.up], .moveUp),
    ])

    public static let detail = KeyMap(key: "detail", bindings: [
        KeyBinding([.tab, .char("l"), .right], .nextTab, hint: true),
        KeyBinding([.backTab, .char("h"), .left], .previousTab),
        KeyBinding([.char("1")], .tab1, id: "tab1.detail"),
        KeyBinding([.char("2")], .tab2, id: "tab2.detail"),
        KeyBinding([.char("3")], .tab3, id: "tab3.detail"),
        KeyBinding([.char("4")], .tab4),
        KeyBinding([.char("5")], .tab5),
        KeyBinding([.char("6")], .tab6),
        KeyBinding([.char("7")], .tab7),
        KeyBinding([.char("j"), .down], .scrollDown),
        KeyBinding([.char("k"), .up], .scrollUp),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp),
        KeyBinding([.ctrl("d")], .halfPageDown),
        KeyBinding([.ctrl("u")], .halfPageUp),
        KeyBinding([.char("g"), .home], .top, id: "top.detail"),
        KeyBinding([.char("G"), .end], .bottom, id: "bottom.detail"),
        KeyBinding([.char("/")], .findInText, hint: true),
        KeyBinding([.char("n")], .findNext),
        KeyBinding([.char("N")], .findPrevious),
        KeyBinding([.char("v")], .viewReferee, tabs: [.references], hint: true),
        KeyBinding([.escape, .char("q")], .back, id: "back.toList", hint: true),
        KeyBinding([.char("?")], .help, hint: true),
        KeyBinding([.char("W")], .withdrawConsent, destructive: true, hint: true),
        KeyBinding([.char("e")], .editSection, writes: true, tabs: [.profile], hint: true),
        KeyBinding([.char("w")], .addNote, writes: true, hint: true),
        KeyBinding([.char("d")], .addDocument, writes: true),
        KeyBinding([.char("a")], .addToTab, writes: true, tabs: [.assessments, .references, .report], hint: true),
        KeyBinding([.char("c")], .recordConsent, writes: true, tabs: [.consent], hint: true),
        KeyBinding([.char("r")], .toggleRestriction, writes: true, tabs: [.consent], hint: true),
        KeyBinding([.char("O")], .toggleObjection, writes: true, tabs: [.consent], hint: true),
        KeyBinding([.char("T")], .markNoticeSent, writes: true, tabs: [.consent], hint: true),
        KeyBinding([.char("p")], .joinProcess, writes: true, tabs: [.processes], hint: true),
        KeyBinding([.char("m")], .moveStage, writes: true, tabs: [.processes], hint: true),
        KeyBinding([.char("C")], .closeProcess, destructive: true, tabs: [.processes], hint: true),
        KeyBinding([.char("A")], .grantReport, writes: true, tabs: [.report], hint: true),
        KeyBinding([.char("X")], .revokeReport, destructive: true, tabs: [.report], hint: true),
        KeyBinding([.char("x")], .exportCandidate, writes: true, hint: true),
        KeyBinding([.char("E")], .eraseCandidate, destructive: true, hint: true),
    ] + screen)

    /// The referee view: the candidates one referee gives references for, as the list shows them.
    public static let referee = KeyMap(key: "referee", bindings: navigation + [
        KeyBinding([.enter, .char("l"), .right], .open, hint: true),
        KeyBinding([.escape, .char("q"), .char("h"), .left], .back, id: "back.referee", hint: true),
        KeyBinding([.char("?")], .help, hint: true),
    ] + screen)

    public static let confirm = KeyMap(key: "confirm", bindings: [
        KeyBinding([.char("y")], .confirm, id: "confirm.confirm", hint: true),
        KeyBinding([.char("n"), .escape], .cancel, id: "cancel.confirm", hint: true),
    ])

    /// The confirmation of an erasure: the id (or `erase N`) is typed back, then Enter.
    public static let typedConfirm = KeyMap(key: "typedConfirm", bindings: [
        KeyBinding([.enter], .confirm, id: "confirm.typedConfirm", hint: true),
        KeyBinding([.escape], .cancel, id: "cancel.typedConfirm", hint: true),
    ])

    /// Every form's keys. Save and cancel come first so that the hint line keeps them on a narrow screen.
    public static let form = KeyMap(key: "form", bindings: [
        KeyBinding([.ctrl("s")], .submitForm, hint: true),
        KeyBinding([.escape], .cancelForm, hint: true),
        KeyBinding([.tab, .down], .nextField, hint: true),
        KeyBinding([.backTab, .up], .previousField, hint: true),
        KeyBinding([.enter], .advanceField),
        KeyBinding([.left], .cursorLeft),
        KeyBinding([.right], .cursorRight),
        KeyBinding([.home, .ctrl("a")], .cursorStart),
        KeyBinding([.end, .ctrl("e")], .cursorEnd),
        KeyBinding([.backspace], .deleteBackward),
        KeyBinding([.delete], .deleteForward),
        KeyBinding([.ctrl("u")], .clearField, hint: true),
    ])

    public static let help = KeyMap(key: "help", bindings: [
        KeyBinding([.escape, .char("q"), .char("?")], .back, id: "back.help", hint: true),
        KeyBinding([.char("j"), .down], .scrollDown, id: "scrollDown.help"),
        KeyBinding([.char("k"), .up], .scrollUp, id: "scrollUp.help"),
        KeyBinding([.ctrl("l")], .redraw),
    ])

    /// A one-line prompt under a screen (`:` on the list, `/` in the candidate view).
    public static let prompt = KeyMap(key: "prompt", bindings: [
        KeyBinding([.enter], .confirm, id: "confirm.prompt", hint: true),
        KeyBinding([.escape], .cancel, id: "cancel.prompt", hint: true),
    ])
}
