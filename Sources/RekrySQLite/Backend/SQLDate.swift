import Foundation

/// Dates are stored as REAL seconds since 1970 (UTC): compact, ordered, and cheap to compare in indexes.
extension Date {
    var sql: Double { timeIntervalSince1970 }
    init(sql: Double) { self.init(timeIntervalSince1970: sql) }
}

extension Optional where Wrapped == Double {
    var date: Date? { map { Date(timeIntervalSince1970: $0) } }
}
