import CLibGit2

/// A local branch.
public struct Branch: Sendable, Equatable {
    /// The short name (`heal/test-x-1a2b3c4`).
    public var name: String
    /// The commit the branch points at.
    public var target: ObjectID
    /// Whether some worktree (the main one or a linked one) has it checked out.
    public var isCheckedOut: Bool
}

extension Repository {
    /// Creates the local branch `name` at `revision`. With `force`, moves an existing branch.
    ///
    /// - Throws: `.exists` when the branch exists and `force` is false;
    ///   `.branchCheckedOut` when `force` would move a branch checked out in a worktree.
    @discardableResult
    public func createBranch(_ name: String, at revision: String, force: Bool = false) throws(GitError) -> Branch {
        let target = try lookupCommitObject(revision)
        defer { git_commit_free(target) }
        var ref: OpaquePointer?
        let rc = git_branch_create(&ref, pointer, name, target, force ? 1 : 0)
        if rc < 0 {
            var error = GitError.last("git_branch_create", rc)
            if error.kind == .exists {
                error.message = "branch '\(name)' already exists"
                error.hint = "delete it or choose another name"
            } else if force, error.message.contains("checked out") || error.message.contains("HEAD") {
                error.kind = .branchCheckedOut
                error.hint = "branch '\(name)' is checked out in a worktree; remove that worktree first"
            }
            throw error
        }
        defer { git_reference_free(ref) }
        return try makeBranch(ref!, name: name)
    }

    /// The local branch `name`, or nil when there is none.
    public func branch(_ name: String) throws(GitError) -> Branch? {
        var ref: OpaquePointer?
        let rc = git_branch_lookup(&ref, pointer, name, GIT_BRANCH_LOCAL)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_branch_lookup", rc)
        defer { git_reference_free(ref) }
        return try makeBranch(ref!, name: name)
    }

    /// The local branches whose names start with `prefix`, sorted by name.
    public func branches(prefix: String = "") throws(GitError) -> [Branch] {
        var iterator: OpaquePointer?
        try check("git_branch_iterator_new", git_branch_iterator_new(&iterator, pointer, GIT_BRANCH_LOCAL))
        defer { git_branch_iterator_free(iterator) }
        var result: [Branch] = []
        var ref: OpaquePointer?
        var type = GIT_BRANCH_LOCAL
        while true {
            let rc = git_branch_next(&ref, &type, iterator)
            if rc == GIT_ITEROVER.rawValue { break }
            try check("git_branch_next", rc)
            defer { git_reference_free(ref) }
            var namePointer: UnsafePointer<CChar>?
            try check("git_branch_name", git_branch_name(&namePointer, ref))
            let name = String(cString: namePointer!)
            if name.hasPrefix(prefix) { result.append(try makeBranch(ref!, name: name)) }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Deletes the local branch `name`.
    ///
    /// - Throws: `.notFound` when there is no such branch; `.branchCheckedOut` when a worktree
    ///   has it checked out.
    public func deleteBranch(_ name: String) throws(GitError) {
        var ref: OpaquePointer?
        let rc = git_branch_lookup(&ref, pointer, name, GIT_BRANCH_LOCAL)
        if rc < 0 {
            var error = GitError.last("git_branch_lookup", rc)
            if error.kind == .notFound { error.message = "no branch named '\(name)'" }
            throw error
        }
        defer { git_reference_free(ref) }
        if git_branch_is_checked_out(ref) == 1 {
            throw GitError(kind: .branchCheckedOut, call: "git_branch_delete",
                           message: "branch '\(name)' is checked out in a worktree",
                           hint: "remove that worktree (or check out another branch there) first")
        }
        try check("git_branch_delete", git_branch_delete(ref))
    }

    private func makeBranch(_ ref: OpaquePointer, name: String) throws(GitError) -> Branch {
        var resolved: OpaquePointer?
        try check("git_reference_resolve", git_reference_resolve(&resolved, ref))
        defer { git_reference_free(resolved) }
        guard let oid = git_reference_target(resolved) else {
            throw GitError(kind: .other, call: "git_reference_target", message: "branch '\(name)' has no target")
        }
        return Branch(name: name, target: ObjectID(oid.pointee), isCheckedOut: git_branch_is_checked_out(ref) == 1)
    }
}

extension Repository {
    /// Every reference (`refs/heads/…`, `refs/tags/…`, `refs/notes/…`, `refs/remotes/…`,
    /// `refs/stash`, …), loose or packed, by full name, with what it names: a commit (or other
    /// object) or, for a symbolic reference, the name it points at.
    public func references() throws(GitError) -> [String: HeadState] {
        var iterator: OpaquePointer?
        try check("git_reference_iterator_new", git_reference_iterator_new(&iterator, pointer))
        defer { git_reference_iterator_free(iterator) }
        var result: [String: HeadState] = [:]
        var ref: OpaquePointer?
        while true {
            let rc = git_reference_next(&ref, iterator)
            if rc == GIT_ITEROVER.rawValue { break }
            try check("git_reference_next", rc)
            defer { git_reference_free(ref) }
            let name = String(cString: git_reference_name(ref))
            if git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(ref) {
                result[name] = .symbolic(String(cString: target))
            } else if let oid = git_reference_target(ref) {
                result[name] = .detached(ObjectID(oid.pointee))
            }
        }
        return result
    }
}
