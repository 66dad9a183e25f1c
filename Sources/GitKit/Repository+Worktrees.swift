import CLibGit2
import Foundation

/// A linked worktree of a repository.
public struct Worktree: Sendable, Equatable {
    /// The name under `<git-common-dir>/worktrees/`.
    public var name: String
    /// The working tree's root.
    public var path: String
    /// Whether its administrative files and working tree both exist.
    public var isValid: Bool
    /// Whether it is locked against pruning.
    public var isLocked: Bool
}

extension Repository {
    /// Adds a linked worktree named `name` at `path`, checked out at `revision` with a detached
    /// HEAD, so no branch is created or moved.
    ///
    /// libgit2 1.5 cannot create detached worktrees, so this checks out a temporary branch, then
    /// detaches HEAD and deletes the branch. A stale entry left by an earlier failed add is
    /// cleared first; an empty directory at `path` is reused.
    @discardableResult
    public func addWorktree(name: String, path: String, commit revision: String) throws(GitError) -> Worktree {
        let commitID = try commit(revision).id
        let temporary = "heal-worktree-tmp/\(name)"
        if try branch(temporary) != nil { try deleteBranch(temporary) }
        try createBranch(temporary, at: commitID.hex)
        let worktree: Worktree
        do {
            worktree = try addWorktree(name: name, path: path, branch: temporary)
            let linked = try Repository(discovering: path)
            var oid = commitID.oid
            try check("git_repository_set_head_detached", git_repository_set_head_detached(linked.pointer, &oid))
        } catch {
            try? removeWorktree(name: name)
            try? deleteBranch(temporary)
            throw error
        }
        try deleteBranch(temporary)
        return worktree
    }

    /// Adds a linked worktree named `name` at `path` with the local branch `branch` checked out.
    ///
    /// - Throws: `.branchCheckedOut` when another worktree has the branch; `.exists` when a
    ///   valid worktree of that name exists or `path` is a non-empty directory.
    @discardableResult
    public func addWorktree(name: String, path: String, branch: String) throws(GitError) -> Worktree {
        try clearStaleWorktreeEntry(name)
        try prepareEmptyTarget(path)
        var ref: OpaquePointer?
        let lookup = git_branch_lookup(&ref, pointer, branch, GIT_BRANCH_LOCAL)
        if lookup < 0 {
            var error = GitError.last("git_branch_lookup", lookup)
            error.message = "no local branch '\(branch)' to check out in a worktree: \(error.message)"
            throw error
        }
        defer { git_reference_free(ref) }
        if git_branch_is_checked_out(ref) == 1 {
            throw GitError(kind: .branchCheckedOut, call: "git_worktree_add",
                           message: "branch '\(branch)' is already checked out in another worktree",
                           hint: "remove that worktree or use another branch")
        }
        var options = git_worktree_add_options()
        try check("git_worktree_add_options_init",
                  git_worktree_add_options_init(&options, UInt32(GIT_WORKTREE_ADD_OPTIONS_VERSION)))
        options.ref = ref
        var worktree: OpaquePointer?
        let rc = git_worktree_add(&worktree, pointer, name, path, &options)
        if rc < 0 {
            let error = GitError.last("git_worktree_add", rc)
            // A failed add leaves an empty admin entry behind that would block the next try.
            try? clearStaleWorktreeEntry(name)
            throw error
        }
        defer { git_worktree_free(worktree) }
        return makeWorktree(worktree!, name: name)
    }

