import Foundation
import RekryDomain

/// What the candidate list shows: an optional search, an order and filters.
public struct CandidateQuery: Sendable, Equatable {
    /// List orders; each is an index, so any page at any depth is one index range.
    public enum Order: String, CaseIterable, Sendable {
        case name
        /// Most recent activity first.
        case activity
        case stage
    }

    /// Search-as-you-type text: every folded word must prefix-match a word of name, email, phone, title or employer.
    public var text: String
    public var order: Order
    public var badge: BadgeState?
    public var stage: Stage?
    public var processId: Int64?
    public var retentionDueOnly: Bool

    public init(text: String = "", order: Order = .name, badge: BadgeState? = nil, stage: Stage? = nil,
                processId: Int64? = nil, retentionDueOnly: Bool = false) {
        self.text = text
        self.order = order
        self.badge = badge
        self.stage = stage
        self.processId = processId
        self.retentionDueOnly = retentionDueOnly
    }

    /// The folded search words (empty: browse mode); a phone number typed in any form is one word.
    public var words: [String] { SearchFolding.queryWords(text) }

    public var isFiltered: Bool { badge != nil || stage != nil || processId != nil || retentionDueOnly }
}

/// How a list treats the rows whose record the actor may not see (a lapsed basis, a restriction, an
/// objection): the gate decides, the backend orders and matches accordingly.
public enum RowVisibility: Sendable, Equatable {
    /// Every row takes part as it is: the DPO answering a request, who sees everything.
    case everything
    /// A withheld row neither matches a search nor takes a place in an order by what it withholds: it is
    /// listed after the others, by id, and a search or a stage or process filter leaves it out.
    case withheldApart
}

/// A position in a keyset-paged list: the sort key of a row. Opaque to callers.
public struct PageKey: Sendable, Equatable {
    /// One column of the key, in the order the backend's index sorts by.
    public enum Part: Sendable, Equatable {
        case text(String)
        case real(Double)
        case int(Int64)
    }
    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }
}

/// Where to read a page from.
public enum PageAnchor: Sendable, Equatable {
    case start
    case end
    /// Rows after this key, in list order.
    case after(PageKey)
    /// Rows before this key, returned in list order.
    case before(PageKey)
}

/// A count that stops at a cap, so that counting never scans a million rows.
public struct CappedCount: Sendable, Equatable {
    public var value: Int
    public var capped: Bool

    public init(value: Int, capped: Bool) {
        self.value = value
        self.capped = capped
    }

    /// `1,234` or `10,000+`. Grouped by hand: a locale-aware number format loads ICU on first use.
    public var text: String {
        var digits = String(value.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        if value < 0 { digits = "-" + digits }
        return capped ? digits + "+" : digits
    }
}
