import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The terminal application's state and behaviour: keys in, screen buffers out. No terminal I/O here.
@MainActor
public final class App {
    /// What has the keyboard.
    public enum Mode: Equatable, Sendable {
        case list, search, fullTextPrompt, detail, help, confirm
        /// A form (adding, editing, recording) has the keyboard; its title is in the status line.
        case form
        /// The referee behind a reference of the open candidate: whom they give references for.
        case referee
        /// The DPO's desk: data subjects' requests and the breach log.
        case desk
        /// A one-line prompt has the keyboard (`:` and an id on the list, `/` and text in the candidate view).
        case prompt
    }

    /// What a prompt asks for.
    enum PromptKind: Equatable {
        case candidateId, findText
    }

    /// A destructive action waiting for `y`, with its preview.
    struct Confirmation {
        var title: String
        var lines: [String]
        var run: @MainActor () throws -> String
        /// What must be typed back to confirm (an erasure); nil: `y` confirms.
        var typed: String? = nil
        /// What has been typed so far.
        var entered = ""
        /// Where the screen returns after the answer.
        var returnMode: Mode = .detail
    }

    public let gate: Gate
    public let readOnly: Bool
    /// The language every screen, hint and message is written in.
    public let language: UILanguage
    let theme: Theme
    public let mailbox = Mailbox()
    /// Held by every audited gate call the app makes (opening a candidate, reading the report, each write), on
    /// any thread: see `App+Background`.
    let auditedWork = NSRecursiveLock()
    /// Whether the register reported damage this session (the status line says so from then on).
    public internal(set) var damaged = false
    /// Whether this session's browsing has been recorded in the audit log (once per session).
    var browsingAccounted = false
    /// Where store work that may block runs (threads in the terminal; a manual executor in tests).
    let executor: any BackgroundExecutor
    public private(set) var width: Int
    public private(set) var height: Int
    public internal(set) var mode: Mode = .list
    public internal(set) var running = true
    var list = ListModel()
    /// The list as it was before a search, restored by Esc.
    var savedList: ListModel?
    var input = ""
    var detail: DetailModel?
    var helpReturn: Mode = .list
    var helpScroll = 0
    var confirmation: Confirmation?
    /// The referee view, while `mode` is `.referee`; Esc returns to `detail`, which stays as it was.
    var referee: RefereeModel?
    /// The DPO's desk, while `mode` is `.desk` (and under its forms and help).
    var desk: DeskModel?
    /// The open form, while `mode` is `.form`.
    var form: ActiveForm?
    /// The candidate being read in the background, while `mode` is `.detail` and `detail` is not there yet.
    var opening: Opening?
    /// Numbers background reads, so a result that arrives after the screen moved on is recognised and dropped.
    var nextTicket = 0
    /// Candidates marked on the list (Space) for a batch erasure.
    var marked = Set<Int64>()
    /// An erasure running in the background: how far it has come.
    var erasing: (done: Int, total: Int)?
    var flash: String?
    /// The zone the screen shows times in: the user's (`TZ`), named beside each time.
    public var zone: TimeZone = .current
    /// The open prompt's kind, text typed so far, and the mode it returns to.
    var prompt: (kind: PromptKind, text: String, returnMode: Mode)?
    /// Set by Ctrl-L: the run loop has the terminal repaint everything before the next draw.
    public internal(set) var redrawRequested = false
    /// The register's change counter as last seen: when another process commits, it moves and the screen is
    /// read again (`refreshIfChanged`).
    var seenChangeCounter: Int64?
    /// At most this many full-text results (ranked; the count shows `200+` when there may be more).
    nonisolated static let fullTextLimit = 200
    var countInFlight = false
    var countWanted: CandidateQuery?

    public init(gate: Gate, readOnly: Bool = false, language: UILanguage = .en, theme: Theme, width: Int, height: Int,
                executor: any BackgroundExecutor = ThreadExecutor()) throws {
        self.gate = gate
        self.language = language
        self.executor = executor
        self.readOnly = readOnly
        self.theme = theme
        self.width = width
        self.height = height
        try list.reload(gate, height: listHeight)
    }

