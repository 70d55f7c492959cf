import Foundation
import RekryDomain
import RekryGate
import RekryStorage

extension App {
    func performList(_ action: Action) throws {
        let h = listHeight
        switch action {
        case .moveDown: try list.moveDown(gate, height: h)
        case .moveUp: try list.moveUp(gate, height: h)
        case .pageDown: try list.pageDown(gate, height: h)
        case .pageUp: try list.pageUp(gate, height: h)
        case .halfPageDown: for _ in 0..<max(1, h / 2) { try list.moveDown(gate, height: h) }
        case .halfPageUp: for _ in 0..<max(1, h / 2) { try list.moveUp(gate, height: h) }
        case .jumpToId: openPrompt(.candidateId)
        case .top: try list.top(gate, height: h)
        case .bottom: try list.bottom(gate, height: h)
        case .open: try openSelected()
        case .startSearch:
            savedList = list
            input = list.query.text
            list.fullText = nil
            mode = .search
        case .startFullText:
            savedList = list
            input = ""
            mode = .fullTextPrompt
        case .cycleSort:
            let all = CandidateQuery.Order.allCases
            list.query.order = all[(all.firstIndex(of: list.query.order)! + 1) % all.count]
            try requery()
        case .cycleBadgeFilter:
            let states: [BadgeState?] = [nil] + BadgeState.allCases
            let i = states.firstIndex(of: list.query.badge) ?? 0
            list.query.badge = states[(i + 1) % states.count]
            try requery()
        case .cycleStageFilter:
            let stages: [Stage?] = [nil] + Stage.allCases
            let i = stages.firstIndex(of: list.query.stage) ?? 0
            list.query.stage = stages[(i + 1) % stages.count]
            try requery()
        case .filterProcess:
            if list.query.processId != nil {
                list.query.processId = nil
                list.processTitle = nil
            } else {
                guard let row = list.selectedRow, let process = try gate.latestProcess(candidateId: row.id) else {
                    flash = t("flash.noVisibleProcess")
                    return
                }
                list.query.processId = process.id
                list.processTitle = process.title + (process.client.map { " (\($0))" } ?? "")
            }
            try requery()
        case .toggleRetentionDue:
            list.query.retentionDueOnly.toggle()
            try requery()
        case .clearFilters, .back:
            if list.query == CandidateQuery(order: list.query.order) && list.fullText == nil { return }
            list.query = CandidateQuery(order: list.query.order)
            list.processTitle = nil
            list.fullText = nil
            try requery()
        case .help: openHelp()
        case .quit: running = false
        case .toggleMark: toggleMark()
        case .eraseMarked: try askEraseMarked()
        case .addCandidate: askAddCandidate()
        case .openProcess: askOpenProcess()
        case .openDesk: try openDesk()
        default: break
        }
    }

    func requery() throws {
        list.fullText = nil
        try list.reload(gate, height: listHeight)
        startCount()
    }

    /// Typing in the search or full-text prompt. Search re-queries on every key; full text only on Enter.
    func handleInput(_ key: Key) throws {
        switch key {
        case .escape:
            if let saved = savedList { list = saved }
            savedList = nil
            mode = .list
            startCount()
        case .enter:
            if mode == .fullTextPrompt {
                let text = input.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { mode = .list; return }
                startFullText(text)
            } else if !list.query.words.isEmpty {
                // The search the user keeps is accounted for once (the full-text search records itself).
                try auditedWork.withLock { try gate.recordListReading(.search) }
            }
            savedList = nil
            mode = .list
        case .backspace, .delete:
            guard !input.isEmpty else { return }
            input.removeLast()
            try inputChanged()
        case .char(let c):
            input.append(c)
            try inputChanged()
        case .down: try list.moveDown(gate, height: listHeight)
        case .up: try list.moveUp(gate, height: listHeight)
        default: break
        }
    }

    func inputChanged() throws {
        guard mode == .search else { return }
        list.query.text = input
        try requery()
    }

    /// Opens the selected candidate; the read runs in the background (`openCandidate`).
    func openSelected() throws {
        guard let row = list.selectedRow else { return }
        openCandidate(row.id, name: row.name)
    }

    /// Runs a full-text search in the background (it takes a fifth of a second at a million candidates,
    /// more for common words); the list shows that it is searching, and keys keep working meanwhile.
    func startFullText(_ text: String) {
        list.fullText = text
        list.rows = []
        list.selected = 0
        list.count = nil
        list.searching = true
        let gate = self.gate
        let mailbox = self.mailbox
        mailbox.started()
        executor.run {
            mailbox.post(.fullText(text, Result { try gate.fullTextSearch(text, limit: App.fullTextLimit) }))
        }
    }
}
