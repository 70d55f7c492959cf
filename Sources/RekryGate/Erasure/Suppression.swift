import Crypto
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// Keyed hashes that keep an erased person from being added again, without keeping who they were.
///
/// HMAC-SHA256 under a secret of the register's own, over the normalised email, the phone in its
/// international form, and the folded name with the birth year: a hash cannot be looked up in a list of
/// known addresses without that secret.
enum Suppression {
    static func hash(_ kind: SuppressionEntry.Kind, _ value: String, secret: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind.rawValue):\(value)".utf8), using: SymmetricKey(data: secret))
        return Hashing.hex(mac)
    }

    /// The normalised values of a person's identifying details, by kind.
    static func values(name: String, email: String?, phone: String?, birthYear: Int?, country: String) -> [(SuppressionEntry.Kind, String)] {
        var out: [(SuppressionEntry.Kind, String)] = []
        if let email = email?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty { out.append((.email, email)) }
        if let phone, let number = PhoneNumber(phone, country: country), let international = number.international {
            out.append((.phone, international))
        }
        if let birthYear {
            // As written, and with the words sorted: "Karlsson, Johan" is "Johan Karlsson" (entries made before
            // the sorted form existed still match the first).
            let words = SearchFolding.words(name)
            out.append((.nameBirthYear, words.joined(separator: " ") + "|\(birthYear)"))
            if words.sorted() != words { out.append((.nameBirthYear, words.sorted().joined(separator: " ") + "|\(birthYear)")) }
        }
        return out
    }

    static func entries(for record: CandidateRecord, secret: Data, at: Date) -> [SuppressionEntry] {
        values(name: record.fullName, email: record.email, phone: record.phone, birthYear: record.birthYear, country: record.country)
            .map { SuppressionEntry(hash: hash($0.0, $0.1, secret: secret), kind: $0.0, subject: record.pseudonym, createdAt: at) }
    }

    /// Refuses a person whose details match an erased person's suppression entry.
    static func check(_ s: any StorageSession, name: String, email: String?, phone: String?, birthYear: Int?, country: String) throws {
        let secret = try s.suppressionSecret()
        let hashes = values(name: name, email: email, phone: phone, birthYear: birthYear, country: country).map { hash($0.0, $0.1, secret: secret) }
        if let hit = try s.activeSuppression(hashes: hashes) {
            let what = hit.kind == .nameBirthYear ? "name and birth year" : hit.kind.rawValue
            throw RegisterError.refusedBecause(Wording("gate.suppressed", ["day": "\(DayFormat.day(hit.createdAt))",
                                                                          "what": .term(key: "gate.suppressedKind.\(hit.kind.rawValue)", english: what),
                                                                          "subject": "\(hit.subject)"]))
        }
    }

    /// The hashes a person's details are suppressed under (an import computes them off the writer's thread).
    static func hashes(_ record: CandidateRecord, secret: Data) -> [String] {
        values(name: record.fullName, email: record.email, phone: record.phone, birthYear: record.birthYear,
               country: record.country).map { hash($0.0, $0.1, secret: secret) }
    }

    /// Whether a person's details match an active suppression entry (an import counts these, naming no one).
    static func matches(_ s: any StorageSession, _ record: CandidateRecord, secret: Data) throws -> Bool {
        try s.activeSuppression(hashes: hashes(record, secret: secret)) != nil
    }
}
