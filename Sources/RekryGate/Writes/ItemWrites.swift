import Foundation
import RekryDomain
import RekryStorage

extension Gate {
    /// Adds a document (CV, cover letter, answers, other) to a candidate; it is indexed for full-text search
    /// in the same transaction. The basis defaults to the candidate's own.
    @discardableResult
    public func addDocument(candidateId: Int64, kind: Document.Kind, title: String? = nil, body: String,
                            basis: LegalBasis? = nil) throws -> Int64 {
        guard let text = try FieldRules.text(body, field: "document", max: 1_000_000, multiline: true) else {
            throw RegisterError.invalidBecause(field: "document", Wording("gate.rule.documentEmpty"))
        }
        let now = clock.now()
        return try audited(indexingText: true) { tx in
            var documentId: Int64 = 0
            let record = try changeCandidate(tx, id: candidateId, action: .addDocument) { r in
                let doc = Document(id: 0, kind: kind, title: try FieldRules.text(title, field: "--title", max: 200) ?? kind.label,
                                   body: text, receivedAt: now, basis: basis ?? r.basis)
                documentId = try tx.session.insertDocument(candidateId: candidateId, doc)
                try tx.session.indexText(WriteModel.standard.textEntry(candidateId: candidateId, documentId: documentId, body: text))
            }
            try tx.audit(.documentAdd, subject: record.pseudonym, purpose: .recruitment, detail: "kind=\(kind.rawValue)")
            return documentId
        }
    }

    /// Adds a note by the acting staff member (kept as an interview note, indexed for full-text search).
    @discardableResult
    public func addNote(candidateId: Int64, text: String, title: String = "Note") throws -> Int64 {
        try addAssessment(candidateId: candidateId, kind: .interviewNote, provider: actor.displayName, title: title, score: nil,
                          text: text, basis: nil, action: .addNote, audit: .noteAdd)
    }

    /// Adds an assessment: a provider's test result, an interview note, the recruiter's assessment or a
    /// competence fit, each with its basis (default: contract, the steps before one).
    @discardableResult
    public func addAssessment(candidateId: Int64, kind: Assessment.Kind, provider: String?, title: String, score: String?,
                              text: String, basis: LegalBasis? = nil) throws -> Int64 {
        try addAssessment(candidateId: candidateId, kind: kind, provider: provider, title: title, score: score, text: text,
                          basis: basis, action: .addAssessment, audit: .assessmentAdd)
    }

    private func addAssessment(candidateId: Int64, kind: Assessment.Kind, provider: String?, title: String, score: String?,
                               text: String, basis: LegalBasis?, action: WriteAction, audit: AuditAction) throws -> Int64 {
        guard let body = try FieldRules.text(text, field: "--text", max: 100_000, multiline: true) else {
            throw RegisterError.invalidBecause(field: "--text", Wording("gate.rule.textEmpty"))
        }
        guard let heading = try FieldRules.text(title, field: "--title", max: 200) else {
            throw RegisterError.invalidBecause(field: "--title", Wording("gate.rule.titleRequired"))
        }
        let namedProvider = try FieldRules.text(provider, field: "--provider")
        if kind == .test && namedProvider == nil {
            throw RegisterError.invalidBecause(field: "--provider", Wording("gate.rule.provider"))
        }
        let now = clock.now()
        return try audited(indexingText: true) { tx in
            var assessmentId: Int64 = 0
            let record = try changeCandidate(tx, id: candidateId, action: action) { _ in
                let a = Assessment(id: 0, kind: kind, provider: try FieldRules.text(provider, field: "--provider"), title: heading,
                                   score: try FieldRules.text(score, field: "--score", max: 100), text: body, recordedAt: now,
                                   basis: basis ?? .contract)
                assessmentId = try tx.session.insertAssessment(candidateId: candidateId, a)
                try tx.session.indexText(WriteModel.standard.textEntry(candidateId: candidateId, assessmentId: assessmentId, text: body))
                // A test is run by its provider on data the firm gave them: that is a disclosure (Art. 15(1)(c)),
                // shown on the candidate, in the extract, and among the recipients an erasure tells (Art. 19).
                if kind == .test, let namedProvider {
                    try tx.session.insertDisclosure(candidateId: candidateId, Disclosure(
                        recipient: namedProvider, disclosedAt: now, what: "name and contact details, to run the test \"\(heading)\""))
                }
            }
            try tx.audit(audit, subject: record.pseudonym, purpose: .recruitment, detail: "kind=\(kind.rawValue)")
            return assessmentId
        }
    }
}

extension Document.Kind {
    /// The default title of a document of this kind.
    public var label: String {
        switch self {
        case .cv: "CV"
        case .coverLetter: "Cover letter"
        case .answers: "Application answers"
        case .other: "Document"
        }
    }
}
