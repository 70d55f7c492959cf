import RekryDomain
import RekryGate

/// The forms that add to or correct a candidate's record. Field ids are the gate's field names without the
/// dashes (`email` for `--email`), so a refusal lands under the field it names. Labels and help are in the UI
/// language; choice values stay the codes the gate takes, shown by their translated labels.
enum CandidateForms {
    /// The countries offered first; `other` asks for a two-letter code.
    static let countries = ["SE", "NO", "DK", "FI", "other"]

    static func addCandidate(_ l: UILanguage) -> FormModel {
        let sources = DataSource.allCases.map(\.rawValue), bases = LegalBasis.allCases.map(\.rawValue)
        return FormModel(title: l.text("form.addCandidate"), fields: [
            FormField(id: "name", label: l.text("field.name"), required: true, help: l.text("help.name")),
            FormField(id: "email", label: l.text("field.email")),
            FormField(id: "phone", label: l.text("field.phone"), help: l.text("help.phone")),
            FormField(id: "home-town", label: l.text("field.home-town")),
            FormField(id: "title", label: l.text("field.title"), help: l.text("help.jobTitle")),
            FormField(id: "employer", label: l.text("field.employer"), help: l.text("help.employer")),
            FormField(id: "country", label: l.text("field.country"), kind: .choice(countries), initial: "SE", required: true,
                      help: l.text("help.country"), choiceLabels: ["other": l.text("choice.otherCountry")]),
            FormField(id: "country-other", label: l.text("field.country-other"), help: l.text("help.country-other")),
            FormField(id: "source", label: l.text("field.source"), kind: .choice(sources), required: true,
                      help: l.text("help.source"), choiceLabels: l.labels(sources, "source")),
            FormField(id: "source-detail", label: l.text("field.source-detail"), help: l.text("help.source-detail")),
            FormField(id: "basis", label: l.text("field.basis"), kind: .choice(bases), required: true,
                      help: l.text("help.basis"), choiceLabels: l.labels(bases, "basis")),
            FormField(id: "channel", label: l.text("field.consentChannel"), help: l.text("help.consentChannel")),
            FormField(id: "text", label: l.text("field.consentText"), help: l.text("help.consentText")),
        ])
    }

    /// The profile as it is now; a withheld part starts empty and is only changed if something is typed.
    static func editProfile(_ c: CandidateDetail, name: String, _ l: UILanguage) -> FormModel {
        let contact = c.contact.value, profile = c.profile.value
        func field(_ f: CandidateField, _ value: String?, help: String = "") -> FormField {
            // Name and country cannot be cleared, but a withheld one is not demanded either.
            FormField(id: f.rawValue, label: l.text("field.\(f.rawValue)"), initial: value ?? "",
                      required: value != nil && (f == .fullName || f == .country), help: help)
        }
        let withheldContact = contact == nil ? l.text("help.withheldKeep") : ""
        let withheldProfile = profile == nil ? l.text("help.withheldKeep") : ""
        return FormModel(title: l.text("form.edit", ["name": name]), fields: [
            field(.fullName, c.name.value),
            field(.email, contact?.email, help: withheldContact.isEmpty ? l.text("help.emptyClears") : withheldContact),
            field(.phone, contact?.phone, help: withheldContact),
            field(.homeTown, profile?.homeTown, help: withheldProfile),
            field(.postalAddress, contact?.postalAddress, help: withheldContact),
            field(.birthYear, profile?.birthYear.map(String.init), help: withheldProfile.isEmpty ? l.text("help.fourDigits") : withheldProfile),
            field(.currentTitle, profile?.currentTitle, help: withheldProfile),
            field(.currentEmployer, profile?.currentEmployer, help: withheldProfile),
            field(.country, profile?.country, help: l.text("help.countryCode")),
            field(.sourceDetail, profile?.sourceDetail, help: withheldProfile),
        ])
    }

    static func note(name: String, _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.note", ["name": name]), fields: [
            FormField(id: "text", label: l.text("field.note"), kind: .multiline, required: true, help: l.text("help.multiline")),
            FormField(id: "title", label: l.text("field.title"), initial: l.text("note.defaultTitle")),
        ])
    }

    static func document(name: String, _ l: UILanguage) -> FormModel {
        let kinds = Document.Kind.allCases.map(\.rawValue)
        return FormModel(title: l.text("form.document", ["name": name]), fields: [
            FormField(id: "kind", label: l.text("field.kind"), kind: .choice(kinds), initial: Document.Kind.cv.rawValue,
                      required: true, choiceLabels: l.labels(kinds, "docKind")),
            FormField(id: "title", label: l.text("field.title"), help: l.text("help.documentTitle")),
            FormField(id: "path", label: l.text("field.file"), required: true, help: l.text("help.textFile")),
        ])
    }

    static func assessment(name: String, _ l: UILanguage) -> FormModel {
        let kinds = Assessment.Kind.allCases.map(\.rawValue)
        return FormModel(title: l.text("form.assessment", ["name": name]), fields: [
            FormField(id: "kind", label: l.text("field.kind"), kind: .choice(kinds),
                      initial: Assessment.Kind.test.rawValue, required: true, choiceLabels: l.labels(kinds, "assessmentKind")),
            FormField(id: "provider", label: l.text("field.provider"), help: l.text("help.provider")),
            FormField(id: "title", label: l.text("field.title"), required: true),
            FormField(id: "score", label: l.text("field.score")),
            FormField(id: "text", label: l.text("field.text"), kind: .multiline, required: true, help: l.text("help.multiline")),
        ])
    }

    static func reference(name: String, _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.reference", ["name": name]), fields: [
            FormField(id: "name", label: l.text("field.name"), required: true, help: l.text("help.refereeName")),
            FormField(id: "relationship", label: l.text("field.relationship"), required: true, help: l.text("help.relationship")),
            FormField(id: "title", label: l.text("field.title")),
            FormField(id: "workplace", label: l.text("field.workplace")),
            FormField(id: "email", label: l.text("field.email")),
            FormField(id: "phone", label: l.text("field.phone")),
            FormField(id: "statement", label: l.text("field.statement"), kind: .multiline, help: l.text("help.statement")),
        ])
    }

    static func consent(name: String, _ l: UILanguage) -> FormModel {
        let purposes = ConsentPurpose.allCases.map(\.rawValue)
        return FormModel(title: l.text("form.consent", ["name": name]), fields: [
            FormField(id: "purpose", label: l.text("field.purpose"), kind: .choice(purposes),
                      initial: ConsentPurpose.talentPool.rawValue, required: true, choiceLabels: l.labels(purposes, "purpose")),
            FormField(id: "channel", label: l.text("field.channel"), required: true, help: l.text("help.channel")),
            FormField(id: "text", label: l.text("field.text"), kind: .multiline, required: true, help: l.text("help.agreedText")),
            FormField(id: "expires", label: l.text("field.expires"), kind: .date, help: l.text("help.expires")),
        ])
    }

    /// A restriction or objection set or lifted: only the reason is asked; the title says which.
    static func reason(_ title: String, help: String, _ l: UILanguage) -> FormModel {
        FormModel(title: title, fields: [FormField(id: "reason", label: l.text("field.reason"), required: true, help: help)])
    }

    static func notice(name: String, _ l: UILanguage) -> FormModel {
        FormModel(title: l.text("form.notice", ["name": name]), fields: [
            FormField(id: "channel", label: l.text("field.channel"), required: true, help: l.text("help.noticeChannel")),
        ])
    }
}
