import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry add`: a new candidate, with where their data came from and the basis it is held on.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a candidate (prints the new id).",
        discussion: "Data not given by the person (linkedin, job-board, referral, public-source) carries the Art. 14 notice badge until `rekry notice` marks it sent. With --basis consent, give the consent with --consent-text and --consent-channel (or record it later with `rekry consent record`).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Full name.") var name: String
    @Option(help: "Email address.") var email: String?
    @Option(help: "Phone number, as given (+46 70 123 45 67).") var phone: String?
    @Option(name: .customLong("home-town"), help: "Home town.") var homeTown: String?
    @Option(help: "Postal address.") var address: String?
    @Option(name: .customLong("birth-year"), help: "Birth year.") var birthYear: Int?
    @Option(help: "Current title.") var title: String?
    @Option(help: "Current employer.") var employer: String?
    @Option(help: "Country code (SE, NO, DK, FI, …).") var country: String = "SE"
    @Option(help: "Where the data came from: \(DataSource.allCases.map(\.rawValue).joined(separator: ", ")).") var source: String
    @Option(name: .customLong("source-detail"), help: "Where exactly (the referrer, the web page).") var sourceDetail: String?
    @Option(help: "Legal basis: \(LegalBasis.allCases.map(\.rawValue).joined(separator: ", ")).") var basis: String
    @Option(name: .customLong("consent-purpose"), help: "What the consent is for (default: talent-pool).") var consentPurpose: String?
    @Option(name: .customLong("consent-channel"), help: "How the consent was given (web form, email, …).") var consentChannel: String?
    @Option(name: .customLong("consent-text"), help: "The text the person agreed to, verbatim.") var consentText: String?
    @Option(name: .customLong("consent-expires"), help: "When the consent expires (YYYY-MM-DD).") var consentExpires: String?
    @Option(help: "A LinkedIn profile URL.") var linkedin: String?

    func run() throws {
        let dataSource = try CommandInput.choice(source, DataSource.self, argument: "--source")
        let legalBasis = try CommandInput.choice(basis, LegalBasis.self, argument: "--basis")
        var consent: ConsentDraft?
        if consentText != nil || consentChannel != nil {
            guard let consentText, let consentChannel else {
                throw ValidationError(say("add.consentTogether"))
            }
            consent = ConsentDraft(purpose: try consentPurpose.map { try CommandInput.choice($0, ConsentPurpose.self, argument: "--consent-purpose") } ?? .talentPool,
                                   channel: consentChannel, text: consentText,
                                   expiresAt: try consentExpires.map { try CommandInput.day($0, argument: "--consent-expires") })
        }
        let links = linkedin.map { [ProfileLink(kind: "LinkedIn", url: $0, source: dataSource == .linkedin ? .linkedin : .applied)] } ?? []
        let id = try global.signIn().addCandidate(CandidateDraft(
            fullName: name, email: email, phone: phone, homeTown: homeTown, postalAddress: address, birthYear: birthYear,
            currentTitle: title, currentEmployer: employer, country: country, source: dataSource, sourceDetail: sourceDetail,
            basis: legalBasis, consent: consent, links: links))
        print(id)
    }
}

/// `rekry edit`: rectification (Art. 16) of a candidate's fields.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Correct fields of a candidate's record (an empty value clears a field).",
        discussion: "Search keys and the retention date follow at once. The rectification log records which fields changed, when and by whom, never the old values.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate id.") var id: CandidateID
    @Option(help: "Full name.") var name: String?
    @Option(help: "Email address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(name: .customLong("home-town"), help: "Home town.") var homeTown: String?
    @Option(help: "Postal address.") var address: String?
    @Option(name: .customLong("birth-year"), help: "Birth year.") var birthYear: String?
    @Option(help: "Current title.") var title: String?
    @Option(help: "Current employer.") var employer: String?
    @Option(help: "Country code.") var country: String?
    @Option(name: .customLong("source-detail"), help: "Where exactly the data came from.") var sourceDetail: String?

    func run() throws {
        var changes: [CandidateField: String] = [:]
        let given: [(CandidateField, String?)] = [(.fullName, name), (.email, email), (.phone, phone), (.homeTown, homeTown),
                                                   (.postalAddress, address), (.birthYear, birthYear), (.currentTitle, title),
                                                   (.currentEmployer, employer), (.country, country), (.sourceDetail, sourceDetail)]
        for case let (field, value?) in given { changes[field] = value }
        guard !changes.isEmpty else { throw ValidationError("name at least one field to change (--name, --email, --phone, …)") }
        try global.signIn().editCandidate(id.value, changes: changes)
        print(say("edit.corrected", ["fields": changes.keys.map(\.rawValue).sorted().joined(separator: ", "), "id": id.value]))
    }
}
