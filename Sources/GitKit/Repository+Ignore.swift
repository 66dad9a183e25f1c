import CLibGit2

extension Repository {
    /// Adds gitignore-style `patterns` (`__pycache__/`, `*.pyc`, …) to the ignore rules of this
    /// handle, on top of `.gitignore`, `.git/info/exclude` and `core.excludesFile`.
    ///
    /// In memory, this handle only: nothing is written to the repository, other handles (and
    /// `git` itself) do not see them, and they last as long as this `Repository`. Everything
    /// that reads untracked files through this handle honours them — `workingTreeDiff`,
    /// `status`, `commitAll` — so files a test run leaves behind can be kept out of a change
    /// without touching the user's ignore files. Like any ignore rule, they never hide a file
    /// that is tracked.
    public func addIgnoreRules(_ patterns: [String]) throws(GitError) {
        let rules = patterns.filter { !$0.isEmpty }
        guard !rules.isEmpty else { return }
        try check("git_ignore_add_rule", git_ignore_add_rule(pointer, rules.joined(separator: "\n")))
    }
}
