import RekryDomain
import RekryStorage

extension UILanguage {
    /// A sentence the gate composed (`Wording`) in this language: its key from the catalogue, each part as a
    /// name, a word of the register's vocabulary, or a sentence of its own. English is the gate's own wording.
    public func phrase(_ wording: Wording) -> String {
        guard self != .en else { return wording.description }
        return text(wording.key, wording.parts.mapValues { part -> Any in
            switch part {
            case .text(let s): s
            case .term(let key, let english): Catalogue.messages(self)[key] ?? english
            case .wording(let inner): phrase(inner)
            }
        })
    }
}

extension UILanguage {
    /// `error` as a person reads it in this language: a register error's frame from the catalogue, with its
    /// details (paths, names) as they were given; the gate's refusals and rules (`Wording`) in this language too.
    /// English is the error's own description, word for word, as scripts and tests have always seen it.
    public func describe(_ error: any Error) -> String {
        guard self != .en, let e = error as? RegisterError else { return "\(error)" }
        switch e {
        case .missing(let path): return text("error.missing", ["path": path])
        case .alreadyExists(let path): return text("error.alreadyExists", ["path": path])
        case .unreadable(let path, let reason): return text("error.unreadable", ["path": path, "reason": reason])
        case .exposed(let path, let mode): return text("error.exposed", ["path": path, "mode": mode])
        case .notARegister(let path, let reason): return text("error.notARegister", ["path": path, "reason": reason])
        case .textIndexMissing(let path, let register): return text("error.textIndexMissing", ["path": path, "register": register])
        case .unknownStaff(let user): return text("error.unknownStaff", ["user": user])
        case .keyMismatch(let user): return text("error.keyMismatch", ["user": user])
        case .notPermitted(let action, let role):
            // A write is named by its action's word; a command (`staff remove`) stays as it is typed.
            let named = WriteAction(rawValue: action).map { text("action.\(String(describing: $0))") } ?? action
            return text("error.notPermitted", ["action": named, "role": text("role.\(role)")])
        case .notFound(let what): return text("error.notFound", ["what": what])
        case .missingRecord(let what): return text("error.notFound", ["what": phrase(what)])
        case .damaged(let path, let detail): return text("error.damaged", ["path": path, "detail": detail])
        case .cannotWrite(let path, let reason): return text("error.cannotWrite", ["path": path, "reason": reason])
        case .refusedBecause(let wording): return phrase(wording)
        case .invalidBecause(let field, let wording): return "\(field): \(phrase(wording))"
        case .invalid, .refused: return e.description
        }
    }
}
