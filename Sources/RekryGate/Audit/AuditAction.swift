import Foundation

/// What the audit log records. A fixed vocabulary: no free text ever reaches the log.
public enum AuditAction: String, Sendable, CaseIterable {
    case candidateOpen = "candidate.open"
    /// An export of a candidate (register extract, JSON Resume, client presentation); the format in detail.
    case candidateExport = "candidate.export"
    case reportAttach = "report.attach"
    case reportRead = "report.read"
    case reportReadDenied = "report.read-denied"
    case reportGrant = "report.grant"
    case reportRevoke = "report.revoke"
    case staffAdd = "staff.add"
    case registerCreate = "register.create"
    case consentWithdraw = "consent.withdraw"
    case consentRecord = "consent.record"
    case candidateAdd = "candidate.add"
    /// An import run: counts, format and source only.
    case candidateImport = "candidate.import"
    case candidateEdit = "candidate.edit"
    case documentAdd = "document.add"
    case noteAdd = "note.add"
    case assessmentAdd = "assessment.add"
    case referenceAdd = "reference.add"
    case restrictionSet = "restriction.set"
    case restrictionLift = "restriction.lift"
    case objectionSet = "objection.set"
    case objectionLift = "objection.lift"
    case noticeSent = "art14-notice.sent"
    case processOpen = "process.open"
    case processJoin = "process.join"
    case stageMove = "process.stage"
    case processClose = "process.close"
    /// A hire's employment start and end were recorded.
    case processEmployment = "process.employment"
    case reportDestroy = "report.destroy"
    case staffRemove = "staff.remove"
    case staffRekey = "staff.rekey"
    case candidateErase = "candidate.erase"
    case refereeErase = "referee.erase"
    /// Retention took one category (contact details, a psychologist report) of a person who stays.
    case categoryErase = "candidate.erase-category"
    case registerBackup = "register.backup"
    case registerRestore = "register.restore"
    case suppressionLift = "suppression.lift"
    /// The staff records of a register from before signing were signed, with the acting admin as root.
    case rosterSign = "staff.roster-sign"
    /// The register's retention profile was set (its name and digest; the subject is always `policy`).
    case policySet = "policy.set"
    /// Reading the candidate list: once per session, never per keystroke.
    case listBrowse = "list.browse"
    /// An explicit search (Enter on the search, `list --search`); the query text is never recorded.
    case listSearch = "list.search"
    /// A full-text search of CVs and notes; the words are never recorded.
    case listFullText = "list.full-text"
    /// A data subject's request recorded (Art. 12(3)): kind, dates and verification method, never the note.
    case requestAdd = "request.add"
    /// The request list read by the DPO: the count only.
    case requestList = "request.list"
    /// A request's answer put off by one or two months (Art. 12(3)): months and dates, never the reason.
    case requestExtend = "request.extend"
    /// A request closed, with the sequence number of the entry recording what was done.
    case requestClose = "request.close"
    /// A breach recorded (Art. 33(5)): categories and counts, never its description.
    case breachRecord = "breach.record"
    /// One person linked to a breach as affected (Art. 34), by pseudonym.
    case breachAffected = "breach.affected"
    /// The breach log read by the DPO: the count only.
    case breachList = "breach.list"
    /// The supervisory authority told of a breach (Art. 33(1)).
    case breachNotify = "breach.notify"
    /// One affected person's name and contact details read for the Art. 34 letters.
    case breachRecipients = "breach.recipients"
}
