import RekryStorage

extension UILanguage {
    /// `error` as a person reads it in this language: a register error's frame from the catalogue, with its
    /// details (paths, names, and the gate's own reasons, which are still English) as they were given.
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
            return text("error.notPermitted", ["action": action, "role": text("role.\(role)")])
        case .notFound(let what): return text("error.notFound", ["what": what])
        case .damaged(let path, let detail): return text("error.damaged", ["path": path, "detail": detail])
        case .cannotWrite(let path, let reason): return text("error.cannotWrite", ["path": path, "reason": reason])
        case .invalid, .refused: return e.description
        }
    }
}
