import Foundation
import GRDB
import RekryDomain
import RekryStorage

/// One transaction on the register's connection, seen through the storage capabilities.
///
/// Each capability is implemented in a file of its own (`SQLiteSession+Candidates` and so on); rows are
/// decoded into plain records in `RowDecoding`.
struct SQLiteSession: StorageSession {
    let db: Database
    /// The full-text work of a transaction opened for indexing text; nil in every other.
    var text: TextIndexWork? = nil
}
