import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// A new candidate as a recruiter enters them. Source and basis are required: every record says where it
/// came from and why the firm may hold it.
public struct CandidateDraft: Sendable, Equatable {
    public var fullName: String
    public var email: String?
    public var phone: String?
    public var homeTown: String?
    public var postalAddress: String?
    public var birthYear: Int?
    public var currentTitle: String?
    public var currentEmployer: String?
    public var country: String
    public var source: DataSource
    public var sourceDetail: String?
    public var basis: LegalBasis
    /// The consent given with the data, when the basis is consent (recorded in the same transaction).
    public var consent: ConsentDraft?
    public var links: [ProfileLink]

    public init(fullName: String, email: String? = nil, phone: String? = nil, homeTown: String? = nil,
                postalAddress: String? = nil, birthYear: Int? = nil, currentTitle: String? = nil,
                currentEmployer: String? = nil, country: String = "SE", source: DataSource, sourceDetail: String? = nil,
                basis: LegalBasis, consent: ConsentDraft? = nil, links: [ProfileLink] = []) {
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.homeTown = homeTown
        self.postalAddress = postalAddress
        self.birthYear = birthYear
        self.currentTitle = currentTitle
        self.currentEmployer = currentEmployer
        self.country = country
        self.source = source
        self.sourceDetail = sourceDetail
        self.basis = basis
        self.consent = consent
        self.links = links
    }
}

/// A field of a candidate's record that rectification (Art. 16) can correct.
public enum CandidateField: String, CaseIterable, Sendable {
    case fullName = "name", email, phone, homeTown = "home-town", postalAddress = "address", birthYear = "birth-year"
    case currentTitle = "title", currentEmployer = "employer", country, sourceDetail = "source-detail"

    /// The label on screen.
    public var label: String {
        switch self {
        case .fullName: "Name"
        case .email: "Email"
        case .phone: "Phone"
        case .homeTown: "Home town"
        case .postalAddress: "Address"
        case .birthYear: "Birth year"
        case .currentTitle: "Title"
        case .currentEmployer: "Employer"
        case .country: "Country"
        case .sourceDetail: "Source detail"
        }
    }
}

/// Field checks shared by adding and editing, each naming the field it refuses.
enum FieldRules {
    /// A trimmed text, nil when empty. `multiline` texts (documents, notes, statements, consent texts) keep
    /// their line breaks (stored as `\n`: a CRLF or a lone CR becomes one) and tabs; every other control
    /// character is refused, in those too. One-line fields also refuse the bidirectional embedding, override
    /// and isolate characters, which can make a name or an email read differently from what it is.
    static func text(_ value: String?, field: String, max: Int = 500, multiline: Bool = false) throws -> String? {
        guard var v = value?.trimmedWhitespace, !v.isEmpty else { return nil }
        if multiline { v = normalisingLineBreaks(v) }
        // Counting characters walks the grapheme clusters; a text of no more bytes than the limit needs none.
        guard v.utf8.count <= max || v.count <= max else {
            throw RegisterError.invalidBecause(field: field, Wording("gate.rule.tooLong", ["max": "\(max)", "count": "\(v.count)"]))
        }
        guard !containsControl(&v, allowingLineBreaks: multiline) else {
            throw RegisterError.invalidBecause(field: field, Wording("gate.rule.control"))
        }
        if !multiline, let bidi = v.unicodeScalars.first(where: { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
            throw RegisterError.invalidBecause(field: field, Wording("gate.rule.bidi", ["code": "\(String(format: "U+%04X", bidi.value))"]))
        }
        return v
    }

    /// The text with every CRLF and lone CR made an LF (Excel's and old Macs' line ends), by a scan of its
    /// bytes: Foundation's search for "\r" was a twentieth of an import.
    static func normalisingLineBreaks(_ text: String) -> String {
        var text = text
        let hasCR = text.withUTF8 { $0.contains(0x0D) }
        guard hasCR else { return text }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D {
                    out.append(0x0A)
                    if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    out.append(bytes[i])
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the text holds a control character (Unicode's Cc: U+0000–U+001F and U+007F–U+009F), other than
    /// line feeds and tabs when `allowingLineBreaks`. A scan of the UTF-8 bytes: CVs are long, and asking each
    /// scalar for its general category was a sixteenth of an import.
    static func containsControl(_ text: inout String, allowingLineBreaks: Bool) -> Bool {
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x20 {
                    if !(allowingLineBreaks && (b == 0x0A || b == 0x09)) { return true }
                } else if b == 0x7F {
                    return true
                } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                    return true  // U+0080–U+009F, the C1 controls
                }
                i += 1
            }
            return false
        }
    }

    static func name(_ value: String, field: String = "--name") throws -> String {
        guard let v = try text(value, field: field, max: 200) else { throw RegisterError.invalidBecause(field: field, Wording("gate.rule.nameRequired")) }
        guard !SearchFolding.words(v).isEmpty, v.contains(where: \.isLetter) else {
            throw RegisterError.invalidBecause(field: field, Wording("gate.rule.noLetters", ["value": "\(v)"]))
        }
        return v
    }

    static func email(_ value: String?) throws -> String? {
        guard let v = try text(value, field: "--email", max: 254) else { return nil }
        let parts = v.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !v.contains(" ") else {
            throw RegisterError.invalidBecause(field: "--email", Wording("gate.rule.email", ["value": "\(v)"]))
        }
        return v
    }

    static func phone(_ value: String?) throws -> String? {
        guard let v = try text(value, field: "--phone", max: 40) else { return nil }
        let digits = v.filter(\.isASCII).filter(\.isNumber).count
        guard digits >= 6, v.allSatisfy({ $0.isNumber || " +-()./".contains($0) }) else {
            throw RegisterError.invalidBecause(field: "--phone", Wording("gate.rule.phone", ["value": "\(v)"]))
        }
        return v
    }

    static func birthYear(_ value: Int?) throws -> Int? {
        guard let v = value else { return nil }
        guard (1900...2100).contains(v) else { throw RegisterError.invalidBecause(field: "--birth-year", Wording("gate.rule.yearRange", ["value": "\(v)"])) }
        return v
    }

    static func country(_ value: String) throws -> String {
        let v = value.trimmingCharacters(in: .whitespaces).uppercased()
        guard v.count == 2, v.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw RegisterError.invalidBecause(field: "--country", Wording("gate.rule.country", ["value": "\(value)"]))
        }
        return v
    }
}

