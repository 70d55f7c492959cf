import Crypto
import Foundation

/// A staff member's private identity: their username, the X25519 key that proves it and opens reports, and
/// the fingerprint of the register's root admin key it was issued under.
///
/// The register holds only the public halves. The file is written with mode 0600. The Ed25519 key that
/// signs the member's statements is derived from the X25519 key (`Signing.signingKey(from:)`).
public struct Identity: Sendable {
    public var username: String
    public var privateKey: Curve25519.KeyAgreement.PrivateKey
    /// The root admin's signing-key fingerprint pinned when the file was issued; nil in files from before
    /// staff records were signed (release 0.4), which are trusted on the roster they find.
    public var registerRoot: String?
    /// The key that signs this member's staff records, grants and audit entries.
    public let signingKey: Curve25519.Signing.PrivateKey

    public init(username: String, privateKey: Curve25519.KeyAgreement.PrivateKey = .init(), registerRoot: String? = nil) {
        self.username = username
        self.privateKey = privateKey
        self.registerRoot = registerRoot
        self.signingKey = Signing.signingKey(from: privateKey)
    }

    /// The public key the register stores for this identity.
    public var publicKey: Data { privateKey.publicKey.rawRepresentation }
    /// The public signing key the register stores for this identity.
    public var signingPublicKey: Data { signingKey.publicKey.rawRepresentation }

    static let header = "rekry-identity v2"
    static let headerV1 = "rekry-identity v1"

    /// The file's text.
    public var fileText: String {
        var text = "\(Identity.header)\nusername: \(username)\nprivate-key: \(privateKey.rawRepresentation.base64EncodedString())\n"
        if let registerRoot { text += "register-root: \(registerRoot)\n" }
        return text
    }

    /// Writes the identity to `path` with mode 0600, refusing to overwrite an existing file.
    public func write(to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "the file already exists" : String(cString: strerror(errno))
            throw IdentityError(path: path, line: nil, message: "cannot write identity: \(reason)")
        }
        defer { close(fd) }
        let bytes = Array(fileText.utf8)
        guard Foundation.write(fd, bytes, bytes.count) == bytes.count else {
            throw IdentityError(path: path, line: nil, message: "cannot write identity: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads and checks an identity file: it must exist, be readable by its owner only, and parse.
    public static func load(from path: String) throws -> Identity {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw IdentityError(path: path, line: nil, message: "no identity file here (set --identity or REKRY_IDENTITY, or ask an admin for one)")
        }
        // A folder is never an identity: advice to chmod it would take the folder from everyone else.
        if st.st_mode & S_IFMT == S_IFDIR {
            throw IdentityError(path: path, line: nil, message: "a folder, not an identity file: give the file itself (--identity FOLDER/NAME.identity)")
        }
        if st.st_mode & 0o077 != 0 {
            throw IdentityError(path: path, line: nil, message: String(format: "identity file is readable by others (mode %o); fix with: chmod 600 %@", st.st_mode & 0o777, path))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw IdentityError(path: path, line: nil, message: "cannot read identity file (permission denied or not UTF-8)")
        }
        return try parse(text, path: path)
    }

    /// Parses an identity file's text; errors name the line and the field.
    public static func parse(_ text: String, path: String) throws -> Identity {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header || lines.first == headerV1 else {
            throw IdentityError(path: path, line: 1, message: "expected '\(header)'")
        }
        var username: String?
        var key: Curve25519.KeyAgreement.PrivateKey?
        var root: String?
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw IdentityError(path: path, line: i + 1, message: "expected 'field: value'")
            }
            let field = String(line[..<colon])
            // Trimmed in Swift: the Foundation (NSString) version costs the first screen a bridge.
            let value = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
                .reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
            switch field {
            case "username":
                guard !value.isEmpty else { throw IdentityError(path: path, line: i + 1, message: "username: empty") }
                username = value
            case "private-key":
                guard let raw = Data(base64Encoded: value),
                      let k = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
                    throw IdentityError(path: path, line: i + 1, message: "private-key: not a base64 X25519 key")
                }
                key = k
            case "register-root":
                guard value.count == 64, value.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                    throw IdentityError(path: path, line: i + 1, message: "register-root: not a 64-digit lower-case hex fingerprint")
                }
                root = value
            default:
                throw IdentityError(path: path, line: i + 1, message: "unknown field '\(field)'")
            }
        }
        guard let username else { throw IdentityError(path: path, line: nil, message: "username: missing") }
        guard let key else { throw IdentityError(path: path, line: nil, message: "private-key: missing") }
        return Identity(username: username, privateKey: key, registerRoot: root)
    }
}

/// An identity file that cannot be used, naming the file and, where it applies, the line.
public struct IdentityError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}
