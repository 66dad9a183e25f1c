import GitKit

/// A repository's identity and its open store: what the status and breaker commands, and the
/// pipeline, work with.
public struct RepositoryStore: Sendable {
    /// The stable id keys are made of (see `RepositoryID`).
    public var repositoryID: String
    /// The git common dir, where heal's local state lives.
    public var commonDirectory: String
    /// The working tree root; nil in a bare repository.
    public var workingDirectory: String?
    public var store: any HealStore

    /// Opens the repository containing `path` and its store: the one `setting` names
    /// (`sqlite`, `sqlite:PATH` or a `postgres://` URL), else the `store:` of the configuration
    /// (`configPath`, or `.heal.yml` at the root; SQLite when neither sets one).
    public static func open(path: String, setting: String? = nil, configPath: String? = nil) async throws -> RepositoryStore {
        let repository = try Repository(discovering: path)
        let id = try RepositoryID.of(repository)
        let common = repository.commonDirectory
        let workingDirectory = repository.workingDirectory
        let store: any HealStore
        if let setting {
            store = try await StoreFactory.open(setting: setting, commonDirectory: common)
        } else {
            let config = try HealConfig.load(configPath: configPath, repositoryRoot: workingDirectory ?? common)
            store = try await StoreFactory.open(config.store, commonDirectory: common)
        }
        return RepositoryStore(repositoryID: id, commonDirectory: common, workingDirectory: workingDirectory, store: store)
    }

    /// The key of `test` in this repository.
    public func key(test: String) -> BreakerKey { BreakerKey(repository: repositoryID, test: test) }
}