extension Gate {
    /// Checks the write policy for `action` on a record with `badge`, naming what was refused.
    func requireWrite(_ action: WriteAction, badge: Badge? = nil, candidateId: Int64? = nil) throws {
        if case .withhold(let reason) = WritePolicy.decide(role: actor.role, action: action, badge: badge) {
            if reason == .roleNotPermitted { throw RegisterError.notPermitted(action: action.rawValue, role: actor.role.rawValue) }
            throw RegisterError.refusedBecause(candidateId.map { Wording("gate.refusedFor", ["action": .action(action), "id": "\($0)", "reason": .reason(reason)]) }
                                                ?? Wording("gate.refusedAction", ["action": .action(action), "reason": .reason(reason)]))
        }
    }

    /// The facts the write model derives a candidate's columns from, as the register holds them now.
    func writeFacts(_ s: any StorageSession, _ record: CandidateRecord, activity: Date) throws -> WriteModel.Facts {
        WriteModel.Facts(consents: try s.consents(candidateId: record.id), participations: try s.participations(candidateId: record.id).filter { !$0.isPlaceholder },
                         lastActivityAt: max(record.derived.lastActivityAt, activity))
    }

    /// Loads a candidate, checks the write policy against their badge, lets `change` edit the record, then
    /// re-derives every derived column and stores the row, all in the caller's transaction.
    /// `countsAsActivity`: false for a change that is not work with the person (retention taking their
    /// contact details), which must not restart the clocks that count from their last activity.
    @discardableResult
    func changeCandidate(_ tx: AuditedTransaction, id: Int64, action: WriteAction, countsAsActivity: Bool = true,
                         _ change: (inout CandidateRecord) throws -> Void = { _ in }) throws -> CandidateRecord {
        let s = tx.session
        // The role's part of the policy first: a role that may never do this is told so before the record is
        // read (on a server register its login may not read candidate rows at all).
        try requireWrite(action)
        guard var record = try s.candidate(id: id) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(id)"])) }
        try requireWrite(action, badge: BadgePolicy.badge(for: record.badgeFacts, at: clock.now()), candidateId: id)
        let activity = countsAsActivity ? clock.now() : record.derived.lastActivityAt
        try change(&record)
        record = try writeModel(s).rederive(record, facts: try writeFacts(s, record, activity: activity))
        try s.updateCandidate(record)
        return record
    }

