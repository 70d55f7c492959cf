import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

extension Gate {
    /// Imports candidates in one transaction (recruiters and leads): all or nothing.
    ///
    /// Every row is validated (each problem names its file and line or JSON pointer, the field and the rule)
    /// and written through the write model, so search keys, full text and retention dates are right at once.
    /// A row matching an erased person's suppression entry is refused and counted, never named; one matching
    /// a candidate on the register by email or phone is skipped, or with `.update` merged as an audited
    /// rectification; one matching an earlier row of the same import is a problem. If any row is invalid,
    /// nothing is written unless `skipInvalid`; a dry run validates everything and writes nothing. Rows are
    /// read from `rows` one at a time, so a file of any size is streamed.
    public func importCandidates<Rows: Sequence>(_ rows: Rows, options: ImportOptions,
                                                 progress: (Int) -> Void = { _ in }) throws -> ImportReport
    where Rows.Element == Result<ImportRow, ImportProblem> {
        try requireWrite(.addCandidate)
        let started = Date()
        let now = clock.now()
        var report = ImportReport()
        report.dryRun = options.dryRun
        do {
            try audited(indexingText: true) { tx in
                let s = tx.session
                try s.expectManyRows()
                let secret = try s.suppressionSecret()
                let firstNew = try s.lastCandidateId()
                let model = try writeModel(s)
                // The file is read, checked and derived on another thread while this one writes.
                let pipeline = ImportPipeline(rows) { row in
                    let candidate = try ImportValidation.candidate(row, options: options, now: now, model: model)
                    return (candidate, Suppression.hashes(candidate.record, secret: secret))
                }
                defer { pipeline.cancel() }
                while let chunk = pipeline.next() {
                  for prepared in chunk {
                    report.rows += 1
                    if report.rows % 1_000 == 0 { progress(report.rows) }
                    do {
                        let (row, candidate, hashes): (ImportRow, ImportValidation.Candidate, [String])
                        switch prepared {
                        case .candidate(let r, let c, let h): (row, candidate, hashes) = (r, c, h)
                        case .problem(let error): throw error
                        }
                        if try s.activeSuppression(hashes: hashes) != nil {
                            report.suppressed += 1
                            continue
                        }
                        // An earlier row of this import is a problem; a record on the register is a duplicate only
                        // where the actor may see its contact details: a count must not tell them that a record the
                        // gate withholds (a restriction) exists, so a hidden match is as good as none.
                        let matches = try s.candidatesMatching(email: candidate.record.email, phone: candidate.record.phone)
                        if matches.contains(where: { $0 > firstNew }) {
                            throw ImportProblem(location: row.location, field: candidate.record.email != nil ? row.origin(.email) : row.origin(.phone),
                                                message: "the same person as an earlier row of this import (same email or phone)")
                        }
                        if let existing = try matches.first(where: { try visibleContact(s, $0, now: now) }) {
                            if options.onDuplicate == .update, try merge(candidate, into: existing, tx: tx, now: now) {
                                report.updated += 1
                            } else {
                                report.skippedDuplicates += 1
                            }
                            continue
                        }
                        try insert(candidate, tx: tx, now: now, format: options.format)
                        report.added += 1
                    } catch let problem as ImportProblem {
                        report.invalid += 1
                        if report.problems.count < 1_000 { report.problems.append(problem) }
                    } catch let row as ImportProblems {
                        report.invalid += 1
                        report.problems += row.all.prefix(max(0, 1_000 - report.problems.count))
                    }
                  }
                }
                if report.invalid > 0 && !options.skipInvalid { throw ImportRollback() }
                if options.dryRun { throw ImportRollback() }
                try tx.audit(.candidateImport, subject: nil, purpose: .recruitment, detail: Self.importDetail(report, options))
                report.written = true
            }
        } catch is ImportRollback {
            report.written = false
        }
        report.seconds = Date().timeIntervalSince(started)
        if report.written { try? backend.checkpoint() }
        return report
    }

    /// Whether the actor may see this record's contact details (what a duplicate is matched on).
    private func visibleContact(_ s: any StorageSession, _ id: Int64, now: Date) throws -> Bool {
        guard let record = try s.candidate(id: id) else { return false }
        if case .allow = decide(.contact, purpose: .recruitment, badge: BadgePolicy.badge(for: record.badgeFacts, at: now)) { return true }
        return false
    }

