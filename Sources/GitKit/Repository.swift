import CLibGit2
import Foundation

/// An open git repository: a working copy, a linked worktree or a bare repository.
///
/// Not `Sendable`: libgit2 objects must not be shared between threads. Open one per task.
public final class Repository {
    let pointer: OpaquePointer
    private let token = LibGit2Token()

    /// Opens the repository that contains `path`, searching upwards like `git` does.
    ///
    /// - Throws: `GitError` with kind `.notARepository` when no repository contains the path.
    public init(discovering path: String) throws(GitError) {
        var repo: OpaquePointer?
        let rc = git_repository_open_ext(&repo, path, 0, nil)
        if rc == GIT_ENOTFOUND.rawValue || repo == nil {
            let exists = FileManager.default.fileExists(atPath: path)
            throw GitError(
                kind: .notARepository, call: "git_repository_open_ext", code: rc,
                message: exists ? "\(path) is not inside a git repository"
                    : "\(path) does not exist",
                hint: "run heal inside a git checkout, or pass a path to one")
        }
        try check("git_repository_open_ext", rc)
        pointer = repo!
    }

    deinit { git_repository_free(pointer) }

    /// The repository's own git directory (for a linked worktree, `.git/worktrees/<name>`).
    public var gitDirectory: String { Self.trimSlash(String(cString: git_repository_path(pointer))) }

    /// The directory shared by all worktrees: where objects, refs and heal's state live.
    public var commonDirectory: String { Self.trimSlash(String(cString: git_repository_commondir(pointer))) }

    /// The working tree's root, or nil for a bare repository.
    public var workingDirectory: String? {
        guard let dir = git_repository_workdir(pointer) else { return nil }
        return Self.trimSlash(String(cString: dir))
    }

    /// Whether this repository has no working tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// Whether this is a shallow clone (history cut off at a depth).
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// Whether HEAD has no commit yet (a new repository, or an unborn branch).
    ///
    /// Not `git_repository_is_empty`: libgit2 1.5 answers false when HEAD names a branch other
    /// than the configured default (`git init -b main` without `init.defaultBranch`).
    public var isEmpty: Bool { git_repository_head_unborn(pointer) == 1 }

    static func trimSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The URL of the named remote as configured (`remote.<name>.url`), or nil when there is
    /// no such remote.
    ///
    /// Read from the config rather than through `git_remote_url`, which applies this machine's
    /// `url.<base>.insteadOf` rewrites: the configured URL is the one that means the same
    /// repository on every machine.
    public func remoteURL(_ name: String = "origin") -> String? {
        configValue("remote.\(name).url")
    }
}

extension Repository {
    /// A configuration value as git reads it (repository, global and system config), or nil.
    public func configValue(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// Where git runs this repository's hooks from (`git rev-parse --git-path hooks`):
    /// `core.hooksPath` when set (relative paths are relative to the working tree's root),
    /// otherwise `<git-common-dir>/hooks`.
    public var hooksDirectory: String {
        guard let configured = configValue("core.hooksPath"), !configured.isEmpty else {
            return commonDirectory + "/hooks"
        }
        let expanded = (configured as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return Self.trimSlash(expanded) }
        let base = workingDirectory ?? gitDirectory
        return Self.trimSlash((base as NSString).appendingPathComponent(expanded))
    }
}