    /// Adds a candidate (and, with a consent basis, the consent given with the data); returns the new id.
    ///
    /// Data not given by the person (LinkedIn, a job board, a referral, a public source) gets the Art. 14
    /// notice badge until the notice is marked sent.
    @discardableResult
    public func addCandidate(_ draft: CandidateDraft) throws -> Int64 {
        try requireWrite(.addCandidate)
        let now = clock.now()
        let fullName = try FieldRules.name(draft.fullName)
        let email = try FieldRules.email(draft.email), phone = try FieldRules.phone(draft.phone)
        let country = try FieldRules.country(draft.country)
        let consentPurpose: ConsentPurpose? = draft.basis == .consent ? (draft.consent?.purpose ?? .talentPool)
            : draft.basis == .explicitConsent ? .psychAssessment : nil
        if let consent = draft.consent { try consent.validate(now: now) }
        var record = CandidateRecord(
            id: 0, pseudonym: Hashing.randomPseudonym(prefix: "c-"), fullName: fullName, email: email, phone: phone,
            homeTown: try FieldRules.text(draft.homeTown, field: "--home-town"),
            postalAddress: try FieldRules.text(draft.postalAddress, field: "--address"),
            birthYear: try FieldRules.birthYear(draft.birthYear),
            currentTitle: try FieldRules.text(draft.currentTitle, field: "--title"),
            currentEmployer: try FieldRules.text(draft.currentEmployer, field: "--employer"), country: country,
            source: draft.source, sourceDetail: try FieldRules.text(draft.sourceDetail, field: "--source-detail"),
            collectedAt: now, notifiedAt: nil, basis: draft.basis, consentPurpose: consentPurpose, restricted: false,
            objected: false, derived: DerivedColumns(nameKey: "", collationKey: "", searchTokens: [], stage: nil, stageRank: -1,
                                                     lastActivityAt: now, retentionDueAt: nil, consent: nil))
        let consents = draft.consent.map { [$0.record(now: now)] } ?? []
        return try audited { tx in
            let s = tx.session
            record = try writeModel(s).rederive(record, facts: WriteModel.Facts(consents: consents, participations: [], lastActivityAt: now))
            try Suppression.check(s, name: fullName, email: email, phone: phone, birthYear: record.birthYear, country: country)
            let id = try s.insertCandidate(record)
            for c in consents { _ = try s.insertConsent(candidateId: id, c) }
            for link in draft.links { try s.insertLink(candidateId: id, link) }
            try tx.audit(.candidateAdd, subject: record.pseudonym, purpose: .recruitment, detail: "source=\(draft.source.rawValue)")
            return id
        }
    }

    /// Corrects fields of a candidate's record (Art. 16). An empty value clears an optional field.
    ///
    /// The search tokens, sort keys and retention date change in the same transaction, so the old name no
    /// longer finds the person and the new one does. The rectification log records which fields changed,
    /// when and by whom, never the old values.
    public func editCandidate(_ id: Int64, changes: [CandidateField: String]) throws {
        guard !changes.isEmpty else { throw RegisterError.invalidBecause(field: "edit", Wording("gate.rule.editNothing")) }
        let now = clock.now()
        try audited { tx in
            let record = try changeCandidate(tx, id: id, action: .editCandidate) { r in
                if let refusal = withheldProfileRefusal(tx.session, r, action: .editCandidate) { throw RegisterError.refusedBecause(refusal) }
                for (field, raw) in changes {
                    switch field {
                    case .fullName: r.fullName = try FieldRules.name(raw)
                    case .email: r.email = try FieldRules.email(raw)
                    case .phone: r.phone = try FieldRules.phone(raw)
                    case .homeTown: r.homeTown = try FieldRules.text(raw, field: "--home-town")
                    case .postalAddress: r.postalAddress = try FieldRules.text(raw, field: "--address")
                    case .birthYear:
                        let trimmed = raw.trimmingCharacters(in: .whitespaces)
                        guard trimmed.isEmpty || Int(trimmed) != nil else {
                            throw RegisterError.invalidBecause(field: "--birth-year", Wording("gate.rule.notAYear", ["value": "\(raw)"]))
                        }
                        r.birthYear = try FieldRules.birthYear(Int(trimmed))
                    case .currentTitle: r.currentTitle = try FieldRules.text(raw, field: "--title")
                    case .currentEmployer: r.currentEmployer = try FieldRules.text(raw, field: "--employer")
                    case .country: r.country = try FieldRules.country(raw)
                    case .sourceDetail: r.sourceDetail = try FieldRules.text(raw, field: "--source-detail")
                    }
                }
            }
            for field in changes.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                try tx.session.logChange(candidateId: id, RecordChange(field: field.rawValue, changedAt: now, changedBy: actor.pseudonym))
            }
            try tx.audit(.candidateEdit, subject: record.pseudonym, purpose: .recruitment,
                         detail: "fields=" + changes.keys.map(\.rawValue).sorted().joined(separator: ","))
        }
        // A correction should not leave the wrong value readable in a journal. The edit has committed, so a
        // reader holding the journal open (another recruiter's search) does not make it fail: the next
        // checkpoint takes the old frames.
        try? backend.checkpoint()
    }
}