    /// The linked worktrees, valid or not, sorted by name.
    public func listWorktrees() throws(GitError) -> [Worktree] {
        var names = git_strarray()
        try check("git_worktree_list", git_worktree_list(&names, pointer))
        defer { git_strarray_dispose(&names) }
        var result: [Worktree] = []
        for index in 0..<names.count {
            guard let cName = names.strings[index] else { continue }
            let name = String(cString: cName)
            var worktree: OpaquePointer?
            if git_worktree_lookup(&worktree, pointer, name) == 0, let worktree {
                result.append(makeWorktree(worktree, name: name))
                git_worktree_free(worktree)
            } else {
                result.append(Worktree(name: name, path: "", isValid: false, isLocked: false))
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Removes the linked worktree `name`: its working tree and its administrative entry.
    /// Does nothing when there is no such worktree.
    public func removeWorktree(name: String) throws(GitError) {
        var worktree: OpaquePointer?
        if git_worktree_lookup(&worktree, pointer, name) == 0, let worktree {
            defer { git_worktree_free(worktree) }
            if let cPath = git_worktree_path(worktree) {
                try? FileManager.default.removeItem(atPath: String(cString: cPath))
            }
            var options = git_worktree_prune_options()
            try check("git_worktree_prune_options_init",
                      git_worktree_prune_options_init(&options, UInt32(GIT_WORKTREE_PRUNE_OPTIONS_VERSION)))
            options.flags = GIT_WORKTREE_PRUNE_VALID.rawValue | GIT_WORKTREE_PRUNE_LOCKED.rawValue
                | GIT_WORKTREE_PRUNE_WORKING_TREE.rawValue
            try check("git_worktree_prune", git_worktree_prune(worktree, &options))
        }
        try clearStaleWorktreeEntry(name)
    }

    /// Removes the administrative entries of worktrees whose working tree is gone (like
    /// `git worktree prune`); returns their names.
    @discardableResult
    public func pruneWorktrees() throws(GitError) -> [String] {
        var pruned: [String] = []
        for worktree in try listWorktrees() where !worktree.isValid && !worktree.isLocked {
            try removeWorktree(name: worktree.name)
            pruned.append(worktree.name)
        }
        return pruned
    }

    private var worktreesAdminDirectory: String { commonDirectory + "/worktrees" }

    /// Deletes `<common>/worktrees/<name>` when it does not describe a live worktree.
    private func clearStaleWorktreeEntry(_ name: String) throws(GitError) {
        let admin = worktreesAdminDirectory + "/" + name
        let fm = FileManager.default
        guard fm.fileExists(atPath: admin) else { return }
        var worktree: OpaquePointer?
        if git_worktree_lookup(&worktree, pointer, name) == 0, let worktree {
            defer { git_worktree_free(worktree) }
            if git_worktree_validate(worktree) == 0 {
                throw GitError(kind: .exists, call: "git_worktree_add",
                               message: "a worktree named '\(name)' already exists",
                               hint: "remove it with `git worktree remove` or pick another name")
            }
        }
        do {
            try fm.removeItem(atPath: admin)
        } catch {
            throw GitError(kind: .other, call: "removeItem", message: "cannot remove stale worktree entry \(admin): \(error)")
        }
    }

    /// libgit2 refuses an existing target directory; an empty one is removed so it can be reused.
    private func prepareEmptyTarget(_ path: String) throws(GitError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let parent = (path as NSString).deletingLastPathComponent
            do { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw GitError(kind: .other, call: "createDirectory", message: "cannot create \(parent): \(error)")
            }
            return
        }
        let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? ["?"]
        guard isDirectory.boolValue, contents.isEmpty else {
            throw GitError(kind: .exists, call: "git_worktree_add", message: "\(path) exists and is not an empty directory",
                           hint: "remove it or choose another path")
        }
        try? fm.removeItem(atPath: path)
    }

    private func makeWorktree(_ worktree: OpaquePointer, name: String) -> Worktree {
        let path = git_worktree_path(worktree).map { Self.trimSlash(String(cString: $0)) } ?? ""
        return Worktree(name: name, path: path,
                        isValid: git_worktree_validate(worktree) == 0 && FileManager.default.fileExists(atPath: path),
                        isLocked: git_worktree_is_locked(nil, worktree) > 0)
    }
}
