/// The register's own settings (`registerInfo`): the firm's country and the like.
public protocol RegisterInfoReading {
    /// The value under `key`, nil when none is set.
    func registerInfo(key: String) throws -> String?
}
