import Foundation
import RekryDomain
import RekryStorage

extension Gate {
    /// The candidate's data in the JSON Resume format, for them to take elsewhere (Art. 20). The DPO.
    ///
    /// Portability covers what the person provided: so only a record whose source is `applied` or
    /// `network` is exported, with its profile, the links they gave, and their CVs (the jobs, studies, skills
    /// and languages read from the newest). Nothing sourced elsewhere, no notes or assessments, no report.
    /// Items the gate withholds are left out. The export is audited (the format only).
    public func resumeExport(candidateId: Int64) throws -> JSONResume {
        try require([.dpo], for: "export --format resume")
        let now = clock.now()
        return try audited { tx in
            let s = tx.session
            guard let record = try s.candidate(id: candidateId) else { throw RegisterError.missingRecord(Wording("gate.what.candidate", ["id": "\(candidateId)"])) }
            guard record.source.providedByPerson else {
                throw RegisterError.refusedBecause(Wording("gate.export.notProvided", ["id": "\(candidateId)", "source": .term(key: "source.\(record.source.rawValue)", english: record.source.label)]))
            }
            try tx.audit(.candidateExport, subject: record.pseudonym, purpose: .dataSubjectRequest, detail: "format=resume")
            let detail = try detail(record, session: s, purpose: .dataSubjectRequest, now: now)
            return ResumeBuilder.resume(detail, now: now)
        }
    }
}

/// Builds a JSON Resume from the gated view of a candidate: only shown items, only what the person gave.
enum ResumeBuilder {
    static func resume(_ d: CandidateDetail, now: Date) -> JSONResume {
        let profile = d.profile.value
        let contact = d.contact.value
        let cvs = d.documents.compactMap(\.value).filter { $0.kind == .cv }.sorted { $0.receivedAt > $1.receivedAt }
        let sections = cvs.first.map { CVSections(text: $0.body) }
        let links = (profile?.links ?? []).filter { $0.source.providedByPerson }
        var location: JSONResume.Location?
        if profile?.homeTown != nil || contact?.postalAddress != nil || profile != nil {
            location = JSONResume.Location(address: contact?.postalAddress, city: profile?.homeTown, countryCode: profile?.country)
        }
        let basics = JSONResume.Basics(
            name: d.name.value, label: profile?.currentTitle, email: contact?.email, phone: contact?.phone,
            url: links.first { ["homepage", "website", "portfolio", "web"].contains($0.kind.lowercased()) }?.url,
            summary: sections?.profile, location: location,
            profiles: links.isEmpty ? nil : links.map { JSONResume.Profile(network: $0.kind, url: $0.url) })
        var work = (sections?.work ?? []).map {
            JSONResume.Work(name: $0.organisation, position: $0.title, location: $0.place, startDate: $0.start, endDate: $0.end,
                            summary: $0.summary, highlights: $0.highlights.isEmpty ? nil : $0.highlights)
        }
        // The current job from the profile, when the CV does not already open with it.
        if let title = profile?.currentTitle, let employer = profile?.currentEmployer,
           !work.contains(where: { $0.position == title && $0.name == employer }) {
            work.insert(JSONResume.Work(name: employer, position: title), at: 0)
        }
        let education = (sections?.education ?? []).map {
            JSONResume.Education(institution: $0.organisation, studyType: $0.title, startDate: $0.start, endDate: $0.end)
        }
        let skills = (sections?.skills ?? []).map { JSONResume.Skill(name: $0.name, level: $0.level) }
        let languages = (sections?.languages ?? []).map { JSONResume.Language(language: $0.language, fluency: $0.fluency) }
        return JSONResume(basics: basics, work: work.isEmpty ? nil : work, education: education.isEmpty ? nil : education,
                          skills: skills.isEmpty ? nil : skills, languages: languages.isEmpty ? nil : languages,
                          meta: JSONResume.Meta(version: "v1.3.1", lastModified: DayFormat.timestamp(now),
                                                cvText: cvs.isEmpty ? nil : cvs.map(\.body).joined(separator: "\n\n")))
    }
}
