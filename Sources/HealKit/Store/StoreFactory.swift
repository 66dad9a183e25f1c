import GitKit

/// Opens the store a `store:` setting names.
public enum StoreFactory {
    /// Opens the store at `location`, creating and migrating it as needed.
    public static func open(_ location: StoreLocation) async throws -> any HealStore {
        switch location {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let url): try await PostgresStore.connect(url: url)
        }
    }

    /// Opens the store a loaded configuration names, in the repository whose git common dir is
    /// `commonDirectory`.
    public static func open(_ setting: HealConfig.Store, commonDirectory: String) async throws -> any HealStore {
        switch setting {
        case .sqlite: try await open(.sqlite(path: StoreLocation.defaultSQLitePath(commonDirectory: commonDirectory)))
        case .postgres(let url): try await open(.postgres(url: url))
        }
    }

    /// Opens the store for a `store:` value (`sqlite`, `sqlite:PATH` or a `postgres://` URL)
    /// in the repository whose git common dir is `commonDirectory` (see
    /// `Repository.commonDirectory`), where the default SQLite file lives.
    public static func open(setting: String, commonDirectory: String) async throws -> any HealStore {
        try await open(StoreLocation.parse(setting, commonDirectory: commonDirectory))
    }
}
