import Foundation
import GitKit

/// A repository's identity that is the same on every clone and machine, so keys in a shared
/// store agree: the normalized URL of `origin`, or, without one, the root commit.
public enum RepositoryID {
    /// Hosts that treat owner and repository names case-insensitively, so their paths are
    /// lowercased.
    static let caseInsensitiveHosts: Set<String> = ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"]

    /// The id of an open repository: `normalize(remoteURL:)` of origin, else `root:<id>` of its
    /// first root commit.
    ///
    /// - Throws: `RepositoryIDError` when the repository has no origin and no commit yet.
    public static func of(_ repository: Repository) throws -> String {
        if let url = repository.remoteURL("origin"), let id = normalize(remoteURL: url) { return id }
        let path = repository.workingDirectory ?? repository.gitDirectory
        do {
            guard let root = try repository.rootCommits(of: "HEAD").first else { throw RepositoryIDError(path: path) }
            return "root:" + root.hex
        } catch let error as GitError where error.kind == .notFound {
            throw RepositoryIDError(path: path)
        }
    }

    /// Reduces a remote URL to `host/path` with no scheme, credentials, port, query, trailing
    /// slash or `.git`, so `git@github.com:o/r.git`, `ssh://git@github.com:22/o/r` and
    /// `https://token@github.com/O/R.git` all become `github.com/o/r`. Local paths and
    /// `file://` URLs become `file:<path>`. Returns nil for an empty string.
    public static func normalize(remoteURL: String) -> String? {
        let text = remoteURL.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        var host: String
        var path: String
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            var rest = Substring(text[schemeEnd.upperBound...])
            if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
            if scheme == "file" { return "file:" + trimRepositoryPath(String(rest)) }
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            host = String(rest[..<slash])
            path = String(rest[slash...])
        } else if let colon = scpColon(in: text) {
            host = String(text[..<colon])
            path = String(text[text.index(after: colon)...])
        } else {
            return "file:" + trimRepositoryPath(text)
        }
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") { host = String(host[..<colon]) }
        host = host.lowercased()
        path = trimRepositoryPath(path)
        while path.hasPrefix("/") { path.removeFirst() }
        if path.hasPrefix("~") { path.removeFirst() }
        if caseInsensitiveHosts.contains(host) { path = path.lowercased() }
        return path.isEmpty ? host : host + "/" + path
    }

    /// The colon of an scp-like `[user@]host:path`, as git defines it: a colon before any
    /// slash (otherwise it is a local path such as `./a:b`).
    private static func scpColon(in text: String) -> String.Index? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        if let slash = text.firstIndex(of: "/"), slash < colon { return nil }
        return colon == text.startIndex ? nil : colon
    }

    private static func trimRepositoryPath(_ raw: String) -> String {
        var path = raw
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(".git") { path.removeLast(4) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// The repository has neither an origin remote nor a commit to identify it by.
public struct RepositoryIDError: UserInputError {
    public var path: String
    public var description: String {
        "\(path): cannot identify the repository: it has no `origin` remote and no commit yet; add a remote (`git remote add origin URL`) or make a first commit"
    }
}
