import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// A form on screen, with what saving it does.
struct ActiveForm {
    var model: FormModel
    /// The mode Esc and a successful save return to.
    var returnMode: App.Mode
    /// Field names the gate uses in its errors that differ from this form's field ids (`document` → `path`).
    /// Otherwise `--email` lands on the field `email`.
    var aliases: [String: String] = [:]
    /// Writes the submitted values through the gate and returns what the flash says (nil: nothing, as when a
    /// confirmation follows). A throw keeps the form open with the error on its field, or above the key hints
    /// when it names none.
    var save: @MainActor ([String: String]) throws -> String?
    /// The last refusal that names no field of the form.
    var error: String?
}

/// A value the form accepted but its caller refuses, naming the field (a rule across fields, a file that
/// cannot be read).
struct FormRejection: Error, CustomStringConvertible {
    var field: String
    var message: String
    var description: String { message }
}

extension App {
    /// Shows a form; `save` runs when every field is valid.
    func showForm(_ model: FormModel, aliases: [String: String] = [:],
                  save: @escaping @MainActor ([String: String]) throws -> String?) {
        var model = model
        model.language = language
        form = ActiveForm(model: model, returnMode: mode, aliases: aliases, save: save)
        mode = .form
    }

    /// A key for the open form: editing, cancelling, or saving through the gate.
    func handleForm(_ key: Key) {
        guard var active = form else { mode = .list; return }
        switch active.model.handle(key) {
        case .editing:
            form = active
        case .cancelled:
            form = nil
            mode = active.returnMode
            flash = t("flash.cancelledNothingSaved")
        case .submitted(let values):
            // Saving may move on by itself (a confirmation, the candidate just added), so the form is closed
            // first and put back only if the gate refuses.
            form = nil
            mode = active.returnMode
            do {
                flash = try auditedWork.withLock { try active.save(values) }
            } catch {
                refuse(error, in: &active)
                form = active
                mode = .form
            }
        }
    }

    /// Puts a refusal where it belongs: under the field it names, else as the form's own error.
    func refuse(_ error: any Error, in active: inout ActiveForm) {
        active.error = nil
        let named: (field: String, message: String)?
        switch error {
        case let r as FormRejection: named = (r.field, r.message)
        case RegisterError.invalid(let field, let message): named = (field, message)
        case RegisterError.invalidBecause(let field, let wording): named = (field, language.phrase(wording))
        default: named = nil
        }
        if let named {
            let bare = named.field.hasPrefix("--") ? String(named.field.dropFirst(2)) : named.field
            let id = active.aliases[named.field] ?? active.aliases[bare] ?? bare
            if active.model.value(id) != nil {
                active.model.reject(named.message, field: id)
                return
            }
        }
        active.error = "\(error)"
    }

    /// The form over the whole screen; a refusal naming no field replaces the field help above the hints.
    func drawForm(into buffer: inout ScreenBuffer) {
        guard let active = form else { return }
        FormView(form: active.model, theme: theme, language: language).draw(into: &buffer)
        if let error = active.error, buffer.height >= 5 {
            let y = buffer.height - 3
            buffer.fill(y: y, style: .plain)
            buffer.put((theme.unicode ? " ⚠ " : " ! ") + error, x: 0, y: y, style: theme.destructive, maxWidth: buffer.width)
        }
    }

    /// Re-reads, after a write, the open candidate (every badge as of now; the report read again only when its
    /// tab shows) and the list's window with its count.
    func reread(_ candidateId: Int64?) throws {
        if let id = candidateId, let d = detail, d.detail.id == id {
            let candidate = try auditedWork.withLock { try gate.candidate(id) }
            var fresh = DetailModel(detail: candidate, tab: d.tab, scroll: d.scroll, reference: d.reference)
            fresh.find = d.find
            try loadTab(&fresh)
            detail = fresh
        }
        try list.refresh(gate, height: listHeight)
        startCount()
    }
}
