/// A terminal colour; `.default` keeps the terminal's own.
public enum TermColor: Int, Sendable, Equatable, CaseIterable {
    case `default` = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn.
public struct Style: Sendable, Equatable, Hashable {
    public var fg: TermColor = .default
    public var bg: TermColor = .default
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(fg: TermColor = .default, bg: TermColor = .default, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

/// One screen cell: a grapheme and its width. The cell right of a wide grapheme is a continuation (width 0).
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: Int
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: .plain)
}

/// The whole screen as cells in memory: views draw here, one backend pushes it to the terminal, tests read it.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns and the screen; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = max(0, x)
        for c in DisplayWidth.sanitize(text) {
            let w = DisplayWidth.of(c)
            if w == 0 {
                // A stray combining mark joins the previous cell.
                if col > 0 { cells[y * width + col - 1].text.append(c) }
                continue
            }
            if col + w > limit { break }
            cells[y * width + col] = Cell(text: String(c), width: w, style: style)
            if w == 2 { cells[y * width + col + 1] = Cell(text: "", width: 0, style: style) }
            col += w
        }
        return col - max(0, x)
    }

    /// Replaces the text of every cell (not the continuation of a wide one) by `spell(cell)`, which must keep
    /// its width.
    public mutating func respell(_ spell: (Cell) -> String) {
        for i in cells.indices where cells[i].width > 0 { cells[i].text = spell(cells[i]) }
    }

    /// Fills a row segment with spaces in `style`.
    public mutating func fill(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, end ?? width) { cells[y * width + col] = Cell(text: " ", width: 1, style: style) }
    }

    /// The text of row `y` (wide graphemes once, continuations skipped), trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Every row's text.
    public var lines: [String] { (0..<height).map(line) }

    /// The whole screen as text, one row a line.
    public var text: String { lines.joined(separator: "\n") }

    /// The first position of `needle` on screen, as (column, row), counting columns by width.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let l = line(y)
            if let r = l.range(of: needle) {
                return (DisplayWidth.of(String(l[..<r.lowerBound])), y)
            }
        }
        return nil
    }

    /// The style of the cell at the start of `needle`'s first occurrence (cells are one per column).
    public func style(of needle: String) -> Style? {
        find(needle).map { self[$0.x, $0.y].style }
    }
}
