import ArgumentParser
import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// A command-line failure that names the problem and carries its sysexits(3) code.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var code: Int32

    static func noInput(_ message: String) -> CommandFailure { CommandFailure(description: message, code: 66) }
    static func badData(_ message: String) -> CommandFailure { CommandFailure(description: message, code: 65) }
    static func cannotCreate(_ message: String) -> CommandFailure { CommandFailure(description: message, code: 73) }
}

/// The exit codes, as the README lists them.
enum ExitStatus {
    /// Prints `error` the way every command does and exits with its sysexits code.
    static func exit(with error: any Error) -> Never {
        let (message, code): (String, Int32)
        switch error {
        case let e as RegisterError: (message, code) = (CLILanguage.current.describe(e), e.exitCode)
        case let e as CommandFailure: (message, code) = (e.description, e.code)
        case let e as IdentityError: (message, code) = ("\(e)", 77)
        case let e as RetentionPolicy.ParseError: (message, code) = (e.description, 65)
        default: RekryCommand.exit(withError: error)
        }
        FileHandle.standardError.write(Data("rekry: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

/// Reading what a command is given: files, dates and enumerations, each refusal naming the argument.
enum CommandInput {
    /// The UTF-8 text of `path`; refuses a missing, unreadable, binary or empty file.
    static func text(of path: String, argument: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure.noInput(say("input.noSuchFile", ["path": path, "argument": argument])) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.noInput(say("input.cannotRead", ["path": path, "argument": argument])) }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") else {
            throw CommandFailure.badData(say("input.notText", ["path": path, "argument": argument]))
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CommandFailure.badData(say("input.empty", ["path": path, "argument": argument])) }
        return text
    }

    /// `YYYY-MM-DD` as the start of that day in UTC.
    static func day(_ text: String, argument: String) throws -> Date {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[0].count == 4,
              (1...12).contains(m), d >= 1, d <= CivilDate.length(ofMonth: m, in: y) else {
            throw ValidationError(say("input.notDate", ["argument": argument, "text": text]))
        }
        return CivilDate(year: y, month: m, day: d).date
    }

    /// A value of a string enumeration, or a message listing the values it can take.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, argument: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: text) else {
            throw ValidationError(say("input.oneOf", ["argument": argument, "values": T.allCases.map(\.rawValue).joined(separator: ", "), "text": text]))
        }
        return v
    }
}

/// Parses a process id argument with a clear message.
struct ProcessID: ExpressibleByArgument {
    var value: Int64
    init?(argument: String) {
        guard let v = Int64(argument), v > 0 else { return nil }
        value = v
    }
    static var defaultValueDescription: String { "a positive process id" }
}
