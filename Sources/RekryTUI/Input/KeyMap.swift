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

/// One row of a key table: the keys, the action, the help text, and whether the action changes or destroys
/// something.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// Destructive actions are marked in help, always confirmed, and dropped in read-only mode.
    public var destructive: Bool
    /// Whether the action writes to the register; read-only mode drops every such binding.
    public var writes: Bool
    /// The candidate tabs the action works on; empty: every tab. Help names them, the hint line shows the
    /// binding only on them, and elsewhere the key only says where it works.
    public var tabs: [DetailTab]
    /// The hint line's short label; nil keeps the binding out of the hint line (help shows every binding).
    public var hintLabel: String?

    /// A destructive binding always writes.
    public init(_ keys: [Key], _ action: Action, _ help: String, destructive: Bool = false, writes: Bool = false,
                tabs: [DetailTab] = [], hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.destructive = destructive
        self.writes = writes || destructive
        self.tabs = tabs
        self.hintLabel = hint
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }

    /// Where a tab-specific binding works, for help: `Consent tab`, `Assessments, References, Report tabs`.
    public var tabNote: String? {
        guard !tabs.isEmpty else { return nil }
        return tabs.map(\.title).joined(separator: ", ") + (tabs.count == 1 ? " tab" : " tabs")
    }
}

/// A screen's key table. Help (`?`) and the hint line are generated from it, so they cannot drift.
public struct KeyMap: Sendable {
    public var title: String
    public var bindings: [KeyBinding]

    public init(title: String, bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }

    /// The table without any write (read-only mode): destructive actions and every other change.
    public func readOnly() -> KeyMap { KeyMap(title: title, bindings: bindings.filter { !$0.writes && !$0.destructive }) }

    /// The table as the hint line shows it on `tab`: that tab's own bindings first, other tabs' without a hint.
    /// Keys still map to the same actions, so a key pressed on the wrong tab can say where it works.
    public func scoped(to tab: DetailTab) -> KeyMap {
        var own: [KeyBinding] = [], rest: [KeyBinding] = []
        for var b in bindings {
            if b.tabs.isEmpty { rest.append(b); continue }
            if b.tabs.contains(tab) { own.append(b) } else { b.hintLabel = nil; rest.append(b) }
        }
        return KeyMap(title: title, bindings: own + rest)
    }

    public func action(for key: Key) -> Action? { bindings.first { $0.keys.contains(key) }?.action }

    public func binding(for action: Action) -> KeyBinding? { bindings.first { $0.action == action } }

    /// Keys bound to more than one binding (a table must have none).
    public var collisions: [Key] {
        var seen = Set<Key>(), twice: [Key] = []
        for key in bindings.flatMap(\.keys) where !seen.insert(key).inserted { twice.append(key) }
        return twice
    }

