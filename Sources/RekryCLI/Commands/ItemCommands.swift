import ArgumentParser
import Foundation
import RekryDomain
import RekryGate

/// `rekry doc add`: a document from a file.
struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doc", abstract: "A candidate's documents.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Attach a document (plain UTF-8 text) to a candidate; it is indexed for full-text search.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Argument(help: ArgumentHelp("The document, as a UTF-8 text file.", valueName: "FILE")) var file: String
        @Option(help: "cv, cover-letter, answers or other.") var kind: String
        @Option(help: "A title (default: the kind).") var title: String?
        @Option(help: "The legal basis (default: the candidate's).") var basis: String?

        func run() throws {
            let documentKind = try CommandInput.choice(kind, Document.Kind.self, argument: "--kind")
            let legalBasis = try basis.map { try CommandInput.choice($0, LegalBasis.self, argument: "--basis") }
            let text = try CommandInput.text(of: file, argument: "FILE")
            let docId = try global.signIn().addDocument(candidateId: id.value, kind: documentKind, title: title, body: text, basis: legalBasis)
            print(say("doc.added", ["kind": documentKind.rawValue, "doc": docId, "id": id.value]))
        }
    }
}

/// `rekry note add`: a note by the acting staff member.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Notes on a candidate.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note (from --text or a file).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Option(help: "The note.") var text: String?
        @Option(help: ArgumentHelp("Read the note from a UTF-8 text file.", valueName: "FILE")) var file: String?
        @Option(help: "A title.") var title: String = "Note"

        func run() throws {
            let body = try NoteText.read(text: text, file: file)
            _ = try global.signIn().addNote(candidateId: id.value, text: body, title: title)
            print(say("note.added", ["id": id.value]))
        }
    }
}

/// `rekry assessment add`: a test result, interview note, recruiter's assessment or competence fit.
struct AssessmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assessment", abstract: "Assessments of a candidate.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an assessment with its basis.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Option(help: "test, interview-note, recruiter-assessment or competence-fit.") var kind: String
        @Option(help: "The test provider (required for a test), or who wrote it.") var provider: String?
        @Option(help: "A title (the test's name).") var title: String
        @Option(help: "The score (stanine 7, 82nd percentile).") var score: String?
        @Option(help: "The text.") var text: String?
        @Option(help: ArgumentHelp("Read the text from a UTF-8 text file.", valueName: "FILE")) var file: String?
        @Option(help: "The legal basis (default: contract).") var basis: String?

        func run() throws {
            let assessmentKind = try CommandInput.choice(kind, Assessment.Kind.self, argument: "--kind")
            let legalBasis = try basis.map { try CommandInput.choice($0, LegalBasis.self, argument: "--basis") }
            let body = try NoteText.read(text: text, file: file)
            _ = try global.signIn().addAssessment(candidateId: id.value, kind: assessmentKind, provider: provider, title: title,
                                                  score: score, text: body, basis: legalBasis)
            print(say("assessment.added", ["kind": TextOutput.assessmentKind(assessmentKind).lowercased(), "id": id.value]))
        }
    }
}

/// A note's text from `--text` or `--file`, exactly one of them.
enum NoteText {
    static func read(text: String?, file: String?) throws -> String {
        switch (text, file) {
        case (let t?, nil): return t
        case (nil, let f?): return try CommandInput.text(of: f, argument: "--file")
        default: throw ValidationError("give the text with exactly one of --text or --file")
        }
    }
}

/// `rekry reference`: referees, each a person of their own.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reference", abstract: "References and referees.",
                                                    subcommands: [Add.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a referee's reference for a candidate (prints the reference id).",
            discussion: "A referee already on the register (same email or phone) is the same person: their view lists every candidate they refer.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id.") var id: CandidateID
        @Option(help: "The referee's full name.") var name: String
        @Option(help: "How they know the candidate (former manager, colleague, …).") var relationship: String
        @Option(help: "Their title.") var title: String?
        @Option(help: "Their workplace.") var workplace: String?
        @Option(help: "Their email.") var email: String?
        @Option(help: "Their phone.") var phone: String?
        @Option(help: "What they said.") var statement: String?

        func run() throws {
            let refId = try global.signIn().addReference(candidateId: id.value, ReferenceDraft(
                name: name, title: title, workplace: workplace, relationship: relationship, email: email, phone: phone, statement: statement))
            print(refId)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A referee and the candidates they give references for.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A reference id.") var reference: CandidateID

        func run() throws {
            let view = try global.signIn().referee(referenceId: reference.value)
            print(say("reference.referee", ["name": TextOutput.gated(view.name) { $0 }]))
            print(say("reference.for"))
            for row in view.candidates { print("  " + TextOutput.row(row)) }
        }
    }
}
