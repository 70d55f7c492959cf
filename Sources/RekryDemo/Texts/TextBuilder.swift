extension DemoTexts {
    /// Renders grammar templates into a byte buffer with reserved capacity; the one place text is produced.
    ///
    /// The writer owns the generator while it works (`DemoTexts` copies it in and back out), and every random
    /// choice goes through `below(_:)`, which takes one 64-bit draw, so a text is a pure function of the
    /// generator's state. Bank picks avoid repeating a phrase within one text while the bank has unused ones.
    struct Writer<R: RandomNumberGenerator> {
        let g: Grammar
        var c: Context
        var rng: R
        var out: TextBuffer
        /// One bit per template: used in this text.
        private var used: [UInt64]

        init(_ c: Context, rng: R, capacity: Int) {
            g = Grammar.shared
            self.c = c
            self.rng = rng
            out = TextBuffer(capacity: capacity + 256)
            used = Array(repeating: 0, count: (g.spans.count + 63) >> 6)
            if !c.skills.isEmpty { self.c.skillOffset = below(c.skills.count) }
        }

        func finish() -> String { out.makeString() }
        consuming func finishUTF8() -> [UInt8] { out.bytes() }

        // MARK: Randomness

        /// A number in `0..<n` (n > 0) from one draw: the high 32 bits scaled by `n`.
        @inline(__always) mutating func below(_ n: Int) -> Int {
            Int(truncatingIfNeeded: ((rng.next() >> 32) &* UInt64(truncatingIfNeeded: n)) >> 32)
        }

        @inline(__always) mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

        @inline(__always) mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }

        /// A number in `range`.
        @inline(__always) mutating func int(in range: ClosedRange<Int>) -> Int {
            range.lowerBound + below(range.upperBound - range.lowerBound + 1)
        }

        // MARK: Plain output

        @inline(__always) mutating func lit(_ s: StaticString) {
            s.withUTF8Buffer { out.append(bytes: UnsafeRawBufferPointer($0)) }
        }

        @inline(__always) mutating func text(_ s: String) { out.append(s) }

        @inline(__always) mutating func byte(_ b: UInt8) { out.append(b) }

        mutating func newline() { out.append(10) }

        /// Ends the text so far with exactly one blank line.
        mutating func blankLine() {
            if out.isEmpty { return }
            if out.last != 10 { out.append(10) }
            if out.count < 2 || out[out.count - 2] != 10 { out.append(10) }
        }

        /// A space, unless at the start of the text or of a line, or after one.
        @inline(__always) mutating func space() {
            if let last = out.last, last != 10, last != 32 { out.append(32) }
        }

        /// A number with thousands grouped by commas ("1,200"), so that no amount reads as a year.
        mutating func int(_ v: Int) {
            if v < 0 { out.append(45); int(-v); return }
            if v >= 1000 {
                int(v / 1000)
                out.append(44)
                let r = v % 1000
                out.append(48 + UInt8(r / 100))
                out.append(48 + UInt8(r / 10 % 10))
                out.append(48 + UInt8(r % 10))
                return
            }
            if v >= 100 { out.append(48 + UInt8(v / 100)) }
            if v >= 10 { out.append(48 + UInt8(v / 10 % 10)) }
            out.append(48 + UInt8(v % 10))
        }

        /// A year, four digits, ungrouped.
        mutating func year(_ y: Int) {
            guard y >= 1000 && y <= 9999 else { int(y); return }
            out.append(48 + UInt8(y / 1000))
            out.append(48 + UInt8(y / 100 % 10))
            out.append(48 + UInt8(y / 10 % 10))
            out.append(48 + UInt8(y % 10))
        }

        /// `s` with its first letter lower-cased when it starts a word ("Backend developer" → "backend
        /// developer", but "CFO" and "UX designer" stay as they are).
        mutating func textLowerFirst(_ s: String) {
            let mark = out.count
            text(s)
            lowerFirst(at: mark)
        }

        // MARK: Grammar

        @inline(__always) func index(_ b: Bank) -> Int { b.rawValue }
        @inline(__always) func index(_ f: FieldBank) -> Int { g.fieldBankIndex(f.rawValue, c.field) }

        /// One entry of a bank, rendered.
        mutating func say(_ b: Bank) { pickBank(b.rawValue) }
        mutating func say(_ f: FieldBank) { pickBank(index(f)) }
        mutating func say(_ f: FieldBank, field: Field) { pickBank(g.fieldBankIndex(f.rawValue, field)) }

        /// One entry of bank `b` after a space; taken back (and `false`) if the text would pass `limit` bytes.
        /// With `fresh`, nothing is written (and `false`) once every entry of the bank has been used in this text.
        @discardableResult
        mutating func sentence(_ b: Int, limit: Int, fresh: Bool = true) -> Bool {
            if fresh && exhausted(b) { return false }
            let mark = out.count
            space()
            pickBank(b)
            if out.count > limit {
                out.removeLast(out.count - mark)
                return false
            }
            return true
        }

        @discardableResult
        mutating func sentence(_ b: Bank, limit: Int, fresh: Bool = true) -> Bool {
            sentence(b.rawValue, limit: limit, fresh: fresh)
        }
        @discardableResult
        mutating func sentence(_ f: FieldBank, limit: Int, fresh: Bool = true) -> Bool {
            sentence(index(f), limit: limit, fresh: fresh)
        }

        /// Whether every entry of bank `b` has been used in this text.
        func exhausted(_ b: Int) -> Bool {
            let bank = g.banks[b]
            for k in Int(bank.start)..<Int(bank.end) where used[k >> 6] & (1 << UInt64(k & 63)) == 0 { return false }
            return true
        }

        /// Runs `body`, and takes its output back (returning `false`) if the text then passes `limit` bytes.
        @discardableResult
        mutating func attempt(limit: Int, _ body: (inout Self) -> Void) -> Bool {
            let mark = out.count
            body(&self)
            if out.count > limit {
                out.removeLast(out.count - mark)
                return false
            }
            return true
        }

        mutating func pickBank(_ b: Int) {
            let bank = g.banks[b]
            let start = Int(bank.start)
            let count = Int(bank.end) - start
            var k = below(count)
            if count > 1 {
                var probes = 0
                while probes < count && used[(start + k) >> 6] & (1 << UInt64((start + k) & 63)) != 0 {
                    k = k + 1 == count ? 0 : k + 1
                    probes += 1
                }
                used[(start + k) >> 6] |= 1 << UInt64((start + k) & 63)
            }
            run(g.spans[start + k])
        }

        mutating func run(_ span: Grammar.Span) {
            var i = Int(span.start)
            let end = Int(span.end)
            while i < end {
                let n = g.nodes[i]
                i += 1
                switch n.op {
                case .lit:
                    let a = Int(n.a)
                    out.append(bytes: UnsafeRawBufferPointer(start: g.arena.baseAddress! + a, count: Int(n.b)))
                case .slot:
                    let mark = out.count
                    slot(n.a)
                    if n.mods != 0 { modify(mark, n.mods) }
                case .bank, .fieldBank:
                    if n.pct < 100 && below(100) >= Int(n.pct) { continue }
                    let mark = out.count
                    pickBank(n.op == .bank ? Int(n.a) : g.fieldBankIndex(Int(n.a), c.field))
                    if n.mods != 0 { modify(mark, n.mods) }
                case .alt:
                    run(g.spans[Int(n.a) + below(Int(n.b))])
                case .num:
                    int(Int(n.a) + below(Int(n.b - n.a) + 1))
                }
            }
        }

        private mutating func modify(_ mark: Int, _ mods: UInt8) {
            guard mark < out.count else { return }
            if mods & Grammar.lowerFirst != 0 { lowerFirst(at: mark) }
            if mods & Grammar.upperFirst != 0, out[mark] >= 97, out[mark] <= 122 { out[mark] -= 32 }
            if mods & Grammar.article != 0 { insertArticle(at: mark) }
        }

        private mutating func lowerFirst(at mark: Int) {
            guard mark + 1 < out.count else { return }
            let b0 = out[mark], b1 = out[mark + 1]
            if b0 >= 65 && b0 <= 90 && b1 >= 97 && b1 <= 122 { out[mark] = b0 | 0x20 }
        }

        /// "a" or "an" before the word at `mark`, by how it sounds: "an HR partner", "a UX designer",
        /// "a user", "an engineer", "a European".
        private mutating func insertArticle(at mark: Int) {
            guard mark < out.count else { return }
            @inline(__always) func at(_ k: Int) -> UInt8 { mark + k < out.count ? out[mark + k] : 0 }
            let b0 = at(0), b1 = at(1)
            let isUpper0 = b0 >= 65 && b0 <= 90, isUpper1 = b1 >= 65 && b1 <= 90
            var an: Bool
            if isUpper0 && isUpper1 {
                switch b0 {
                case 65, 69, 70, 72, 73, 76, 77, 78, 79, 82, 83, 88: an = true   // A E F H I L M N O R S X
                default: an = false
                }
            } else {
                switch b0 | 0x20 {
                case 97, 105, 111: an = true                                    // a i o
                case 101: an = (b1 | 0x20) != 117                              // e, but not "eu"
                case 117:                                                       // u
                    let c1 = b1 | 0x20
                    an = !(c1 == 115 || c1 == 116 || (c1 == 110 && (at(2) | 0x20) == 105))  // us, ut, uni
                default: an = false
                }
            }
            if an { out.insert("an ", at: mark) } else { out.insert("a ", at: mark) }
        }

        private mutating func slot(_ raw: Int32) {
            switch Slot(rawValue: raw)! {
            case .name: text(c.given)
            case .full: text(c.full)
            case .title: text(c.title)
            case .titlel: textLowerFirst(c.title)
            case .atitle:
                let mark = out.count
                textLowerFirst(c.title)
                insertArticle(at: mark)
            case .employer: text(c.employer)
            case .town: text(c.town)
            case .country: text(c.country.home.name)
            case .years:
                int(c.years)
                if c.years == 1 { lit(" year") } else { lit(" years") }
            case .pastyears:
                if c.years == 1 { lit("the past year") } else { lit("the past "); int(c.years); lit(" years") }
            case .skill:
                if c.skills.isEmpty { lit("the core tools of the trade") } else { text(pick(c.skills)) }
            case .skill1: skillAt(0)
            case .skill2: skillAt(1)
            case .skill3: skillAt(2)
            case .skills:
                let n = c.skills.count
                if n == 0 { lit("the core tools of the trade"); return }
                for k in 0..<n {
                    if k > 0 { if k == n - 1 { lit(" and ") } else { lit(", ") } }
                    text(c.skills[(c.skillOffset + k) % n])
                }
            case .process: text(c.process)
            case .processl: textLowerFirst(c.process)
            case .aprocess:
                let mark = out.count
                textLowerFirst(c.process)
                insertArticle(at: mark)
            case .client:
                if let client = c.client { text(client) } else { lit("the client") }
            case .atclient:
                if let client = c.client { lit(" at "); text(client) }
            case .forclient:
                if let client = c.client { lit(" for "); text(client) }
            case .interviewer: text(c.interviewer)
            case .referee: text(c.referee)
            case .referee1:
                if let space = c.referee.utf8.firstIndex(of: 32) {
                    text(String(c.referee[..<space]))
                } else {
                    text(c.referee)
                }
            case .rel: text(c.rel)
            case .cur: text(c.country.currency)
            case .salary: int(int(in: c.country.salaryRange) * c.country.salaryUnit)
            case .colleague: text(pick(Facts.colleagues))
            case .weekday: text(pick(Facts.weekdays))
            }
        }

        private mutating func skillAt(_ k: Int) {
            if c.skills.isEmpty { lit("the core tools of the trade"); return }
            text(c.skills[(c.skillOffset + k) % c.skills.count])
        }
    }
}