    /// Help lines: one per binding, destructive ones marked, tab-specific ones with their tabs.
    public var helpLines: [String] {
        bindings.map { b in
            let keys = DisplayWidth.pad(b.keyLabel, to: 16)
            return "\(keys)\(b.help)\(b.tabNote.map { "  (\($0))" } ?? "")\(b.destructive ? "  [destructive: confirmed]" : "")"
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
        KeyBinding([.ctrl("d")], .halfPageDown, "half a page down"),
        KeyBinding([.ctrl("u")], .halfPageUp, "half a page up"),
        KeyBinding([.char("g"), .home], .top, "go to the first"),
        KeyBinding([.char("G"), .end], .bottom, "go to the last"),
    ]

    /// What every browsing screen offers: a redraw and a refresh.
    static let screen: [KeyBinding] = [
        KeyBinding([.ctrl("l")], .redraw, "redraw the screen"),
        KeyBinding([.char("R")], .refresh, "refresh now (the screen also follows others' changes by itself)"),
    ]

    public static let list = KeyMap(title: "Candidate list", bindings: listNavigation + [
        KeyBinding([.char(" ")], .toggleMark, "mark or unmark the candidate (E erases the marked ones)", writes: true, hint: "mark"),
        KeyBinding([.char("E")], .eraseMarked, "erase the marked candidates (typed confirmation)", destructive: true, hint: "erase"),
        KeyBinding([.enter, .char("l"), .right], .open, "open the candidate", hint: "open"),
        KeyBinding([.char("/")], .startSearch, "search as you type (name, email, phone, title, employer)", hint: "search"),
        KeyBinding([.char("f")], .startFullText, "full-text search of CVs and notes (Enter runs it)", hint: "full text"),
        KeyBinding([.char("s")], .cycleSort, "sort: name, last activity, stage", hint: "sort"),
        KeyBinding([.char(":")], .jumpToId, "go to a candidate by id (type the number, then Enter)", hint: "go to id"),
        KeyBinding([.char("b")], .cycleBadgeFilter, "filter by badge state", hint: "badge"),
        KeyBinding([.char("t")], .cycleStageFilter, "filter by process stage", hint: "stage"),
        KeyBinding([.char("r")], .toggleRetentionDue, "only candidates due for deletion", hint: "due"),
        KeyBinding([.char("p")], .filterProcess, "only candidates in the selected candidate's process (again: all)"),
        KeyBinding([.char("c")], .clearFilters, "clear search and filters"),
        KeyBinding([.escape], .back, "leave search results / clear filters"),
        KeyBinding([.char("?")], .help, "help", hint: "help"),
        KeyBinding([.char("q")], .quit, "quit", hint: "quit"),
        KeyBinding([.char("a")], .addCandidate, "add a candidate (where the data came from and why the firm may hold it)",
                   writes: true, hint: "add"),
        KeyBinding([.char("o")], .openProcess, "open a recruitment process", writes: true),
        KeyBinding([.char("D")], .openDesk, "the DPO's desk: data subjects' requests and the breach log (the DPO)", hint: "DPO desk"),
    ] + screen)

    /// The DPO's desk. Each write works on one tab (`DeskTab.tab(of:)`); the hint line shows it there only.
    public static let desk = KeyMap(title: "DPO desk", bindings: navigation + [
        KeyBinding([.tab, .char("l"), .right], .nextTab, "next tab", hint: "tab"),
        KeyBinding([.backTab, .char("h"), .left], .previousTab, "previous tab"),
        KeyBinding([.char("1")], .tab1, "Requests"),
        KeyBinding([.char("2")], .tab2, "Breaches"),
        KeyBinding([.char("3")], .tab3, "Retention due, grouped by rule"),
        KeyBinding([.escape, .char("q")], .back, "back to the list", hint: "back"),
        KeyBinding([.char("?")], .help, "help", hint: "help"),
        KeyBinding([.char("a")], .addRequest, "record a request: who, what, received when, identity check (Requests tab)",
                   writes: true, hint: "add request"),
        KeyBinding([.char("e")], .extendRequest, "extend the selected request by 1 or 2 months, with a reason (Requests tab)",
                   writes: true, hint: "extend"),
        KeyBinding([.char("c")], .closeRequest, "close the selected request: the audit entry of what was done (Requests tab)",
                   writes: true, hint: "close"),
        KeyBinding([.char("b")], .recordBreach, "record a breach: discovered, what, categories, people, measures (Breaches tab)",
                   writes: true, hint: "record breach"),
        KeyBinding([.char("n")], .markBreachNotified, "mark the selected breach notified to the authority (Breaches tab)",
                   writes: true, hint: "notified"),
        KeyBinding([.char("E")], .eraseRetentionGroup, "erase all the selected rule makes due, typed confirmation (Retention tab)",
                   destructive: true, hint: "erase group"),
    ] + screen)

    /// The list's movement keys: Space marks rows there, so it does not page.
    static let listNavigation = navigation.map { b -> KeyBinding in
        var b = b
        b.keys.removeAll { $0 == .char(" ") }
        return b
    }

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
        KeyBinding([.char("j"), .down], .scrollDown, "scroll down (References: select the next reference)"),
        KeyBinding([.char("k"), .up], .scrollUp, "scroll up (References: select the previous reference)"),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, "page down"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, "page up"),
        KeyBinding([.ctrl("d")], .halfPageDown, "half a page down"),
        KeyBinding([.ctrl("u")], .halfPageUp, "half a page up"),
        KeyBinding([.char("g"), .home], .top, "go to the top of the tab"),
        KeyBinding([.char("G"), .end], .bottom, "go to the end of the tab"),
        KeyBinding([.char("/")], .findInText, "find text in the tab (Enter finds, Esc cancels)", hint: "find"),
        KeyBinding([.char("n")], .findNext, "the next place the text found occurs"),
        KeyBinding([.char("N")], .findPrevious, "the previous place the text found occurs"),
        KeyBinding([.char("v")], .viewReferee, "view the referee: the candidates they give references for",
                   tabs: [.references], hint: "view referee"),
        KeyBinding([.escape, .char("q")], .back, "back to the list", hint: "back"),
        KeyBinding([.char("?")], .help, "help", hint: "help"),
        KeyBinding([.char("W")], .withdrawConsent, "withdraw the candidate's consent (confirmed, with a preview)", destructive: true, hint: "withdraw consent"),
        KeyBinding([.char("e")], .editSection, "edit the profile: name, contact, title, … (only changed fields are saved)",
                   writes: true, tabs: [.profile], hint: "edit"),
        KeyBinding([.char("w")], .addNote, "write a note (listed under Assessments)", writes: true, hint: "note"),
        KeyBinding([.char("d")], .addDocument, "add a document from a UTF-8 text file (CV, cover letter, …)", writes: true),
        KeyBinding([.char("a")], .addToTab, "add an assessment, a reference, or the psychologist report (leads)",
                   writes: true, tabs: [.assessments, .references, .report], hint: "add"),
        KeyBinding([.char("c")], .recordConsent, "record a consent: purpose, channel, the text agreed to, expiry",
                   writes: true, tabs: [.consent], hint: "consent"),
        KeyBinding([.char("r")], .toggleRestriction, "restrict processing, or lift the restriction (leads and the DPO)",
                   writes: true, tabs: [.consent], hint: "restrict"),
        KeyBinding([.char("O")], .toggleObjection, "record an objection, or lift it (leads and the DPO)",
                   writes: true, tabs: [.consent], hint: "object"),
        KeyBinding([.char("T")], .markNoticeSent, "mark the Art. 14 notice sent (the person was told)", writes: true, tabs: [.consent], hint: "notice"),
        KeyBinding([.char("p")], .joinProcess, "add the candidate to an open process", writes: true, tabs: [.processes],
                   hint: "add to process"),
        KeyBinding([.char("m")], .moveStage, "move the stage in one of the candidate's open processes", writes: true,
                   tabs: [.processes], hint: "move stage"),
        KeyBinding([.char("C")], .closeProcess, "close a process: outcomes set, reports of those not hired destroyed (leads)",
                   destructive: true, tabs: [.processes], hint: "close"),
        KeyBinding([.char("A")], .grantReport, "allow a recruiter or lead access to the report, with a reason (leads)",
                   writes: true, tabs: [.report], hint: "grant"),
        KeyBinding([.char("X")], .revokeReport, "revoke someone's access to the report (leads)", destructive: true,
                   tabs: [.report], hint: "revoke"),
        KeyBinding([.char("x")], .exportCandidate, "export: the Art. 15 extract or a JSON Resume (the DPO), a client presentation (recruiters, leads)",
                   writes: true, hint: "export"),
        KeyBinding([.char("E")], .eraseCandidate, "erase this person: everything held about them, from every file (typed confirmation)",
                   destructive: true, hint: "erase"),
    ] + screen)

    /// The referee view: the candidates one referee gives references for, as the list shows them.
    public static let referee = KeyMap(title: "Referee", bindings: navigation + [
        KeyBinding([.enter, .char("l"), .right], .open, "open the candidate", hint: "open"),
        KeyBinding([.escape, .char("q"), .char("h"), .left], .back, "back to the candidate", hint: "back"),
        KeyBinding([.char("?")], .help, "help", hint: "help"),
    ] + screen)

    public static let confirm = KeyMap(title: "Confirm", bindings: [
        KeyBinding([.char("y")], .confirm, "yes, do it", hint: "yes"),
        KeyBinding([.char("n"), .escape], .cancel, "no, keep everything", hint: "no"),
    ])

    /// The confirmation of an erasure: the id (or `erase N`) is typed back, then Enter.
    public static let typedConfirm = KeyMap(title: "Confirm by typing", bindings: [
        KeyBinding([.enter], .confirm, "erase, once what was asked for is typed", hint: "erase"),
        KeyBinding([.escape], .cancel, "keep everything", hint: "cancel"),
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
        KeyBinding([.ctrl("l")], .redraw, "redraw the screen"),
    ])

    /// A one-line prompt under a screen (`:` on the list, `/` in the candidate view).
    public static let prompt = KeyMap(title: "Prompt", bindings: [
        KeyBinding([.enter], .confirm, "go", hint: "go"),
        KeyBinding([.escape], .cancel, "cancel", hint: "cancel"),
    ])
}
