import CLibGit2

/// One path `git status --porcelain=v1` lists, with its two status letters.
public struct StatusEntry: Sendable, Equatable, Hashable {
    /// The path relative to the working tree's root (the new path, for a rename).
    public var path: String
    /// The index against HEAD: `M` `A` `D` `R` `T`, `U` for a conflict, `?` untracked,
    /// `!` ignored, space when unchanged.
    public var index: Character
    /// The working tree against the index, with the same letters.
    public var workTree: Character

    public init(path: String, index: Character, workTree: Character) {
        self.path = path
        self.index = index
        self.workTree = workTree
    }

    /// The two letters as porcelain v1 prints them (` M`, `??`, `!!`).
    public var code: String { String([index, workTree]) }
}

/// What HEAD of a working tree names.
public enum HeadState: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A branch (`refs/heads/main`), which may not have a commit yet.
    case symbolic(String)
    /// A commit, with no branch.
    case detached(ObjectID)

    /// Whether HEAD names a branch.
    public var isBranch: Bool {
        if case .symbolic = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .symbolic(let name): name
        case .detached(let id): "detached at \(id.short())"
        }
    }
}

extension Repository {
    /// The working tree's status as `git status --porcelain=v1 --untracked-files=all --ignored
    /// --no-renames` lists it: changed, untracked and (with `includeIgnored`) ignored files,
    /// each file of an untracked or ignored directory on its own, sorted by path.
    ///
    /// Read-only: the index on disk is not refreshed or written.
    public func status(includeIgnored: Bool = true) throws(GitError) -> [StatusEntry] {
        var options = git_status_options()
        try check("git_status_options_init", git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        var flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        if includeIgnored {
            flags |= GIT_STATUS_OPT_INCLUDE_IGNORED.rawValue | GIT_STATUS_OPT_RECURSE_IGNORED_DIRS.rawValue
        }
        options.flags = flags
        var list: OpaquePointer?
        try check("git_status_list_new", git_status_list_new(&list, pointer, &options))
        defer { git_status_list_free(list) }
        var entries: [StatusEntry] = []
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position)?.pointee,
                  let path = Self.statusPath(entry) else { continue }
            entries.append(Self.statusEntry(path: path, flags: entry.status.rawValue))
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// What HEAD names in this working tree (a linked worktree has its own HEAD).
    public func headState() throws(GitError) -> HeadState {
        var head: OpaquePointer?
        try check("git_reference_lookup", git_reference_lookup(&head, pointer, "HEAD"))
        defer { git_reference_free(head) }
        if git_reference_type(head) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(head) {
            return .symbolic(String(cString: target))
        }
        guard let oid = git_reference_target(head) else {
            throw GitError(kind: .other, call: "git_reference_target", message: "HEAD names neither a branch nor a commit")
        }
        return .detached(ObjectID(oid.pointee))
    }

    private static func statusPath(_ entry: git_status_entry) -> String? {
        let delta = entry.index_to_workdir ?? entry.head_to_index
        guard let file = delta?.pointee.new_file.path ?? delta?.pointee.old_file.path else { return nil }
        return String(cString: file)
    }

    private static func statusEntry(path: String, flags: UInt32) -> StatusEntry {
        func has(_ flag: git_status_t) -> Bool { flags & flag.rawValue != 0 }
        if has(GIT_STATUS_IGNORED) { return StatusEntry(path: path, index: "!", workTree: "!") }
        if has(GIT_STATUS_WT_NEW) && !has(GIT_STATUS_INDEX_NEW) { return StatusEntry(path: path, index: "?", workTree: "?") }
        if has(GIT_STATUS_CONFLICTED) { return StatusEntry(path: path, index: "U", workTree: "U") }
        let index: Character = has(GIT_STATUS_INDEX_NEW) ? "A" : has(GIT_STATUS_INDEX_MODIFIED) ? "M"
            : has(GIT_STATUS_INDEX_DELETED) ? "D" : has(GIT_STATUS_INDEX_RENAMED) ? "R"
            : has(GIT_STATUS_INDEX_TYPECHANGE) ? "T" : " "
        let workTree: Character = has(GIT_STATUS_WT_MODIFIED) ? "M" : has(GIT_STATUS_WT_DELETED) ? "D"
            : has(GIT_STATUS_WT_RENAMED) ? "R" : has(GIT_STATUS_WT_TYPECHANGE) ? "T" : " "
        return StatusEntry(path: path, index: index, workTree: workTree)
    }
}
