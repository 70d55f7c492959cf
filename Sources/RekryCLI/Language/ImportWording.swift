import RekryGate

/// An import problem in the run's language, its `file:line: field:` prefix unchanged.
///
/// The gate and the readers word problems in English sentences, not codes; the ones without a value in them
/// (the commonest) are looked up here by their wording. The rest, which name the value they refuse, stay English.
enum ImportWording {
    /// The gate's English wording → the catalogue key.
    static let keys: [String: String] = [
        "the name is required": "problem.nameRequired",
        "this column appears twice": "problem.columnTwice",
        "the file is empty": "problem.fileEmpty",
        "cannot be read": "problem.cannotRead",
        "cannot be read (missing, or not readable by you)": "problem.cannotReadMissing",
        "not valid UTF-8 text": "problem.notUTF8",
        "not text in UTF-8 or UTF-16": "problem.notText",
        "no such file or directory": "problem.noSuchFile",
        "the directory holds no .json file": "problem.noJSON",
        "say where the data came from: --source, or a source column": "problem.noSource",
        "say why the firm may hold the data: --basis, or a basis column": "problem.noBasis",
        "explicit consent (Art. 9) is recorded by hand with its own form, not imported": "problem.explicitConsent",
        "a consent basis needs the consent's channel and the text agreed to": "problem.consentParts",
        "control characters are not allowed": "problem.controlCharacters",
    ]

    static func problem(_ p: ImportProblem) -> String {
        guard let key = keys[p.message] else { return p.description }
        return "\(p.location): \(p.field): \(say(key))"
    }
}
