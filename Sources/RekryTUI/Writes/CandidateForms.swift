import RekryDomain
import RekryGate

/// The forms that add to or correct a candidate's record. Field ids are the gate's field names without the
/// dashes (`email` for `--email`), so a refusal lands under the field it names.
enum CandidateForms {
    /// The countries offered first; `other` asks for a two-letter code.
    static let countries = ["SE", "NO", "DK", "FI", "other"]

    static func addCandidate() -> FormModel {
        FormModel(title: "Add a candidate", fields: [
            FormField(id: "name", label: "Name", required: true, help: "Given and family name, as the person writes it"),
            FormField(id: "email", label: "Email"),
            FormField(id: "phone", label: "Phone", help: "Digits, spaces, + - ( ); at least six digits"),
            FormField(id: "home-town", label: "Home town"),
            FormField(id: "title", label: "Title", help: "Current job title"),
            FormField(id: "employer", label: "Employer", help: "Current employer"),
            FormField(id: "country", label: "Country", kind: .choice(countries), initial: "SE", required: true,
                      help: "Where the person lives; other: write the code in the next field"),
            FormField(id: "country-other", label: "Other country", help: "Two-letter code (IS, DE, …) when Country is other"),
            FormField(id: "source", label: "Source", kind: .choice(DataSource.allCases.map(\.rawValue)), required: true,
                      help: "Where the data came from; anything the person did not give triggers the Art. 14 notice"),
            FormField(id: "source-detail", label: "Source detail", help: "The job ad, the profile, who referred them…"),
            FormField(id: "basis", label: "Legal basis", kind: .choice(LegalBasis.allCases.map(\.rawValue)), required: true,
                      help: "Why the firm may hold the data (Art. 6); consent needs its channel and text"),
            FormField(id: "channel", label: "Consent channel", help: "Required with a consent basis: web form, email, in person…"),
            FormField(id: "text", label: "Consent text", help: "Required with a consent basis: the text agreed to, verbatim"),
        ])
    }

    /// The profile as it is now; a withheld part starts empty and is only changed if something is typed.
    static func editProfile(_ c: CandidateDetail, name: String) -> FormModel {
        let contact = c.contact.value, profile = c.profile.value
        func field(_ f: CandidateField, _ value: String?, help: String = "") -> FormField {
            // Name and country cannot be cleared, but a withheld one is not demanded either.
            FormField(id: f.rawValue, label: f.label, initial: value ?? "", required: value != nil && (f == .fullName || f == .country),
                      help: help)
        }
        let withheldContact = contact == nil ? "Withheld from you; leave empty to keep it as it is" : ""
        let withheldProfile = profile == nil ? "Withheld from you; leave empty to keep it as it is" : ""
        return FormModel(title: "Edit \(name)", fields: [
            field(.fullName, c.name.value),
            field(.email, contact?.email, help: withheldContact.isEmpty ? "Empty clears it" : withheldContact),
            field(.phone, contact?.phone, help: withheldContact),
            field(.homeTown, profile?.homeTown, help: withheldProfile),
            field(.postalAddress, contact?.postalAddress, help: withheldContact),
            field(.birthYear, profile?.birthYear.map(String.init), help: withheldProfile.isEmpty ? "Four digits" : withheldProfile),
            field(.currentTitle, profile?.currentTitle, help: withheldProfile),
            field(.currentEmployer, profile?.currentEmployer, help: withheldProfile),
            field(.country, profile?.country, help: "Two-letter code (SE, NO, DK, FI, …)"),
            field(.sourceDetail, profile?.sourceDetail, help: withheldProfile),
        ])
    }

    static func note(name: String) -> FormModel {
        FormModel(title: "Note on \(name)", fields: [
            FormField(id: "text", label: "Note", kind: .multiline, required: true, help: "Enter starts a new line; Ctrl-S saves"),
            FormField(id: "title", label: "Title", initial: "Note"),
        ])
    }

    static func document(name: String) -> FormModel {
        FormModel(title: "Document for \(name)", fields: [
            FormField(id: "kind", label: "Kind", kind: .choice(Document.Kind.allCases.map(\.rawValue)), initial: Document.Kind.cv.rawValue,
                      required: true),
            FormField(id: "title", label: "Title", help: "Empty: the kind's name (CV, Cover letter, …)"),
            FormField(id: "path", label: "File", required: true, help: "Path of a UTF-8 text file, read when you save"),
        ])
    }

    static func assessment(name: String) -> FormModel {
        FormModel(title: "Assessment of \(name)", fields: [
            FormField(id: "kind", label: "Kind", kind: .choice(Assessment.Kind.allCases.map(\.rawValue)),
                      initial: Assessment.Kind.test.rawValue, required: true),
            FormField(id: "provider", label: "Provider", help: "Who assessed; a test result names its provider"),
            FormField(id: "title", label: "Title", required: true),
            FormField(id: "score", label: "Score"),
            FormField(id: "text", label: "Text", kind: .multiline, required: true, help: "Enter starts a new line; Ctrl-S saves"),
        ])
    }

    static func reference(name: String) -> FormModel {
        FormModel(title: "Reference for \(name)", fields: [
            FormField(id: "name", label: "Name", required: true, help: "The referee: a person with the same rights as the candidate"),
            FormField(id: "relationship", label: "Relationship", required: true, help: "Former manager, colleague, client…"),
            FormField(id: "title", label: "Title"),
            FormField(id: "workplace", label: "Workplace"),
            FormField(id: "email", label: "Email"),
            FormField(id: "phone", label: "Phone"),
            FormField(id: "statement", label: "Statement", kind: .multiline, help: "What they said; Enter starts a new line"),
        ])
    }

    static func consent(name: String) -> FormModel {
        FormModel(title: "Consent from \(name)", fields: [
            FormField(id: "purpose", label: "Purpose", kind: .choice(ConsentPurpose.allCases.map(\.rawValue)),
                      initial: ConsentPurpose.talentPool.rawValue, required: true),
            FormField(id: "channel", label: "Channel", required: true, help: "How it was given: web form, email, phone, in person"),
            FormField(id: "text", label: "Text", kind: .multiline, required: true, help: "The text the person agreed to, verbatim"),
            FormField(id: "expires", label: "Expires", kind: .date, help: "YYYY-MM-DD; empty: until withdrawn"),
        ])
    }

    /// A restriction or objection set or lifted: only the reason is asked; the title says which.
    static func reason(_ title: String, help: String) -> FormModel {
        FormModel(title: title, fields: [FormField(id: "reason", label: "Reason", required: true, help: help)])
    }

    static func notice(name: String) -> FormModel {
        FormModel(title: "Art. 14 notice sent to \(name)", fields: [
            FormField(id: "channel", label: "Channel", required: true, help: "How the notice was sent: email, letter…"),
        ])
    }
}
