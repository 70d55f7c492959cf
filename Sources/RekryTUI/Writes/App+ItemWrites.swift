import Foundation
import RekryDomain
import RekryGate
import RekryStorage

/// Correcting the profile and adding notes, documents, assessments and references from the candidate view.
extension App {
    /// Rectification (Art. 16): only the fields that changed are sent, so the log names exactly those.
    func askEditProfile(_ d: DetailModel) {
        guard permitted(.editCandidate, badge: d.detail.badge) else { return }
        let model = CandidateForms.editProfile(d.detail, name: displayName(d), language)
        let before = Dictionary(uniqueKeysWithValues: zip(model.fields.map(\.id), model.values.map(FormModel.trim)))
        let id = d.detail.id
        showForm(model) { [gate] v in
            var changes: [CandidateField: String] = [:]
            for field in CandidateField.allCases where v[field.rawValue] != before[field.rawValue] {
                changes[field] = v[field.rawValue] ?? ""
            }
            guard !changes.isEmpty else { return self.t("flash.nothingChanged") }
            try gate.editCandidate(id, changes: changes)
            let names = CandidateField.allCases.filter { changes[$0] != nil }.map { self.t("field.\($0.rawValue)").lowercased() }
            return self.wrote(self.t("flash.corrected", ["fields": names.joined(separator: ", ")]), candidateId: id)
        }
    }

    func askNote(_ d: DetailModel) {
        guard permitted(.addNote, badge: d.detail.badge) else { return }
        let id = d.detail.id
        showForm(CandidateForms.note(name: displayName(d), language)) { [gate] v in
            try gate.addNote(candidateId: id, text: v["text"]!, title: v["title"].nonEmpty ?? self.t("note.defaultTitle"))
            return self.wrote(self.t("flash.noteAdded"), candidateId: id)
        }
    }

    func askDocument(_ d: DetailModel) {
        guard permitted(.addDocument, badge: d.detail.badge) else { return }
        let id = d.detail.id
        showForm(CandidateForms.document(name: displayName(d), language), aliases: ["document": "path"]) { [gate] v in
            let body = try TextFile.read(v["path"]!, field: "path")
            let kind = Document.Kind(rawValue: v["kind"]!)!
            try gate.addDocument(candidateId: id, kind: kind, title: v["title"].nonEmpty, body: body)
            return self.wrote(self.t("flash.documentAdded", ["title": v["title"].nonEmpty ?? self.t("docKind.\(kind.rawValue)"),
                                                      "count": self.language.grouped(body.count)]), candidateId: id)
        }
    }

    func askAssessment(_ d: DetailModel) {
        guard permitted(.addAssessment, badge: d.detail.badge) else { return }
        let id = d.detail.id
        showForm(CandidateForms.assessment(name: displayName(d), language)) { [gate] v in
            let kind = Assessment.Kind(rawValue: v["kind"]!)!
            try gate.addAssessment(candidateId: id, kind: kind, provider: v["provider"].nonEmpty, title: v["title"]!,
                                   score: v["score"].nonEmpty, text: v["text"]!)
            return self.wrote(self.t("flash.assessmentAdded", ["kind": self.t("assessmentKind.\(kind.rawValue)")]), candidateId: id)
        }
    }

    func askReference(_ d: DetailModel) {
        guard permitted(.addReference, badge: d.detail.badge) else { return }
        let id = d.detail.id
        showForm(CandidateForms.reference(name: displayName(d), language)) { [gate] v in
            let draft = ReferenceDraft(name: v["name"]!, title: v["title"].nonEmpty, workplace: v["workplace"].nonEmpty,
                                       relationship: v["relationship"]!, email: v["email"].nonEmpty, phone: v["phone"].nonEmpty,
                                       statement: v["statement"].nonEmpty)
            try gate.addReference(candidateId: id, draft)
            return self.wrote(self.t("flash.referenceAdded", ["name": draft.name]), candidateId: id)
        }
    }
}
