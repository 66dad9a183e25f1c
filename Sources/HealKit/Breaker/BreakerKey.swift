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
        var slug = ""
        for scalar in test.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let hash = Self.fnv1a64(repository + "\u{0}" + test)
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return (slug.isEmpty ? "test" : String(slug.prefix(60))) + "-" + padded.prefix(10)
    }

    /// FNV-1a, 64 bit: stable across processes and platforms, unlike `Hasher`.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
