import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// Turns a raw import row into what the register stores, checking every field by the rules the gate uses
/// for a candidate added by hand; a refusal names the row, the field as the file calls it, and the rule.
enum ImportValidation {
    struct Candidate {
        var record: CandidateRecord
        var consents: [ConsentRecord]
        var links: [ProfileLink]
        var documents: [(kind: Document.Kind, title: String, body: String)]
        var references: [ReferenceDraft]
    }

    static func candidate(_ row: ImportRow, options: ImportOptions, now: Date, model: WriteModel = .standard) throws -> Candidate {
        /// Runs one field's rule; its refusal becomes a problem at this row and field, and the row goes on
        /// being checked (with `fallback` for the refused value) so that every problem of a row is reported.
        var problems: [ImportProblem] = []
        func check<T>(_ field: ImportField, fallback: T, _ rule: () throws -> T) -> T {
            do { return try rule() } catch let error as RegisterError where error.invalidValue != nil {
                problems.append(ImportProblem(location: row.location, field: row.origin(field), message: error.invalidValue!.message))
            } catch let p as ImportProblem {
                problems.append(p)
            } catch {
                problems.append(ImportProblem(location: row.location, field: row.origin(field), message: "\(error)"))
            }
            return fallback
        }
        func raw(_ f: ImportField) -> String? {
            guard let v = row.fields[f]?.trimmedWhitespace, !v.isEmpty else { return nil }
            return v
        }
        guard let rawName = raw(.name) else {
            throw ImportProblem(location: row.location, field: row.origin(.name), message: "the name is required")
        }
        let name = check(.name, fallback: rawName) { try FieldRules.name(rawName) }
        let email = check(.email, fallback: nil) { try FieldRules.email(raw(.email)) }
        let phone = check(.phone, fallback: nil) { try FieldRules.phone(raw(.phone)) }
        let country = check(.country, fallback: "SE") { try FieldRules.country(raw(.country) ?? "SE") }
        let birthYear: Int? = check(.birthYear, fallback: nil) {
            guard let text = raw(.birthYear) else { return nil }
            guard let year = Int(text) else { throw RegisterError.invalid(field: "birth-year", message: "'\(text)' is not a year") }
            return try FieldRules.birthYear(year)
        }
        /// A value named in the row's own column, else the run's default; either must be one the register knows.
        func choice<E: RawRepresentable & CaseIterable>(_ field: ImportField, _ fallback: E?, what: String, missing: String) throws -> E
        where E.RawValue == String {
            if let text = raw(field) {
                guard let value = E(rawValue: text.lowercased()) else {
                    throw RegisterError.invalid(field: field.rawValue, message: "'\(text)' is not \(what) (\(E.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return value
            }
            guard let fallback else { throw RegisterError.invalid(field: field.rawValue, message: missing) }
            return fallback
        }
        let source: DataSource = check(.source, fallback: .applied) {
            try choice(.source, options.source, what: "a source", missing: "say where the data came from: --source, or a source column")
        }
        let basis: LegalBasis = check(.basis, fallback: .contract) {
            try choice(.basis, options.basis, what: "a legal basis", missing: "say why the firm may hold the data: --basis, or a basis column")
        }
        var consents: [ConsentRecord] = []
        var consentPurpose: ConsentPurpose?
        if basis == .explicitConsent {
            problems.append(ImportProblem(location: row.location, field: row.origin(.basis),
                                          message: "explicit consent (Art. 9) is recorded by hand with its own form, not imported"))
        }
        if basis == .consent {
            consentPurpose = .talentPool
            if let text = raw(.consentText), let channel = raw(.consentChannel) {
                let draft = ConsentDraft(purpose: .talentPool, channel: channel, text: text)
                check(.consentText, fallback: ()) { try draft.validate(now: now) }
                consents = [draft.record(now: now)]
            } else {
                problems.append(ImportProblem(location: row.location, field: row.origin(raw(.consentText) == nil ? .consentText : .consentChannel),
                                              message: "a consent basis needs the consent's channel and the text agreed to"))
            }
        }
        var record = CandidateRecord(
            id: 0, pseudonym: Hashing.randomPseudonym(prefix: "c-"), fullName: name, email: email, phone: phone,
            homeTown: check(.homeTown, fallback: nil) { try FieldRules.text(raw(.homeTown), field: "home-town") },
            postalAddress: check(.postalAddress, fallback: nil) { try FieldRules.text(raw(.postalAddress), field: "address") },
            birthYear: birthYear,
            currentTitle: check(.title, fallback: nil) { try FieldRules.text(raw(.title), field: "title") },
            currentEmployer: check(.employer, fallback: nil) { try FieldRules.text(raw(.employer), field: "employer") },
            country: country, source: source,
            sourceDetail: check(.sourceDetail, fallback: nil) { try FieldRules.text(raw(.sourceDetail), field: "source-detail") },
            collectedAt: now, notifiedAt: nil, basis: basis, consentPurpose: consentPurpose, restricted: false, objected: false,
            derived: DerivedColumns(nameKey: "", collationKey: "", searchTokens: [], stage: nil, stageRank: -1, lastActivityAt: now, retentionDueAt: nil, consent: nil))
        record = model.rederive(record, facts: WriteModel.Facts(consents: consents, participations: [], lastActivityAt: now))

        var links: [ProfileLink] = []
        var drafts = row.links
        if let url = raw(.link) { drafts.insert(ProfileLink.Draft(kind: "link", url: url, origin: row.origin(.link)), at: 0) }
        for d in drafts {
            guard let url = check(.link, fallback: nil, { try FieldRules.text(d.url, field: "link", max: 2_000) }) else { continue }
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                problems.append(ImportProblem(location: row.location, field: d.origin, message: "'\(url)' is not a web address (https://…)"))
                continue
            }
            links.append(ProfileLink(kind: d.kind, url: url, source: source))
        }
        var documents: [(kind: Document.Kind, title: String, body: String)] = []
        for (field, kind) in [(ImportField.cv, Document.Kind.cv), (.coverLetter, .coverLetter)] {
            if let body = check(field, fallback: nil, { try FieldRules.text(raw(field), field: field.rawValue, max: 1_000_000, multiline: true) }) {
                documents.append((kind, kind.label, body))
            }
        }
        for d in row.documents {
            if let body = check(.cv, fallback: nil, { try FieldRules.text(d.body, field: "cv", max: 1_000_000, multiline: true) }) {
                documents.append((d.kind, d.title, body))
            }
        }
        var references: [ReferenceDraft] = []
        for (i, r) in row.references.enumerated() {
            let origin = i < row.referenceOrigins.count ? row.referenceOrigins[i] : "references/\(i)"
            do {
                var clean = r
                clean.name = try FieldRules.name(r.name, field: "name")
                clean.statement = try FieldRules.text(r.statement, field: "reference", max: 20_000, multiline: true)
                clean.email = try FieldRules.email(r.email)
                clean.phone = try FieldRules.phone(r.phone)
                references.append(clean)
            } catch let error as RegisterError where error.invalidValue != nil {
                let (field, message) = error.invalidValue!
                problems.append(ImportProblem(location: row.location, field: origin + "/" + field.trimmingCharacters(in: CharacterSet(charactersIn: "-")), message: message))
            }
        }
        if !problems.isEmpty { throw ImportProblems(problems) }
        return Candidate(record: record, consents: consents, links: links, documents: documents, references: references)
    }
}

/// Every problem of one row.
struct ImportProblems: Error {
    var all: [ImportProblem]
    init(_ all: [ImportProblem]) { self.all = all }
}

extension Gate {
    /// The problems an import would find in one row, without a register (the fuzzing harness, previews).
    public static func importProblems(in row: ImportRow, options: ImportOptions, now: Date) -> [ImportProblem] {
        do {
            _ = try ImportValidation.candidate(row, options: options, now: now)
            return []
        } catch let row as ImportProblems {
            return row.all
        } catch let problem as ImportProblem {
            return [problem]
        } catch {
            return [ImportProblem(location: row.location, field: "row", message: "\(error)")]
        }
    }
}
