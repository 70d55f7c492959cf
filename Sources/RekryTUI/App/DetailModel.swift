import RekryDomain
import RekryGate
import RekryStorage

/// The tabs of the candidate view, in order (digits 1 to 7 select them).
public enum DetailTab: Int, CaseIterable, Sendable {
    case profile, processes, references, assessments, report, consent, activity

    /// The short title in `language`, for terminals too narrow for the full tab bar.
    public func shortTitle(in language: UILanguage) -> String { language.text("tab.\(name).short") }

    /// The title in `language`.
    public func title(in language: UILanguage) -> String { language.text("tab.\(name)") }

    /// The title in English.
    public var title: String { title(in: .en) }

    /// Names the tab's messages.
    var name: String { String(describing: self) }
}

/// One opened candidate: what the gate returned, the tab, and the scroll position.
struct DetailModel {
    var detail: CandidateDetail
    var tab: DetailTab = .profile
    var scroll = 0
    /// The selected reference on the References tab (`v` views its referee).
    var reference = 0
    /// Read (and audited) only when the report tab is first shown.
    var report: Gated<ReportText>??
    /// The background read of the report in flight, if any (the tab says "loading…").
    var reportTicket: Int?
    /// Why the last read of the report failed; it is not retried until the candidate is read again.
    var reportError: String?
    var activity: Gated<[AuditEntry]>?
    /// The text `/` looks for, and the tab line it was last found on (marked in the view).
    var find: String?
    var findLine: Int?
}
