extension DemoTexts {
    /// The phrase banks compiled once into flat tables, so that rendering is a walk over small structs and
    /// `memcpy`s of literal bytes, with no parsing, no allocation and no reference counting per phrase.
    ///
    /// Template syntax (in the phrase files):
    /// - `{slot}` a fact about the person or process: `{name}`, `{title}`, `{employer}`, … (see `Slot`);
    /// - `{@bank}` a random entry of a bank (see `Bank` and `FieldBank`), itself a template;
    /// - `{?@bank}` that, half of the time; `{?30@bank}` 30% of the time;
    /// - `{num:3-12}` a number in the range, thousands grouped with commas ("1,200");
    /// - `[one|two|]` one of the alternatives (an empty one makes the rest optional); these nest;
    /// - a `:l`, `:u` or `:a` suffix on a slot or bank (`{@duty:l}`, `{title:a}`) lower-cases or upper-cases the
    ///   first letter, or puts "a"/"an" in front.
    struct Grammar: @unchecked Sendable {
        enum Op: UInt8, Sendable { case lit, slot, bank, fieldBank, alt, num }

        struct Node: Sendable {
            var op: Op
            var mods: UInt8 = 0
            var pct: UInt8 = 100
            var a: Int32
            var b: Int32 = 0
        }

        struct Span: Sendable {
            var start: Int32
            var end: Int32
        }

        static let lowerFirst: UInt8 = 1
        static let upperFirst: UInt8 = 2
        static let article: UInt8 = 4

        /// The tables, built once and then copied to memory that lives as long as the process and is never
        /// written again, so that rendering reads them without reference counting or bounds checks (indices
        /// are checked when compiling). Hence `@unchecked Sendable`.
        private(set) var arena: UnsafeBufferPointer<UInt8>
        private(set) var nodes: UnsafeBufferPointer<Node>
        /// Node ranges: each template, and each alternative of a `[…|…]`.
        private(set) var spans: UnsafeBufferPointer<Span>
        /// For each bank, a range of `spans`: its templates.
        private(set) var banks: UnsafeBufferPointer<Span>
        let plainBanks: Int
        let fields: Int

        static let shared = Grammar()

        @inline(__always) func fieldBankIndex(_ bank: Int, _ field: Field) -> Int {
            plainBanks + bank * fields + field.rawValue
        }

        private init() {
            var b = GrammarBuilder()
            b.build()
            arena = Self.immortal(b.arena)
            nodes = Self.immortal(b.nodes)
            spans = Self.immortal(b.spans)
            banks = Self.immortal(b.banks)
            plainBanks = b.plainBanks
            fields = b.fields
        }

        private static func immortal<T>(_ a: [T]) -> UnsafeBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = p.initialize(from: a)
            return UnsafeBufferPointer(rebasing: p[0..<a.count])
        }
    }
}

extension DemoTexts {
    fileprivate enum Piece {
        case lit([UInt8])
        case node(Grammar.Node)
        case alt([[Piece]])
    }

