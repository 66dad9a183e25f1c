import Foundation

/// A real git repository in a temp directory, driven with the `git` command line, so tests
/// check heal against what git itself does.
public final class TempRepo: @unchecked Sendable {
    /// The working tree's root (real path, no symlinks).
    public let path: String

    /// Creates and initialises a repository (branch `main`, a fixed identity, no hooks or
    /// templates from the machine's git config).
    public init(bare: Bool = false, prefix: String = "repo") throws {
        path = try TempDir.make(prefix: prefix)
        var args = ["git", "init", "-q", "-b", "main", "--template="]
        if bare { args.append("--bare") }
        args.append(path)
        try Shell.check(args)
        try git("config", "user.name", "Heal Test")
        try git("config", "user.email", "test@heal.invalid")
        try git("config", "commit.gpgsign", "false")
    }

    /// Wraps an existing directory (a clone, say).
    public init(existing path: String) { self.path = path }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Runs git in the repository and returns its standard output; throws if git fails.
    @discardableResult
    public func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        try git(arguments, environment: environment)
    }

    @discardableResult
    public func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        var env = environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_AUTHOR_DATE"] = env["GIT_AUTHOR_DATE"] ?? "2026-01-01T00:00:00Z"
        env["GIT_COMMITTER_DATE"] = env["GIT_COMMITTER_DATE"] ?? "2026-01-01T00:00:00Z"
        return try Shell.check(["git"] + arguments, in: path, environment: env)
    }

    /// Writes a file (creating folders) relative to the root.
    public func write(_ relative: String, _ contents: String) throws {
        try write(relative, Data(contents.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Reads a file relative to the root.
    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Stages everything and commits; returns the new commit id.
    @discardableResult
    public func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try head()
    }

    /// The full id of HEAD (or of `revision`).
    public func head(_ revision: String = "HEAD") throws -> String {
        try git("rev-parse", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What heal must never leave behind: linked worktrees of the repository, and scratch
    /// directories under `<git-dir>/heal/work/`. Empty when all is clean.
    public func scratchLeftovers() throws -> [String] {
        let worktrees = try git("worktree", "list", "--porcelain").split(separator: "\n")
            .filter { $0.hasPrefix("worktree ") }.dropFirst().map(String.init)
        let work = (try? FileManager.default.contentsOfDirectory(atPath: path + "/.git/heal/work")) ?? []
        return worktrees + work.map { "heal/work/" + $0 }
    }

    /// A fingerprint of what the user sees: HEAD, the branch, the index and the working tree
    /// (tracked and untracked files). Tests compare it before and after heal runs.
    public func userStateFingerprint() throws -> String {
        let head = (try? git("rev-parse", "HEAD")) ?? "no HEAD"
        let branch = (try? git("symbolic-ref", "-q", "HEAD")) ?? "detached"
        let index = try git("ls-files", "-s")
        let status = try git("status", "--porcelain=v1", "--untracked-files=all", "--ignored")
        let refs = try git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/main")
        return [head, branch, index, status, refs].joined(separator: "\n--\n")
    }
}
