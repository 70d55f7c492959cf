import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func setting(_ key: String) throws -> String? {
        throw PostgresSession.notYet(#function)
    }
    func setSetting(_ key: String, _ value: String?) throws {
        throw PostgresSession.notYet(#function)
    }
    func candidateIds(after: Int64, limit: Int) throws -> [Int64] {
        throw PostgresSession.notYet(#function)
    }
}
