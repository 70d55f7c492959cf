import RekryDomain

/// Why a register could not be opened or an operation was refused; every case names what to do.
public enum RegisterError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case alreadyExists(path: String)
    case unreadable(path: String, reason: String)
    case exposed(path: String, mode: String)
    case notARegister(path: String, reason: String)
    case textIndexMissing(path: String, register: String)
    case unknownStaff(username: String)
    case keyMismatch(username: String)
    case notPermitted(action: String, role: String)
    case notFound(what: String)
    /// A record the gate looked for by its id (`candidate 7`), named as a key with arguments; reads
    /// `what: not found` as `notFound` does.
    case missingRecord(Wording)
    case invalid(field: String, message: String)
    case refused(String)
    /// A refusal the gate words as a key with arguments, so each reader gets it in their language (English:
    /// `description`, word for word as `refused` carried it before).
    case refusedBecause(Wording)
    /// A rule a value breaks, worded as a key with arguments; reads `field: message` as `invalid` does.
    case invalidBecause(field: String, Wording)
    /// The storage reported a damaged file (a failing disk, a bad copy): stop and check.
    case damaged(path: String, detail: String)
    /// A file Rekry was asked to write (an export) cannot be written there.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): no register here (create one with: rekry init --db \(path) --admin USERNAME --name \"FULL NAME\" --out IDENTITY_FILE, or a demo with: rekry demo --db \(path))"
        case .alreadyExists(let path):
            "\(path): a file already exists; refusing to overwrite it"
        case .unreadable(let path, let reason):
            "\(path): cannot open the register: \(reason)"
        case .exposed(let path, let mode):
            "\(path): the register is readable or writable by other users (mode \(mode)); fix with: chmod o-rwx \(path) (share it with your team through a Unix group: chgrp TEAM \(path) && chmod 660 \(path))"
        case .notARegister(let path, let reason):
            "\(path): not a Rekry register: \(reason)"
        case .textIndexMissing(let path, let register):
            "\(path): missing: this file holds the full-text index of the register \(register); restore both files from the same backup"
        case .unknownStaff(let username):
            "identity '\(username)' is not on this register's staff (an admin adds staff with: rekry staff add)"
        case .keyMismatch(let username):
            "identity '\(username)': the private key does not match the public key the register holds for that user"
        case .notPermitted(let action, let role):
            "\(action): not permitted for role \(role)"
        case .notFound(let what):
            "\(what): not found"
        case .missingRecord(let what):
            "\(what): not found"
        case .invalid(let field, let message):
            "\(field): \(message)"
        case .refused(let message):
            message
        case .refusedBecause(let wording):
            wording.description
        case .invalidBecause(let field, let wording):
            "\(field): \(wording)"
        case .damaged(let path, let detail):
            "\(path): the register is damaged (\(detail)); stop working on it, run: rekry check, and restore it from a backup"
        case .cannotWrite(let path, let reason):
            "\(path): cannot write the file: \(reason); nothing was written"
        }
    }

    /// The sysexits(3) code a command exits with for this error.
    public var exitCode: Int32 {
        switch self {
        case .missing, .textIndexMissing: 66  // EX_NOINPUT
        case .alreadyExists, .cannotWrite: 73  // EX_CANTCREAT
        case .unreadable, .exposed, .unknownStaff, .keyMismatch: 77  // EX_NOPERM
        case .notARegister, .invalid, .invalidBecause, .notFound, .missingRecord, .damaged: 65  // EX_DATAERR
        case .notPermitted, .refused, .refusedBecause: 1  // refused by policy
        }
    }

    /// The field and English message of a value the rules refuse (`invalid` or `invalidBecause`), else nil.
    public var invalidValue: (field: String, message: String)? {
        switch self {
        case .invalid(let field, let message): (field, message)
        case .invalidBecause(let field, let wording): (field, wording.description)
        default: nil
        }
    }

    /// What was not found (`notFound` or `missingRecord`), in English, else nil.
    public var notFoundWhat: String? {
        switch self {
        case .notFound(let what): what
        case .missingRecord(let what): what.description
        default: nil
        }
    }

    /// The English reason of a refusal (`refused` or `refusedBecause`), else nil.
    public var refusalText: String? {
        switch self {
        case .refused(let message): message
        case .refusedBecause(let wording): wording.description
        default: nil
        }
    }
}