    private func insert(_ c: ImportValidation.Candidate, tx: AuditedTransaction, now: Date, format: String) throws {
        let s = tx.session
        let id = try s.insertCandidate(c.record)
        for consent in c.consents { _ = try s.insertConsent(candidateId: id, consent) }
        for link in c.links { try s.insertLink(candidateId: id, link) }
        for d in c.documents {
            let docId = try s.insertDocument(candidateId: id, Document(id: 0, kind: d.kind, title: d.title, body: d.body, receivedAt: now,
                                                                       basis: c.record.basis))
            try s.indexText(WriteModel.standard.textEntry(candidateId: id, documentId: docId, body: d.body))
        }
        for r in c.references {
            let match = (r.email != nil || r.phone != nil) ? try s.referees(email: r.email, phone: r.phone).first : nil
            let referenceId = try s.insertReference(
                ReferenceRecord(id: 0, candidateId: id, name: r.name, title: r.title, workplace: r.workplace, relationship: r.relationship,
                                email: r.email, phone: r.phone, basis: r.basis, restricted: false, objected: false, collectedAt: now),
                refereeId: match?.refereeId)
            if let said = r.statement { try s.insertStatement(referenceId: referenceId, ReferenceStatement(givenAt: now, text: said)) }
        }
        // One audit entry covers the run (counts, format, source): a signed entry per row would cost more than
        // the row itself at a million rows, and says no more than the row's own collection date.
    }

    /// Merges an imported row into the person already on the register: a rectification of the fields the
    /// row gives and the record lacks or holds differently, logged field by field, without old values.
    /// Returns whether anything changed (a row that says nothing new counts as an unchanged duplicate).
    private func merge(_ c: ImportValidation.Candidate, into id: Int64, tx: AuditedTransaction, now: Date) throws -> Bool {
        // A row that says nothing new leaves the record (and its activity date) untouched.
        guard let current = try tx.session.candidate(id: id) else { return false }
        let c2 = c.record
        func differs<T: Equatable>(_ a: T?, _ b: T?) -> Bool { b != nil && a != b }
        guard current.fullName != c2.fullName || differs(current.email, c2.email) || differs(current.phone, c2.phone)
                || differs(current.homeTown, c2.homeTown) || differs(current.postalAddress, c2.postalAddress)
                || differs(current.birthYear, c2.birthYear) || differs(current.currentTitle, c2.currentTitle)
                || differs(current.currentEmployer, c2.currentEmployer) else { return false }
        var changed: [CandidateField] = []
        let record = try changeCandidate(tx, id: id, action: .editCandidate) { r in
            func take<T: Equatable>(_ field: CandidateField, _ path: WritableKeyPath<CandidateRecord, T?>, _ value: T?) {
                guard let value, r[keyPath: path] != value else { return }
                r[keyPath: path] = value
                changed.append(field)
            }
            if r.fullName != c.record.fullName { r.fullName = c.record.fullName; changed.append(.fullName) }
            take(.email, \.email, c.record.email)
            take(.phone, \.phone, c.record.phone)
            take(.homeTown, \.homeTown, c.record.homeTown)
            take(.postalAddress, \.postalAddress, c.record.postalAddress)
            take(.birthYear, \.birthYear, c.record.birthYear)
            take(.currentTitle, \.currentTitle, c.record.currentTitle)
            take(.currentEmployer, \.currentEmployer, c.record.currentEmployer)
        }
        for field in changed {
            try tx.session.logChange(candidateId: id, RecordChange(field: field.rawValue, changedAt: now, changedBy: actor.pseudonym))
        }
        if !changed.isEmpty {
            try tx.audit(.candidateEdit, subject: record.pseudonym, purpose: .recruitment,
                         detail: "import fields=" + changed.map(\.rawValue).sorted().joined(separator: ","))
        }
        return !changed.isEmpty
    }

    static func importDetail(_ r: ImportReport, _ o: ImportOptions) -> String {
        "format=\(o.format) source=\(o.source?.rawValue ?? "per-row") rows=\(r.rows) added=\(r.added) updated=\(r.updated) "
            + "duplicates=\(r.skippedDuplicates) suppressed=\(r.suppressed) invalid=\(r.invalid)"
    }
}

extension ImportRow {
    /// What the file calls `field` (its column header or JSON pointer), or the register's name for it.
    func origin(_ field: ImportField) -> String { origins[field] ?? field.rawValue }
}

/// Thrown inside an import's transaction to roll it back (a dry run, or invalid rows) while keeping the report.
struct ImportRollback: Error {}
