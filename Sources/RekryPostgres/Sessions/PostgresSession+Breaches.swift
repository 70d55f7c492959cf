import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

extension PostgresSession {
    func insertBreach(_ breach: BreachRecord) throws -> Int64 {
        throw PostgresSession.notYet(#function)
    }
    func breach(id: Int64) throws -> BreachRecord? {
        throw PostgresSession.notYet(#function)
    }
    func breaches() throws -> [BreachRecord] {
        throw PostgresSession.notYet(#function)
    }
    func insertBreachAffected(_ affected: BreachAffectedRecord) throws {
        throw PostgresSession.notYet(#function)
    }
    func breachAffected(breachId: Int64) throws -> [BreachAffectedRecord] {
        throw PostgresSession.notYet(#function)
    }
    func markBreachNotified(id: Int64, at: Date) throws {
        throw PostgresSession.notYet(#function)
    }
    func updateBreachTexts(id: Int64, what: String, measures: String) throws {
        throw PostgresSession.notYet(#function)
    }
}
