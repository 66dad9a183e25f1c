import CLibGit2
import Foundation

extension Repository {
    /// Adds gitignore-style `patterns` (`__pycache__/`, `*.pyc`, …) to the ignore rules of this
    /// handle, on top of the `.gitignore` files, `info/exclude` and `core.excludesFile`.
    ///
    /// In memory, this handle only: nothing is written to the repository, other handles (and
    /// `git` itself) do not see them, and they last as long as this `Repository`.
    public func addIgnoreRules(_ patterns: [String]) throws(GitError) {
        let rules = patterns.filter { !$0.isEmpty }
        guard !rules.isEmpty else { return }
        try check("git_ignore_add_rule", git_ignore_add_rule(pointer, rules.joined(separator: "\n")))
    }

    /// Whether the ignore rules of this repository (and this handle's added rules) ignore
    /// `path`, a file path relative to the working tree's root, or a file under an ignored
    /// directory. Whether the path is tracked plays no part.
    public func isIgnored(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try check("git_ignore_path_is_ignored", git_ignore_path_is_ignored(&ignored, pointer, path))
        return ignored == 1
    }

    /// A repository made in the empty directory `directory` only to answer `isIgnored` with
    /// exactly the given rules: the `.gitignore` files in `ignoreFiles` (path → contents, as
    /// some tree holds them) plus `rules`. The user's global excludes file is switched off in
    /// its config, and its `info/exclude` is empty, so nothing else decides.
    public static func ignoreJudge(in directory: String, ignoreFiles: [String: Data],
                                   rules: [String]) throws(GitError) -> Repository {
        // No Repository may be alive yet to keep libgit2 initialised.
        let token = LibGit2Token()
        defer { withExtendedLifetime(token) {} }
        var raw: OpaquePointer?
        try check("git_repository_init", git_repository_init(&raw, directory, 0))
        git_repository_free(raw)
        let judge = try Repository(discovering: directory)
        let empty = judge.gitDirectory + "/heal-no-excludes"
        do {
            try Data().write(to: URL(fileURLWithPath: empty))
            try Data().write(to: URL(fileURLWithPath: judge.gitDirectory + "/info/exclude"))
            for (path, contents) in ignoreFiles {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url)
            }
        } catch {
            throw GitError(kind: .other, call: "ignoreJudge", message: "cannot prepare \(directory): \(error)")
        }
        var config: OpaquePointer?
        try check("git_repository_config", git_repository_config(&config, judge.pointer))
        defer { git_config_free(config) }
        try check("git_config_set_string", git_config_set_string(config, "core.excludesFile", empty))
        // A fresh handle reads the config just written.
        let fresh = try Repository(discovering: directory)
        try fresh.addIgnoreRules(rules)
        return fresh
    }
}
