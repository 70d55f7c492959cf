import Foundation
import RekryDomain

/// A full-text index entry: the folded words of one document or note, under the id the index knows it by
/// (a document's id, or minus an assessment's id).
public struct TextIndexEntry: Sendable, Equatable {
    public var candidateId: Int64
    public var rowid: Int64
    public var folded: String

    public init(candidateId: Int64, rowid: Int64, folded: String) {
        self.candidateId = candidateId
        self.rowid = rowid
        self.folded = folded
    }
}

/// A participation as the `participation` table stores it (the process is stored once, on its own).
public struct ParticipationRecord: Sendable, Equatable {
    public var id: Int64
    public var candidateId: Int64
    public var processId: Int64
    public var stage: Stage
    public var startedAt: Date
    public var stageChangedAt: Date
    public var basis: LegalBasis

    public init(id: Int64, candidateId: Int64, processId: Int64, stage: Stage, startedAt: Date, stageChangedAt: Date,
                basis: LegalBasis) {
        self.id = id
        self.candidateId = candidateId
        self.processId = processId
        self.stage = stage
        self.startedAt = startedAt
        self.stageChangedAt = stageChangedAt
        self.basis = basis
    }
}

/// A process as the `process` table stores it.
public struct ProcessRecord: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var client: String?
    public var country: String
    public var openedAt: Date
    public var closedAt: Date?
    public var kind: ProcessKind

    public init(id: Int64, title: String, client: String?, country: String, openedAt: Date, closedAt: Date?, kind: ProcessKind = .recruitment) {
        self.id = id
        self.title = title
        self.client = client
        self.country = country
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.kind = kind
    }

    public var process: RecruitmentProcess {
        RecruitmentProcess(id: id, title: title, client: client, openedAt: openedAt, closedAt: closedAt, kind: kind)
    }
}

/// A referee as the `reference` table stores them, one row per candidate they refer.
public struct ReferenceRecord: Sendable, Equatable {
    public var id: Int64
    public var candidateId: Int64
    public var name: String
    public var title: String?
    public var workplace: String?
    public var relationship: String
    public var email: String?
    public var phone: String?
    public var basis: LegalBasis
    public var restricted: Bool
    public var objected: Bool
    public var collectedAt: Date

    public init(id: Int64, candidateId: Int64, name: String, title: String?, workplace: String?, relationship: String,
                email: String?, phone: String?, basis: LegalBasis, restricted: Bool, objected: Bool, collectedAt: Date) {
        self.id = id
        self.candidateId = candidateId
        self.name = name
        self.title = title
        self.workplace = workplace
        self.relationship = relationship
        self.email = email
        self.phone = phone
        self.basis = basis
        self.restricted = restricted
        self.objected = objected
        self.collectedAt = collectedAt
    }
}

/// A psychologist report as stored: metadata and the sealed text, never the text itself.
public struct ReportRecord: Sendable, Equatable {
    public var id: Int64
    public var candidateId: Int64
    public var participationId: Int64
    public var author: String
    public var writtenAt: Date
    public var attachedAt: Date
    public var attachedBy: Int64
    public var ciphertext: Data

    public init(id: Int64, candidateId: Int64, participationId: Int64, author: String, writtenAt: Date, attachedAt: Date,
                attachedBy: Int64, ciphertext: Data) {
        self.id = id
        self.candidateId = candidateId
        self.participationId = participationId
        self.author = author
        self.writtenAt = writtenAt
        self.attachedAt = attachedAt
        self.attachedBy = attachedBy
        self.ciphertext = ciphertext
    }
}

/// A report with the facts about its process that decide who may still read it.
public struct ReportInContext: Sendable, Equatable {
    public var report: ReportRecord
    public var candidatePseudonym: String
    public var processTitle: String
    public var processClosedAt: Date?
    public var stage: Stage

    public init(report: ReportRecord, candidatePseudonym: String, processTitle: String, processClosedAt: Date?, stage: Stage) {
        self.report = report
        self.candidatePseudonym = candidatePseudonym
        self.processTitle = processTitle
        self.processClosedAt = processClosedAt
        self.stage = stage
    }

    public var hired: Bool { stage == .hired }
    /// Kept while the process runs, and for the employment if the candidate was hired.
    public var retained: Bool { processClosedAt == nil || hired }
}