    /// Starts the background work the first screen does not wait for (the match count). The run loop calls
    /// it once the first screen is up, so the count's connection and query do not compete with it.
    public func start() {
        if list.count == nil && !countInFlight { startCount() }
        // What the screen was read at: a change by another process after this shows at the next idle moment.
        if seenChangeCounter == nil { seenChangeCounter = try? gate.changeCounter() }
        // Browsing is accounted for once per session, off the first screen's path.
        guard !browsingAccounted else { return }
        browsingAccounted = true
        let gate = self.gate, mailbox = self.mailbox, audited = auditedWork
        mailbox.started()
        executor.run {
            audited.withLock { _ = try? gate.recordListReading(.browse) }
            mailbox.post(.accounted)
        }
    }

    /// Rows available to the list body.
    var listHeight: Int { max(1, height - 4) }

    /// The key table in force for the current mode (read-only drops every write binding).
    public var keyMap: KeyMap {
        let map: KeyMap
        switch mode {
        case .list: map = KeyTables.list
        case .search, .fullTextPrompt: map = KeyTables.search
        case .detail: map = detail.map { KeyTables.detail.scoped(to: $0.tab) } ?? KeyTables.detail
        case .help: map = KeyTables.help
        case .confirm: map = confirmation?.typed != nil ? KeyTables.typedConfirm : KeyTables.confirm
        case .form: map = KeyTables.form
        case .referee: map = KeyTables.referee
        case .desk: map = desk.map { KeyTables.desk.scoped(to: $0.tab) } ?? KeyTables.desk
        case .prompt: map = KeyTables.prompt
        }
        return readOnly ? map.readOnly() : map
    }

    /// Handles one key; errors become a flash message rather than ending the session.
    public func handle(_ key: Key) {
        if case .resize(let w, let h) = key {
            resize(width: w, height: h)
            return
        }
        if key == .ctrl("c") {
            running = false
            return
        }
        if mode == .detail, var o = opening {
            // Keys typed while the candidate is read are kept and replayed once it is there, as if the read had
            // been instant; Esc before any of them leaves at once, and the read's result is then dropped.
            if key == .escape && o.typedAhead.isEmpty {
                cancelOpening()
            } else {
                o.typedAhead.append(key)
                opening = o
            }
            return
        }
        flash = nil
        do {
            switch mode {
            case .search, .fullTextPrompt: try handleInput(key)
            case .form: handleForm(key)
            case .prompt: try handlePrompt(key)
            case .confirm where confirmation?.typed != nil && !isTypedConfirmKey(key):
                typeConfirmation(key)
            default:
                guard let action = keyMap.action(for: key) else {
                    if case .char(let c) = key { flash = t("flash.keyDoesNothing", ["key": c]) }
                    return
                }
                try perform(action)
            }
        } catch {
            noteFailure(error)
        }
    }

    /// The message `key` in the session's language, `{name}` filled from `args`.
    func t(_ key: String, _ args: [String: Any] = [:]) -> String { language.text(key, args) }

    /// Shows a failure; a damaged register also stays named in the status line until the session ends.
    func noteFailure(_ error: any Error) {
        flash = language.describe(error)
        if case RegisterError.damaged = error { damaged = true }
    }

    func perform(_ action: Action) throws {
        switch action {
        case .redraw:
            redrawRequested = true
            return
        case .refresh:
            try refreshNow()
            flash = t("flash.refreshed")
            return
        default: break
        }
        switch mode {
        case .list: try performList(action)
        case .detail: try performDetail(action)
        case .referee: try performReferee(action)
        case .desk: try performDesk(action)
        case .help:
            switch action {
            case .back: mode = helpReturn
            case .scrollDown: helpScroll += 1
            case .scrollUp: helpScroll = max(0, helpScroll - 1)
            default: break
            }
        case .confirm:
            guard let c = confirmation else { mode = .detail; return }
            if c.typed != nil, action == .confirm, c.entered != c.typed {
                flash = t("flash.typeExactly", ["typed": c.typed!])
                return
            }
            confirmation = nil
            mode = c.returnMode
            if action == .confirm { flash = try auditedWork.withLock { try c.run() } } else { flash = t("flash.cancelledNothingChanged") }
        case .search, .fullTextPrompt, .form, .prompt: break
        }
    }

    /// Hands the redraw request to the run loop, once.
    public func takeRedrawRequest() -> Bool {
        defer { redrawRequested = false }
        return redrawRequested
    }

