import Foundation

/// Maps the file paths a coverage tool wrote to paths relative to the repository root.
///
/// Tools write paths relative to where they ran (`./src/x.py`, `src/x.py`), absolute under the
/// root, absolute under another checkout (a CI runner's `/home/runner/work/p/p/src/x.py`), or as
/// Go import paths. Absolute paths under the root are cut to the part after it; anything else
/// is matched by its longest suffix that names an existing file in the repository.
public struct PathNormalizer: Sendable {
    /// The repository root, as given and with symlinks resolved (`/tmp` vs `/private/tmp`).
    private let roots: [String]
    private let fileExists: @Sendable (String) -> Bool

    /// - Parameter fileExists: whether a root-relative path is a file of the repository;
    ///   by default, a regular file on disk under `repositoryRoot`.
    public init(repositoryRoot: String, fileExists: (@Sendable (String) -> Bool)? = nil) {
        let root = Self.lexical(repositoryRoot.hasPrefix("/") ? repositoryRoot
                                : FileManager.default.currentDirectoryPath + "/" + repositoryRoot)
        let resolved = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        roots = root == resolved ? [root] : [root, resolved]
        self.fileExists = fileExists ?? { relative in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
    }

    /// The root-relative path for `raw`, or nil when it lies outside the repository.
    ///
    /// - Parameter bases: directories a relative `raw` may be relative to (Cobertura's
    ///   `<source>` elements), tried first; a base only counts if it leads to an existing file.
    public func normalize(_ raw: String, bases: [String] = []) -> String? {
        var path = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if path.hasPrefix("file://") { path.removeFirst("file://".count) }
        if path.contains("\\") && (!path.contains("/") || Self.hasDrive(path)) {
            path = path.replacingOccurrences(of: "\\", with: "/")
        }
        if Self.hasDrive(path) { path = String(path.dropFirst(2)) }
        guard !path.isEmpty else { return nil }
        if path.hasPrefix("/") { return absolute(path) }
        for base in bases where !base.isEmpty {
            let joined = base.hasSuffix("/") ? base + path : base + "/" + path
            if let found = normalize(joined), fileExists(found) { return found }
        }
        let relative = Self.lexical(path)
        if relative.hasPrefix("../") || relative == ".." {
            return existingSuffix(of: relative)
        }
        if relative.isEmpty || relative == "." { return nil }
        if fileExists(relative) { return relative }
        return existingSuffix(of: relative, skippingWhole: true) ?? relative
    }

    private func absolute(_ path: String) -> String? {
        let clean = Self.lexical(path)
        for root in roots {
            if clean == root { return nil }
            let prefix = root == "/" ? "/" : root + "/"
            if clean.hasPrefix(prefix) { return String(clean.dropFirst(prefix.count)) }
        }
        return existingSuffix(of: clean)
    }

    /// The longest trailing run of `path`'s components that names a repository file.
    private func existingSuffix(of path: String, skippingWhole: Bool = false) -> String? {
        let components = path.split(separator: "/").filter { $0 != ".." && $0 != "." }
        for start in (skippingWhole ? 1 : 0)..<max(components.count, 1) where start < components.count {
            let candidate = components[start...].joined(separator: "/")
            if fileExists(candidate) { return candidate }
        }
        return nil
    }

    /// `path` with `.` and `..` resolved without touching the disk; keeps a leading `/`.
    static func lexical(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !isAbsolute { parts.append("..") }
            default: parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : joined
    }

    private static func hasDrive(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(3))
        return scalars.count >= 3 && scalars[0].properties.isAlphabetic && scalars[0].isASCII
            && scalars[1] == ":" && scalars[2] == "/"
    }
}
