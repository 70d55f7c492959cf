import Foundation
import RekryDomain
import RekryStorage

/// The plain-language sentences of the register extract: purposes, sources, events, rights.
enum ExtractText {
    static func purpose(for category: DataCategory, _ record: CandidateRecord) -> String {
        let pool = record.consentPurpose == .talentPool ? " and keeping you in the talent pool you agreed to join" : ""
        switch category {
        case .identity, .contact, .profile, .documents:
            return "recruitment: matching you with roles and contacting you about them\(pool)"
        case .processes: return "running the recruitment processes you take part in"
        case .references: return "assessing your fit for a role with people who worked with you"
        case .assessments: return "assessing your fit for a role"
        default: return "recruitment"
        }
    }

    static func source(_ source: DataSource, detail: String?) -> String {
        let base: String = switch source {
        case .applied: "from you: you applied"
        case .network: "from you: you joined the firm's network"
        case .linkedin: "not from you: your public LinkedIn profile"
        case .jobBoard: "not from you: a job board"
        case .referral: "not from you: a referral"
        case .publicSource: "not from you: a public source"
        }
        return detail.map { "\(base) (\($0))" } ?? base
    }

    static func event(_ event: RetentionRule.Event) -> String {
        switch event {
        case .processClosed: "the close of your last recruitment process"
        case .roleFilled: "the role being filled"
        case .assignmentDone: "the end of the assessment assignment"
        case .lastContact: "the last contact with you"
        case .lastActivity: "the last time your data was used"
        case .consentExpiry: "the end of your consent"
        case .employmentStart: "the start of the employment"
        case .employmentEnd: "the end of the employment"
        }
    }

    static func period(_ p: RetentionRule.Period) -> String {
        let unit = switch p.unit { case .day: "day"; case .month: "month"; case .year: "year" }
        return "\(p.amount) \(unit)\(p.amount == 1 ? "" : "s")"
    }

    /// An audit action as the person reads it (every action has its sentence: the switch is exhaustive).
    static func action(_ raw: String) -> String {
        guard let action = AuditAction(rawValue: raw) else { return raw }
        switch action {
        case .candidateOpen: return "your profile was opened"
        case .candidateExport: return "your data was exported"
        case .candidateAdd: return "you were added to the register"
        case .candidateEdit: return "your details were corrected"
        case .documentAdd: return "a document was added"
        case .noteAdd: return "a note was added"
        case .assessmentAdd: return "an assessment was added"
        case .referenceAdd: return "a reference was added"
        case .reportAttach: return "a psychologist report was added"
        case .reportRead: return "the psychologist report was read"
        case .reportReadDenied: return "someone without a grant was refused the psychologist report"
        case .reportGrant: return "someone was given access to the psychologist report"
        case .reportRevoke: return "access to the psychologist report was withdrawn"
        case .reportDestroy: return "the psychologist report was destroyed"
        case .processEmployment: return "your employment dates were recorded"
        case .consentRecord: return "a consent was recorded"
        case .consentWithdraw: return "a consent was withdrawn"
        case .restrictionSet: return "processing was restricted"
        case .restrictionLift: return "the restriction was lifted"
        case .objectionSet: return "your objection was recorded"
        case .objectionLift: return "your objection was lifted"
        case .noticeSent: return "you were told of this register (Art. 14)"
        case .processJoin: return "you joined a recruitment process"
        case .stageMove: return "your stage in a process changed"
        case .candidateErase, .categoryErase: return "data about you was erased"
        case .refereeErase: return "a referee's data was erased"
        case .requestAdd: return "your request was recorded"
        case .requestExtend: return "the time to answer your request was extended, and you were told why"
        case .requestClose: return "your request was answered"
        case .breachAffected: return "you were recorded as affected by a personal data breach"
        case .breachRecipients: return "your name and contact details were read to write to you about a breach"
        case .processOpen, .processClose, .candidateImport, .staffAdd, .staffRemove, .staffRekey, .registerCreate, .registerBackup, .registerRestore,
             .suppressionLift, .rosterSign, .policySet, .listBrowse, .listSearch, .listFullText, .requestList, .breachRecord, .breachList,
             .breachNotify:
            return "the register was worked on (\(raw))"
        }
    }

    static func purpose(_ purpose: String) -> String {
        switch purpose {
        case Purpose.recruitment.rawValue: "recruitment"
        case Purpose.dataSubjectRequest.rawValue: "answering your request"
        default: purpose
        }
    }

    static func rights(country: String, reference: String) -> [RegisterExtract.Right] {
        let ask = "write to the firm's data protection officer and quote \(reference)"
        let authority = switch country.uppercased() {
        case "SE": "Integritetsskyddsmyndigheten (IMY), imy.se"
        case "NO": "Datatilsynet, datatilsynet.no"
        case "DK": "Datatilsynet, datatilsynet.dk"
        case "FI": "Tietosuojavaltuutetun toimisto, tietosuoja.fi"
        default: "the data protection authority where you live or work"
        }
        return [
            .init(right: "access: a copy of this extract at any time", article: "Art. 15", how: ask),
            .init(right: "rectification of anything wrong or incomplete", article: "Art. 16", how: ask),
            .init(right: "erasure", article: "Art. 17", how: ask + "; we erase everything not kept under a legal obligation, and tell every recipient above"),
            .init(right: "restriction of processing", article: "Art. 18", how: ask),
            .init(right: "portability: what you gave us, as a JSON Resume", article: "Art. 20", how: ask),
            .init(right: "objection to processing based on legitimate interest", article: "Art. 21", how: ask),
            .init(right: "withdrawing consent, as easily as you gave it", article: "Art. 7(3)", how: ask),
            .init(right: "complaint to a supervisory authority", article: "Art. 77", how: authority),
        ]
    }
}
