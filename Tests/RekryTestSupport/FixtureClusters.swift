import Foundation

/// One throwaway cluster per raw-SQL test class: made on first use with the class's logins and setup scripts
/// (the register's migrations and the class's fixture), shared by the class's tests, stopped by its tearDown.
/// A setup that failed fails every test of the class with the same error, without trying again.
public enum FixtureClusters {
    nonisolated(unsafe) private static var made: [String: Result<PostgresCluster, any Error>] = [:]
    private static let lock = NSLock()

    /// The cluster of `owner` (a test class's name), made with `logins` and `scripts` when first asked for.
    public static func cluster(for owner: String, logins: [String], scripts: () -> [String]) throws -> PostgresCluster {
        try lock.withLock {
            if let result = made[owner] { return try result.get() }
            let result = Result { () throws -> PostgresCluster in
                let cluster = try PostgresCluster(logins: logins)
                try cluster.setUp(scripts())
                return cluster
            }
            made[owner] = result
            return try result.get()
        }
    }

    /// Stops `owner`'s cluster (its class's tearDown).
    public static func stop(_ owner: String) {
        lock.withLock {
            if case .success(let cluster)? = made[owner] { cluster.stop() }
            made[owner] = nil
        }
    }
}
