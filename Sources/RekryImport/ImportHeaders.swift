import RekryGate

/// The column headers an import understands, in English, Swedish and Norwegian, and what each one holds.
///
/// Headers are compared lowercased, with spaces, dashes and underscores ignored, so `E-post`, `e_post` and
/// `EPOST` are the same. `--map COLUMN=field` adds to or overrides this table for one run.
public enum ImportHeaders {
    /// A column that holds part of the name (joined with a space, first name first).
    public enum NamePart: Hashable, Sendable { case first, last }

    public enum Meaning: Hashable, Sendable {
        case field(ImportField)
        case namePart(NamePart)
    }

    static let table: [String: Meaning] = {
        var map: [String: Meaning] = [:]
        func add(_ names: [String], _ meaning: Meaning) { for n in names { map[key(n)] = meaning } }
        add(["name", "full name", "fullname", "namn", "navn", "fullständigt namn", "fullt navn", "kandidat", "candidate"], .field(.name))
        add(["first name", "given name", "förnamn", "fornavn", "tilltalsnamn"], .namePart(.first))
        add(["last name", "surname", "family name", "efternamn", "etternavn"], .namePart(.last))
        add(["email", "e-mail", "mail", "e-post", "epost", "e-postadress", "epostadresse", "email address"], .field(.email))
        add(["phone", "telephone", "mobile", "mobile phone", "telefon", "mobil", "mobilnummer", "telefonnummer", "tlf", "tel"], .field(.phone))
        add(["city", "town", "home town", "hometown", "location", "ort", "stad", "bostadsort", "sted", "bosted", "poststed", "by"], .field(.homeTown))
        add(["address", "postal address", "street address", "adress", "gatuadress", "postadress", "adresse", "postadresse"], .field(.postalAddress))
        add(["birth year", "year of birth", "born", "födelseår", "född", "fødselsår", "født"], .field(.birthYear))
        add(["title", "job title", "position", "role", "titel", "befattning", "yrke", "tittel", "stilling"], .field(.title))
        add(["employer", "company", "current employer", "arbetsgivare", "företag", "arbeidsgiver", "firma", "bedrift"], .field(.employer))
        add(["country", "country code", "land", "landskod", "landkode"], .field(.country))
        add(["source", "källa", "kilde"], .field(.source))
        add(["source detail", "source details", "källdetalj", "kildedetalj"], .field(.sourceDetail))
        add(["basis", "legal basis", "rättslig grund", "rettslig grunnlag", "behandlingsgrund"], .field(.basis))
        add(["consent channel", "samtyckeskanal", "samtykkekanal"], .field(.consentChannel))
        add(["consent text", "consent", "samtycke", "samtyckestext", "samtykke", "samtykketekst"], .field(.consentText))
        add(["link", "url", "linkedin", "linkedin url", "website", "webbplats", "hemsida", "nettside", "profil", "profile url"], .field(.link))
        add(["cv", "cv text", "resume", "résumé", "meritförteckning"], .field(.cv))
        add(["cover letter", "personligt brev", "søknadsbrev", "søknad"], .field(.coverLetter))
        return map
    }()

    /// A header as the table compares it.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !" -_\t.".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// What a header means, with `overrides` (from `--map`) first.
    public static func meaning(of header: String, overrides: [String: ImportField] = [:]) -> Meaning? {
        if let field = overrides[key(header)] { return .field(field) }
        return table[key(header)]
    }

    /// Parses `--map COLUMN=field` entries; refuses an unknown field, naming the known ones.
    public static func overrides(_ entries: [String]) throws -> [String: ImportField] {
        var map: [String: ImportField] = [:]
        for entry in entries {
            guard let eq = entry.lastIndex(of: "=") else {
                throw ImportProblem(location: "--map", field: entry, message: "write COLUMN=field")
            }
            let column = String(entry[..<eq]), name = String(entry[entry.index(after: eq)...])
            guard let field = ImportField(rawValue: name) else {
                throw ImportProblem(location: "--map", field: entry,
                                    message: "'\(name)' is not a field (\(ImportField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            map[key(column)] = field
        }
        return map
    }
}
