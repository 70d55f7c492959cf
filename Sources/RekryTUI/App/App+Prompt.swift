import RekryDomain
import RekryGate

/// The one-line prompts: `:` and an id on the list (opens that candidate), `/` and text in the candidate view
/// (finds it in the tab; `n` and `N` go on).
extension App {
    func openPrompt(_ kind: PromptKind, text: String = "") {
        prompt = (kind, text, mode)
        mode = .prompt
    }

    func handlePrompt(_ key: Key) throws {
        guard var p = prompt else { mode = .list; return }
        switch key {
        case .escape:
            prompt = nil
            mode = p.returnMode
        case .enter:
            prompt = nil
            mode = p.returnMode
            try finishPrompt(p.kind, p.text.trimmingCharacters(in: .whitespaces))
        case .backspace, .delete:
            if !p.text.isEmpty { p.text.removeLast() }
            prompt = p
        case .char(let c):
            if p.kind == .candidateId && !(c.isASCII && c.isNumber) {
                flash = t("flash.idIsNumber")
                return
            }
            p.text.append(c)
            prompt = p
        default:
            break
        }
    }

    private func finishPrompt(_ kind: PromptKind, _ text: String) throws {
        switch kind {
        case .candidateId:
            guard !text.isEmpty else { return }
            guard let id = Int64(text), id > 0 else {
                flash = t("flash.notAnId", ["text": text])
                return
            }
            // Admins are shown no candidate at all, not even whether an id is taken.
            guard actor.role != .admin else {
                flash = t("flash.adminNoCandidates")
                return
            }
            openCandidate(id)
        case .findText:
            guard var d = detail else { return }
            // An empty prompt finds the last text again, as in less and vim.
            if !text.isEmpty {
                d.find = text
                d.findLine = nil
            }
            if d.find != nil { find(&d, forward: true) }
            detail = d
        }
    }
}

/// The prompt's line, in place of the key hints.
@MainActor
struct PromptLine {
    let app: App

    func draw(into buffer: inout ScreenBuffer) {
        guard let p = app.prompt else { return }
        let y = buffer.height - 2
        buffer.fill(y: y, style: .plain)
        let label = app.language.text(p.kind == .candidateId ? "prompt.candidateId" : "prompt.findText") + " "
        var col = buffer.put(label, x: 0, y: y, style: Style(bold: true))
        col += buffer.put(p.text, x: col, y: y, maxWidth: max(0, buffer.width - col - 1))
        buffer.put(app.theme.unicode ? "█" : "_", x: col, y: y, style: Style(bold: true))
    }
}