/// A report's data key wrapped for one staff member.
public struct WrappedReportKey: Sendable, Equatable {
    public var reportId: Int64
    public var staffId: Int64
    public var ephemeralPublicKey: Data
    public var sealedKey: Data

    public init(reportId: Int64, staffId: Int64, ephemeralPublicKey: Data, sealedKey: Data) {
        self.reportId = reportId
        self.staffId = staffId
        self.ephemeralPublicKey = ephemeralPublicKey
        self.sealedKey = sealedKey
    }
}

/// A need-to-know grant on a report.
public struct GrantRecord: Sendable, Equatable {
    public var id: Int64
    public var reportId: Int64
    public var staffId: Int64
    public var grantedBy: Int64
    public var reason: String
    public var grantedAt: Date
    public var revokedAt: Date?
    public var revokedBy: Int64?
    /// The lead whose signature vouches for the grant (the granting lead, or the lead who last re-keyed).
    public var signedBy: Int64?
    public var signature: Data?
    /// HMAC of the signed statement under the report's data key: proof that the signer could open the
    /// report. Only a grant with a valid proof is carried through a re-key.
    public var keyProof: Data?

    public init(id: Int64, reportId: Int64, staffId: Int64, grantedBy: Int64, reason: String, grantedAt: Date,
                revokedAt: Date?, revokedBy: Int64?, signedBy: Int64? = nil, signature: Data? = nil, keyProof: Data? = nil) {
        self.keyProof = keyProof
        self.signedBy = signedBy
        self.signature = signature
        self.id = id
        self.reportId = reportId
        self.staffId = staffId
        self.grantedBy = grantedBy
        self.reason = reason
        self.grantedAt = grantedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }
}

/// A staff account as stored: never a data subject of the register.
public struct StaffAccount: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var publicKey: Data
    public var pseudonym: String
    public var createdAt: Date
    /// The Ed25519 key that verifies this member's signatures (nil on rows from before release 0.5).
    public var signingKey: Data?
    /// The admin whose signature vouches for this record (the record's own id for the register's root).
    public var signedBy: Int64?
    public var signedAt: Date?
    public var signature: Data?
    /// When the account was removed; removed accounts are only read to verify what they signed.
    public var removedAt: Date?
    /// For a removed lead: the grants they had signed that still stood at the removal, the only ones their
    /// key vouches for from then on (a key kept after removal cannot sign a back-dated grant).
    public var vouchedGrants: [Int64]?
    /// The audit entry that recorded this version of the record (its add, removal or re-key): a version
    /// older than the log's latest entry about the member is an old signed row put back, and is refused.
    public var auditSeq: Int64?

    public init(id: Int64, username: String, displayName: String, role: Role, publicKey: Data, pseudonym: String, createdAt: Date,
                signingKey: Data? = nil, signedBy: Int64? = nil, signedAt: Date? = nil, signature: Data? = nil, removedAt: Date? = nil, vouchedGrants: [Int64]? = nil, auditSeq: Int64? = nil) {
        self.auditSeq = auditSeq
        self.vouchedGrants = vouchedGrants
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.publicKey = publicKey
        self.pseudonym = pseudonym
        self.createdAt = createdAt
        self.signingKey = signingKey
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.signature = signature
        self.removedAt = removedAt
    }

    public var member: StaffMember {
        StaffMember(id: id, username: username, displayName: displayName, role: role, pseudonym: pseudonym)
    }
}

/// One entry of a candidate's rectification log: which field changed, when and by whom (a staff
/// pseudonym). The old value is never kept: a corrected error should not survive its correction (Art. 16).
public struct RecordChange: Sendable, Equatable {
    public var field: String
    public var changedAt: Date
    public var changedBy: String
    /// A restriction's or objection's reason, or the channel of an Art. 14 notice; nil for a rectification.
    public var note: String?

    public init(field: String, changedAt: Date, changedBy: String, note: String? = nil) {
        self.field = field
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.note = note
    }
}

/// A referee row found by email or phone, with the id of the person it belongs to.
public struct RefereeMatch: Sendable, Equatable {
    public var refereeId: Int64
    public var record: ReferenceRecord

    public init(refereeId: Int64, record: ReferenceRecord) {
        self.refereeId = refereeId
        self.record = record
    }
}
