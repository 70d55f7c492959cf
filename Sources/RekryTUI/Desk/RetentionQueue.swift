import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// The retention run as the DPO's desk shows it: everything the register's profile says is due, grouped by
/// the rule that makes it due, each item a whole person or one category of a person who stays. Pseudonyms only.
struct RetentionQueue {
    struct Item: Equatable {
        /// The profile's rule, as the run names it (`applicant role-filled 12m`).
        var rule: String
        var candidateId: Int64
        var subject: String
        /// The category taken from a person who stays; nil: the whole person.
        var part: ErasableCategory?
        var dueAt: Date?
        /// Why the run leaves it (a restriction only the DPO may lift, a legal obligation), or nil.
        var refusal: String?
        /// The same, as the gate's key with arguments (nil when `refusal` is).
        var refusalWording: Wording?

        /// Why the run leaves it, in `language`.
        func refusal(in language: UILanguage) -> String? { refusalWording.map(language.phrase) ?? refusal }
    }

    /// The rule of a whole person whose retention date passed without a named rule.
    static let datePassed = "retention date passed"

    /// Sorted by rule, then by person: a group is the run of items with one rule.
    let items: [Item]

    init(whole: [ErasurePreview], parts: [CategoryDue]) {
        let people = whole.map { Item(rule: $0.rule ?? Self.datePassed, candidateId: $0.candidateId, subject: $0.subject,
                                      part: nil, dueAt: nil, refusal: $0.refusal, refusalWording: $0.refusalWording) }
        let pieces = parts.map { Item(rule: $0.rule, candidateId: $0.candidateId, subject: $0.subject, part: $0.category,
                                      dueAt: $0.dueAt, refusal: $0.refusal, refusalWording: $0.refusalWording) }
        items = (people + pieces).sorted { ($0.rule, $0.candidateId) < ($1.rule, $1.candidateId) }
    }

    /// The items that share `rule`.
    func group(_ rule: String) -> [Item] { items.filter { $0.rule == rule } }
}