    func openHelp() {
        helpReturn = mode
        helpScroll = 0
        mode = .help
    }

    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        do {
            try list.refresh(gate, height: listHeight)
            if list.rows.count > listHeight { list.rows = Array(list.rows.prefix(listHeight)) }
            list.selected = min(list.selected, max(0, list.rows.count - 1))
        } catch {
            noteFailure(error)
        }
    }

    /// Applies finished background work; returns whether the screen changed.
    @discardableResult
    public func drainBackground() -> Bool {
        var changed = false
        for message in mailbox.drain() {
            switch message {
            case .fullText(let text, let result):
                // A result for a search the user has since left is dropped.
                guard list.fullText == text && list.searching else { continue }
                list.searching = false
                switch result {
                case .success(let rows):
                    list.rows = rows
                    list.count = CappedCount(value: rows.count, capped: rows.count >= Self.fullTextLimit)
                case .failure(let error):
                    flash = t("flash.fullTextFailed", ["error": error])
                    list.count = CappedCount(value: 0, capped: false)
                }
                changed = true
            case .candidate(let ticket, let result):
                changed = openingFinished(ticket: ticket, result) || changed
            case .report(let ticket, let candidateId, let result):
                changed = reportRead(ticket: ticket, candidateId: candidateId, result) || changed
            case .accounted:
                break
            case .erasing(let done, let total):
                erasing = (done, total)
                changed = true
            case .erased(let result):
                erasureFinished(result)
                changed = true
            case .count(let query, let count):
                countInFlight = false
                if query == list.query && list.fullText == nil {
                    list.count = count
                    changed = true
                }
                if let wanted = countWanted {
                    countWanted = nil
                    if wanted == list.query && list.count == nil { startCount() }
                }
            }
        }
        return changed
    }

    /// Counts the current query's matches off the main thread (a capped count can take tens of ms).
    /// One count runs at a time; keys typed meanwhile only leave the latest query waiting for its turn.
    func startCount() {
        list.count = nil
        if countInFlight {
            countWanted = list.query
            return
        }
        countInFlight = true
        let query = list.query
        let gate = self.gate
        let mailbox = self.mailbox
        mailbox.started()
        executor.run {
            let count = (try? gate.count(query)) ?? CappedCount(value: 0, capped: false)
            mailbox.post(.count(query, count))
        }
    }

    /// The whole screen for the current state.
    public func render() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= 20 && height >= 6 else {
            buffer.put(t("screen.tooSmall"), x: 0, y: 0)
            return buffer
        }
        switch mode {
        case .list, .search, .fullTextPrompt: ListView(app: self).draw(into: &buffer)
        case .detail, .confirm: DetailView(app: self).draw(into: &buffer)
        case .help: HelpView(app: self).draw(into: &buffer)
        case .referee: RefereeScreen(app: self).draw(into: &buffer)
        case .desk: DeskScreen(app: self).draw(into: &buffer)
        case .form: drawForm(into: &buffer)
        case .prompt:
            if prompt?.returnMode == .detail { DetailView(app: self).draw(into: &buffer) } else { ListView(app: self).draw(into: &buffer) }
            PromptLine(app: self).draw(into: &buffer)
        }
        if mode == .confirm { ConfirmView(app: self).draw(into: &buffer) }
        StatusLine(app: self).draw(into: &buffer)
        return buffer
    }

    // Read-only views of the state for tests and the status line.
    public var actor: StaffMember { gate.actor }
    public var selectedCandidateId: Int64? {
        switch mode {
        case .list, .search, .fullTextPrompt: list.selectedRow?.id
        case .referee, .help where helpReturn == .referee:
            referee.flatMap { $0.selectedRow?.id } ?? detail?.detail.id
        case .help where helpReturn != .detail: list.selectedRow?.id
        case .prompt where prompt?.returnMode != .detail: list.selectedRow?.id
        default: opening?.id ?? detail?.detail.id ?? list.selectedRow?.id
        }
    }
    /// Whether a candidate is being read in the background (the view says "loading…").
    public var isOpening: Bool { opening != nil }
    /// The open form's state, for tests.
    public var openForm: FormModel? { form?.model }
    public var currentTab: DetailTab? { detail?.tab }
    /// The ids of the candidates the referee view lists (empty when it is not open or lists nobody).
    public var refereeCandidateIds: [Int64] { referee?.candidates.map(\.id) ?? [] }
    /// The desk's tab while it is open.
    public var deskTab: DeskTab? { desk?.tab }
    public var visibleRowCount: Int { list.rows.count }
    public var flashMessage: String? { flash }
    public var query: CandidateQuery { list.query }
}
