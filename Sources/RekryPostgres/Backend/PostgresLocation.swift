import Foundation

/// Where a team register is: a PostgreSQL server (a Unix socket or a host and port), a database and the login
/// to connect as, parsed from a `postgresql://` URL.
///
/// The forms libpq accepts for a socket are taken: `postgresql:///rekry?host=/var/run/postgresql`, and the
/// socket directory percent-encoded as the host, `postgresql://%2Fvar%2Frun%2Fpostgresql/rekry`. Without a
/// host the server's usual socket directory is used. Without a user, the Unix login: on a shared host staff
/// sign in by peer authentication, so the database role *is* the Unix login and no password is stored.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        /// The directory holding the server's socket (`.s.PGSQL.<port>` inside it).
        case socket(directory: String, port: Int)
        case tcp(host: String, port: Int)
    }

    public var endpoint: Endpoint
    public var database: String
    public var user: String
    public var password: String?

    /// Debian's socket directory.
    public static let defaultSocketDirectory = "/var/run/postgresql"

    /// Whether `location` names a PostgreSQL server rather than a file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// Parses a `postgresql://` URL; throws a message naming what is wrong.
    public init(url: String) throws {
        guard Self.isURL(url), let parts = URLComponents(string: url) else {
            throw PostgresLocationError(url: url, problem: "not a postgresql:// URL")
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let known: Set<String> = ["host", "port", "user", "dbname", "password", "sslmode", "application_name"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw PostgresLocationError(url: url, problem: "unknown parameter '\(unknown)'")
        }
        let portText = query["port"] ?? parts.port.map(String.init) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresLocationError(url: url, problem: "'\(portText)' is not a port")
        }
        let host = query["host"] ?? parts.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if host.isEmpty {
            endpoint = .socket(directory: Self.defaultSocketDirectory, port: port)
        } else if host.hasPrefix("/") {
            endpoint = .socket(directory: host, port: port)
        } else {
            endpoint = .tcp(host: host, port: port)
        }
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = query["dbname"] ?? (path.isEmpty ? "rekry" : path)
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresLocationError(url: url, problem: "'\(database)' is not a database name")
        }
        user = query["user"] ?? parts.user ?? Self.unixLogin()
        password = query["password"] ?? parts.password
        if password != nil, case .socket = endpoint {
            // Peer authentication needs none; a password in a URL ends up in shell history and `ps`.
            throw PostgresLocationError(url: url, problem: "a password is not used over the Unix socket (peer authentication)")
        }
    }

    /// The login of the Unix user running this process.
    public static func unixLogin() -> String {
        guard let pw = getpwuid(geteuid()) else { return "postgres" }
        return String(cString: pw.pointee.pw_name)
    }

    /// The same server and database, as another login (tests sign several staff in from one Unix user).
    public func asUser(_ login: String) -> PostgresLocation {
        var copy = self
        copy.user = login
        return copy
    }

    /// The URL without the password, for messages and the status line.
    public var description: String {
        switch endpoint {
        case .socket(let directory, let port):
            let portPart = port == 5432 ? "" : "&port=\(port)"
            return "postgresql:///\(database)?host=\(directory)\(portPart)"
        case .tcp(let host, let port):
            return "postgresql://\(host)\(port == 5432 ? "" : ":\(port)")/\(database)"
        }
    }
}

/// A `postgresql://` URL that cannot be used, with what is wrong with it.
public struct PostgresLocationError: Error, CustomStringConvertible, Equatable {
    public let url: String
    public let problem: String
    public var description: String { "\(url): \(problem)" }
}
