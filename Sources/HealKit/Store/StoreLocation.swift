import Foundation

/// Where heal keeps its state, from the `store:` setting.
public enum StoreLocation: Sendable, Equatable {
    /// A SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database URL (`postgres://user:password@host:port/db?sslmode=…`).
    case postgres(url: String)

    /// The default SQLite file of a repository: `<git-common-dir>/heal/heal.sqlite`.
    public static func defaultSQLitePath(commonDirectory: String) -> String {
        commonDirectory + "/heal/heal.sqlite"
    }

    /// Reads a `store:` value: `sqlite` (or empty) for the repository's default file,
    /// `sqlite:PATH` for another file, or a `postgres://` / `postgresql://` URL.
    public static func parse(_ value: String, commonDirectory: String) throws(StoreError) -> StoreLocation {
        let text = value.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "sqlite" { return .sqlite(path: defaultSQLitePath(commonDirectory: commonDirectory)) }
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            _ = try PostgresURL(text)
            return .postgres(url: text)
        }
        if lower.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw badValue(text) }
            if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
            return .sqlite(path: path)
        }
        throw badValue(text)
    }

    /// The location as it can be printed: a PostgreSQL password is replaced by `***`.
    public var redacted: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresURL.redact(url)
        }
    }

    private static func badValue(_ text: String) -> StoreError {
        StoreError(location: PostgresURL.redact(text),
                   problem: "not a store setting: expected `sqlite`, `sqlite:PATH` or a `postgres://user@host/db` URL",
                   fix: "set `store:` in .heal.yml (or --store) to one of those")
    }
}