    /// Compiles the phrase tables; every template is parsed and checked here, once.
    fileprivate struct GrammarBuilder {
        typealias Node = Grammar.Node
        typealias Span = Grammar.Span
        var arena: [UInt8] = []
        var nodes: [Node] = []
        var spans: [Span] = []
        var banks: [Span] = []
        var plainBanks = 0
        var fields = 0

        func fieldBankIndex(_ bank: Int, _ field: Field) -> Int { plainBanks + bank * fields + field.rawValue }

        mutating func build() {
            plainBanks = Bank.allCases.count
            fields = Field.allCases.count
            var names: [String: Node] = [:]
            for b in Bank.allCases { names["\(b)"] = Node(op: .bank, a: Int32(b.rawValue)) }
            for f in FieldBank.allCases {
                precondition(names["\(f)"] == nil, "bank name \(f) is both plain and per field")
                names["\(f)"] = Node(op: .fieldBank, a: Int32(f.rawValue))
            }
            for s in Slot.allCases {
                precondition(names["\(s)"] == nil, "slot name \(s) is also a bank")
                names["\(s)"] = Node(op: .slot, a: Int32(s.rawValue))
            }
            banks = Array(repeating: Span(start: 0, end: 0), count: plainBanks + FieldBank.allCases.count * fields)

            var table = Array(repeating: [String](), count: plainBanks)
            for (bank, phrases) in DemoTexts.phraseBanks {
                precondition(table[bank.rawValue].isEmpty, "bank \(bank) is defined twice")
                table[bank.rawValue] = phrases
            }
            for b in Bank.allCases {
                precondition(!table[b.rawValue].isEmpty, "bank \(b) has no phrases")
                banks[b.rawValue] = compileBank(table[b.rawValue], names)
            }
            let general = FieldPhrases.of(.general)
            for f in FieldBank.allCases {
                for field in Field.allCases {
                    var phrases = f.phrases(FieldPhrases.of(field))
                    if phrases.isEmpty { phrases = f.phrases(general) }
                    precondition(!phrases.isEmpty, "field bank \(f) has no phrases for \(field)")
                    banks[fieldBankIndex(f.rawValue, field)] = compileBank(phrases, names)
                }
            }
        }

        private mutating func compileBank(_ phrases: [String], _ names: [String: Node]) -> Span {
            var tops: [Span] = []
            for p in phrases {
                let bytes = Array(p.utf8)
                var i = 0
                let seq = Self.parse(bytes, &i, inAlt: false, names, phrase: p)
                precondition(i == bytes.count, "unbalanced ] in phrase: \(p)")
                tops.append(emit(seq))
            }
            let start = Int32(spans.count)
            spans.append(contentsOf: tops)
            return Span(start: start, end: Int32(spans.count))
        }

        private mutating func emit(_ seq: [Piece]) -> Span {
            var local: [Node] = []
            for piece in seq {
                switch piece {
                case .lit(let bytes):
                    local.append(Node(op: .lit, a: Int32(arena.count), b: Int32(bytes.count)))
                    arena.append(contentsOf: bytes)
                case .node(let n):
                    local.append(n)
                case .alt(let alternatives):
                    let children = alternatives.map { emit($0) }
                    let start = Int32(spans.count)
                    spans.append(contentsOf: children)
                    local.append(Node(op: .alt, a: start, b: Int32(children.count)))
                }
            }
            let start = Int32(nodes.count)
            nodes.append(contentsOf: local)
            return Span(start: start, end: Int32(nodes.count))
        }

        private static func parse(_ s: [UInt8], _ i: inout Int, inAlt: Bool, _ names: [String: Node],
                                  phrase: String) -> [Piece] {
            var seq: [Piece] = []
            var lit: [UInt8] = []
            func flush() {
                if !lit.isEmpty { seq.append(.lit(lit)); lit = [] }
            }
            while i < s.count {
                let c = s[i]
                if inAlt && (c == UInt8(ascii: "|") || c == UInt8(ascii: "]")) { break }
                if c == UInt8(ascii: "{") {
                    flush()
                    guard let close = s[i...].firstIndex(of: UInt8(ascii: "}")) else {
                        preconditionFailure("unclosed { in phrase: \(phrase)")
                    }
                    seq.append(.node(directive(String(decoding: s[(i + 1)..<close], as: UTF8.self), names, phrase)))
                    i = close + 1
                } else if c == UInt8(ascii: "[") {
                    flush()
                    i += 1
                    var alternatives: [[Piece]] = []
                    while true {
                        alternatives.append(parse(s, &i, inAlt: true, names, phrase: phrase))
                        precondition(i < s.count, "unclosed [ in phrase: \(phrase)")
                        let sep = s[i]
                        i += 1
                        if sep == UInt8(ascii: "]") { break }
                    }
                    seq.append(.alt(alternatives))
                } else if c == UInt8(ascii: "}") || (!inAlt && c == UInt8(ascii: "]")) {
                    preconditionFailure("stray \(Character(UnicodeScalar(c))) in phrase: \(phrase)")
                } else {
                    lit.append(c)
                    i += 1
                }
            }
            flush()
            return seq
        }

        private static func directive(_ d: String, _ names: [String: Node], _ phrase: String) -> Node {
            if d.hasPrefix("num:") {
                let bounds = d.dropFirst(4).split(separator: "-")
                guard bounds.count == 2, let lo = Int32(bounds[0]), let hi = Int32(bounds[1]), lo <= hi else {
                    preconditionFailure("bad {\(d)} in phrase: \(phrase)")
                }
                return Node(op: .num, a: lo, b: hi)
            }
            var body = Substring(d)
            var mods: UInt8 = 0
            if let colon = body.firstIndex(of: ":") {
                for m in body[body.index(after: colon)...] {
                    switch m {
                    case "l": mods |= Grammar.lowerFirst
                    case "u": mods |= Grammar.upperFirst
                    case "a": mods |= Grammar.article
                    default: preconditionFailure("bad modifier in {\(d)} in phrase: \(phrase)")
                    }
                }
                body = body[..<colon]
            }
            var pct: UInt8 = 100
            if body.hasPrefix("?") {
                body = body.dropFirst()
                let digits = body.prefix { $0.isNumber }
                pct = digits.isEmpty ? 50 : UInt8(digits)!
                body = body.dropFirst(digits.count)
                precondition(body.hasPrefix("@"), "an optional must be a bank: {\(d)} in phrase: \(phrase)")
            }
            let isBank = body.hasPrefix("@")
            if isBank { body = body.dropFirst() }
            guard var node = names[String(body)] else { preconditionFailure("unknown {\(d)} in phrase: \(phrase)") }
            precondition(isBank == (node.op != .slot), "use {@name} for banks and {name} for slots: {\(d)} in \(phrase)")
            node.mods = mods
            node.pct = pct
            return node
        }
    }
}
