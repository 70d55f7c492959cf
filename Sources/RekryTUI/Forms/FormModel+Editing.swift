/// Editing the focused value at the cursor, by `Character`.
extension FormModel {
    /// A typed character: inserted into text, a pick in a choice. Control characters are dropped.
    mutating func type(_ c: Character) {
        guard !c.unicodeScalars.allSatisfy({ $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) else { return }
        if case .choice(let options) = fields[focus].kind {
            if c == " " { cycle(by: 1) } else { jump(to: c, in: options) }
            return
        }
        insert(String(c))
    }

    /// Inserts at the cursor. A combining mark typed after a letter joins it, so the cursor is recounted
    /// rather than advanced by one.
    mutating func insert(_ text: String) {
        let chars = Array(values[focus])
        let before = String(chars[..<cursor]) + text
        let value = before + String(chars[cursor...])
        replaceValue(with: value, cursor: min(before.count, value.count))
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var chars = Array(values[focus])
        chars.remove(at: cursor - 1)
        replaceValue(with: String(chars), cursor: String(chars[..<(cursor - 1)]).count)
    }

    mutating func deleteForward() {
        var chars = Array(values[focus])
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
        replaceValue(with: String(chars), cursor: String(chars[..<cursor]).count)
    }

    /// Sets the focused value; an edited field's old error no longer describes it.
    mutating func replaceValue(with value: String, cursor: Int) {
        values[focus] = value
        self.cursor = min(max(0, cursor), value.count)
        errors[fields[focus].id] = nil
    }

    /// The start of the cursor's line: the value's start in one-line fields.
    func lineStart() -> Int {
        let chars = Array(values[focus])
        var i = cursor
        while i > 0 && chars[i - 1] != "\n" { i -= 1 }
        return i
    }

    /// The end of the cursor's line: the value's end in one-line fields.
    func lineEnd() -> Int {
        let chars = Array(values[focus])
        var i = cursor
        while i < chars.count && chars[i] != "\n" { i += 1 }
        return i
    }

    /// The next (or previous) option of a choice, wrapping; from no value, the first (or last).
    mutating func cycle(by step: Int) {
        guard case .choice(let options) = fields[focus].kind, !options.isEmpty else { return }
        let next: Int
        if let i = options.firstIndex(of: values[focus]) {
            next = (i + step + options.count) % options.count
        } else {
            next = step > 0 ? 0 : options.count - 1
        }
        replaceValue(with: options[next], cursor: 0)
    }

    /// The next option after the current one that starts with `c`, ignoring case, as shown or as its code
    /// (so `t` still finds `talent-pool` when it shows as `kandidatbank`); nothing when none does.
    mutating func jump(to c: Character, in options: [String]) {
        let key = String(c).lowercased()
        let start = options.firstIndex(of: values[focus]).map { $0 + 1 } ?? 0
        for k in 0..<options.count {
            let option = options[(start + k) % options.count]
            let shown = fields[focus].shown(option)
            if [option, shown].contains(where: { $0.first.map({ String($0).lowercased() }) == key }) {
                replaceValue(with: option, cursor: 0)
                return
            }
        }
    }
}
