import CLibGit2
import Foundation

extension Repository {
    /// Resets this linked worktree to `revision` with a detached HEAD: tracked files restored,
    /// untracked files removed (ignored ones kept, so build caches survive).
    ///
    /// Refuses anything but a linked worktree, so it can never touch a user's main checkout.
    public func forceCheckoutDetached(_ revision: String) throws(GitError) {
        guard isLinkedWorktree else {
            throw GitError(kind: .other, call: "forceCheckoutDetached",
                           message: "refusing to force a checkout in \(workingDirectory ?? gitDirectory): it is not a linked worktree")
        }
        let target = try lookupCommitObject(revision)
        defer { git_commit_free(target) }
        var options = git_checkout_options()
        try check("git_checkout_options_init", git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue
        try check("git_checkout_tree", git_checkout_tree(pointer, target, &options))
        try check("git_repository_set_head_detached", git_repository_set_head_detached(pointer, git_commit_id(target)))
    }

    /// The working tree's state against `revision`'s tree: committed, staged, unstaged and
    /// untracked changes together (ignored files excluded) — what an agent changed, whether it
    /// committed or not.
    public func workingTreeDiff(against revision: String, options: DiffOptions = DiffOptions()) throws(GitError) -> [FileDiff] {
        let base = try commit(revision)
        let tree = try lookupTree(base.treeID)
        defer { git_tree_free(tree) }
        var opts = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        opts.context_lines = UInt32(max(0, options.contextLines))
        opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_INDENT_HEURISTIC.rawValue | GIT_DIFF_INCLUDE_UNTRACKED.rawValue
            | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
        var diff: OpaquePointer?
        try check("git_diff_tree_to_workdir", git_diff_tree_to_workdir(&diff, pointer, tree, &opts))
        defer { git_diff_free(diff) }
        if options.detectRenames {
            var find = git_diff_find_options()
            try check("git_diff_find_options_init", git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
            find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_FOR_UNTRACKED.rawValue
                | GIT_DIFF_FIND_DONT_IGNORE_WHITESPACE.rawValue
            try check("git_diff_find_similar", git_diff_find_similar(diff, &find))
        }
        return try collectFiles(diff!, includeLines: options.includeLines)
    }

    /// Stages every change in the working tree (untracked files included, ignored ones not) and
    /// commits it on HEAD with `message`; returns the new commit's id.
    ///
    /// - Throws: when there is nothing to commit.
    @discardableResult
    public func commitAll(message: String, author: Signature) throws(GitError) -> ObjectID {
        var index: OpaquePointer?
        try check("git_repository_index", git_repository_index(&index, pointer))
        defer { git_index_free(index) }
        var all = git_strarray()
        try check("git_index_add_all", git_index_add_all(index, &all, 0, nil, nil))
        try check("git_index_update_all", git_index_update_all(index, &all, nil, nil))
        try check("git_index_write", git_index_write(index))
        var treeOID = git_oid()
        try check("git_index_write_tree", git_index_write_tree(&treeOID, index))
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, pointer, &treeOID))
        defer { git_tree_free(tree) }
        let parent = try lookupCommitObject("HEAD")
        defer { git_commit_free(parent) }
        if git_oid_equal(git_commit_tree_id(parent), &treeOID) == 1 {
            throw GitError(kind: .other, call: "commitAll", message: "nothing to commit: the working tree matches HEAD")
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try check("git_signature_new",
                  git_signature_new(&signature, author.name, author.email, git_time_t(author.time.timeIntervalSince1970), 0))
        defer { git_signature_free(signature) }
        var commitOID = git_oid()
        var parents: [OpaquePointer?] = [parent]
        let rc = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitOID, pointer, "HEAD", signature, signature, nil, message, tree, 1, buffer.baseAddress)
        }
        try check("git_commit_create", rc)
        return ObjectID(commitOID)
    }
}
