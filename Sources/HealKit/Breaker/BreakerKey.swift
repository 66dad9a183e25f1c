/// What a circuit breaker counts for: one failing test in one repository.
///
/// The repository part is a `RepositoryID`, so a shared store's keys mean the same thing on
/// every clone and machine.
public struct BreakerKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable repository id (see `RepositoryID`).
    public var repository: String
    /// The test id as the project's runner names it.
    public var test: String

    public init(repository: String, test: String) {
        self.repository = repository
        self.test = test
    }

    public var description: String { "\(repository) \(test)" }

    /// A file-name-safe name for this key (a readable slug of the test id plus a hash of the
    /// whole key), used for ticket files: distinct keys never share a name in practice, and the
    /// same key always gets the same name.
    public var fileName: String {
        let slug = Slug.dashed(test)
        let hash = Slug.fnv1a64(repository + "\u{0}" + test)
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return (slug.isEmpty ? "test" : String(slug.prefix(60))) + "-" + padded.prefix(10)
    }
}
