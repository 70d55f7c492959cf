import Foundation
import GRDB
import RekryStorage

extension SQLiteSession {
    func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM registerInfo WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, _ value: String?) throws {
        if let value {
            try db.execute(sql: "INSERT INTO registerInfo (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM registerInfo WHERE key = ?", arguments: [key])
        }
    }

    func candidateIds(after: Int64, limit: Int) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM candidate WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, limit])
    }
}
