import Foundation
import PostgresNIO
import RekryDomain
import RekryStorage

/// The register's settings (`rekry.register_info`): every member reads them; the server lets the DPO write
/// them, and an admin only while the register holds no candidate (migration "v3 candidates").
extension PostgresSession {
    func setting(_ key: String) throws -> String? {
        try value("SELECT value FROM rekry.register_info WHERE key = \(key)", as: String.self)
    }

    func setSetting(_ key: String, _ value: String?) throws {
        if let value {
            try run("""
                INSERT INTO rekry.register_info (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
        } else {
            try run("DELETE FROM rekry.register_info WHERE key = \(key)")
        }
    }

    /// Among the candidates the login may list (all of them for recruiters, leads and the DPO; none for an admin).
    func candidateIds(after: Int64, limit: Int) throws -> [Int64] {
        try values("SELECT id FROM rekry.candidate WHERE id > \(after) ORDER BY id LIMIT \(Int64(limit))")
    }
}
