import Foundation
import RekryCrypto
import RekryDomain
import RekryStorage

/// An opened register: a storage backend that nobody can read from until `signIn` proves who is acting.
///
/// Backends (SQLite, PostgreSQL) are opened by `RekryBackends`; this type and the `Gate` it hands out are
/// the same whichever backend is underneath.
public final class Register: Sendable {
    public let backend: any StorageBackend

    public init(backend: any StorageBackend) { self.backend = backend }

    /// Where the register is (a file path, or a server's name), for messages and the status line.
    public var location: String { backend.location }

    /// Proves `identity` against the staff table and returns the gate that acts as that staff member.
    public func signIn(_ identity: Identity, clock: any TimeSource = SystemTime()) throws -> Gate {
        let account = try backend.read { try $0.staff(username: identity.username) }
        guard let account else { throw RegisterError.unknownStaff(username: identity.username) }
        guard account.publicKey == identity.publicKey else { throw RegisterError.keyMismatch(username: identity.username) }
        return Gate(register: self, actor: account.member, identity: identity, clock: clock)
    }

    /// The number of candidates, from the counter the backend keeps (never a scan).
    public func candidateCount() throws -> Int { try backend.candidateCount() }
}
